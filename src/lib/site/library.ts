/**
 * The documents of the site as the pages need them, read from the site data that the content
 * step writes (`./site-data.ts`). The list of documents is small and read once; a document's
 * tree, pages and fragments are read when a page asks for them. A library of up to
 * `WHOLE_LIBRARY_UP_TO` documents keeps every tree and its pages once read; a larger one, and
 * the fragments of any, only the latest two, so memory stays bounded whatever the size of the
 * library.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { join } from 'node:path';
import type { TargetLinks } from '../analysis/targets.ts';
import type { DocNode, Document } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { DOWNLOAD_FOLDER } from '../export/files.ts';
import type { DocumentPageKey } from '../vocabulary/pages.ts';
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
}

/** The project root: builds and the dev server run from it. */
const ROOT = process.cwd();

/** How many documents stay in memory at least: pages of one document are built one after another. */
const KEPT = 2;

/**
 * Up to this many documents, the whole library stays in memory: Astro builds each kind of page
 * for every document in turn, so a document kept is read and joined once rather than once per
 * kind (a seventh of the reading at 100 documents). Each costs about 0.4 MB with what the pages
 * derive from it (peak memory of a 1,000-document build: 675 MB → 1,053 MB when all were kept).
 */
const WHOLE_LIBRARY_UP_TO = 200;

/** How many documents stay in memory in a library of `count`. */
export function documentsKept(count: number): number {
  return count <= WHOLE_LIBRARY_UP_TO ? Math.max(KEPT, count) : KEPT;
}

/** Whether this is the dev server, where the data may change between requests. */
const DEV = import.meta.env?.DEV ?? false;

/** A cache of the latest values by key, holding as many as `size()` says when first asked. */
function latest<T>(read: (key: string) => T, size: () => number = () => KEPT): (key: string) => T {
  const kept = new Map<string, T>();
  let most: number | undefined;
  return (key) => {
    const hit = kept.get(key);
    if (hit !== undefined && !DEV) return hit;
    const value = read(key);
    kept.delete(key);
    kept.set(key, value);
    most ??= size();
    if (kept.size > most) kept.delete(kept.keys().next().value as string);
    return value;
  };
}

/** Files already checked against their schema in this build. */
const checked = new Set<string>();

/**
 * Reads a site-data file, checking it against its schema the first time only: each of a
 * document's page kinds is built for every document in turn, so the same file is read once per
 * kind, and one check per file and build is enough. The dev server checks every read.
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
  const { pages, links, downloads, fields } = readSiteData(
    join(documentDataDir(ROOT, slug), SITE_FILES.pages),
    PagesSchema,
  );
  // The tree was validated against its schema when the seed was parsed, in the same build.
  const document = JSON.parse(
    readFileSync(join(ROOT, CONTENT_DIR, slug, SITE_FILES.tree), 'utf8'),
  ) as Document;
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
  return { slug, entry, document, pages, refs, pageOf, ancestors, nodes, links, downloads, fields };
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

const documents = latest(
  (slug) => assemble(entryOf(slug)),
  () => documentsKept(library().length),
);

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

/** Static paths of one of a document's own pages (`DOCUMENT_PAGES`): the documents that have it. */
export function documentPagePaths(
  key: DocumentPageKey,
): () => { params: { doc: string }; props: { entry: LibraryEntry } }[] {
  return () => perDocumentPaths().filter((path) => path.props.entry.ownPages.includes(key));
}
