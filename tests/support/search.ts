import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { resolve } from 'node:path';
import { newContext } from './browsing.ts';
import { PROJECT_ROOT } from './server.ts';
import { sharedQueriesFile } from './shared.ts';
import { INDEX_FILTERS } from '../../src/search/runtime.ts';
import { fold, hasMarks, spellingKey } from '../../src/lib/text/fold.ts';

/**
 * Driving and judging search in a real browser against a real build, shared by the search
 * browser tests and the search benchmark. A result counts when the clause it lands on holds one
 * of the query's expected phrases in its own text (its nested titled clauses excluded).
 */

export interface QueryCase {
  query: string;
  /** Any one of these phrases in the landed clause makes the result right. */
  phrases: string[];
}

/** Reads `query<TAB>phrase | phrase` lines; a malformed line is one error naming file and line. */
export function readQueryCases(file: string): QueryCase[] {
  const lines = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const cases: QueryCase[] = [];
  lines.forEach((line, index) => {
    if (index === 0 && /^query\texpected/.test(line)) return;
    if (!line.trim()) return;
    const [query, expected, extra] = line.split('\t');
    if (!query?.trim() || !expected?.trim() || extra !== undefined) {
      throw new Error(`${file}:${index + 1}: expected "query<TAB>phrase | phrase"`);
    }
    cases.push({
      query: query.trim(),
      phrases: expected.split(' | ').map((phrase) => phrase.trim()),
    });
  });
  if (cases.length === 0) throw new Error(`${file}: no queries`);
  return cases;
}

/** The kinds of held-out search cases: what the query tests. */
export const CASE_KINDS = ['exact', 'phrase', 'variant', 'citation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export interface SearchCase extends QueryCase {
  kind: CaseKind;
  /** For a citation: the id the first result lands on (the expected column is `#id`). */
  landing: string | null;
  /** For a citation naming a document: the document it lands in (`doc#id`). */
  landingDocument: string | null;
  /** For a variant: the other spelling, which must give the same results. */
  sameAs: string | null;
}

/**
 * Reads `kind<TAB>query<TAB>expected[<TAB>same as]` lines, where expected is `#id` (or
 * `doc#id` in a library) for a citation and phrases otherwise; a malformed line is one error
 * naming file and line.
 */
export function readSearchCases(file: string): SearchCase[] {
  const cases: SearchCase[] = [];
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if ((index === 0 && line.startsWith('kind\t')) || !line.trim()) return;
      const [kind, query, expected, sameAs, extra] = line.split('\t');
      const known = CASE_KINDS.find((name) => name === kind);
      if (!known || !query?.trim() || !expected?.trim() || extra !== undefined) {
        throw new Error(
          `${file}:${index + 1}: expected "kind<TAB>query<TAB>expected[<TAB>same as]"`,
        );
      }
      const cited = /^([a-z0-9-]*)#(\S+)$/u.exec(expected.trim());
      const landing = cited?.[2] ?? null;
      cases.push({
        kind: known,
        query: query.trim(),
        phrases: landing ? [] : expected.split(' | ').map((phrase) => phrase.trim()),
        landing,
        landingDocument: cited?.[1] || null,
        sameAs: sameAs?.trim() || null,
      });
    });
  if (cases.length === 0) throw new Error(`${file}: no cases`);
  return cases;
}

/** The project's own queries (`tests/search-queries.tsv`) after the shared ones. */
export function allQueryCases(): QueryCase[] {
  return [
    ...readQueryCases(sharedQueriesFile()),
    ...readQueryCases(resolve(PROJECT_ROOT, 'tests/search-queries.tsv')),
  ];
}

/** The search page URL for a query under the site's root URL, scoped to `doc` when given. */
export function searchUrl(baseUrl: string, query: string, doc?: string): string {
  const scope = doc ? `&vb=${encodeURIComponent(doc)}` : '';
  return `${baseUrl}tim-kiem/?q=${encodeURIComponent(query)}${scope}`;
}

/** Waits until the results list answers `query` (the page sets `data-query` after rendering). */
export async function waitForResults(page: Page, query: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      document.querySelector<HTMLElement>('[data-search-results]')?.dataset['query'] === expected,
    query,
    { timeout },
  );
}

