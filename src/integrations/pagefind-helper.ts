/**
 * A helper of the search index build: indexes the documents asked for on its standard input,
 * one JSON line each (`HelperRequest`: a document with its pages as rendered, or to be read from
 * its written files), on a Pagefind service of its own as they come, while the site may still be
 * rendering other pages; once its input ends, completes their search information files and
 * writes what it made to its standard output, a line per document. Started by `startHelper` as
 * `node <bundled helper> <site>` in a build launched by `scripts/launch.mjs`, else as
 * `node --import tsx pagefind-helper.ts <site>`; a failure is its last line on standard error.
 */
import { createInterface } from 'node:readline';
import * as pagefind from 'pagefind';
import { awaitedLater } from './awaited-later';
import { describeIndexed, indexPages, type IndexedPages } from './search-index/documents';
import { HelperRequestSchema } from './search-index/helper';
import { limiter, onLiveService, PARALLEL_DOCUMENTS } from './search-index/service';
import { documentLine } from './search-index/stored';

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
    if (!line.trim()) continue;
    const request = HelperRequestSchema.safeParse(JSON.parse(line));
    if (!request.success) throw new Error(`an unreadable request: ${line.slice(0, 80)}`);
    const { doc, pages } = request.data;
    const indexed = () => onLiveService(() => indexPages(siteDir, doc, pages), doc);
    indexing.push(awaitedLater(limit(async () => held(await indexed()))));
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
