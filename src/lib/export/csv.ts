/**
 * The indicators as CSV, one row per quantified commitment: first every target's, in target
 * order, then those found elsewhere in the body, in reading order (their `target` is empty).
 *
 * Format: RFC 4180, comma-separated, UTF-8 with a byte-order mark so that spreadsheet programs
 * open Vietnamese correctly, CRLF line ends, a header row. Numbers use a dot for decimals
 * (12.5) so that any program reads them; `text` keeps the figure as the resolution writes it
 * ("trên 12,5%"). Empty cells stand for null.
 */
import { stringify } from 'csv-stringify/sync';
import type { Document, Indicator } from '../document/schema.ts';
import { citation, walk } from '../document/tree.ts';
import { withIndicators } from '../analysis/indicators.ts';

/** Columns of the CSV, in order. */
export const CSV_COLUMNS = [
  'target',
  'id',
  'url',
  'citation',
  'text',
  'value',
  'min',
  'max',
  'comparator',
  'unit',
  'subject',
] as const;

/** One row of the CSV. */
export interface IndicatorRow {
  /** The target's number ("7"), or null for a commitment outside the numbered targets. */
  target: string | null;
  /** The id of the node the figure is read from. */
  id: string;
  /** Where the node is on the site. */
  url: string;
  /** "Điều 1 › khoản 2 › điểm a › chỉ tiêu 7". */
  citation: string;
  text: string;
  value: number | null;
  min: number | null;
  max: number | null;
  comparator: Indicator['comparator'];
  unit: string | null;
  subject: string | null;
}

/** Every indicator of a document as rows: targets first, then other commitments. */
export function indicatorRows(document: Document, urlOf: (id: string) => string): IndicatorRow[] {
  const targets: IndicatorRow[] = [];
  const others: IndicatorRow[] = [];
  walk(withIndicators(document).nodes, (node, ancestors) => {
    for (const indicator of node.indicators ?? []) {
      const row: IndicatorRow = {
        target: node.kind === 'target' ? node.num : null,
        id: node.id,
        url: urlOf(node.id),
        citation: citation(node, ancestors),
        ...indicator,
      };
      (node.kind === 'target' ? targets : others).push(row);
    }
  });
  return [...targets, ...others];
}

/** The CSV text, with its byte-order mark. */
export function toIndicatorsCsv(document: Document, urlOf: (id: string) => string): string {
  const rows = indicatorRows(document, urlOf).map((row) =>
    CSV_COLUMNS.map((column) => {
      const value = row[column];
      return value === null ? '' : String(value);
    }),
  );
  return stringify([[...CSV_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows' });
}