/** Our ranking, as the reader gets it: the search page's result links, in order. */
export async function ourResults(
  page: Page,
  baseUrl: string,
  query: string,
  doc?: string,
): Promise<string[]> {
  await page.goto(searchUrl(baseUrl, query, doc));
  await waitForResults(page, query);
  return page.$$eval('[data-search-results] a', (links) =>
    links.map((link) => (link as HTMLAnchorElement).href),
  );
}

/**
 * Plain Pagefind on the same build, as its own UI orders it: pages by score, each page's
 * sub-results by the summed scores of their words, on one document's index (the library's first
 * document when none is given) opened with the site's one runtime.
 */
export async function plainPagefindResults(
  page: Page,
  baseUrl: string,
  query: string,
  doc?: string,
): Promise<string[]> {
  return page.evaluate(
    async ({ root, term, only, filterName }) => {
      interface Sub {
        url: string;
        weighted_locations: { balanced_score: number }[];
      }
      interface Instance {
        init(): Promise<void>;
        mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
        search(
          term: string,
          options: Record<string, unknown>,
        ): Promise<{ results: { data(): Promise<{ sub_results: Sub[] }> }[] }>;
        destroy(): Promise<void>;
      }
      const base = new URL(root).pathname;
      const listed = (await (await fetch(`${root}tim-kiem/van-ban.json`)).json()) as {
        documents: { doc: string }[];
      };
      const doc = only ?? listed.documents[0]?.doc ?? '';
      const pagefind = (await import(/* @vite-ignore */ `${root}pagefind/pagefind.js`)) as {
        createInstance(options: Record<string, unknown>): Instance;
      };
      const instance = pagefind.createInstance({ basePath: `${base}pagefind/`, baseUrl: base });
      await instance.init();
      const filter = { [filterName]: [doc] };
      await instance.mergeIndex(`${base}${doc}/pagefind/`, { baseUrl: base, mergeFilter: filter });
      const response = await instance.search(term, { filters: filter });
      const urls: string[] = [];
      for (const result of response.results.slice(0, 10)) {
        const data = await result.data();
        const scored = data.sub_results.map((sub) => ({
          url: new URL(sub.url, root).href,
          weight: sub.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0),
        }));
        urls.push(...scored.sort((a, b) => b.weight - a.weight).map((sub) => sub.url));
      }
      await instance.destroy();
      return urls;
    },
    { root: baseUrl, term: query, only: doc ?? null, filterName: INDEX_FILTERS.document },
  );
}

/**
 * The own text of the clause each URL lands on, read in the browser with DOMParser: the
 * element's text without nested elements that carry `data-pagefind-title` (those are results of
 * their own). A URL without a fragment lands on the top of a page and yields its heading only.
 * With `readerText`, the citation line and cross-links (`data-pagefind-ignore`) are left out too.
 */
export async function landedTexts(
  page: Page,
  urls: readonly string[],
  readerText = false,
): Promise<string[]> {
  // No named helpers in page code: tsx wraps them in a `__name` call the page does not have.
  return page.evaluate(
    async ({ targets, reader }) => {
      const pages = new Map<string, Promise<Document>>();
      return Promise.all(
        targets.map(async (target) => {
          const url = new URL(target);
          const id = decodeURIComponent(url.hash.slice(1));
          url.hash = '';
          url.search = '';
          if (!pages.has(url.href)) {
            pages.set(
              url.href,
              fetch(url.href)
                .then((response) => response.text())
                .then((html) => new DOMParser().parseFromString(html, 'text/html')),
            );
          }
          const doc = await pages.get(url.href);
          if (!doc) return '';
          const element = id
            ? doc.getElementById(id)
            : doc.querySelector('[data-pagefind-body] h1');
          if (!element) return '';
          const own = element.cloneNode(true) as Element;
          own.querySelectorAll('[data-pagefind-title]').forEach((nested) => nested.remove());
          if (reader)
            own.querySelectorAll('[data-pagefind-ignore]').forEach((aside) => aside.remove());
          return (own.textContent ?? '').replace(/\s+/g, ' ').trim();
        }),
      );
    },
    { targets: urls, reader: readerText },
  );
}

