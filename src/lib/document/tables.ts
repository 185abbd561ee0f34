/**
 * Tables written as pipe rows, one row per line: `| STT | Nội dung | Mức thu |`. The importers
 * write data tables this way, and converted web pages carry Markdown tables; the pipes are
 * formatting, the cells are words.
 */

/** A pipe row: starts and ends with a pipe, with at least one cell between. */
const PIPE_ROW = /^\s*\|.*\|\s*$/;
/** A Markdown delimiter row under a header: `| --- | :---: |`. */
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/** First header cells of Vietnamese tables: "STT", "TT", "Số TT" (the row-number column). */
const HEADER_FIRST_CELL = /^(?:STT|TT|Số TT|Số thứ tự)$/iu;

/** Whether a physical line is a table row. */
export function isPipeRow(raw: string): boolean {
  return PIPE_ROW.test(raw) && !DELIMITER_ROW.test(raw) && splitCells(raw).length >= 2;
}

/** Whether a physical line is the delimiter row that closes a Markdown table header. */
export function isDelimiterRow(raw: string): boolean {
  return raw.includes('|') && DELIMITER_ROW.test(raw);
}

/** The cells of a pipe row, trimmed; an escaped pipe (`\|`) stays inside its cell. */
export function splitCells(raw: string): string[] {
  const inner = raw
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** Whether the first row of a table without a delimiter row reads as its header. */
export function looksLikeHeader(cells: string[]): boolean {
  return HEADER_FIRST_CELL.test(cells[0] ?? '');
}
