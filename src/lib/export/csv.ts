/**
 * The targets and the quantified commitments as two CSV tables.
 *
 * - Targets (`<doc>-chi-tieu.csv`): one row per numbered target, in order, whether or not it
 *   holds a figure ("Toàn tỉnh không còn hộ nghèo…" is a target too), with its words, the
 *   figures read from it and the task clauses linked to it.
 * - Commitments (`<doc>-cam-ket.csv`): one row per quantified commitment, first every target's,
 *   in target order, then those found elsewhere in the body, in reading order (their `target`
 *   is empty).
 *
 * Format: RFC 4180, comma-separated, UTF-8 with a byte-order mark so that spreadsheet programs
 * open Vietnamese correctly, CRLF line ends, a header row. Numbers use a dot for decimals
 * (12.5) so that any program reads them; `text` keeps the figure as the resolution writes it
 * ("trên 12,5%"). Empty cells stand for null.
 */
import { stringify } from 'csv-stringify/sync';
import type { DocNode, Document, Indicator } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { displayReaderCitation } from '../vocabulary/citation.ts';
import { withIndicators } from '../analysis/indicators.ts';
import { linkTargetsToTasks } from '../analysis/targets.ts';

/** Where each node is on the site, as the open data writes it. */
export type UrlOf = (id: string) => string;

/** Columns of the targets table, in order. */
export const TARGET_COLUMNS = [
  'target',
  'id',
  'url',
  'citation',
  'group',
  'text',
  'figures',
  'tasks',
] as const;

/** One row of the targets table. */
export interface TargetRow {
  /** The target's number ("7"). */
  target: string | null;
  id: string;
  url: string;
  /** "Điều 1 › khoản 2 › điểm a › chỉ tiêu 7". */
  citation: string;
  /** The words of the group that holds it, without the closing colon: "Về kinh tế". */
  group: string | null;
  /** The target's words, verbatim. */
  text: string;
  /** The figures read from it, verbatim, joined by "; "; empty when it has none. */
  figures: string | null;
  /** Ids of the task clauses linked to it, closest first, joined by spaces. */
  tasks: string | null;
}

/** Columns of the commitments table, in order. */
export const COMMITMENT_COLUMNS = [
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

/** One row of the commitments table. */
export interface CommitmentRow {
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

/** The words of a node, heading then text, as one verbatim string. */
function wordsOf(node: DocNode): string {
  return [node.heading, node.text].filter((part): part is string => part !== null).join(' ');
}

/** Every numbered target of a document as a row, in reading order. */
export function targetRows(document: Document, urlOf: UrlOf): TargetRow[] {
  const tasks = new Map(
    linkTargetsToTasks(document).map((link) => [link.targetId, link.tasks.map((t) => t.nodeId)]),
  );
  const rows: TargetRow[] = [];
  walk(withIndicators(document).nodes, (node, ancestors) => {
    if (node.kind !== 'target') return;
    const holder = ancestors[ancestors.length - 1];
    const group = holder ? wordsOf(holder).replace(/\s*:\s*$/u, '') : '';
    const figures = (node.indicators ?? []).map((indicator) => indicator.text);
    const linked = tasks.get(node.id) ?? [];
    rows.push({
      target: node.num,
      id: node.id,
      url: urlOf(node.id),
      citation: displayReaderCitation(node, ancestors),
      group: group === '' ? null : group,
      text: wordsOf(node),
      figures: figures.length > 0 ? figures.join('; ') : null,
      tasks: linked.length > 0 ? linked.join(' ') : null,
    });
  });
  return rows;
}

/** Every indicator of a document as rows: targets first, then other commitments. */
export function commitmentRows(document: Document, urlOf: UrlOf): CommitmentRow[] {
  const targets: CommitmentRow[] = [];
  const others: CommitmentRow[] = [];
  walk(withIndicators(document).nodes, (node, ancestors) => {
    for (const indicator of node.indicators ?? []) {
      const row: CommitmentRow = {
        target: node.kind === 'target' ? node.num : null,
        id: node.id,
        url: urlOf(node.id),
        citation: displayReaderCitation(node, ancestors),
        ...indicator,
      };
      (node.kind === 'target' ? targets : others).push(row);
    }
  });
  return [...targets, ...others];
}

/** A table as CSV text, with its byte-order mark; null cells are empty. */
function toCsv<Row extends object>(columns: readonly (keyof Row & string)[], rows: Row[]): string {
  const cells = rows.map((row) =>
    columns.map((column) => {
      const value = row[column];
      return value === null || value === undefined ? '' : String(value);
    }),
  );
  return stringify([[...columns], ...cells], { bom: true, record_delimiter: 'windows' });
}

/** The targets table as CSV. */
export function toTargetsCsv(document: Document, urlOf: UrlOf): string {
  return toCsv(TARGET_COLUMNS, targetRows(document, urlOf));
}

/** The commitments table as CSV. */
export function toCommitmentsCsv(document: Document, urlOf: UrlOf): string {
  return toCsv(COMMITMENT_COLUMNS, commitmentRows(document, urlOf));
}
