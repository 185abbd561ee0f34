import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { z } from 'zod';
import {
  DocumentInfoSchema,
  LibraryInfoSchema,
  type DocumentInfo,
  type UnitInfo,
} from '../search/info';
import { renderedLibrary } from '../lib/site/library';
import { awaitedLater } from './awaited-later';
import { contentWritten } from './content-ready';
import { bundledProgram } from '../lib/build/programs';
import { SITE_DATA_DIR, readKept } from '../lib/site/site-data';
import { foldedKey } from '../lib/text/fold';
import type { WordKeys } from '../search/match';
import {
  BUNDLE_DIR,
  DOCUMENT_INFO_FILE,
  indexUrl,
  LIBRARY_INDEX_DIR,
  LIBRARY_INFO_PATH,
  runtimeUrl,
} from '../search/paths';
import { pageSections, pageWords, type PagefindFragment, type PageWords } from '../search/sections';
import { setPageSink, type PageSink } from './page-sink';
import { belowBase, pageStream } from './page-stream';

/**
 * Build step with side effects: indexes the built site with Pagefind's Node API once Astro has
 * written every page. The site gets one copy of Pagefind's script and WebAssembly (at
 * `<base>pagefind/`, beside a one-word index that only starts it), one index per document
 * holding index data only (`<base><doc>/pagefind/`), and a library index with one record per
 * document (`<base>pagefind/library/`) that tells a library-wide search which documents to open.
 * Each call's `errors` is checked, since the API reports failures there rather than by throwing,
 * and the Pagefind service is closed in `finally` so a failed build does not leave its binary
 * running.
 */

/** A Pagefind failure during the build, reported as one line. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** Throws with the step's name when Pagefind returned errors. */
function check(step: string, errors: readonly string[]): void {
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
function indexedPages(outputPath: string): number {
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
async function withIndex<T>(
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

/** The HTML files of a document's folder, its Pagefind folder aside, as site-relative paths. */
function documentFiles(siteDir: string, doc: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(path.join(siteDir, folder), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) return entry.name === BUNDLE_DIR ? [] : walk(relative);
      return entry.name.endsWith('.html') ? [relative] : [];
    });
  return walk(doc).sort();
}

/** The URL Pagefind gives a built file: "qn/dieu-1/index.html" → "/qn/dieu-1/". */
export function pageUrl(file: string): string {
  return `/${file.replace(/(?:^|\/)index\.html$/u, '/').replace(/^\/+/u, '')}`.replace(
    /\/+$/u,
    '/',
  );
}

/** The attribute that marks the element Pagefind indexes; `BODY_TAG` finds the tag bearing it. */
const BODY_MARK = 'data-pagefind-body';

/**
 * The opening tag of the element marked `data-pagefind-body`, with its name, tried at one place.
 * Attributes are parted by HTML's white space, the ASCII characters, as Pagefind's parser reads
 * them.
 */
const BODY_TAG =
  /<([a-z][a-z0-9-]*)\b[^>]*?[\t\n\f\r ]data-pagefind-body(?=[\t\n\f\r =/>])[^>]*>/iuy;

/** The `<html …>` tag, which carries the page's language. */
const HTML_TAG = /<html\b[^>]*>/iu;

/** The end of the element whose opening tag starts at `start`, past nested ones of its name. */
function elementEnd(html: string, tag: string, start: number): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'giu');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return -1;
}

/**
 * The first `most` opening tags bearing the mark, in order, as a scan of the whole page would
 * find them; only the places just before a written mark are tried. A tag holding a mark starts
 * after the last `>` before it, so the search for one starts there.
 */
function bodyTags(html: string, most: number): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  // Attribute names are read in any case: each mark is found in the page in lower case.
  const lowered = html.toLowerCase();
  let from = 0;
  for (let at = lowered.indexOf(BODY_MARK); at !== -1 && found.length < most;) {
    let start = lowered.indexOf('<', lowered.lastIndexOf('>', at) + 1);
    for (; start !== -1 && start < at; start = lowered.indexOf('<', start + 1)) {
      BODY_TAG.lastIndex = start;
      const match = BODY_TAG.exec(html);
      if (match) {
        found.push(match);
        from = start + match[0].length;
        break;
      }
    }
    at = lowered.indexOf(BODY_MARK, Math.max(from, at + 1));
  }
  return found;
}

