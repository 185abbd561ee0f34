/**
 * The documents of the site as the pages need them, read from the site data that the content
 * step writes (`./site-data.ts`). The list of documents is small and read once; a document's
 * tree, pages and fragments are read when a page asks for them. Only the latest two documents
 * stay in memory, so memory stays bounded whatever the size of the library: one route renders
 * every page of a document before the next document's (`documentPaths`).
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { join } from 'node:path';
import type { TargetLinks } from '../analysis/targets.ts';
import type { DocNode, Document } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { rememberCasing } from './document.ts';
import { DOWNLOAD_FOLDER } from '../export/downloads.ts';
import { DOCUMENT_PAGES, type DocumentPageKey } from '../vocabulary/pages.ts';
import type { PageRef } from './outline.ts';
import {
  CONTENT_DIR,
  FragmentsSchema,
  LibrarySchema,
  PagesSchema,
  SITE_DATA_DIR,
  SITE_FILES,
  documentDataDir,
  readJson,
  readKept,
  type DocumentPages,
  type Fragments,
  type LibraryEntry,
  type Page,
  type WrittenDownload,
} from './site-data.ts';

export type { LibraryEntry, Page } from './site-data.ts';

/** One document with everything its pages read. */
export interface DocData {
  slug: string;
  /** Title, name, issuer … as the lists show them. */
  entry: LibraryEntry;
  document: Document;
  /** Section pages in reading order. */
  pages: Page[];
  refs: PageRef[];
  /** Node id → page slug. */
  pageOf: Map<string, string>;
  /** Node id → ancestors, outermost first. */
  ancestors: Map<string, DocNode[]>;
  /** Node id → node. */
  nodes: Map<string, DocNode>;
  /** The tasks linked to each target, closest first. */
  links: TargetLinks[];
  /** The downloads the content step wrote, in the order the open-data page lists them. */
  downloads: WrittenDownload[];
  /** The fields of each download, with examples from this document. */
  fields: DocumentPages['fields'];
  /** The documents the text cites, with every mention, in order of first mention. */
  cited: DocumentPages['cited'];
  /** The glossary terms the text uses, in glossary order, with the nodes that use each. */
  glossary: DocumentPages['glossary'];
}

/** The project root: builds and the dev server run from it. */
const ROOT = process.cwd();

/**
 * How many documents stay in memory: Astro renders every page of one document before the next
 * (`documentPaths`), two at a time, so the latest two are all a build reads again.
 */
const KEPT = 2;

/** Whether this is the dev server, where the data may change between requests. */
const DEV = import.meta.env?.DEV ?? false;

/** A cache of the latest `KEPT` values by key. */
function latest<T>(read: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    const hit = kept.get(key);
    if (hit !== undefined && !DEV) return hit;
    const value = read(key);
    kept.delete(key);
    kept.set(key, value);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
    return value;
  };
}

/** Files already checked against their schema in this build. */
const checked = new Set<string>();

/**
 * Reads a site-data file, checking it against its schema the first time only: the open-data
 * step reads a document's pages file again for its downloads, and one check per file and build
 * is enough. The dev server checks every read.
 */
