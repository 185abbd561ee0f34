/**
 * PDF with a text layer → seed text. pdfjs-dist (in `pdf-worker.mjs`) reports positioned text
 * items; here they become lines (by baseline, left to right), the two-column masthead is read
 * column by column, running headers, footers and page numbers are dropped, wrapped lines are
 * joined into paragraphs by their geometry, letter-spaced lines are rebuilt from the glyphs, and text layers in TCVN3 fonts or with known broken
 * glyphs ("ƣ" for "ư") are repaired where the mapping is certain. A PDF of scanned images has
 * no text layer and is refused; nothing is guessed by OCR.
 */
import { createSyncFn } from 'synckit';
import { InputError } from '../text/normalize.ts';
import { blocksToText, type Block } from './blocks.ts';
import {
  decodeLegacy,
  guessLegacy,
  isUnicodeVietnamese,
  legacyOfFont,
  readsBetterAs,
  type Legacy,
} from './legacy.ts';

/** One text item of the PDF's text layer. */
interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
  eol: boolean;
}

/** One page as the worker reports it. */
interface Page {
  width: number;
  height: number;
  images: number;
  items: Item[];
  glyphs: string;
}

type WorkerResult = { error: 'password' | 'invalid'; message?: string } | { pages: Page[] };

/** The PDF library's worker, once a PDF is read. */
let pdfWorker: ((bytes: Uint8Array) => WorkerResult) | undefined;

/**
 * Reads a PDF in the worker that runs pdfjs-dist, called synchronously (see `pdf-worker.mjs`).
 * The worker is started on the first PDF: started with the module, it loaded the PDF library
 * in every process and thread of the build, which reads PDFs only when a seed is one.
 */
function readPdf(bytes: Uint8Array): WorkerResult {
  pdfWorker ??= createSyncFn<(bytes: Uint8Array) => Promise<WorkerResult>>(
    new URL('./pdf-worker.mjs', import.meta.url).href,
    { timeout: 300_000 },
  );
  return pdfWorker(bytes);
}

/** A line of a page: its text pieces (split at wide gaps), baseline, extent and font size. */
interface Line {
  segments: { text: string; x0: number; x1: number }[];
  y: number;
  size: number;
  page: number;
}

/** Glyphs the PDF library substitutes for TCVN3 bytes it takes for punctuation. */
const TCVN3_GLYPHS: Record<string, string> = {
  '\u2212': '\u00AD',
  '\u2219': '\u00B7',
  '\u2010': '\u00AD',
};

/** A letter-spaced string: single characters separated by single spaces ("c ñ a T h ñ t"). */
const LETTER_SPACED = /^(?:\S ){3,}\S$/u;

/** A letter-spaced item rebuilt from the page's glyphs, where the real word spaces are. */
function unspace(str: string, glyphs: string): string {
  const key = str.replace(/ /g, '');
  const compact: number[] = [];
  let squeezed = '';
  for (let i = 0; i < glyphs.length; i++) {
    if (glyphs[i] === ' ' || glyphs[i] === '\n') continue;
    compact.push(i);
    squeezed += glyphs[i];
  }
  const at = squeezed.indexOf(key);
  if (at < 0) return str;
  const from = compact[at] as number;
  const to = (compact[at + key.length - 1] as number) + 1;
  return glyphs.slice(from, to).replace(/\n/g, '').replace(/ +/g, ' ');
}

/** An item's text in Unicode: TCVN3 fonts decoded (capitals for `…H` fonts). */
function itemText(item: Item, documentLegacy: Legacy | null): string {
  const legacy = legacyOfFont(item.font) ?? (documentLegacy && readsBetterAs(item.str, documentLegacy) ? documentLegacy : null);
  if (!legacy || isUnicodeVietnamese(item.str)) return item.str;
  const bytes = legacy === 'tcvn3' ? item.str.replace(/[\u2212\u2219\u2010]/g, (c) => TCVN3_GLYPHS[c] ?? c) : item.str;
  return decodeLegacy(bytes, legacy);
} // prettier-ignore

/** The legacy encoding of a document's text layer: by its fonts, else by its byte patterns. */
function documentLegacy(pages: Page[]): Legacy | null {
  const items = pages.flatMap((p) => p.items);
  const byFont = items.map((i) => legacyOfFont(i.font)).find((l) => l !== null);
  if (byFont) return byFont;
  const text = items.map((i) => i.str).join(' ');
  return isUnicodeVietnamese(text)
    ? null
    : guessLegacy(text.replace(/[\u2212\u2219]/g, (c) => TCVN3_GLYPHS[c] ?? c));
}