/** Lower-case, NFC, single spaces: phrases are compared as a reader reads them. */
function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

/** 1-based rank of the first result whose clause holds an expected phrase, or null. */
export function firstRight(texts: readonly string[], phrases: readonly string[]): number | null {
  const wanted = phrases.map(comparable);
  const index = texts.findIndex((text) =>
    wanted.some((phrase) => comparable(text).includes(phrase)),
  );
  return index < 0 ? null : index + 1;
}

export interface Judged {
  query: string;
  rank: number | null;
  top: string[];
}

/** Judges the first `depth` results of one ranking. */
export async function judge(
  page: Page,
  query: QueryCase,
  urls: readonly string[],
  depth = 10,
): Promise<Judged> {
  const top = urls.slice(0, depth);
  const texts = await landedTexts(page, top);
  return { query: query.query, rank: firstRight(texts, query.phrases), top };
}

export interface Quality {
  successAt3: number;
  mrr: number;
  misses: string[];
}

/** success@3 and mean reciprocal rank (within the judged depth) over judged queries. */
export function quality(judged: readonly Judged[]): Quality {
  const count = judged.length || 1;
  return {
    successAt3: judged.filter((j) => j.rank !== null && j.rank <= 3).length / count,
    mrr: judged.reduce((sum, j) => sum + (j.rank === null ? 0 : 1 / j.rank), 0) / count,
    misses: judged
      .filter((j) => j.rank === null || j.rank > 3)
      .map((j) => `${j.query} → ${j.rank ?? '–'}`),
  };
}

/** The words of a text as a reader sees them, lower-case. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** True when `words` follow each other in `text`, compared by `key`. */
function standsIn(text: string, words: readonly string[], key: (word: string) => string): boolean {
  const have = wordsOf(text).map(key);
  const want = words.flatMap(wordsOf).map(key);
  return have.some((_, at) => want.every((word, k) => have[at + k] === word));
}

/** The quoted phrases of a query. */
function phrasesOf(query: string): string[] {
  return [...query.matchAll(/"([^"]+)"/gu)].map((match) => match[1] ?? '');
}

/** The key a typed stretch is compared by: its spelling when typed with marks, else folded. */
function keyFor(typed: string): (word: string) => string {
  return hasMarks(typed) ? spellingKey : fold;
}

/**
 * What is wrong with the results of one held-out case on the search page of the site at
 * `baseUrl`, judged by its kind, or an empty list.
 */
