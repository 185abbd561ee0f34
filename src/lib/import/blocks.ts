/**
 * The one text form every importer writes, so the parser sees Word, PDF and HTML files alike:
 * one paragraph per line, no blank lines between paragraphs; layout tables (the header with the
 * issuer and the national motto, the signature with "Nơi nhận") read cell by cell, row by row,
 * each cell's paragraphs on their own lines; data tables as pipe rows, one row per line:
 * `| STT | Nội dung | Ghi chú |` (cell paragraphs joined by a space), which the parser keeps as
 * text, pipes included.
 */

/** A paragraph of text (it may hold line breaks), or a table of cells of paragraphs. */
export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][][] };

/** Text of the masthead and signature blocks: what marks a table as layout rather than data. */
const LAYOUT_MARKS =
  /CỘNG HÒA XÃ HỘI CHỦ NGHĨA|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA|Độc lập\s*-\s*Tự do|^Nơi nhận|^(?:TM|KT|Q|TL|TUQ)\.\s|^\(?Đã ký\)?$|^Số\s*:|^(?:Luật|Pháp lệnh|Nghị quyết) số\s*:|^[^,]{2,60}, ngày \d{1,2} tháng \d{1,2} năm \d{4}/mu;

/** The text of a cell, its paragraphs on separate lines. */
function cellText(cell: string[]): string {
  return cell.join('\n');
}

/** A masthead or signature table: few rows and columns, and the marks of those blocks. */
export function isLayoutTable(rows: string[][][]): boolean {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length > 6 || columns > 3) return false;
  return rows.some((row) => row.some((cell) => LAYOUT_MARKS.test(cellText(cell))));
}

/** One data-table row as a pipe row; line breaks inside a cell become spaces. */
export function pipeRow(cells: string[][]): string {
  const texts = cells.map((cell) =>
    cell
      .join(' ')
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
  );
  return `| ${texts.join(' | ')} |`;
}

/** Whether a line carries any words (rules and blanks are kept only inside words' lines). */
function hasText(line: string): boolean {
  return line.trim() !== '';
}

/** Letters-only capitals test: the lines of a masthead or signature title. */
function isCapitals(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/**
 * The lines of a layout cell. Capital lines in a row are one title wrapped by a narrow column
 * ("HỘI ĐỒNG NHÂN DÂN" / "TỈNH QUẢNG NINH"), joined with a space so the issuer reads whole.
 */
export function layoutCellLines(cell: string[]): string[] {
  const out: string[] = [];
  let previousCapitals = false;
  for (const line of cell.flatMap((p) => p.split('\n'))) {
    if (line.trim() === '') continue;
    const capitals = isCapitals(line) && !/^\s*[-_=~.]{3,}/.test(line);
    if (capitals && previousCapitals) out[out.length - 1] = `${(out[out.length - 1] as string).trimEnd()} ${line.trim()}`;
    else out.push(line);
    previousCapitals = capitals;
  }
  return out;
} // prettier-ignore

/** The lines of one block. */
function blockLines(block: Block): string[] {
  if (block.kind === 'paragraph') return block.text.split('\n');
  if (isLayoutTable(block.rows)) return block.rows.flatMap((row) => row.flatMap(layoutCellLines));
  return block.rows.filter((row) => row.some((cell) => cell.some(hasText))).map(pipeRow);
}

/** How far into a document a masthead may reach, in lines. */
const MASTHEAD_LINES = 8;
/** A gap of tabs or three or more spaces between two columns typed on one line. */
const COLUMN_GAP = /(?<=\S)(?:[ ]*\t[ \t]*|[ ]{3,})(?=\S)/u;

/**
 * Masthead lines typed as two columns side by side ("ỦY BAN NHÂN DÂN <tab> CỘNG HÒA…",
 * "Số: 991/QĐ-UBND      Đồng Xoài, ngày…"), split at the gap into one line per column, left
 * first: the words keep their order and the parser sees the number and the date on lines of
 * their own.
 */
export function splitMastheadColumns(lines: string[]): string[] {
  return lines.flatMap((line, i) => {
    if (i >= MASTHEAD_LINES || !COLUMN_GAP.test(line.trim()) || !LAYOUT_MARKS.test(line.trim().replace(COLUMN_GAP, '\n'))) return [line];
    return line.trim().split(COLUMN_GAP);
  });
} // prettier-ignore

/** The seed text of a document: its blocks' lines, blank ones dropped, ending in a newline. */
export function blocksToText(blocks: Block[]): string {
  const lines = splitMastheadColumns(
    blocks
      .flatMap(blockLines)
      .map((line) => line.replace(/\s+$/u, ''))
      .filter(hasText),
  );
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