/**
 * What Pagefind needs of a built page, given as its bytes: the page's `<html>` tag (its
 * language) around the one element marked `data-pagefind-body`, or `null` for a page without it.
 * Once any page has that mark Pagefind reads nothing outside it and skips pages without it, so
 * the index is the same byte for byte (`tests/e2e/library-build.test.ts` checks it on the seed)
 * while Pagefind parses a sixth of the HTML: each page repeats the document's contents,
 * navigation and scripts. A page it cannot cut (several marked elements, no closing tag) is
 * handed over whole. The markup is found in the bytes read one character per byte (tags are
 * ASCII, and no byte of a longer UTF-8 character is), and only the parts kept are decoded.
 */
export function searchableHtml(bytes: Buffer): string | null {
  // Most pages of a build hold no marked element: a plain search sees that at once.
  if (!bytes.includes(BODY_MARK)) return null;
  const html = bytes.toString('latin1');
  const bodies = bodyTags(html, 2);
  const [body] = bodies;
  if (!body) return null;
  const htmlTag = HTML_TAG.exec(html);
  if (bodies.length > 1 || !htmlTag) return bytes.toString('utf8');
  const end = elementEnd(html, body[1] as string, body.index);
  if (end === -1) return bytes.toString('utf8');
  const tag = bytes.toString('utf8', htmlTag.index, htmlTag.index + htmlTag[0].length);
  const content = bytes.toString('utf8', body.index, end);
  return `<!doctype html>${tag}<head><meta charset="utf-8"></head><body>${content}</body></html>`;
}

/** A page handed to Pagefind: its URL and the HTML it reads (`searchableHtml`). */
export const IndexedPageSchema = z.object({ url: z.string(), content: z.string() }).strict();
export type IndexedPage = z.infer<typeof IndexedPageSchema>;

/** The file Astro writes a page at, relative to the site: "/<base>/qn/dieu-1/" → "qn/dieu-1/index.html". */
export function builtFile(pathname: string, base: string): string {
  const below = belowBase(pathname, base);
  return below === '' || below.endsWith('/') ? `${below}index.html` : below;
}

/**
 * What Pagefind reads of a rendered page, with its file, or null for a page it does not index.
 * Cut here, on the thread that renders the pages, so that a sixth of each page goes to the
 * helper, as text.
 */
export function renderedPage(
  pathname: string,
  base: string,
  html: Buffer,
): (IndexedPage & { file: string }) | null {
  const content = searchableHtml(html);
  if (content === null) return null;
  const file = builtFile(pathname, base);
  return { file, url: pageUrl(file), content };
}

/**
 * A document's built pages as Pagefind reads them: only what it indexes when some page marks
 * its body, every page whole when none does (Pagefind then indexes whole pages).
 */
