/**
 * Word 97–2003 (.doc) → seed text. The OLE container is read with `cfb`; the text is read here
 * from the piece table, with each character's font from the character runs (CHPX) and the font
 * table, because generic extractors neither report fonts nor keep byte 0xAD, which TCVN3 uses
 * for "ư". Runs in TCVN3 or VNI fonts are converted by font; runs without a legacy font are
 * converted only when their bytes read as TCVN3 or VNI and hold no Unicode Vietnamese already.
 * Tables are read from the paragraph runs (in table, row end) and reach `blocks.ts` as tables;
 * footnotes follow the paragraph that cites them.
 */
import CFB from 'cfb';
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

/** A piece of the main text: its character positions and where its bytes are. */
interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  compressed: boolean;
}

/** A character run: a span of file positions and the font index its properties name. */
interface CharRun {
  fcStart: number;
  fcEnd: number;
  font: number | null;
}

/** Windows-1252 characters for bytes 0x80–0x9F, which compressed pieces store as one byte. */
const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰',
  0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•',
  0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
}; // prettier-ignore

/** Sprms that name a run's font: sprmCRgFtc2 (other), then sprmCRgFtc0 (ASCII). */
const SPRM_FONT_OTHER = 0x4a51;
const SPRM_FONT_ASCII = 0x4a4f;

