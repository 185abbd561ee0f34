/** The links under a document's table of contents: its front page, then its own pages. */
import type { Document } from '../document/schema.ts';
import { pagesOf } from '../vocabulary/pages.ts';
import { ui } from '../vocabulary/strings.ts';
import { docUrl, documentPageUrl } from './urls.ts';

/** One link of the menu; `key` is what a page passes as `current` to be marked. */
export interface MenuLink {
  key: string;
  label: string;
  href: string;
}

/** The front page and every page the document has (`DOCUMENT_PAGES`), in menu order. */
export function documentMenu(doc: string, document: Document): MenuLink[] {
  return [
    { key: 'front', label: ui.frontPage, href: docUrl(doc) },
    ...pagesOf(document).map(({ key, page }) => ({
      key: page.slug,
      label: page.title,
      href: documentPageUrl(doc, key),
    })),
  ];
}
