/**
 * The open-data downloads of a document: their file names, media types and how each is made.
 * The static endpoint and the "Dữ liệu mở" page both read this list, so the page never links a
 * file the build does not emit.
 */
import type { Document } from '../document/schema.ts';
import { toAkomaNtoso } from './akn.ts';
import { toIndicatorsCsv } from './csv.ts';
import { toDocumentJson } from './json.ts';

/** The folder of the downloads under a document: `/<doc>/du-lieu/<file>`. */
export const DOWNLOAD_FOLDER = 'du-lieu';

export type DownloadKind = 'json' | 'csv' | 'akn';

/** One download. */
export interface Download {
  kind: DownloadKind;
  /** File name, unique per document: `quang-ninh-ktxh-2026.akn.xml`. */
  file: string;
  /** Media type sent by servers that honour it. */
  type: string;
}

/** The downloads of one document, in the order the page lists them. */
export function downloads(doc: string): Download[] {
  return [
    { kind: 'json', file: `${doc}.json`, type: 'application/json; charset=utf-8' },
    { kind: 'csv', file: `${doc}-chi-tieu.csv`, type: 'text/csv; charset=utf-8' },
    { kind: 'akn', file: `${doc}.akn.xml`, type: 'application/akn+xml; charset=utf-8' },
  ];
}

/** What a download needs besides the tree: the slug and where each node is on the site. */
export interface DownloadContext {
  doc: string;
  /** Absolute URL of a node on the site, for the CSV. */
  urlOf: (id: string) => string;
}

/** The bytes of one download, as text. */
export function downloadBody(
  kind: DownloadKind,
  document: Document,
  context: DownloadContext,
): string {
  switch (kind) {
    case 'json':
      return toDocumentJson(document);
    case 'csv':
      return toIndicatorsCsv(document, context.urlOf);
    case 'akn':
      return toAkomaNtoso(document, { doc: context.doc });
  }
}