/** A little-endian reader over one stream, failing with a clear error past its end. */
class Reader {
  constructor(
    readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  private check(at: number, size: number): void {
    if (at < 0 || at + size > this.bytes.length) throw new RangeError(`${this.what} ends early`);
  }

  u8(at: number): number {
    this.check(at, 1);
    return this.bytes[at] as number;
  }

  u16(at: number): number {
    this.check(at, 2);
    return (this.bytes[at] as number) | ((this.bytes[at + 1] as number) << 8);
  }

  u32(at: number): number {
    this.check(at, 4);
    return (this.u16(at) | (this.u16(at + 2) << 16)) >>> 0;
  }

  slice(at: number, size: number): Reader {
    this.check(at, size);
    return new Reader(this.bytes.subarray(at, at + size), this.what);
  }
}

/** The File Information Block's fields the text needs. */
interface Fib {
  tableStream: string;
  ccpText: number;
  /** Length of the footnote text, which follows the main text. */
  ccpFtn: number;
  /** (fc, lcb) pairs of the FibRgFcLcb97 by index. */
  fcLcb: (i: number) => { fc: number; lcb: number };
}

/** Reads the FIB at the start of the WordDocument stream; refuses encrypted and pre-97 files. */
function readFib(wd: Reader, file: string): Fib {
  if (wd.u16(0) !== 0xa5ec) throw new InputError(`${file}: not a Word 97–2003 document (bad header)`);
  const nFib = wd.u16(2);
  const flags = wd.u16(10);
  if (flags & 0x0100) throw new InputError(`${file}: password-protected (encrypted) Word document; remove the password and save it again`);
  if (nFib < 0x00c1) throw new InputError(`${file}: a Word 6/95 document; save it as .docx to import it`);
  const csw = wd.u16(32);
  const rgLw = 34 + csw * 2 + 2;
  const cslw = wd.u16(rgLw - 2);
  const rgFcLcb = rgLw + cslw * 4 + 2;
  return {
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    ccpText: wd.u32(rgLw + 12),
    ccpFtn: wd.u32(rgLw + 16),
    fcLcb: (i) => ({ fc: wd.u32(rgFcLcb + i * 8), lcb: wd.u32(rgFcLcb + i * 8 + 4) }),
  };
} // prettier-ignore

/** The piece table (in the Clx): where each stretch of the text lives and how it is stored. */
function readPieces(table: Reader, fib: Fib): Piece[] {
  const { fc, lcb } = fib.fcLcb(33);
  const clx = table.slice(fc, lcb);
  let at = 0;
  while (clx.u8(at) === 0x01) at += 3 + clx.u16(at + 1);
  if (clx.u8(at) !== 0x02) throw new RangeError('piece table missing');
  const size = clx.u32(at + 1);
  const plc = clx.slice(at + 5, size);
  const n = (size - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const raw = plc.u32(4 * (n + 1) + 8 * i + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fcValue = raw & 0x3fffffff;
    pieces.push({
      cpStart: plc.u32(4 * i),
      cpEnd: plc.u32(4 * (i + 1)),
      fc: compressed ? fcValue / 2 : fcValue,
      compressed,
    });
  }
  return pieces;
}

/** The font names of the font table (SttbfFfn), by index. */
function readFonts(table: Reader, fib: Fib): string[] {
  const { fc, lcb } = fib.fcLcb(15);
  if (lcb === 0) return [];
  const sttb = table.slice(fc, lcb);
  const count = sttb.u16(0) === 0xffff ? sttb.u16(2) : sttb.u16(0);
  let at = sttb.u16(0) === 0xffff ? 6 : 4;
  const names: string[] = [];
  for (let i = 0; i < count && at < lcb; i++) {
    const size = sttb.u8(at) + 1;
    let name = '';
    // The name starts after 40 bytes of font attributes, UTF-16, ending with a NUL.
    for (let p = at + 40; p + 1 < at + size; p += 2) {
      const code = sttb.u16(p);
      if (code === 0) break;
      name += String.fromCharCode(code);
    }
    names.push(name);
    at += size;
  }
  return names;
}

/** The operand size of a sprm, from its spra bits. */
function operandSize(sprm: number, grpprl: Reader, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      return grpprl.u8(at) + 1;
  }
}

/** The font a CHPX's properties name, or null. */
function fontOfGrpprl(grpprl: Reader): number | null {
  let other: number | null = null;
  let ascii: number | null = null;
  let at = 0;
  while (at + 2 <= grpprl.bytes.length) {
    const sprm = grpprl.u16(at);
    const size = operandSize(sprm, grpprl, at + 2);
    if (at + 2 + size > grpprl.bytes.length) break;
    if (sprm === SPRM_FONT_OTHER) other = grpprl.u16(at + 2);
    if (sprm === SPRM_FONT_ASCII) ascii = grpprl.u16(at + 2);
    at += 2 + size;
  }
  return other ?? ascii;
}

/** The character runs of the document (bin table of CHPX pages), sorted by file position. */
function readCharRuns(wd: Reader, table: Reader, fib: Fib): CharRun[] {
  const { fc, lcb } = fib.fcLcb(12);
  if (lcb < 4) return [];
  const plc = table.slice(fc, lcb);
  const n = (lcb - 4) / 8;
  const runs: CharRun[] = [];
  for (let i = 0; i < n; i++) {
    const pn = plc.u32(4 * (n + 1) + 4 * i) & 0x3fffff;
    const page = wd.slice(pn * 512, 512);
    const crun = page.u8(511);
    for (let r = 0; r < crun; r++) {
      const offset = page.u8(4 * (crun + 1) + r) * 2;
      const font = offset === 0 ? null : fontOfGrpprl(page.slice(offset + 1, page.u8(offset)));
      runs.push({ fcStart: page.u32(4 * r), fcEnd: page.u32(4 * (r + 1)), font });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** A paragraph run: a span of file positions and whether its paragraphs sit in a table. */
interface ParaRun {
  fcStart: number;
  fcEnd: number;
  inTable: boolean;
  /** The paragraph that ends a table row (its mark is the row-end mark). */
  rowEnd: boolean;
}

/** Table sprms of a PAPX: sprmPFInTable, sprmPFTtp, sprmPItap, sprmPFInnerTtp. */
function tableOfGrpprl(grpprl: Reader): { inTable: boolean; rowEnd: boolean } {
  let inTable = false;
  let rowEnd = false;
  let at = 2; // after the style index
  while (at + 2 <= grpprl.bytes.length) {
    const sprm = grpprl.u16(at);
    const size = operandSize(sprm, grpprl, at + 2);
    if (at + 2 + size > grpprl.bytes.length) break;
    if (sprm === 0x2416 || (sprm === 0x6649 && grpprl.u32(at + 2) > 0)) inTable ||= sprm === 0x6649 || grpprl.u8(at + 2) === 1;
    if ((sprm === 0x2417 || sprm === 0x244c) && grpprl.u8(at + 2) === 1) rowEnd = true;
    at += 2 + size;
  }
  return { inTable: inTable || rowEnd, rowEnd };
} // prettier-ignore

/** The paragraph runs of the document (bin table of PAPX pages), sorted by file position. */
function readParaRuns(wd: Reader, table: Reader, fib: Fib): ParaRun[] {
  const { fc, lcb } = fib.fcLcb(13);
  if (lcb < 4) return [];
  const plc = table.slice(fc, lcb);
  const n = (lcb - 4) / 8;
  const runs: ParaRun[] = [];
  for (let i = 0; i < n; i++) {
    const pn = plc.u32(4 * (n + 1) + 4 * i) & 0x3fffff;
    const page = wd.slice(pn * 512, 512);
    const crun = page.u8(511);
    for (let r = 0; r < crun; r++) {
      const offset = page.u8(4 * (crun + 1) + 13 * r) * 2;
      let props = { inTable: false, rowEnd: false };
      if (offset !== 0) {
        const cb = page.u8(offset);
        const grpprl = cb !== 0 ? page.slice(offset + 1, 2 * cb - 1) : page.slice(offset + 2, 2 * page.u8(offset + 1));
        props = tableOfGrpprl(grpprl);
      }
      runs.push({ fcStart: page.u32(4 * r), fcEnd: page.u32(4 * (r + 1)), ...props });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
} // prettier-ignore

/** The run holding a file position (binary search), or undefined. */
function runAt<T extends { fcStart: number; fcEnd: number }>(runs: T[], fc: number): T | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid] as T;
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run;
  }
  return undefined;
}

/** A stretch of a paragraph in one font. */
interface Span {
  text: string;
  font: string | null;
}

/**
 * Turns spans into Unicode: legacy fonts by font; runs without one by their byte patterns, or
 * by the document's own legacy encoding when they read better in it (style-default fonts).
 */
function spansToText(spans: Span[], documentLegacy: Legacy | null): string {
  const unmarked = spans.filter((s) => !legacyOfFont(s.font)).map((s) => s.text).join('');
  let guessed = isUnicodeVietnamese(unmarked) ? null : guessLegacy(unmarked);
  if (!guessed && documentLegacy && readsBetterAs(unmarked, documentLegacy)) guessed = documentLegacy;
  return spans
    .map((span) => {
      const legacy = legacyOfFont(span.font) ?? guessed;
      if (!legacy || isUnicodeVietnamese(span.text)) return windows1252(span.text);
      return decodeLegacy(span.text, legacy);
    })
    .join('');
} // prettier-ignore

/** The legacy encoding most of a document's font-marked text is in, or its unmarked text's. */
function documentLegacy(paragraphs: Span[][]): Legacy | null {
  const weight: Record<Legacy, number> = { tcvn3: 0, vni: 0 };
  let unmarked = '';
  for (const span of paragraphs.flat()) {
    const legacy = legacyOfFont(span.font);
    if (legacy) weight[legacy] += span.text.length;
    else unmarked += span.text;
  }
  if (weight.tcvn3 + weight.vni > 0) return weight.tcvn3 >= weight.vni ? 'tcvn3' : 'vni';
  return guessLegacy(unmarked);
}

/** Bytes 0x80–0x9F of a Unicode run as the Windows-1252 characters Word shows. */
function windows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (ch) => CP1252[ch.charCodeAt(0)] ?? '');
}

/** What reading the text needs: the stream, pieces, runs and fonts. */
interface TextSource {
  wd: Reader;
  pieces: Piece[];
  runs: CharRun[];
  paraRuns: ParaRun[];
  fonts: string[];
}

/** A paragraph as read: its spans, how it ends (cell, row) and the footnotes it cites. */
interface RawParagraph {
  spans: Span[];
  cellEnd: boolean;
  inTable: boolean;
  rowEnd: boolean;
  notes: number[];
}

/** Reads a range of character positions into paragraphs: fields as their result, note marks by `mark`. */
function readRange(src: TextSource, from: number, to: number, mark: () => { text: string; note: number | null }): RawParagraph[] {
  const paragraphs: RawParagraph[] = [];
  let current: RawParagraph = { spans: [], cellEnd: false, inTable: false, rowEnd: false, notes: [] };
  const fields: boolean[] = [];
  const push = (ch: string, font: string | null): void => {
    if (fields.some((showing) => !showing)) return;
    const last = current.spans[current.spans.length - 1];
    if (last && last.font === font) last.text += ch;
    else current.spans.push({ text: ch, font });
  };
  const end = (code: number, fc: number): void => {
    const props = runAt(src.paraRuns, fc);
    paragraphs.push({ ...current, cellEnd: code === 0x07, inTable: props?.inTable ?? false, rowEnd: props?.rowEnd ?? false });
    current = { spans: [], cellEnd: false, inTable: false, rowEnd: false, notes: [] };
  };
  for (const piece of src.pieces) {
    const start = Math.max(piece.cpStart, from);
    const stop = Math.min(piece.cpEnd, to);
    for (let cp = start; cp < stop; cp++) {
      const fc = piece.fc + (cp - piece.cpStart) * (piece.compressed ? 1 : 2);
      const code = piece.compressed ? src.wd.u8(fc) : src.wd.u16(fc);
      const fontIndex = runAt(src.runs, fc)?.font;
      const font = fontIndex === undefined || fontIndex === null ? null : (src.fonts[fontIndex] ?? null);
      switch (code) {
        case 0x0d: case 0x07: case 0x0c: end(code, fc); break;
        case 0x0b: push('\n', font); break;
        case 0x09: push('\t', font); break;
        case 0x13: fields.push(false); break;
        case 0x14: if (fields.length) fields[fields.length - 1] = true; break;
        case 0x15: fields.pop(); break;
        case 0x1e: push('-', font); break;
        case 0x02: {
          // An automatically numbered footnote mark: its number where Word shows it.
          const { text, note } = mark();
          push(text, null);
          if (note !== null) current.notes.push(note);
          break;
        }
        default:
          // Other control codes (pictures 0x01, objects 0x08, annotation marks, optional hyphens 0x1F) show no text.
          if (code >= 0x20) push(String.fromCharCode(code), font);
      }
    }
  }
  if (current.spans.length) end(0x0d, -1);
  return paragraphs;
} // prettier-ignore

/** Where each footnote's text starts and ends inside the footnote text (PlcffndTxt). */
function footnoteRanges(table: Reader, fib: Fib): [number, number][] {
  const { fc, lcb } = fib.fcLcb(3);
  if (fib.ccpFtn === 0 || lcb < 8) return [];
  const plc = table.slice(fc, lcb);
  const cps = Array.from({ length: lcb / 4 }, (_, i) => plc.u32(4 * i));
  return cps.slice(0, -1).map((cp, i) => [fib.ccpText + cp, fib.ccpText + (cps[i + 1] as number)]);
}

/** The main text's paragraphs, each followed by the footnotes it cites, then made blocks. */
function readParagraphs(src: TextSource, fib: Fib, notes: [number, number][]): Block[] {
  let count = 0;
  const main = readRange(src, 0, fib.ccpText, () => {
    count++;
    return { text: `[${count}]`, note: count <= notes.length ? count : null };
  });
  const paragraphs = main.flatMap((p) => [
    p,
    ...p.notes.flatMap((n) => {
      const [from, to] = notes[n - 1] as [number, number];
      return readRange(src, from, to, () => ({ text: `[${n}]`, note: null })).map((q) => ({ ...q, inTable: false, cellEnd: false, rowEnd: false }));
    }),
  ]);
  const legacy = documentLegacy(paragraphs.map((p) => p.spans));
  return assembleTables(
    paragraphs.map((p) => spansToText(p.spans, legacy)),
    paragraphs,
  );
} // prettier-ignore

/**
 * Paragraphs into blocks: table paragraphs gather into cells (a cell ends at its cell mark) and
 * rows (a row ends at its row-end mark), so tables reach `blocks.ts` as tables.
 */
function assembleTables(texts: string[], ends: { cellEnd: boolean; inTable: boolean; rowEnd: boolean }[]): Block[] {
  const blocks: Block[] = [];
  let rows: string[][][] | null = null;
  let row: string[][] = [];
  let cell: string[] = [];
  texts.forEach((text, i) => {
    const end = ends[i] as (typeof ends)[number];
    if (!end.inTable) {
      if (rows) blocks.push({ kind: 'table', rows: row.length ? [...rows, row] : rows });
      rows = null;
      row = [];
      cell = [];
      blocks.push({ kind: 'paragraph', text });
      return;
    }
    rows ??= [];
    if (end.rowEnd) {
      rows.push(row);
      row = [];
      cell = [];
      return;
    }
    cell.push(text);
    if (end.cellEnd) {
      row.push(cell);
      cell = [];
    }
  });
  if (rows) blocks.push({ kind: 'table', rows: row.length ? [...(rows as string[][][]), row] : rows });
  return blocks;
} // prettier-ignore

/** The text of a Word 97–2003 file, in the seed form of `blocks.ts`. */
export function docToText(bytes: Uint8Array, file: string): string {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    throw new InputError(`${file}: corrupt Word 97–2003 file (compound file unreadable)`);
  }
  const stream = (name: string): Reader => {
    const entry = CFB.find(container, name);
    if (!entry?.content) throw new InputError(`${file}: corrupt Word 97–2003 file (no ${name} stream)`);
    return new Reader(Uint8Array.from(entry.content as ArrayLike<number>), name);
  };
  const wd = stream('WordDocument');
  const fib = readFib(wd, file);
  try {
    const table = stream(fib.tableStream);
    const pieces = readPieces(table, fib);
    const src = { wd, pieces, runs: readCharRuns(wd, table, fib), paraRuns: readParaRuns(wd, table, fib), fonts: readFonts(table, fib) };
    const blocks = readParagraphs(src, fib, footnoteRanges(table, fib));
    return blocksToText(blocks);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: corrupt Word 97–2003 file (${error instanceof Error ? error.message : String(error)})`);
  }
} // prettier-ignore
