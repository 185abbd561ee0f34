/**
 * A small Word 97–2003 file built byte by byte for tests: a FIB, an 8-bit piece holding TCVN3
 * (capital font included) and VNI runs, a UTF-16 piece holding Unicode text, a field and a
 * one-row table and a footnote, a page of character runs naming each run's font, a page of paragraph runs
 * marking the table's cells and row end, and the font table — a "mixed" document of the
 * kind published before Unicode fonts were the norm.
 */
import CFB from 'cfb';
import { encodeTcvn3, encodeVni } from '../../src/lib/import/legacy.ts';

const FONTS = ['Times New Roman', '.VnTime', '.VnTimeH', 'VNI-Times'];
const TEXT_AT = 1024;

/** Writes little-endian integers into a buffer. */
function put(buf: Uint8Array, at: number, value: number, size: 1 | 2 | 4): void {
  for (let i = 0; i < size; i++) buf[at + i] = (value >>> (8 * i)) & 0xff;
}

/** The font table (SttbfFfn): a count, then each font's 40 bytes of attributes and UTF-16 name. */
function fontTable(): Uint8Array {
  const entries = FONTS.map((name) => {
    const entry = new Uint8Array(40 + 2 * (name.length + 1));
    entry[0] = entry.length - 1;
    for (let i = 0; i < name.length; i++) put(entry, 40 + 2 * i, name.charCodeAt(i), 2);
    return entry;
  });
  const out = new Uint8Array(4 + entries.reduce((n, e) => n + e.length, 0));
  put(out, 0, FONTS.length, 2);
  let at = 4;
  for (const e of entries) {
    out.set(e, at);
    at += e.length;
  }
  return out;
}