/** The lines of a page: items grouped by baseline, sorted top to bottom and left to right. */
function pageLines(page: Page, index: number, legacy: Legacy | null): Line[] {
  // Whitespace items only stand for gaps (the library spans a column gap with one): positions tell those.
  const items = page.items.filter((i) => i.str.trim() !== '');
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { items: Item[]; y: number; size: number }[] = [];
  for (const item of items) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(l.size, item.size) * 0.4);
    if (line) line.items.push(item);
    else lines.push({ items: [item], y: item.y, size: item.size });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.map((line) => {
    line.items.sort((a, b) => a.x - b.x);
    // A letter-spaced line ("c ñ a T h ñ t") is rebuilt whole from the page's glyphs.
    if (line.items.some((i) => LETTER_SPACED.test(i.str))) {
      const first = line.items[0] as Item;
      const last = line.items[line.items.length - 1] as Item;
      const raw = unspace(line.items.map((i) => i.str).join(' '), page.glyphs);
      const text = itemText({ ...first, str: raw }, legacy);
      return {
        segments: [{ text, x0: first.x, x1: last.x + last.width }],
        y: line.y,
        size: line.size,
        page: index,
      };
    }
    const segments: Line['segments'] = [];
    for (const item of line.items) {
      const text = itemText(item, legacy);
      const last = segments[segments.length - 1];
      const gap = last ? item.x - last.x1 : 0;
      if (last && gap < line.size * 2.5) {
        const joiner =
          gap > line.size * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(text) ? ' ' : '';
        last.text += joiner + text;
        last.x1 = Math.max(last.x1, item.x + item.width);
      } else segments.push({ text, x0: item.x, x1: item.x + item.width });
    }
    return { segments, y: line.y, size: line.size, page: index };
  });
}

/** A line's text with its segments joined by a space. */
function lineText(line: Line): string {
  return line.segments
    .map((s) => s.text.trim())
    .filter((t) => t !== '')
    .join(' ');
}

/** Text of a page number or running footer: "2", "- 2 -", "Trang 2", "2/19". */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?$/iu;

/** Drops page numbers and running headers or footers: lines at a page's top or bottom edge repeated on other pages. */
function dropRunningLines(pages: Line[][]): Line[][] {
  const edgeKey = (line: Line): string => lineText(line).replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const line of [lines[0], lines[lines.length - 1]]) {
      if (line) counts.set(edgeKey(line), (counts.get(edgeKey(line)) ?? 0) + 1);
    }
  }
  const repeated = (line: Line): boolean => pages.length >= 3 && (counts.get(edgeKey(line)) ?? 0) >= Math.max(3, pages.length / 2);
  return pages.map((lines) => {
    const out = [...lines];
    for (let pass = 0; pass < 2; pass++) {
      const first = out[0];
      if (first && (PAGE_NUMBER.test(lineText(first)) || repeated(first))) out.shift();
      const last = out[out.length - 1];
      if (last && (PAGE_NUMBER.test(lineText(last)) || repeated(last))) out.pop();
    }
    return out;
  });
} // prettier-ignore

/**
 * The masthead at the top of the first page, set in two columns (issuer and number on the
 * left; motto, place and date on the right): read column by column, as the header table.
 */
function readMasthead(lines: Line[], pageWidth: number): { masthead: string[]; rest: Line[] } {
  const middle = pageWidth / 2;
  let end = 0;
  while (end < lines.length) {
    const segments = (lines[end] as Line).segments;
    const oneSide = segments.length === 1 && ((segments[0] as Line['segments'][number]).x1 < middle + 20 || (segments[0] as Line['segments'][number]).x0 > middle - 20);
    if (segments.length < 2 && !oneSide) break;
    end++;
  }
  const head = lines.slice(0, end);
  if (!head.some((l) => l.segments.length >= 2)) return { masthead: [], rest: lines };
  const column = (left: boolean): string[] =>
    head.flatMap((l) => l.segments.filter((s) => (s.x0 < middle - 20) === left).map((s) => s.text.trim())).filter((t) => t !== '');
  return { masthead: [...column(true), ...column(false)], rest: lines.slice(end) };
} // prettier-ignore

/**
 * The closing block set in two columns ("Nơi nhận:" and its list on the left, the signer on the
 * right), read column by column, as the signature table: recipients first, then the signer.
 * A recipient wrapped onto a second line is joined to it.
 */
