/** How a page names its document when a unit of it is cited. */
import type { Document } from '../document/schema.ts';
import { documentReference } from '../vocabulary/citation.ts';
import { squash } from '../vocabulary/titles.ts';
import { sentenceCase } from './document.ts';
import type { LibraryEntry } from './site-data.ts';

/** The document as a citation names it: kind and number (or its title), date, issuer. */
export function citationName(entry: LibraryEntry, document: Document): string {
  const { docType } = document.meta;
  return documentReference({
    kind: docType ? sentenceCase(squash(docType), new Map()) : null,
    number: entry.number,
    title: entry.title,
    date: entry.date,
    issuer: entry.issuer,
  });
}
