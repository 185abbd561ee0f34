import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { Document } from '../../src/lib/document/schema.ts';
import { repairTextLayer } from '../../src/lib/import/pdf.ts';
import { importBytes } from '../../src/lib/import/source.ts';
import { importFixture } from '../support/shared.ts';
import { textPdf, type Placed } from './import-pdf-build.ts';
import { wordsKept } from './import-words.ts';

/** Article numbers of a parsed document, in order. */
function articleNumbers(document: Document): string[] {
  const out: string[] = [];
  const visit = (node: Document['nodes'][number]): void => {
    if (node.kind === 'article') out.push(node.num ?? '');
    node.children.forEach(visit);
  };
  document.nodes.forEach(visit);
  return out;
}

describe('a PDF whose text layer is in a TCVN3 font', () => {
  const path = importFixture('pdf-tcvn3', 'qd-115-2004-ttg.pdf');
  const text = importBytes(readFileSync(path), path).text;
  const truth = readFileSync(importFixture('pdf-tcvn3', 'qd-115-2004-ttg.truth.txt'), 'utf8');

  it('keeps at least 99% of the words in order', () => {
    const kept = wordsKept(truth, text);
    console.log(
      `pdf-tcvn3 qd-115-2004-ttg: ${(kept.share * 100).toFixed(2)}% of ${kept.total} words kept in order, ${kept.extra} extra`,
    );
    expect(kept.share).toBeGreaterThanOrEqual(0.99);
  });

  it('repairs the glyphs the text layer gives for TCVN3 bytes and rebuilds letter-spaced lines', () => {
    expect(text).toContain('của Thủ tướng Chính phủ số 115/2004/QĐ-TTg');
    expect(text).toContain('Quỹ bảo lãnh tín dụng');
    expect(text).not.toMatch(/[−∙]/u);
  });

  it('has the 3 articles of the truth (counted there by hand)', () => {
    expect(articleNumbers(parseDocument(text).document)).toEqual(['1', '2', '3']);
  });
});

describe('a born-digital PDF', () => {
  const path = importFixture('pdf', 'hdnd-335.pdf');
  const text = importBytes(readFileSync(path), path).text;
  const lines = text.split('\n');

  it('reads the two-column masthead column by column', () => {
    expect(lines.slice(0, 7)).toEqual([
      'CHÍNH PHỦ',
      '_______',
      'Số: 335/2025/NĐ-CP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập – Tự do – Hạnh phúc',
      '_________________',
      'Hà Nội, ngày 21 tháng 12 năm 2025',
    ]);
  });

  it('has Điều 1 to Điều 29 (counted by hand in the file), joined paragraphs, no page numbers', () => {
    const document = parseDocument(text).document;
    expect(articleNumbers(document)).toEqual(Array.from({ length: 29 }, (_, i) => String(i + 1)));
    // The 19 page numbers are gone: the only lines that are a bare number are the denominators
    // of two formulas ("… =" above them) and the month column of the appendix's table.
    const appendix = lines.indexOf('Phụ lục II');
    const bare = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\d{1,3}$/.test(l));
    expect(
      bare.filter(({ i }) => i < appendix).map(({ i }) => lines[i - 1]?.endsWith('=')),
    ).toEqual([true, true]);
    expect(bare.filter(({ i }) => i > appendix).map(({ l }) => l)).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i + 1)),
    );
    expect(text).toContain(
      'Nghị định này quy định nguyên tắc, tiêu chí, thẩm quyền, trình tự, thủ tục đánh giá, xếp loại chất lượng đối với cơ quan hành chính nhà nước',
    );
  });

  it('reads the closing columns as recipients, then the signer; the parser finds the metadata', () => {
    const meta = parseDocument(text).document.meta;
    expect(meta).toMatchObject({
      number: '335/2025/NĐ-CP',
      place: 'Hà Nội',
      date: '2025-12-21',
      signer: 'Phạm Thị Thanh Trà',
      signerTitle: 'TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG',
    });
    expect(text).toContain('- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n');
  });
});

describe('PDF layout rules on generated pages', () => {
  const page = (n: number): Placed[] => [
    { text: 'CONG BAO SO 12', x: 250, y: 810 },
    ...(n === 1
      ? [
          { text: 'UY BAN NHAN DAN', x: 60, y: 760 },
          { text: 'CONG HOA XA HOI CHU NGHIA VIET NAM', x: 320, y: 760 },
          { text: 'So: 12/QD-UBND', x: 60, y: 740 },
          { text: 'Ha Noi, ngay 1 thang 2 nam 2020', x: 320, y: 740 },
          { text: 'QUYET DINH', x: 260, y: 700 },
        ]
      : []),
    {
      text: `Dieu ${n}. Mot dong rat dai cua van ban de xem dong nay co duoc noi voi dong`,
      x: 60,
      y: 650,
    },
    { text: 'sau hay khong khi no ngat dong theo le phai.', x: 60, y: 636 },
    { text: 'Doan moi.', x: 90, y: 610 },
    { text: `- ${n} -`, x: 290, y: 30 },
  ];
  const text = importBytes(textPdf([page(1), page(2), page(3)]), 'generated.pdf').text;

  it('drops running headers and page numbers, joins wrapped lines, keeps indented paragraphs apart', () => {
    expect(text).toBe(
      [
        'UY BAN NHAN DAN',
        'So: 12/QD-UBND',
        'CONG HOA XA HOI CHU NGHIA VIET NAM',
        'Ha Noi, ngay 1 thang 2 nam 2020',
        'QUYET DINH',
        ...[1, 2, 3].flatMap((n) => [
          `Dieu ${n}. Mot dong rat dai cua van ban de xem dong nay co duoc noi voi dong sau hay khong khi no ngat dong theo le phai.`,
          'Doan moi.',
        ]),
        '',
      ].join('\n'),
    );
  });
});

describe('broken text layers', () => {
  it('repairs glyphs whose mapping is certain: "ƣ" for "ư"', () => {
    expect(repairTextLayer('Trƣờng hợp NGƢỜI lao động\n', 'x.pdf')).toBe(
      'Trường hợp NGƯỜI lao động\n',
    );
  });

  it('refuses a text layer whose letters are unreadable, in one line naming the file', () => {
    expect(() => repairTextLayer(`Điều 1. ${'\uFFFD'.repeat(40)} văn bản\n`, 'x.pdf')).toThrow(
      /^x\.pdf: the PDF's text layer is broken \(40 unreadable glyphs\)/,
    );
  });
});
