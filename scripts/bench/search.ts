/**
 * Search figures for `npm run bench`: success@3 and mean reciprocal rank on the query file for
 * our layer and for plain Pagefind on the same build, the compressed bytes the first query
 * fetches, and the median keystroke-to-results time after the first query, inside one document
 * and across the library (headless Chromium).
 */
import { launchChromium } from '../../tests/support/chromium.ts';
import { newContext } from '../../tests/support/browsing.ts';
import { DIST_DIR } from '../../tests/support/dist.ts';
import { startPreview } from '../../tests/support/server.ts';
import {
  firstQueryBytes,
  judge,
  keystrokeLatencies,
  median,
  ourResults,
  plainPagefindResults,
  quality,
  allQueryCases,
  readQueryCases,
  type Judged,
  type Quality,
} from '../../tests/support/search.ts';

export interface SearchFigures {
  queries: number;
  /** The document whose own bundle was searched, or null for the library-wide bundle. */
  scope: string | null;
  ours: Quality;
  /**
   * The same queries across the whole library (the search page without `?vb=`), when a document
   * is scoped; a result counts when its clause holds the expected words, in whichever document.
   */
  libraryOurs: Quality;
  plainPagefind: Quality;
  /** From the scoped document's front page (its header box), or the home page when unscoped. */
  firstQueryBytes: number;
  /** The same first query from the home page, which searches the library-wide bundle. */
  libraryFirstQueryBytes: number;
  /** Keystroke to results, through the scoped document's index (or the library's when unscoped). */
  keystrokeMedianMs: number;
  keystrokes: number;
  /** Keystroke to results on the search page over the whole library (library index first). */
  libraryKeystrokeMedianMs: number;
  libraryKeystrokes: number;
}

export interface SearchBenchOptions {
  /** A running site's root URL; when absent, `astro preview` serves `distDir`. */
  baseUrl?: string;
  /** A built site to serve when no `baseUrl` is given; defaults to the project's `dist/`. */
  distDir?: string;
  queriesFile?: string;
  /** A page of the site to search from for the byte count; defaults to the home page. */
  startPage?: string;
  /**
   * The document to search, through its own bundle (`/<doc>/pagefind/`) and the search page's
   * `?vb=`, as a reader of that resolution does; the queries are written for the seed.
   */
  doc?: string;
  log?: (line: string) => void;
}

/** Queries typed one character at a time for the latency figure. */
const TYPED = ['du lich', 'dieu duong', 'chuyen doi so', '57-NQ/TW'];

/** Runs the search benchmark against a built site and prints its figures. */
export async function benchSearch(options: SearchBenchOptions = {}): Promise<SearchFigures> {
  const log = options.log ?? console.log;
  const cases = options.queriesFile ? readQueryCases(options.queriesFile) : allQueryCases();
  const server = options.baseUrl ? undefined : await startPreview(options.distDir ?? DIST_DIR);
  const baseUrl = options.baseUrl ?? server?.url ?? '';
  const browser = await launchChromium();
  try {
    const context = await newContext(browser);
    const page = await context.newPage();
    const ours: Judged[] = [];
    const plain: Judged[] = [];
    const doc = options.doc;
    for (const query of cases) {
      ours.push(await judge(page, query, await ourResults(page, baseUrl, query.query, doc)));
      plain.push(
        await judge(page, query, await plainPagefindResults(page, baseUrl, query.query, doc)),
      );
    }
    const libraryOurs: Judged[] = [];
    for (const query of doc ? cases : []) {
      libraryOurs.push(await judge(page, query, await ourResults(page, baseUrl, query.query)));
    }
    const latencies = await keystrokeLatencies(page, baseUrl, TYPED, doc);
    const libraryLatencies = doc ? await keystrokeLatencies(page, baseUrl, TYPED) : latencies;
    await context.close();
    const start = options.startPage ?? (doc ? `${baseUrl}${doc}/` : baseUrl);
    const bytes = await firstQueryBytes(browser, start, 'dieu duong');
    const library = doc ? await firstQueryBytes(browser, baseUrl, 'dieu duong') : bytes;
    const figures: SearchFigures = {
      queries: cases.length,
      scope: doc ?? null,
      ours: quality(ours),
      libraryOurs: quality(doc ? libraryOurs : ours),
      plainPagefind: quality(plain),
      firstQueryBytes: bytes.total,
      libraryFirstQueryBytes: library.total,
      keystrokeMedianMs: median(latencies),
      keystrokes: latencies.length,
      libraryKeystrokeMedianMs: median(libraryLatencies),
      libraryKeystrokes: libraryLatencies.length,
    };
    const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
    const through = doc ? `${doc}'s own bundle` : 'the library-wide bundle';
    log(`Search (${figures.queries} queries, ${baseUrl}, through ${through})`);
    log(`                  success@3   MRR`);
    log(
      `  our layer       ${percent(figures.ours.successAt3).padStart(9)}   ${figures.ours.mrr.toFixed(3)}`,
    );
    log(
      `  plain Pagefind  ${percent(figures.plainPagefind.successAt3).padStart(9)}   ${figures.plainPagefind.mrr.toFixed(3)}`,
    );
    if (doc) {
      log(
        `  ours, library   ${percent(figures.libraryOurs.successAt3).padStart(9)}   ${figures.libraryOurs.mrr.toFixed(3)}   (the same queries across the library)`,
      );
    }
    log(
      `  first query: ${(figures.firstQueryBytes / 1024).toFixed(1)} KB compressed (search code + index)`,
    );
    if (doc) {
      log(
        `  first query from the home page (library-wide): ${(figures.libraryFirstQueryBytes / 1024).toFixed(1)} KB`,
      );
    }
    log(
      `  keystroke → results: median ${figures.keystrokeMedianMs.toFixed(1)} ms over ${figures.keystrokes} keystrokes`,
    );
    if (doc) {
      log(
        `  keystroke → results, library-wide: median ${figures.libraryKeystrokeMedianMs.toFixed(1)} ms over ${figures.libraryKeystrokes} keystrokes`,
      );
    }
    const below = ours.filter((judged) => judged.rank !== 1);
    if (below.length > 0) {
      log(`  ours not first: ${below.map((j) => `${j.query} → ${j.rank ?? '–'}`).join('; ')}`);
    }
    if (doc) {
      log(
        `  ours across the library, misses at 3: ${figures.libraryOurs.misses.join('; ') || 'none'}`,
      );
    }
    log(`  plain Pagefind misses at 3: ${figures.plainPagefind.misses.join('; ') || 'none'}`);
    return figures;
  } finally {
    await browser.close();
    await server?.stop();
  }
}
