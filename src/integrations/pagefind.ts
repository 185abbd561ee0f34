import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import {
  DocumentInfoSchema,
  LibraryInfoSchema,
  type DocumentInfo,
  type UnitInfo,
} from '../search/info';
import { BUNDLE_DIR, bundleUrl, DOCUMENT_INFO_FILE, LIBRARY_INFO_PATH } from '../search/paths';
import { pageSections, pageWords, type PagefindFragment } from '../search/sections';

/**
 * Build step with side effects: indexes the built site with Pagefind's Node API once Astro has
 * written every page. Each call's `errors` is checked, since the API reports failures there
 * rather than by throwing, and the Pagefind service is closed in `finally` so a failed build does
 * not leave its binary running.
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
  /** HTML files Pagefind read, including those it skipped for lacking `data-pagefind-body`. */
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
  const created = await pagefind.createIndex({});
  check('createIndex', created.errors);
  const index = created.index;
  if (!index) throw new SearchIndexError('Pagefind createIndex returned no index');
  try {
    const added = await index.addDirectory(glob ? { path: siteDir, glob } : { path: siteDir });
    check(`addDirectory(${siteDir}${glob ? `, ${glob}` : ''})`, added.errors);
    if (added.page_count === 0) {
      throw new SearchIndexError(
        `Pagefind found no pages to index in ${siteDir}${glob ? ` matching ${glob}` : ''}`,
      );
    }
    const written = await index.writeFiles({ outputPath });
    check(`writeFiles(${outputPath})`, written.errors);
    return {
      filesRead: added.page_count,
      pageCount: indexedPages(written.outputPath),
      outputPath: written.outputPath,
    };
  } finally {
    await index.deleteIndex();
  }
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

/** Pagefind's own search interfaces, which our pages never load: kept out of per-document bundles. */
const UNUSED_BUNDLE_FILE = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Removes the bundle files no page loads, so a thousand bundles do not carry a thousand UIs. */
function pruneBundle(outputPath: string): void {
  for (const file of readdirSync(outputPath)) {
    if (UNUSED_BUNDLE_FILE.test(file)) rmSync(path.join(outputPath, file));
  }
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

/** Words of a unit shown as its excerpt when a citation finds it. */
const UNIT_EXCERPT_WORDS = 24;

/**
 * The citable units of a document's pages, cut from the indexed fragments by the same code the
 * browser ranks with, so a citation result and a text result of the same unit agree.
 */
export function unitsOf(fragments: readonly PagefindFragment[]): UnitInfo[] {
  return fragments
    .slice()
    .sort((a, b) => a.url.localeCompare(b.url))
    .flatMap((fragment) => {
      const page = pageWords(fragment);
      return pageSections(page, fragment.anchors ?? [])
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
        });
    });
}

/**
 * Adds a document's citable units to its `tim-kiem.json` (written by the site with its name and
 * number) and returns the document's entry for the library list.
 */
function describeDocument(siteDir: string, doc: string, outputPath: string): DocumentInfo {
  const file = path.join(siteDir, doc, DOCUMENT_INFO_FILE);
  if (!existsSync(file))
    throw new SearchIndexError(`${file}: missing; the site writes it per document`);
  const info = DocumentInfoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const units = unitsOf(readFragments(outputPath));
  writeFileSync(file, JSON.stringify(DocumentInfoSchema.parse({ ...info, units })));
  return { doc: info.doc, title: info.title, number: info.number };
}

/** Writes the list of the library's documents beside the search page. */
function writeLibraryInfo(siteDir: string, documents: readonly DocumentInfo[]): void {
  const file = path.join(siteDir, ...LIBRARY_INFO_PATH);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(LibraryInfoSchema.parse({ documents })));
}

export interface LibraryReport {
  library: IndexReport;
  documents: (IndexReport & { doc: string })[];
}

/**
 * Writes the library-wide bundle at `<siteDir>/pagefind/` and one bundle per document at
 * `<siteDir>/<doc>/pagefind/` indexing only that document's pages, on one Pagefind service that
 * is closed in `finally`. A reader inside a document then searches an index that grows with that
 * document, not with the library.
 */
export async function indexLibrary(siteDir: string): Promise<LibraryReport> {
  try {
    const library = await writeBundle(siteDir, path.join(siteDir, BUNDLE_DIR));
    const documents: LibraryReport['documents'] = [];
    const described: DocumentInfo[] = [];
    for (const doc of documentSlugs(siteDir)) {
      const outputPath = path.join(siteDir, doc, BUNDLE_DIR);
      const report = await writeBundle(siteDir, outputPath, `${doc}/**/*.html`);
      pruneBundle(outputPath);
      described.push(describeDocument(siteDir, doc, outputPath));
      documents.push({ doc, ...report });
    }
    writeLibraryInfo(siteDir, described);
    return { library, documents };
  } finally {
    await pagefind.close();
  }
}

/**
 * The Astro integration: indexes `dist/` at `astro:build:done` into `<base>pagefind/` and each
 * document's `<base><doc>/pagefind/`.
 */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'nghi-quyet-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const siteDir = fileURLToPath(dir);
        const { library, documents } = await indexLibrary(siteDir);
        logger.info(
          `indexed ${library.pageCount} of ${library.filesRead} pages; search bundle at ${bundleUrl(base)}`,
        );
        if (documents.length > 0) {
          const pages = documents.reduce((sum, report) => sum + report.pageCount, 0);
          logger.info(
            `indexed ${documents.length} documents on their own (${pages} pages); bundles at ${bundleUrl(base, '<doc>')}`,
          );
        }
      },
    },
  };
}
