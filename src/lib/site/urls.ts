/**
 * Every internal link goes through these helpers, so the whole site follows Astro's `base`
 * (deploying under a sub-path such as /nghi-quyet/ just works). Paths end in `/`, as the site is
 * built with `trailingSlash: 'always'`.
 */
import { DOCUMENT_PAGES, type DocumentPageKey } from '../vocabulary/pages.ts';

/** Astro's base, normalised to begin and end with one slash. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The base this build serves from (`/` outside Astro, where the content step passes its own). */
export const BASE = normaliseBase(import.meta.env?.BASE_URL ?? '/');

/** A site path under the base: `withBase('a/b/')` → `/base/a/b/`. */
export function withBase(path: string, base: string = BASE): string {
  return normaliseBase(base) + path.replace(/^\/+/, '');
}

/** The fragment for a node id; ids are URL-safe by construction. */
export function fragment(id: string): string {
  return `#${id}`;
}

/** The home page. */
export function homeUrl(base: string = BASE): string {
  return withBase('', base);
}

/** Page `n` (from 1) of the list of documents: the home page, then `/trang/2/`, `/trang/3/`… */
export function homePageUrl(n: number, base: string = BASE): string {
  return n <= 1 ? homeUrl(base) : withBase(`trang/${n}/`, base);
}

/** A document's front page. */
export function docUrl(doc: string, base: string = BASE): string {
  return withBase(`${doc}/`, base);
}

/** The id of the heading of a table of contents; a front page's table is the whole one. */
export const TOC_HEADING_ID = 'muc-luc-h';

/** A document's whole table of contents, on its front page. */
export function wholeTocUrl(doc: string, base: string = BASE): string {
  return docUrl(doc, base) + fragment(TOC_HEADING_ID);
}

/** One section page of a document. */
export function pageUrl(doc: string, page: string, base: string = BASE): string {
  return withBase(`${doc}/${page}/`, base);
}

/** A node on the page that holds it. */
export function nodeUrl(doc: string, page: string, id: string, base: string = BASE): string {
  return pageUrl(doc, page, base) + fragment(id);
}

/** One of a document's own pages (`DOCUMENT_PAGES`), or an anchor on it. */
export function documentPageUrl(
  doc: string,
  key: DocumentPageKey,
  anchor?: string,
  base: string = BASE,
): string {
  return pageUrl(doc, DOCUMENT_PAGES[key].slug, base) + (anchor ? fragment(anchor) : '');
}

/** The full-text page, or a node on it. */
export function fullTextUrl(doc: string, id?: string, base: string = BASE): string {
  return documentPageUrl(doc, 'fullText', id, base);
}

/** The cited-documents page, or one document's entry on it. */
export function citedUrl(doc: string, key?: string, base: string = BASE): string {
  return documentPageUrl(doc, 'cited', key, base);
}

/** The glossary page, or one term on it. */
export function glossaryUrl(doc: string, term?: string, base: string = BASE): string {
  return documentPageUrl(doc, 'glossary', term, base);
}

/** An absolute URL for canonical links and Open Graph, from the configured `site`. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}
