/**
 * The open-data downloads of a document: their folder, file names and media types, and which
 * cannot be made from a document. The content step that writes them and the "Dữ liệu mở" page
 * that links them both read this list, so the page never links a file the build does not emit.
 * How each is made is in `files.ts`, so that reading the list does not load the writers.
 */
import type { Document } from '../document/schema.ts';

/** The folder of the downloads under a document: `/<doc>/du-lieu/<file>`. */
export const DOWNLOAD_FOLDER = 'du-lieu';

/** The files made from the tree, in the order the page lists them. */
export const MADE_KINDS = ['json', 'facts', 'targets', 'commitments', 'akn'] as const;
export type MadeKind = (typeof MADE_KINDS)[number];

/** Every download: the files made from the tree, then the published original they come from. */
export const DOWNLOAD_KINDS = [...MADE_KINDS, 'original'] as const;
export type DownloadKind = (typeof DOWNLOAD_KINDS)[number];

/** One download. */
export interface Download {
  kind: MadeKind;
  /** File name, unique per document: `quang-ninh-ktxh-2026.akn.xml`. */
  file: string;
  /** Media type sent by servers that honour it. */
  type: string;
}

/** The files made from one document's tree, in the order the page lists them. */
export function downloads(doc: string): Download[] {
  return [
    { kind: 'json', file: `${doc}.json`, type: 'application/json; charset=utf-8' },
    { kind: 'facts', file: `${doc}-thong-tin.json`, type: 'application/json; charset=utf-8' },
    { kind: 'targets', file: `${doc}-chi-tieu.csv`, type: 'text/csv; charset=utf-8' },
    { kind: 'commitments', file: `${doc}-cam-ket.csv`, type: 'text/csv; charset=utf-8' },
    { kind: 'akn', file: `${doc}.akn.xml`, type: 'application/akn+xml; charset=utf-8' },
  ];
}

/**
 * Why a file cannot be made from this document, or null when it can. An Akoma Ntoso work is
 * named by its date, and a text without one must not be given an invented date.
 */
export function unavailable(kind: MadeKind, document: Document): string | null {
  if (kind === 'akn' && document.meta.date === null) {
    return 'no date in the document, so no Akoma Ntoso file (its work is named by its date)';
  }
  return null;
}
