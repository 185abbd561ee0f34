/**
 * Pagefind's service as the build uses it: an index made, filled and written in one call
 * (`withIndex`), each call's `errors` checked (the API reports failures there rather than by
 * throwing), the bundle pruned to what pages load, and a stalled service restarted.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { awaitedLater } from '../awaited-later';
import type { IndexedPage } from './pages';

/** A Pagefind failure during the build, reported as one line. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** Throws with the step's name when Pagefind returned errors. */
export function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0)
    throw new SearchIndexError(`Pagefind ${step} failed: ${errors.join('; ')}`);
}

export interface IndexReport {
  /**
   * HTML files handed to Pagefind: a whole site's, or a document's pages that hold
   * `data-pagefind-body` (all of its pages when none does); for a kept document, by the build
   * that indexed it.
   */
  filesRead: number;
  /** Pages in the written index, per its entry file. */
  pageCount: number;
  outputPath: string;
}

/** Pages actually indexed: `addDirectory` counts every file read, not the pages kept. */
export function indexedPages(outputPath: string): number {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce(
    (sum, language) => sum + (language.page_count ?? 0),
    0,
  );
}

/** A Pagefind index as the running service hands it out. */
type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/**
 * Makes a fresh index on the running Pagefind service, lets `fill` add to it, writes it at
 * `outputPath` and returns what `fill` returned with the folder Pagefind wrote. The index is
 * deleted in `finally`, so a failure leaves nothing held in the service; a `fill` that throws
 * writes nothing.
 */
