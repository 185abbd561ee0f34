/**
 * A helper of the search index build: indexes the documents named on its standard input, one
 * per line, on a Pagefind service of its own as they come (while the site may still be writing
 * other pages); once its input ends, completes their search information files and writes what
 * it made to its standard output. Started by `startHelper` as
 * `node --import tsx pagefind-helper.ts <site>`; a failure is its last line on standard error.
 */
import { createInterface } from 'node:readline';
import * as pagefind from 'pagefind';
import {
  describeIndexed,
  indexPages,
  limiter,
  PARALLEL_DOCUMENTS,
  sendDocuments,
  type IndexedPages,
} from './pagefind';

const siteDir = process.argv[2];
try {
  if (!siteDir) throw new Error('the built site folder is missing');
  const limit = limiter(PARALLEL_DOCUMENTS);
  const indexing: Promise<IndexedPages>[] = [];
  for await (const line of createInterface({ input: process.stdin })) {
    const doc = line.trim();
    if (!doc) continue;
    const indexed = limit(() => indexPages(siteDir, doc));
    // Awaited below with the others; a failure meanwhile is not unhandled.
    indexed.catch(() => undefined);
    indexing.push(indexed);
  }
  const indexed = await Promise.all(indexing);
  process.stdout.write(sendDocuments(indexed.map((each) => describeIndexed(siteDir, each))));
} catch (error) {
  console.error(`pagefind-helper: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await pagefind.close();
}
