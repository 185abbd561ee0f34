/**
 * Indexing beside Astro: a helper process with its own Pagefind service (`pagefind-helper.ts`)
 * that indexes documents sent to it, from their pages as rendered while Astro writes the others,
 * or from their written files; and how documents are dealt out between processes.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bundledProgram } from '../../lib/build/programs';
import { awaitedLater } from '../awaited-later';
import type { PageSink } from '../page-sink';
import { pageStream } from '../page-stream';
import type { IndexedDocument } from './documents';
import { IndexedPageSchema, renderedPage, type IndexedPage } from './pages';
import { SearchIndexError } from './service';
import { fromStored, StoredDocumentSchema } from './stored';

/** Deals `items` out to `count` shares in turn, so neighbouring documents go to different shares. */
export function shareOut<T>(items: readonly T[], count: number): T[][] {
  const shares = Array.from({ length: Math.max(1, count) }, (): T[] => []);
  items.forEach((item, at) => shares[at % shares.length]?.push(item));
  return shares.filter((share, at) => at === 0 || share.length > 0);
}

/** The shares' results back in the order the items were dealt (`shareOut`). */
export function mergeShares<T>(shares: readonly (readonly T[])[]): T[] {
  const merged: T[] = [];
  const longest = Math.max(0, ...shares.map((share) => share.length));
  for (let round = 0; round < longest; round++) {
    for (const share of shares) if (round < share.length) merged.push(share[round] as T);
  }
  return merged;
}

/** The helper's program, run with tsx's loader unless the build's programs were bundled. */
const HELPER = fileURLToPath(new URL('../pagefind-helper.ts', import.meta.url));

/** How to start the helper: its bundle (`scripts/launch.mjs`), or its source through tsx. */
function helperArguments(siteDir: string): string[] {
  const bundled = bundledProgram('pagefind-helper');
  return bundled !== null ? [bundled, siteDir] : ['--import', 'tsx', HELPER, siteDir];
}

/**
 * One line of a helper's input: a document to index, with its pages as rendered, or without
 * them once its pages are written.
 */
export const HelperRequestSchema = z
  .object({ doc: z.string().min(1), pages: z.array(IndexedPageSchema).min(1).optional() })
  .strict();
export type HelperRequest = z.infer<typeof HelperRequestSchema>;

/** A helper process indexing documents on a Pagefind service of its own. */
export interface IndexHelper {
  /**
   * Asks for a document to be indexed: from `pages` as rendered, cut to what Pagefind reads
   * (`renderedPage`), or from its written files.
   */
  send(doc: string, pages?: readonly IndexedPage[]): void;
  /** Tells the helper that nothing more comes; gives every document it indexed. */
  finish(): Promise<IndexedDocument[]>;
}

/**
 * Starts a helper process (`pagefind-helper.ts`) that indexes the documents sent to it, one
 * per line on its standard input, as they come, and once its input ends completes their search
 * information and sends back what `indexDocument` returns.
 */
export function startHelper(siteDir: string): IndexHelper {
  const child = spawn(process.execPath, helperArguments(siteDir), {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const answered: IndexedDocument[] = [];
  let unreadable: unknown;
  const err: Buffer[] = [];
  const lines = createInterface({ input: child.stdout });
  const allRead = new Promise<void>((resolve) => lines.on('close', resolve));
  lines.on('line', (line) => {
    try {
      answered.push(fromStored(siteDir, StoredDocumentSchema.parse(JSON.parse(line))));
    } catch (error) {
      unreadable ??= error;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  // A helper that stopped early reports why at `finish`, not as a broken pipe.
  child.stdin.on('error', () => undefined);
  const done = new Promise<IndexedDocument[]>((resolve, reject) => {
    child.on('error', (error) =>
      reject(new SearchIndexError(`search index helper: ${error.message}`)),
    );
    child.on('close', (code) => {
      void allRead.then(() => {
        if (code !== 0) {
          const said = Buffer.concat(err).toString('utf8').trim().split('\n').at(-1) ?? '';
          reject(new SearchIndexError(`search index helper stopped (exit ${code}): ${said}`));
          return;
        }
        if (unreadable !== undefined) {
          const why = unreadable instanceof Error ? unreadable.message.split('\n')[0] : '';
          reject(new SearchIndexError(`search index helper: an answer could not be read: ${why}`));
          return;
        }
        resolve(answered);
      });
    });
  });
  awaitedLater(done);
  return {
    send: (doc, pages) => {
      const request: HelperRequest = pages ? { doc, pages: [...pages] } : { doc };
      child.stdin.write(`${JSON.stringify(request)}\n`);
    },
    finish: () => {
      child.stdin.end();
      return done;
    },
  };
}

/** Indexes `docs` in a helper process with its own Pagefind service. */
export function indexInHelper(
  siteDir: string,
  docs: readonly string[],
): Promise<IndexedDocument[]> {
  const helper = startHelper(siteDir);
  for (const doc of docs) helper.send(doc);
  return helper.finish();
}

/** Helper processes worth starting for `documents`: one per further core, none for a few. */
export function helperCount(documents: number, cores: number = availableParallelism()): number {
  return documents < HELPED_FROM ? 0 : Math.max(0, cores - 1);
}

/** Below this many documents a helper's start (about a second) costs more than it saves. */
const HELPED_FROM = 40;

/**
 * From this many documents to render, documents are indexed while the pages are written; below
 * it the helper's start costs about what it saves (10 documents: Astro's build took 6.0–6.9 s
 * without it and 6.2–6.4 s with it, three runs each).
 */
export const STREAMED_FROM = 20;

/**
 * Starts indexing, in a helper, the documents among `docs` whose pages Astro has rendered,
 * while it renders the others (`page-stream.ts`); each is indexed from its pages as rendered,
 * in the order of their files, as it would be from the written files. `finish` gives the
 * documents indexed that no later page changed.
 */
export function streamPages(
  siteDir: string,
  docs: ReadonlySet<string>,
  base: string,
): { sink: PageSink; finish: () => Promise<Map<string, IndexedDocument>> } {
  const helper = startHelper(siteDir);
  const stream = pageStream<IndexedPage & { file: string }>(docs, base, (doc, pages) => {
    const inFileOrder = [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    helper.send(
      doc,
      inFileOrder.map(({ url, content }) => ({ url, content })),
    );
  });
  return {
    sink: {
      started: (pathname) => stream.started(pathname),
      rendered: (pathname, html) =>
        stream.rendered(pathname, html === null ? null : renderedPage(pathname, base, html)),
    },
    finish: async () => {
      const stale = stream.end();
      const made = (await helper.finish()).filter((each) => !stale.has(each.report.doc));
      return new Map(made.map((each) => [each.report.doc, each]));
    },
  };
}
