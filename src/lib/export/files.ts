/**
 * How each open-data download of a document is made (the list itself is in `downloads.ts`).
 */
import type { Document } from '../document/schema.ts';
import { toAkomaNtoso } from './akn.ts';
import { toCommitmentsCsv, toTargetsCsv, type UrlOf } from './csv.ts';
import type { MadeKind } from './downloads.ts';
import { toDocumentJson, toFactsJson } from './json.ts';

/** What a download needs besides the tree: the slug and where each node is on the site. */
export interface DownloadContext {
  doc: string;
  /** Where a node is on the site, for the CSV tables (see `links.ts`). */
  urlOf: UrlOf;
}

/** The bytes of one download, as text. */
export function downloadBody(kind: MadeKind, document: Document, context: DownloadContext): string {
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
