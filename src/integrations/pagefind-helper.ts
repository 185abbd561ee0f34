/**
 * A helper of the search index build (`indexLibrary`): indexes the documents named on its
 * standard input, as JSON, on a Pagefind service of its own, and writes what it made to its
 * standard output. Started by `indexLibrary` as `node --import tsx pagefind-helper.ts <site>`.
 */
import { text } from 'node:stream/consumers';
import * as pagefind from 'pagefind';
import { indexDocuments, sendDocuments } from './pagefind';

const siteDir = process.argv[2];
if (!siteDir) throw new Error('pagefind-helper: the built site folder is missing');
try {
  const docs = JSON.parse(await text(process.stdin)) as string[];
  process.stdout.write(sendDocuments(await indexDocuments(siteDir, docs)));
} finally {
  await pagefind.close();
}