/** The .doc file. */
export function buildDoc(): Uint8Array {
  const runsA: [string, string][] = [
    [encodeTcvn3('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true) + '\r', '.VnTimeH'],
    [encodeVni('Độc lập - Tự do - Hạnh phúc') + '\r', 'VNI-Times'],
    [encodeTcvn3('Điều 1. Phường, xã và thị trấn.') + '\r', '.VnTime'],
  ];
  const prose =
    'Chữ Unicode giữ nguyên: café, “ngoặc”.\rKết quả trường: \u0013 NUMPAGES \u00145\u0015 trang.\r';
  const cited = 'Căn cứ luật\u0002.\r';
  const cells = '1\u0007Tăng trưởng\u0007';
  const footnote = '\u0002 Chú thích của luật.\r';
  const textB = `${prose}${cited}${cells}\u0007${footnote}`;
  const textA = runsA.map(([t]) => t).join('');
  const fcB = TEXT_AT + textA.length + (textA.length % 2);
  const page = Math.ceil((fcB + 2 * textB.length) / 512);
  const wd = new Uint8Array((page + 2) * 512);
  // FIB: base, 14 shorts, 22 longs (ccpText), 93 (fc, lcb) pairs.
  put(wd, 0, 0xa5ec, 2);
  put(wd, 2, 0xc1, 2);
  put(wd, 10, 0x0200, 2);
  put(wd, 32, 14, 2);
  put(wd, 62, 22, 2);
  put(wd, 64 + 12, textA.length + textB.length - footnote.length, 4);
  put(wd, 64 + 16, footnote.length, 4);
  put(wd, 152, 93, 2);
  for (let i = 0; i < textA.length; i++) wd[TEXT_AT + i] = textA.charCodeAt(i);
  for (let i = 0; i < textB.length; i++) put(wd, fcB + 2 * i, textB.charCodeAt(i), 2);
  // One page of character runs: each run's properties set its font (sprmCRgFtc0 and sprmCRgFtc2).
  const runs: [number, number, string][] = [];
  let fc = TEXT_AT;
  for (const [t, font] of runsA) {
    runs.push([fc, fc + t.length, font]);
    fc += t.length;
  }
  runs.push([fcB, fcB + 2 * textB.length, 'Times New Roman']);
  const fkp = page * 512;
  put(wd, fkp + 511, runs.length, 1);
  runs.forEach(([start, end], r) => {
    put(wd, fkp + 4 * r, start, 4);
    put(wd, fkp + 4 * (r + 1), end, 4);
  });
  runs.forEach(([, , font], r) => {
    const at = 400 + r * 10;
    put(wd, fkp + 4 * (runs.length + 1) + r, at / 2, 1);
    put(wd, fkp + at, 8, 1);
    put(wd, fkp + at + 1, 0x4a4f, 2);
    put(wd, fkp + at + 3, FONTS.indexOf(font), 2);
    put(wd, fkp + at + 5, 0x4a51, 2);
    put(wd, fkp + at + 7, FONTS.indexOf(font), 2);
  });
  // One page of paragraph runs: the prose, the table's cells (in table), the row end (in table, row end).
  const cellsAt = fcB + 2 * (prose.length + cited.length);
  const rowEndAt = cellsAt + 2 * cells.length;
  const papx = (page + 1) * 512;
  const paraRuns: [number, number][] = [
    [TEXT_AT, cellsAt],
    [cellsAt, rowEndAt],
    [rowEndAt, rowEndAt + 2],
  ];
  put(wd, papx + 511, paraRuns.length, 1);
  paraRuns.forEach(([start, end], r) => {
    put(wd, papx + 4 * r, start, 4);
    put(wd, papx + 4 * (r + 1), end, 4);
  });
  const bx = papx + 4 * (paraRuns.length + 1);
  put(wd, bx + 13, 200, 1); // cells: cb 3, istd 0, sprmPFInTable 1
  wd.set([3, 0, 0, 0x16, 0x24, 1], papx + 400);
  put(wd, bx + 26, 210, 1); // row end: cb 0, cb' 4, istd 0, sprmPFInTable 1, sprmPFTtp 1
  wd.set([0, 4, 0, 0, 0x16, 0x24, 1, 0x17, 0x24, 1], papx + 420);
  // Table stream: piece table (Clx), bin tables of character and paragraph runs, font table.
  const clx = new Uint8Array(5 + 4 * 3 + 8 * 2);
  clx[0] = 0x02;
  put(clx, 1, clx.length - 5, 4);
  put(clx, 5, 0, 4);
  put(clx, 9, textA.length, 4);
  put(clx, 13, textA.length + textB.length, 4);
  put(clx, 17 + 2, ((TEXT_AT * 2) | 0x40000000) >>> 0, 4);
  put(clx, 25 + 2, fcB, 4);
  const bte = new Uint8Array(12);
  put(bte, 0, TEXT_AT, 4);
  put(bte, 4, fcB + 2 * textB.length, 4);
  put(bte, 8, page, 4);
  const bteP = new Uint8Array(12);
  put(bteP, 0, TEXT_AT, 4);
  put(bteP, 4, fcB + 2 * textB.length, 4);
  put(bteP, 8, page + 1, 4);
  const ffn = fontTable();
  // Where the footnote's text starts and ends in the footnote text (PlcffndTxt).
  const ftn = new Uint8Array(8);
  put(ftn, 4, footnote.length, 4);
  const table = new Uint8Array(clx.length + bte.length + bteP.length + ffn.length + ftn.length);
  table.set(clx, 0);
  table.set(bte, clx.length);
  table.set(bteP, clx.length + bte.length);
  table.set(ffn, clx.length + bte.length + bteP.length);
  table.set(ftn, clx.length + bte.length + bteP.length + ffn.length);
  const pair = (index: number, at: number, size: number): void => {
    put(wd, 154 + 8 * index, at, 4);
    put(wd, 154 + 8 * index + 4, size, 4);
  };
  pair(33, 0, clx.length);
  pair(12, clx.length, bte.length);
  pair(13, clx.length + bte.length, bteP.length);
  pair(15, clx.length + bte.length + bteP.length, ffn.length);
  pair(3, clx.length + bte.length + bteP.length + ffn.length, ftn.length);
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/WordDocument', wd);
  CFB.utils.cfb_add(container, '/1Table', table);
  return Uint8Array.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}
