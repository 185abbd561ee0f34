/**
 * The open-data downloads of a document: their file names, media types and how each is made.
 * The static endpoint and the "Dữ liệu mở" page both read this list, so the page never links a
 * file the build does not emit.
 */
import type { Document } from '../document/schema.ts';
import { toAkomaNtoso } from './akn.ts';
import { toCommitmentsCsv, toTargetsCsv, type UrlOf } from './csv.ts';
import { toDocumentJson, toFactsJson } from './json.ts';

/** The folder of the downloads under a document: `/<doc>/du-lieu/<file>`. */
export const DOWNLOAD_FOLDER = 'du-lieu';

export type DownloadKind = 'json' | 'facts' | 'targets' | 'commitments' | 'akn';

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
    { kind: 'facts', file: `${doc}-thong-tin.json`, type: 'application/json; charset=utf-8' },
    { kind: 'targets', file: `${doc}-chi-tieu.csv`, type: 'text/csv; charset=utf-8' },
    { kind: 'commitments', file: `${doc}-cam-ket.csv`, type: 'text/csv; charset=utf-8' },
    { kind: 'akn', file: `${doc}.akn.xml`, type: 'application/akn+xml; charset=utf-8' },
  ];
}

/** What a download needs besides the tree: the slug and where each node is on the site. */
export interface DownloadContext {
  doc: string;
  /** Where a node is on the site, for the CSV tables (see `links.ts`). */
  urlOf: UrlOf;
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
    case 'facts':
      return toFactsJson(document);
    case 'targets':
      return toTargetsCsv(document, context.urlOf);
    case 'commitments':
      return toCommitmentsCsv(document, context.urlOf);
    case 'akn':
      return toAkomaNtoso(document, { doc: context.doc });
  }
}