export function searchablePages(siteDir: string, doc: string): IndexedPage[] {
  const pages = documentFiles(siteDir, doc).map((file) => ({
    url: pageUrl(file),
    html: readFileSync(path.join(siteDir, file)),
  }));
  const searchable = pages.map((page) => ({ url: page.url, content: searchableHtml(page.html) }));
  if (searchable.every((page) => page.content === null)) {
    return pages.map((page) => ({ url: page.url, content: page.html.toString('utf8') }));
  }
  return searchable.flatMap((page) =>
    page.content === null ? [] : [{ url: page.url, content: page.content }],
  );
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
async function writeDocumentIndex(
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

/** Indexes every HTML file under `siteDir` and writes the bundle to `outputPath`. */
export async function indexSite(siteDir: string, outputPath: string): Promise<IndexReport> {
  try {
    return await writeBundle(siteDir, outputPath);
  } finally {
    await pagefind.close();
  }
}

/** The page every document has and nothing else has: `/<doc>/toan-van/` (`DOCUMENT_PAGES`). */
export const DOCUMENT_MARKER = 'toan-van/index.html';

/**
 * Document slugs of a built site: its top-level folders that hold a full-text page. They are
 * read from the built folder rather than from `content/`, because the bundles must sit beside
 * the pages that were actually written: `content/` is another step's output, may hold a stale
 * document or live elsewhere (the benchmark's copies, tests' sites), while `dist/` is exactly
 * what Pagefind indexes, so a slug found here always has pages to index and a URL to serve.
 */
export function documentSlugs(siteDir: string): string[] {
  return readdirSync(siteDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== BUNDLE_DIR)
    .map((entry) => entry.name)
    .filter((name) => existsSync(path.join(siteDir, name, DOCUMENT_MARKER)))
    .sort();
}

/** Pagefind's own search interfaces, which our pages never load. */
const UNUSED_FILE = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Pagefind's runtime: its script, worker and WebAssembly, needed once per site. */
const RUNTIME_FILE = /^(?:pagefind\.js|pagefind-worker\.js|wasm\..+\.pagefind)$/;

/** Removes the interfaces no page loads and, with `runtime` false, the runtime too. */
function pruneBundle(outputPath: string, runtime: boolean): void {
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
async function writeRuntime(outputPath: string): Promise<void> {
  await withIndex(outputPath, async (index) => {
    const added = await index.addCustomRecord({ url: '/', content: STARTER_WORD, language: 'vi' });
    check('addCustomRecord(runtime)', added.errors);
  });
  pruneBundle(outputPath, true);
}

/** The first bytes of every decompressed Pagefind file, before its JSON. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/**
 * The page fragments of a written bundle, read back from its `fragment/` files (gzip, then the
 * signature, then JSON: one fragment, or a group of them keyed by page hash).
 */
export function readFragments(outputPath: string): PagefindFragment[] {
  const folder = path.join(outputPath, 'fragment');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .flatMap((file) => {
      const text = gunzipSync(readFileSync(path.join(folder, file))).toString('utf8');
      if (!text.startsWith(PAGEFIND_SIGNATURE)) {
        throw new SearchIndexError(`${path.join(folder, file)}: not a Pagefind fragment`);
      }
      const data = JSON.parse(text.slice(PAGEFIND_SIGNATURE.length)) as
        PagefindFragment | Record<string, PagefindFragment>;
      return typeof data.url === 'string'
        ? [data as PagefindFragment]
        : Object.values(data as Record<string, PagefindFragment>);
    });
}

/** Written words keyed so far in this process, shared by its documents, which repeat one another's words. */
const knownWords = new Map<string, WordKeys>();

/** Written forms kept at most: past it the keys start afresh, so numbers and codes do not pile up. */
const WORDS_KEPT = 200_000;

/** The keys of written words met so far in this process, emptied when they grow past `WORDS_KEPT`. */
function wordsMet(): Map<string, WordKeys> {
  if (knownWords.size > WORDS_KEPT) knownWords.clear();
  return knownWords;
}

/** Words of a unit shown as its excerpt when a citation finds it. */
const UNIT_EXCERPT_WORDS = 24;

/**
 * A document's pages as search reads them, tokenised once with keys shared between pages (and,
 * given `known`, between documents).
 */
export function documentPages(
  fragments: readonly PagefindFragment[],
  known: Map<string, WordKeys> = new Map(),
): PageWords[] {
  return [...fragments]
    .sort((a, b) => a.url.localeCompare(b.url))
    .map((fragment) => pageWords(fragment, known));
}

/**
 * The citable units of a document's pages, cut from the indexed fragments by the same code the
 * browser ranks with, so a citation result and a text result of the same unit agree.
 */
export function unitsOf(
  fragments: readonly PagefindFragment[],
  pages: readonly PageWords[] = documentPages(fragments),
): UnitInfo[] {
  const anchors = new Map(fragments.map((fragment) => [fragment.url, fragment.anchors ?? []]));
  return pages.flatMap((page) =>
    pageSections(page, anchors.get(page.url) ?? [])
      .filter((section) => section.titled)
      .map((section) => {
        const words = page.raw.slice(section.start, section.end);
        const cut = words.length > UNIT_EXCERPT_WORDS;
        return {
          id: section.id,
          url: section.url,
          citation: section.citation,
          heading: section.heading,
          page: page.title,
          excerpt: `${words.slice(0, UNIT_EXCERPT_WORDS).join(' ')}${cut ? ' …' : ''}`,
        };
      }),
  );
}

/**
 * Adds a document's citable units to its `tim-kiem.json` (written by the site with its name and
 * number) and returns the document's entry for the library list.
 */
function describeDocument(siteDir: string, doc: string, units: UnitInfo[]): DocumentInfo {
  const file = path.join(siteDir, doc, DOCUMENT_INFO_FILE);
  if (!existsSync(file)) {
    throw new SearchIndexError(`${file}: missing; the site writes it for every document`);
  }
  const info = DocumentInfoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const described: DocumentInfo = { ...info, units };
  writeFileSync(file, JSON.stringify(described));
  return { doc: info.doc, title: info.title, number: info.number };
}

/** Writes the list of the library's documents beside the search page. */
function writeLibraryInfo(siteDir: string, documents: readonly DocumentInfo[]): void {
  const file = path.join(siteDir, ...LIBRARY_INFO_PATH);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(LibraryInfoSchema.parse({ documents })));
}

/** Escapes text for an HTML text node. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Every word of a document, folded and in one spelling, as the library index holds it (a whole
 * written word, "57nqtw", and the words inside it, "57", "nq", "tw"), with how many times it is
 * written.
 */
export function documentWords(pages: readonly PageWords[]): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (key: string): void => {
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const page of pages) {
    for (const { folded, parts } of page.keys) {
      count(folded);
      // Each key once per written word: a part that repeats the word, or an earlier part, is not new.
      parts.forEach((part, i) => {
        if (part !== folded && parts.indexOf(part) === i) count(part);
      });
    }
  }
  return counts;
}

/** Pagefind's highest `data-pagefind-weight`. */
const MAX_WEIGHT = 10;

/**
 * The weight of a word written `count` times: 1, and one more each time the count doubles, so a
 * document that is about a word ranks above one that mentions it once.
 */
export function wordWeight(count: number): number {
  return Math.min(MAX_WEIGHT, 1 + Math.floor(Math.log2(Math.max(1, count))));
}

/**
 * How many mentions a word of the title counts for: a document named for a word ranks as one
 * that writes it often, without a title word outweighing a document that is about the query.
 */
const TITLE_MENTIONS = 8;

/**
 * The library index's record of a document: its name as the result's title (metadata, not
 * indexed), then each of its words once, in paragraphs weighted by how often the document writes
 * them, a title word counting `TITLE_MENTIONS` more. One record per document, each word once,
 * keeps the index's metadata, which every library search loads, small.
 */
export function libraryRecord(title: string, words: ReadonlyMap<string, number>): string {
  const counts = new Map(words);
  for (const word of new Set(title.split(/\s+/u).map(foldedKey).filter(Boolean))) {
    counts.set(word, (counts.get(word) ?? 0) + TITLE_MENTIONS);
  }
  const byWeight = new Map<number, string[]>();
  for (const [word, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const weight = wordWeight(count);
    const list = byWeight.get(weight);
    if (list) list.push(word);
    else byWeight.set(weight, [word]);
  }
  const paragraphs = [...byWeight]
    .sort(([a], [b]) => b - a)
    .map(
      ([weight, list]) => `<p data-pagefind-weight="${weight}">${escapeHtml(list.join(' '))}</p>`,
    )
    .join('');
  const name = escapeHtml(title).replace(/"/g, '&quot;');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${name}</title><meta data-pagefind-meta="title[content]" content="${name}"></head><body>${paragraphs}</body></html>`;
}

/** A document as the library index records it. */
export interface LibraryRecord {
  doc: string;
  title: string;
  /** Its words, folded, with how many times each is written. */
  words: ReadonlyMap<string, number>;
}

/** Writes the library index: one record per document at `/<doc>/`. */
export async function writeLibraryIndex(
  outputPath: string,
  documents: readonly LibraryRecord[],
): Promise<IndexReport> {
  const { written } = await withIndex(outputPath, async (index) => {
    for (const { doc, title, words } of documents) {
      const added = await index.addHTMLFile({
        url: `/${doc}/`,
        content: libraryRecord(title, words),
      });
      check(`addHTMLFile(library record of ${doc})`, added.errors);
    }
  });
  pruneBundle(outputPath, false);
  return { filesRead: documents.length, pageCount: indexedPages(written), outputPath: written };
}

export interface LibraryReport {
  /** The library index: one record per document. */
  library: IndexReport;
  documents: (IndexReport & { doc: string })[];
}

/** What indexing one document gives: its report, its entry in the list, its library record. */
export interface IndexedDocument {
  report: IndexReport & { doc: string };
  info: DocumentInfo;
  record: LibraryRecord;
}

/** What indexing a document's pages gives, before its search information file is completed. */
export interface IndexedPages {
  report: IndexReport & { doc: string };
  units: UnitInfo[];
  words: Map<string, number>;
}

/**
 * Indexes one document's pages (`pages`, as rendered, or else its written files) into
 * `<siteDir>/<doc>/pagefind/` (index data only) on the running Pagefind service; reads nothing
 * the site writes after the document's pages.
 */
export async function indexPages(
  siteDir: string,
  doc: string,
  searchable: readonly IndexedPage[] = searchablePages(siteDir, doc),
): Promise<IndexedPages> {
  const outputPath = path.join(siteDir, doc, BUNDLE_DIR);
  rmSync(outputPath, { recursive: true, force: true });
  const report = await writeDocumentIndex(doc, outputPath, searchable);
  pruneBundle(outputPath, false);
  const fragments = readFragments(outputPath);
  const pages = documentPages(fragments, wordsMet());
  return {
    report: { doc, ...report },
    units: unitsOf(fragments, pages),
    words: documentWords(pages),
  };
}

/**
 * Adds an indexed document's citable units to its `tim-kiem.json`, which the site writes among
 * its last pages, and returns its library record.
 */
export function describeIndexed(siteDir: string, indexed: IndexedPages): IndexedDocument {
  const { report, units, words } = indexed;
  const info = describeDocument(siteDir, report.doc, units);
  return { report, info, record: { doc: report.doc, title: info.title, words } };
}

/**
 * Indexes one document into `<siteDir>/<doc>/pagefind/` (index data only), adds its citable
 * units to its `tim-kiem.json` and returns its library record, on the running Pagefind service.
 */
export async function indexDocument(siteDir: string, doc: string): Promise<IndexedDocument> {
  return describeIndexed(siteDir, await indexPages(siteDir, doc));
}

/** A pair of a word and how many times a document writes it. */
type WordCount = [string, number];

/** True for a word and a count of at least one. */
function isWordCount(pair: unknown): pair is WordCount {
  return (
    Array.isArray(pair) &&
    pair.length === 2 &&
    typeof pair[0] === 'string' &&
    Number.isInteger(pair[1]) &&
    (pair[1] as number) > 0
  );
}

/**
 * A document's words with their counts, checked pair by pair in one loop: a schema per pair
 * took a second and a half of the build's end at 1,000 documents.
 */
const WordCountsSchema = z.custom<WordCount[]>(
  (value) => Array.isArray(value) && value.every(isWordCount),
  'words: expected [word, count] pairs, each count a whole number from 1',
);

/**
 * An indexed document as it is stored: a helper's answer, or the record saved for a later build
 * that keeps the document's index. JSON has no maps, so its words are pairs.
 */
const StoredDocumentSchema = z
  .object({
    doc: z.string(),
    filesRead: z.number().int().nonnegative(),
    pageCount: z.number().int().nonnegative(),
    info: DocumentInfoSchema.pick({ doc: true, title: true, number: true }),
    words: WordCountsSchema,
  })
  .strict();
type StoredDocument = z.infer<typeof StoredDocumentSchema>;

/** An indexed document in its stored form. */
function storedDocument({ report, info, record }: IndexedDocument): StoredDocument {
  const { doc, filesRead, pageCount } = report;
  return { doc, filesRead, pageCount, info, words: [...record.words] };
}

/** An indexed document from its stored form, its index under `siteDir`. */
function fromStored(siteDir: string, stored: StoredDocument): IndexedDocument {
  const { doc, filesRead, pageCount, info, words } = stored;
  const outputPath = path.join(siteDir, doc, BUNDLE_DIR);
  return {
    report: { doc, filesRead, pageCount, outputPath },
    info,
    record: { doc, title: info.title, words: new Map(words) },
  };
}

/** Indexes `docs` on this process's Pagefind service, several at a time, in their order. */
export function indexDocuments(
  siteDir: string,
  docs: readonly string[],
): Promise<IndexedDocument[]> {
  const limit = limiter(PARALLEL_DOCUMENTS);
  return Promise.all(
    docs.map((doc) => limit(() => onLiveService(() => indexDocument(siteDir, doc), doc))),
  );
}

export interface IndexOptions {
  /**
   * Other processes to index documents beside this one, each on its own Pagefind service: one
   * service works on one index at a time, so a second core needs a second service.
   */
  helpers?: number;
  /**
   * Documents whose index an earlier build wrote and this one keeps: what that build saved in
   * `savedDir` is read rather than indexed again.
   */
  kept?: ReadonlySet<string>;
  /**
   * A folder of per-document folders (the site data's) where what a document's index gives the
   * library is saved when it is indexed, and read back for a kept document.
   */
  savedDir?: string;
  /** Documents already indexed while the pages were written (`streamPages`). */
  indexed?: ReadonlyMap<string, IndexedDocument>;
}

/** The file a document's stored search record is saved in, in its site-data folder. */
const SAVED_FILE = 'search-record.json';

/**
 * Saves what indexing a document gave, for a later build that keeps its index; a document
 * without a site-data folder (a site indexed outside a build) has nowhere to keep it.
 */
function saveIndexed(savedDir: string, indexed: IndexedDocument): void {
  const folder = path.join(savedDir, indexed.report.doc);
  if (!existsSync(folder)) return;
  // Made here from typed values; it is checked where it is read back (`savedDocument`).
  writeFileSync(path.join(folder, SAVED_FILE), JSON.stringify(storedDocument(indexed)));
}

/**
 * A kept document as the build that indexed it saved it, or null when nothing readable was
 * saved (none, or a file that is not JSON or not a record): then it is indexed again from its
 * kept pages, and saved anew.
 */
function savedDocument(siteDir: string, doc: string, savedDir: string): IndexedDocument | null {
  const file = path.join(savedDir, doc, SAVED_FILE);
  if (!existsSync(file)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const stored = StoredDocumentSchema.safeParse(data);
  return stored.success ? fromStored(siteDir, stored.data) : null;
}

/**
 * Writes Pagefind's runtime at `<siteDir>/pagefind/`, one index per document at
 * `<siteDir>/<doc>/pagefind/` (index data only), the library index at
 * `<siteDir>/pagefind/library/`, and the documents' search information files, on one Pagefind
 * service that is closed in `finally`, and on `helpers` more in processes of their own. A reader
 * inside a document searches an index that grows with that document, not with the library; a
 * library-wide search first asks the library index which documents hold the words.
 */
export async function indexLibrary(
  siteDir: string,
  { helpers = 0, kept = new Set(), savedDir, indexed: early = new Map() }: IndexOptions = {},
): Promise<LibraryReport> {
  try {
    const runtimePath = path.join(siteDir, BUNDLE_DIR);
    rmSync(runtimePath, { recursive: true, force: true });
    await writeRuntime(runtimePath);
    const slugs = documentSlugs(siteDir);
    const known = new Map(
      savedDir === undefined
        ? []
        : slugs
            .filter((doc) => kept.has(doc))
            .flatMap((doc) => {
              const saved = savedDocument(siteDir, doc, savedDir);
              return saved ? [[doc, saved] as const] : [];
            }),
    );
    const shares = shareOut(
      slugs.filter((doc) => !known.has(doc) && !early.has(doc)),
      helpers + 1,
    );
    const [own = [], ...others] = shares;
    const results = await Promise.all([
      indexDocuments(siteDir, own),
      ...others.map((docs) => indexInHelper(siteDir, docs)),
    ]);
    const made = new Map([
      ...early,
      ...mergeShares(results).map((each) => [each.report.doc, each] as const),
    ]);
    if (savedDir !== undefined) for (const each of made.values()) saveIndexed(savedDir, each);
    const indexed = slugs.flatMap((doc) => known.get(doc) ?? made.get(doc) ?? []);
    const documents = indexed.map((each) => each.report);
    const described = indexed.map((each) => each.info);
    const records = indexed.map((each) => each.record);
    writeLibraryInfo(siteDir, described);
    const libraryPath = path.join(runtimePath, LIBRARY_INDEX_DIR);
    // A site without documents has nothing to search across; an empty index would not load.
    const library =
      records.length > 0
        ? await writeLibraryIndex(libraryPath, records)
        : { filesRead: 0, pageCount: 0, outputPath: libraryPath };
    return { library, documents };
  } finally {
    await pagefind.close();
  }
}

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
const HELPER = fileURLToPath(new URL('./pagefind-helper.ts', import.meta.url));

/** How to start the helper: its bundle (`scripts/launch.mjs`), or its source through tsx. */
function helperArguments(siteDir: string): string[] {
  const bundled = bundledProgram('pagefind-helper');
  return bundled !== null ? [bundled, siteDir] : ['--import', 'tsx', HELPER, siteDir];
}

/**
 * One line of a helper's answer: an indexed document in its stored form. A line per document
 * keeps a large library's answer from being one string, read and checked all at once.
 */
export function documentLine(indexed: IndexedDocument): string {
  return `${JSON.stringify(storedDocument(indexed))}\n`;
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
function indexInHelper(siteDir: string, docs: readonly string[]): Promise<IndexedDocument[]> {
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
const STREAMED_FROM = 20;

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

/**
 * The Astro integration: indexes the documents' pages as Astro writes them (from `STREAMED_FROM`
 * documents, in a helper, through the build's middleware `page-sink.ts`) and the rest of `dist/`
 * at `astro:build:done`, into the runtime and library index under `<base>pagefind/` and each
 * document's `<base><doc>/pagefind/`.
 */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  let outDir = '';
  let stream: ReturnType<typeof streamPages> | undefined;
  return {
    name: 'nghi-quyet-pagefind',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command !== 'build') return;
        addMiddleware({ entrypoint: new URL('./page-sink.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
        outDir = fileURLToPath(config.outDir);
      },
      // The bundles are made and the content step's files written; the pages come next.
      'astro:build:ssr': async () => {
        await contentWritten();
        const docs = new Set(renderedLibrary().map((entry) => entry.slug));
        if (docs.size < STREAMED_FROM) return;
        stream = streamPages(outDir, docs, base);
        setPageSink(stream.sink);
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        setPageSink(undefined);
        const early = (await stream?.finish()) ?? new Map<string, IndexedDocument>();
        const siteDir = fileURLToPath(dir);
        const kept = new Set(readKept(process.cwd()));
        const helpers = helperCount(documentSlugs(siteDir).length - kept.size - early.size);
        const savedDir = path.join(process.cwd(), SITE_DATA_DIR);
        const { library, documents } = await indexLibrary(siteDir, {
          helpers,
          kept,
          savedDir,
          indexed: early,
        });
        const pages = documents.reduce((sum, report) => sum + report.pageCount, 0);
        const during = early.size > 0 ? ` (${early.size} while the pages were written)` : '';
        logger.info(
          `indexed ${pages} pages of ${documents.length} documents${during} at ${indexUrl(base, '<doc>')}; library index of ${library.pageCount} documents at ${indexUrl(base)}; runtime at ${runtimeUrl(base)}`,
        );
      },
    },
  };
}
