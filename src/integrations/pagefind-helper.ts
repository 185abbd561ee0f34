/**
 * A helper of the search index build: indexes the documents named on its standard input, one
 * per line, on a Pagefind service of its own as they come (while the site may still be writing
 * other pages); once its input ends, completes their search information files and writes what
 * it made to its standard output, a line per document. Started by `startHelper` as
 * `node --import tsx pagefind-helper.ts <site>`; a failure is its last line on standard error.
 */
import { createInterface } from 'node:readline';
import * as pagefind from 'pagefind';
import { awaitedLater } from './awaited-later';
import {
  describeIndexed,
  indexPages,
  limiter,
  PARALLEL_DOCUMENTS,
  documentLine,
  type IndexedPages,
} from './pagefind';

/** What indexing a document gave, as text until its search information is completed. */
function held(indexed: IndexedPages): string {
  return JSON.stringify({ ...indexed, words: [...indexed.words] });
}

/** A document held by `held`, as it was. */
function unheld(text: string): IndexedPages {
  const { report, units, words } = JSON.parse(text) as Omit<IndexedPages, 'words'> & {
    words: [string, number][];
  };
  return { report, units, words: new Map(words) };
}

const siteDir = process.argv[2];
try {
  if (!siteDir) throw new Error('the built site folder is missing');
  const limit = limiter(PARALLEL_DOCUMENTS);
  // Held as text until the input ends: a string costs a fraction of the objects it describes.
  const indexing: Promise<string>[] = [];
  for await (const line of createInterface({ input: process.stdin })) {
    const doc = line.trim();
    if (!doc) continue;
    indexing.push(awaitedLater(limit(async () => held(await indexPages(siteDir, doc)))));
  }
  for (const text of await Promise.all(indexing)) {
    process.stdout.write(documentLine(describeIndexed(siteDir, unheld(text))));
  }
} catch (error) {
  console.error(`pagefind-helper: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await pagefind.close();
}