function readClosingColumns(lines: Line[], middle: number): { before: Line[]; closing: string[]; after: Line[] } {
  const start = lines.findIndex((l) => /^Nơi nhận/u.test(l.segments[0]?.text.trim() ?? '') && (l.segments[0]?.x1 ?? 0) < middle + 20);
  if (start < 0) return { before: lines, closing: [], after: [] };
  let end = start;
  const page = (lines[start] as Line).page;
  while (end < lines.length && (lines[end] as Line).page === page) {
    const line = lines[end] as Line;
    const split = line.segments.every((seg) => seg.x1 < middle + 20 || seg.x0 > middle - 20);
    if (!split) break;
    end++;
  }
  const block = lines.slice(start, end);
  const left: string[] = [];
  for (const seg of block.flatMap((l) => l.segments.filter((x) => x.x1 < middle + 20))) {
    const text = seg.text.trim();
    const previous = left[left.length - 1];
    if (previous !== undefined && left.length > 1 && !/^[-+•–]/u.test(text) && !/[;.:]$/u.test(previous)) left[left.length - 1] = `${previous} ${text}`;
    else left.push(text);
  }
  const right = block.flatMap((l) => l.segments.filter((x) => x.x0 > middle - 20).map((x) => x.text.trim()));
  return { before: lines.slice(0, start), closing: [...left, ...right].filter((t) => t !== ''), after: lines.slice(end) };
} // prettier-ignore

/** Joins wrapped lines into paragraphs: a line runs on when the one before reached the right margin and it starts at the left margin without a gap above. */
function paragraphs(lines: Line[]): string[] {
  if (lines.length === 0) return [];
  const starts = lines.map((l) => Math.round(l.segments[0]?.x0 ?? 0));
  const left = mode(starts);
  const right = percentile(lines.map((l) => l.segments[l.segments.length - 1]?.x1 ?? 0), 0.9);
  const gaps = lines.slice(1).map((l, i) => (lines[i] as Line).page === l.page ? (lines[i] as Line).y - l.y : NaN).filter((g) => g > 0);
  const spacing = percentile(gaps, 0.3);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const text = lineText(line);
    const previous = lines[i - 1];
    const runsOn =
      previous !== undefined &&
      line.segments.length === 1 &&
      previous.segments.length === 1 &&
      (previous.segments[0]?.x1 ?? 0) >= right - line.size * 3 &&
      Math.abs((line.segments[0]?.x0 ?? 0) - left) <= line.size &&
      (previous.page !== line.page || previous.y - line.y <= spacing * 1.35);
    if (runsOn && out.length > 0) out[out.length - 1] = `${out[out.length - 1]} ${text}`;
    else out.push(text);
  });
  return out;
} // prettier-ignore

/** The most common value. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** A percentile of some numbers (0 when there are none). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Glyphs a broken text layer uses for Vietnamese letters, where the mapping is certain. */
const BROKEN_GLYPHS: Record<string, string> = { ƣ: 'ư', Ƣ: 'Ư' };

/** Repairs known broken glyphs; refuses a text layer whose letters are unreadable. */
export function repairTextLayer(text: string, file: string): string {
  const repaired = text.replace(/[ƣƢ]/gu, (c) => BROKEN_GLYPHS[c] ?? c);
  const letters = repaired.match(/\p{L}/gu)?.length ?? 0;
  const unreadable = repaired.match(/[\uFFFD\uE000-\uF8FF]/gu)?.length ?? 0;
  if (unreadable > Math.max(3, letters * 0.01)) {
    throw new InputError(`${file}: the PDF's text layer is broken (${unreadable} unreadable glyphs) and cannot be repaired with certainty`);
  }
  return repaired;
} // prettier-ignore

/** The text of a PDF with a text layer, in the seed form of `blocks.ts`. */
export function pdfToText(bytes: Uint8Array, file: string): string {
  const result = readPdf(bytes);
  if ('error' in result) {
    if (result.error === 'password') throw new InputError(`${file}: password-protected (encrypted) PDF; it cannot be read without its password`);
    throw new InputError(`${file}: corrupt PDF, cannot read it${result.message ? ` (${result.message.split('\n')[0]})` : ''}`);
  }
  const { pages } = result;
  const characters = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.str.trim().length, 0), 0);
  if (characters === 0) {
    const images = pages.reduce((n, p) => n + p.images, 0);
    throw new InputError(images > 0 ? `${file}: a scan without a text layer (only images); no text to import` : `${file}: no text in this PDF`);
  }
  const legacy = documentLegacy(pages);
  const perPage = dropRunningLines(pages.map((p, i) => pageLines(p, i, legacy)));
  const { masthead, rest } = readMasthead(perPage[0] ?? [], pages[0]?.width ?? 600);
  const body = [...rest, ...perPage.slice(1).flat()];
  const { before, closing, after } = readClosingColumns(body, (pages[0]?.width ?? 600) / 2);
  const texts = [...masthead, ...paragraphs(before), ...closing, ...paragraphs(after)];
  const blocks: Block[] = texts.map((text) => ({ kind: 'paragraph', text }));
  return repairTextLayer(blocksToText(blocks), file);
} // prettier-ignore
