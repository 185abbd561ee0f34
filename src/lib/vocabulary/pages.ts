/**
 * One declared table of the pages every document has besides its text sections: their URL slug,
 * their title, the page class used for styling, and when a document has them. Routes, the table
 * of contents, the front page, the section splitter (which must not take these slugs) and the
 * tests all read it, so adding a page is one row here and its view in `src/pages/[doc]/_views/`.
 */
import type { Document } from '../document/schema.ts';
import { flatten } from '../document/tree.ts';
import { ui } from './strings.ts';

/** One of a document's own pages. */
export interface DocumentPage {
  /** The URL segment under the document: `/<doc>/<slug>/`. */
  slug: string;
  /** Its name in menus, breadcrumbs and its heading. */
  title: string;
  /** The page class, for page-specific styles (`doc-<kind>`). */
  kind: string;
  /** Whether a document has this page; a page that would be empty is not built or linked. */
  exists: (document: Document) => boolean;
}

/** Every document has the page. */
const always = (): boolean => true;

/** Whether each document has targets: every page's menu asks, and the answer is the tree's. */
const targetsFound = new WeakMap<Document, boolean>();

/** The document has numbered targets to summarise. */
const hasTargets = (document: Document): boolean => {
  let found = targetsFound.get(document);
  if (found === undefined) {
    found = flatten(document.nodes).some((node) => node.kind === 'target');
    targetsFound.set(document, found);
  }
  return found;
};

/** The pages, in menu order. */
export const DOCUMENT_PAGES = {
  fullText: { slug: 'toan-van', title: ui.fullText, kind: 'full-text', exists: always },
  cited: { slug: 'van-ban-dan-chieu', title: ui.citedDocuments, kind: 'cited', exists: always },
  glossary: { slug: 'thuat-ngu', title: ui.glossary, kind: 'glossary', exists: always },
  targets: { slug: 'chi-tieu', title: ui.targetsOverview, kind: 'targets', exists: hasTargets },
  openData: { slug: 'du-lieu-mo', title: ui.openData, kind: 'open-data', exists: always },
} as const satisfies Record<string, DocumentPage>;

/** The key of one of a document's own pages. */
export type DocumentPageKey = keyof typeof DOCUMENT_PAGES;

/** Folders under a document that hold files, not pages: downloads and the search label. */
export const DOCUMENT_FILE_SLUGS = ['du-lieu', 'tim-kiem'] as const;

/** Slugs a text section may not take, since the site uses them under every document. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  ...Object.values(DOCUMENT_PAGES).map((page) => page.slug),
  ...DOCUMENT_FILE_SLUGS,
]);

/** The pages a document has, in menu order, with their keys. */
export function pagesOf(document: Document): { key: DocumentPageKey; page: DocumentPage }[] {
  return (Object.keys(DOCUMENT_PAGES) as DocumentPageKey[])
    .map((key) => ({ key, page: DOCUMENT_PAGES[key] as DocumentPage }))
    .filter(({ page }) => page.exists(document));
}