function readSiteData<T>(file: string, schema: z.ZodType<T>): T {
  if (DEV || !checked.has(file)) {
    const data = readJson(file, schema);
    checked.add(file);
    return data;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Joins one document's tree with its pages. */
function assemble(entry: LibraryEntry): DocData {
  const slug = entry.slug;
  const { pages, links, downloads, fields, cited, capitalised, glossary } = readSiteData(
    join(documentDataDir(ROOT, slug), SITE_FILES.pages),
    PagesSchema,
  );
  // The tree was validated against its schema when the seed was parsed, in the same build.
  const document = JSON.parse(
    readFileSync(join(ROOT, CONTENT_DIR, slug, SITE_FILES.tree), 'utf8'),
  ) as Document;
  rememberCasing(document, capitalised);
  const pageOf = new Map<string, string>();
  for (const page of pages) for (const id of page.ids) pageOf.set(id, page.page);
  const ancestors = new Map<string, DocNode[]>();
  const nodes = new Map<string, DocNode>();
  walk(document.nodes, (node, above) => {
    ancestors.set(node.id, above);
    nodes.set(node.id, node);
  });
  const refs = pages.map((p) => ({
    page: p.page,
    title: p.title,
    order: p.order,
    opening: p.opening,
  }));
  return {
    slug,
    entry,
    document,
    pages,
    refs,
    pageOf,
    ancestors,
    nodes,
    links,
    downloads,
    fields,
    cited,
    glossary,
  };
}

let entries: LibraryEntry[] | undefined;

/** Every document's list entry, sorted by slug. */
export function library(): LibraryEntry[] {
  if (entries && !DEV) return entries;
  entries = readJson(join(ROOT, SITE_DATA_DIR, SITE_FILES.library), LibrarySchema);
  return entries;
}

let kept: Set<string> | undefined;

/**
 * The documents whose pages this build renders: all of them, but those whose built pages it
 * keeps from the previous build (`src/lib/build/kept.ts` records them before the pages are made).
 */
export function renderedLibrary(): LibraryEntry[] {
  if (DEV) return library();
  kept ??= new Set(readKept(ROOT));
  const skipped = kept;
  return library().filter((entry) => !skipped.has(entry.slug));
}

/** The list entry of one document, or an error naming it. */
function entryOf(slug: string): LibraryEntry {
  const entry = library().find((e) => e.slug === slug);
  if (!entry) throw new Error(`${slug}: not a document of this library`);
  return entry;
}

const documents = latest((slug) => assemble(entryOf(slug)));

/** One document with its tree and pages. */
export function documentData(slug: string): DocData {
  return documents(slug);
}

const fragmentFiles = latest((slug) =>
  readSiteData(join(documentDataDir(ROOT, slug), SITE_FILES.fragments), FragmentsSchema),
);

/** The content of a document's pages as HTML. */
export function fragments(slug: string): Fragments {
  return fragmentFiles(slug);
}

/** One page's content as HTML: a section page's, or the full text's. */
export function sectionHtml(slug: string, page: string): string {
  const html = fragments(slug).sections[page];
  if (html === undefined) throw new Error(`${slug}/${page}: no such page`);
  return html;
}

/** The downloads of one document, as the content step wrote them, without reading its tree. */
export function documentDownloads(slug: string): WrittenDownload[] {
  return readSiteData(join(documentDataDir(ROOT, slug), SITE_FILES.pages), PagesSchema).downloads;
}

/** A download's bytes (JSON, CSV, XML or the published original), as the content step wrote them. */
export function downloadBytes(slug: string, file: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(documentDataDir(ROOT, slug), DOWNLOAD_FOLDER, file)));
}

/** Static paths of a page that exists once per document: `/<doc>/…`, with its list entry. */
export function perDocumentPaths(): { params: { doc: string }; props: { entry: LibraryEntry } }[] {
  return renderedLibrary().map((entry) => ({ params: { doc: entry.slug }, props: { entry } }));
}

/** What one of a document's pages shows: its front page, a text section, or one of its own pages. */
export type DocumentView = 'front' | 'section' | DocumentPageKey;

/** What a view of a document's page is given. */
export interface ViewProps {
  entry: LibraryEntry;
  /** The page's slug below its document: a section's, an own page's, or "" on the front page. */
  page: string;
}

/** A static path of a document's page: its URL below the document, and what the page shows. */
export interface DocumentPath {
  params: { doc: string; page: string | undefined };
  props: ViewProps & { view: DocumentView };
}

/**
 * Static paths of every page of the documents `entries`, document by document: the front page,
 * the sections in reading order, then the document's own pages in menu order. Astro renders a
 * route's paths in this order, so each document is read once for all its pages, not once per
 * kind of page.
 */
export function pathsOf(entries: LibraryEntry[]): DocumentPath[] {
  return entries.flatMap((entry): DocumentPath[] => [
    { params: { doc: entry.slug, page: undefined }, props: { entry, view: 'front', page: '' } },
    ...entry.pages.map((page): DocumentPath => ({
      params: { doc: entry.slug, page },
      props: { entry, view: 'section', page },
    })),
    ...entry.ownPages.map((key): DocumentPath => {
      const page = DOCUMENT_PAGES[key].slug;
      return { params: { doc: entry.slug, page }, props: { entry, view: key, page } };
    }),
  ]);
}

/** Static paths of every page of the documents this build renders (`pathsOf`). */
export function documentPaths(): DocumentPath[] {
  return pathsOf(renderedLibrary());
}