export async function withIndex<T>(
  outputPath: string,
  fill: (index: PagefindIndex) => Promise<T>,
): Promise<{ value: T; written: string }> {
  const created = await pagefind.createIndex({});
  check('createIndex', created.errors);
  const index = created.index;
  if (!index) throw new SearchIndexError('Pagefind createIndex returned no index');
  try {
    const value = await fill(index);
    const written = await index.writeFiles({ outputPath });
    check(`writeFiles(${outputPath})`, written.errors);
    return { value, written: written.outputPath };
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Indexes the HTML files under `siteDir` that match `glob` (all of them by default) into a bundle
 * at `outputPath`, on a running Pagefind service. URLs stay relative to `siteDir` whatever the
 * glob, so a document's own bundle returns the same `/<doc>/<page>/` URLs as the library's.
 * The index is deleted in `finally`, so a failure leaves nothing held in the service.
 */
async function writeBundle(
  siteDir: string,
  outputPath: string,
  glob?: string,
): Promise<IndexReport> {
  const { value: filesRead, written } = await withIndex(outputPath, async (index) => {
    const added = await index.addDirectory(glob ? { path: siteDir, glob } : { path: siteDir });
    check(`addDirectory(${siteDir}${glob ? `, ${glob}` : ''})`, added.errors);
    if (added.page_count === 0) {
      throw new SearchIndexError(
        `Pagefind found no pages to index in ${siteDir}${glob ? ` matching ${glob}` : ''}`,
      );
    }
    return added.page_count;
  });
  return { filesRead, pageCount: indexedPages(written), outputPath: written };
}

/** Indexes every HTML file under `siteDir` and writes the bundle to `outputPath`. */
export async function indexSite(siteDir: string, outputPath: string): Promise<IndexReport> {
  try {
    return await writeBundle(siteDir, outputPath);
  } finally {
    await pagefind.close();
  }
}

/** Pagefind's own search interfaces, which our pages never load. */
const UNUSED_FILE = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Pagefind's runtime: its script, worker and WebAssembly, needed once per site. */
const RUNTIME_FILE = /^(?:pagefind\.js|pagefind-worker\.js|wasm\..+\.pagefind)$/;

/** Removes the interfaces no page loads and, with `runtime` false, the runtime too. */
export function pruneBundle(outputPath: string, runtime: boolean): void {
  for (const file of readdirSync(outputPath)) {
    if (UNUSED_FILE.test(file) || (!runtime && RUNTIME_FILE.test(file))) {
      rmSync(path.join(outputPath, file));
    }
  }
}

/**
 * The one word of the index that starts the runtime: Pagefind loads its WebAssembly beside the
 * first index it opens, so that index sits with the runtime; searches never ask for this word
 * (they filter by document or by the library index), and no query reads its chunk.
 */
const STARTER_WORD = 'pagefind';

/** Writes the runtime and its one-record index at `outputPath`. */
export async function writeRuntime(outputPath: string): Promise<void> {
  await withIndex(outputPath, async (index) => {
    const added = await index.addCustomRecord({ url: '/', content: STARTER_WORD, language: 'vi' });
    check('addCustomRecord(runtime)', added.errors);
  });
  pruneBundle(outputPath, true);
}

/** Adds `pages` to a fresh index and writes it at `outputPath`; returns where it was written. */
export async function writePages(
  outputPath: string,
  pages: readonly IndexedPage[],
): Promise<string> {
  const { written } = await withIndex(outputPath, async (index) => {
    for (const page of pages) {
      const added = await index.addHTMLFile(page);
      check(`addHTMLFile(${page.url})`, added.errors);
    }
  });
  return written;
}

/**
 * Indexes one document's pages into its own index at `outputPath`: pages handed over, never a
 * glob, since asking Pagefind to glob the whole site once per document would walk every
 * document's files a thousand times over. The index is deleted in `finally`.
 */
export async function writeDocumentIndex(
  doc: string,
  outputPath: string,
  pages: readonly IndexedPage[],
): Promise<IndexReport> {
  const written = await writePages(outputPath, pages);
  const filesRead = pages.length;
  const pageCount = indexedPages(written);
  if (pageCount === 0) throw new SearchIndexError(`Pagefind found no pages to index in ${doc}/`);
  return { filesRead, pageCount, outputPath: written };
}

/** Documents indexed at once: Pagefind's service works on several indexes in parallel. */
export const PARALLEL_DOCUMENTS = 4;

/**
 * How long one document's indexing may wait on Pagefind's service before the service is taken to
 * have stalled: a document takes a tenth of a second or so, and the service, under heavy load,
 * was once seen to stop answering four documents in flight for good.
 */
export const STALLED_AFTER_MS = 120_000;

/** Restarts of this process's Pagefind service: a stall restarts the service it was seen on only. */
let serviceGeneration = 0;

/** A document whose indexing outlived `STALLED_AFTER_MS`. */
class ServiceStalled extends Error {}

/**
 * Runs `task`, Pagefind calls on this process's service. When it has not ended after
 * `stalledAfter` ms, `restart` closes the service (every call waiting on it fails) and the task
 * runs again on a fresh one; a task that failed because another's stall closed the service runs
 * again too. A second stall stops the build in one line.
 */
export async function onLiveService<T>(
  task: () => Promise<T>,
  name: string,
  stalledAfter: number = STALLED_AFTER_MS,
  restart: () => Promise<unknown> = pagefind.close,
  tries = 2,
): Promise<T> {
  const generation = serviceGeneration;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ServiceStalled()), stalledAfter);
  });
  try {
    return await Promise.race([awaitedLater(task()), stalled]);
  } catch (error) {
    const lost = error instanceof ServiceStalled || generation !== serviceGeneration;
    if (lost && tries > 1) {
      if (generation === serviceGeneration) {
        serviceGeneration += 1;
        await restart();
      }
      return onLiveService(task, name, stalledAfter, restart, tries - 1);
    }
    if (error instanceof ServiceStalled) {
      throw new SearchIndexError(
        `${name}: Pagefind's service gave no answer in ${stalledAfter / 1000} s, twice`,
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs each task given to the returned function with at most `limit` of them running at once. */
export function limiter(limit: number): <R>(task: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((start) => waiting.push(start));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