export async function caseProblems(
  page: Page,
  baseUrl: string,
  test: SearchCase,
): Promise<string[]> {
  const urls = await ourResults(page, baseUrl, test.query);
  const texts = await landedTexts(page, urls, true);
  const found: string[] = [];
  if (urls.length === 0) return ['no results'];
  if (test.kind === 'citation') {
    const first = new URL(urls[0] ?? '');
    const id = decodeURIComponent(first.hash.slice(1));
    if (id !== test.landing) found.push(`first lands on ${id}, not ${test.landing}`);
    const root = new URL(baseUrl).pathname;
    const doc = first.pathname.slice(root.length).split('/')[0];
    if (test.landingDocument && doc !== test.landingDocument) {
      found.push(`first lands in ${doc ?? ''}, not ${test.landingDocument}`);
    }
    return found;
  }
  const rank = firstRight(texts.slice(0, 3), test.phrases);
  if (rank === null) found.push(`no clause with “${test.phrases.join(' | ')}” in the top 3`);
  if (test.kind === 'exact') {
    const marked = test.query.split(/\s+/u).filter(hasMarks);
    texts.forEach((text, index) => {
      const missing = marked.filter((word) => !standsIn(text, [word], spellingKey));
      if (missing.length > 0) found.push(`result ${index + 1} lacks ${missing.join(', ')}`);
    });
  }
  if (test.kind === 'phrase') {
    for (const phrase of phrasesOf(test.query)) {
      texts.forEach((text, index) => {
        if (!standsIn(text, [phrase], keyFor(phrase))) {
          found.push(`result ${index + 1} lacks the phrase “${phrase}”`);
        }
      });
    }
  }
  if (test.kind === 'variant' && test.sameAs) {
    // Links carry the typed words to highlight (`?hl=`); the clauses are what must agree.
    const clause = (url: string) => url.replace(/\?[^#]*/u, '');
    const other = await ourResults(page, baseUrl, test.sameAs);
    if (other.map(clause).join(' ') !== urls.map(clause).join(' ')) {
      found.push(`“${test.sameAs}” finds other clauses`);
    }
  }
  return found;
}

/** Bytes a host serving gzip would send: already-compressed Pagefind files count as they are. */
export function compressedSize(body: Buffer): number {
  return Math.min(body.byteLength, gzipSync(body).byteLength);
}

/** The first query's search code and index, compressed, at any library size. */
export const FIRST_QUERY_BUDGET = 150 * 1024;

/**
 * The library index's share of a first library-wide query (the benchmark's `FIRST_QUERY`) typed key by key at
 * 1,000 documents: its metadata, the chunks each keystroke's words fall in, and the record of
 * the document opened. The unit tests hold a generated library of that size to it; the browser
 * test adds it to what a first query costs besides the library index.
 */
export const LIBRARY_SHARE_BUDGET = 40 * 1024;

/** Files of the library index: what a library-wide search reads before it opens a document. */
export function isLibraryIndexFile(path: string): boolean {
  return path.includes('/pagefind/library/');
}

export interface FirstQueryBytes {
  total: number;
  files: { path: string; bytes: number }[];
}

/**
 * Opens a page with an empty cache, then searches from the header box: every byte fetched from
 * the first keystroke until the results show is search code and index. A file fetched twice is
 * counted once: the second time the browser revalidates its copy and receives no body.
 */
export async function firstQueryBytes(
  browser: Browser,
  pageUrl: string,
  query: string,
): Promise<FirstQueryBytes> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.keyboard.press('/');
    await page.keyboard.type(query);
    await page.waitForFunction(
      (expected) =>
        document.querySelector<HTMLElement>('#site-search-listbox')?.dataset['query'] === expected,
      query,
      { timeout: 30_000 },
    );
    await page.waitForLoadState('networkidle');
    const downloaded = await Promise.all(
      responses
        .filter((response) => response.status() === 200)
        .map(async (response) => ({
          response,
          // A file the browser already holds is revalidated and sent without a body.
          sent: (await response.request().sizes()).responseBodySize > 0,
        })),
    );
    const files = await Promise.all(
      downloaded
        .filter(({ sent }) => sent)
        .map(async ({ response }) => ({
          path: new URL(response.url()).pathname,
          bytes: compressedSize(await response.body()),
        })),
    );
    return { total: files.reduce((sum, file) => sum + file.bytes, 0), files };
  } finally {
    await context.close();
  }
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Milliseconds from each keystroke (its event time) to the results list answering the new text,
 * typed one character at a time on the search page after a first query warmed the index.
 */
export async function keystrokeLatencies(
  page: Page,
  baseUrl: string,
  queries: readonly string[],
  doc?: string,
): Promise<number[]> {
  const first = queries[0] ?? 'du lich';
  await page.goto(searchUrl(baseUrl, first, doc));
  await waitForResults(page, first);
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-search-page-input]');
    const list = document.querySelector<HTMLElement>('[data-search-results]');
    const state = window as unknown as { __keyAt: number; __latencies: number[] };
    state.__latencies = [];
    input?.addEventListener('keydown', (event) => (state.__keyAt = event.timeStamp), {
      capture: true,
    });
    if (list) {
      new MutationObserver(() => {
        if (input && list.dataset['query'] === input.value && state.__keyAt) {
          state.__latencies.push(performance.now() - state.__keyAt);
          state.__keyAt = 0;
        }
      }).observe(list, { attributes: true, childList: true });
    }
  });
  const input = page.locator('[data-search-page-input]');
  for (const query of queries) {
    await input.fill('');
    await input.focus();
    for (const character of query) {
      const before = await input.inputValue();
      await page.keyboard.type(character);
      const now = before + character;
      if (now.trim()) await waitForResults(page, now);
    }
  }
  return page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
}
