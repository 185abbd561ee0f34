import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchLabel, splitInlineTargets } from '../../src/lib/document/labels.ts';
import { toLogicalLines } from '../../src/lib/document/lines.ts';
import {
  POINT_LETTERS,
  nextPointLetter,
  numberToRoman,
  ordinalValue,
  romanToNumber,
} from '../../src/lib/document/numbering.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { flatten } from '../../src/lib/document/tree.ts';

describe('numbering', () => {
  it('orders point letters the Vietnamese way: đ after d, no f j w z', () => {
    expect(POINT_LETTERS.join('')).toBe('abcdđeghiklmnopqrstuvxy');
    expect(nextPointLetter('d')).toBe('đ');
    expect(nextPointLetter('đ')).toBe('e');
    expect(nextPointLetter('e')).toBe('g');
    expect(nextPointLetter('i')).toBe('k');
    expect(nextPointLetter('y')).toBeNull();
    expect(nextPointLetter('f')).toBeNull();
  });

  it('reads Roman numerals and rejects malformed ones', () => {
    expect(['I', 'IV', 'IX', 'XIV', 'XL', 'XCIX'].map(romanToNumber)).toEqual([
      1, 4, 9, 14, 40, 99,
    ]);
    expect(['IIII', 'VX', 'IC', 'ABC', ''].map(romanToNumber)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('round-trips every Roman numeral from 1 to 3999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), (n) => romanToNumber(numberToRoman(n)) === n),
    );
  });

  it('counts parts written as digits, Roman numerals or words', () => {
    expect(['3', 'III', 'thứ nhất', 'thứ hai', 'THỨ TƯ'].map(ordinalValue)).toEqual([
      3, 3, 1, 2, 4,
    ]);
  });
});

describe('labels', () => {
  it.each([
    ['Điều 1.    Hội đồng', 'article', '1', 'Điều 1.', 'Hội đồng'],
    ['Điều 12. Hỗ trợ', 'article', '12', 'Điều 12.', 'Hỗ trợ'],
    ['Chương III', 'chapter', 'III', 'Chương III', ''],
    ['Phần thứ nhất. QUY ĐỊNH', 'part', 'thứ nhất', 'Phần thứ nhất.', 'QUY ĐỊNH'],
    ['Mục 2. Đất đai', 'section', '2', 'Mục 2.', 'Đất đai'],
    ['II. NHIỆM VỤ', 'part', 'II', 'II.', 'NHIỆM VỤ'],
    ['A. BỔ SUNG', 'part', 'A', 'A.', 'BỔ SUNG'],
    ['3.1. Đẩy mạnh', 'subclause', '3.1', '3.1.', 'Đẩy mạnh'],
    ['2. Các chỉ tiêu', 'clause', '2', '2.', 'Các chỉ tiêu'],
    ['đ) Tiếp nhận', 'point', 'đ', 'đ)', 'Tiếp nhận'],
    ['(7) Phấn đấu', 'target', '7', '(7)', 'Phấn đấu'],
    ['- Chính phủ;', 'item', null, '-', 'Chính phủ;'],
    ['+ Kinh phí', 'item', null, '+', 'Kinh phí'],
  ])('%s', (text, kind, num, label, rest) => {
    expect(matchLabel(text)).toMatchObject({ kind, num, label, rest });
  });

  it.each([
    'Điều hành chi ngân sách nhà nước',
    'Mục tiêu tổng quát',
    '12,5% tăng trưởng',
    '11.800 USD',
    '4.0 trong xúc tiến',
    '(i) Đề án',
    '(Việt Nam)',
    'Chương trình mục tiêu',
    'Phần lớn các dự án',
    '-5 độ',
  ])('no label in "%s"', (text) => {
    const label = matchLabel(text);
    // "4.0" looks like a subclause; continuity rejects it later (no sub-item 0).
    if (label?.kind === 'subclause') expect(label.num).toBe('4.0');
    else expect(label).toBeNull();
  });
});

describe('inline targets', () => {
  it('splits where the numbering continues, after a sentence end', () => {
    const split = splitInlineTargets('Về kinh tế:  (1) Một. (2) Hai, (3) không tách. (3) Ba.', 1);
    expect(split).toEqual({
      lead: 'Về kinh tế:',
      targets: [
        { num: '1', label: '(1)', text: 'Một.' },
        { num: '2', label: '(2)', text: 'Hai, (3) không tách.' },
        { num: '3', label: '(3)', text: 'Ba.' },
      ],
    });
  });

  it('does not split when the numbers do not continue', () => {
    expect(splitInlineTargets('Đề án: (i) một; (ii) hai. (5) năm.', 1).targets).toEqual([]);
  });
});

describe('logical lines', () => {
  it('joins hard-wrapped lines, keeping mid-sentence "2050.", "4.0" and "Điều 1." inside', () => {
    const text = [
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
      '',
      'QUYẾT NGHỊ:',
      '',
      'Điều 1. Thông qua kế hoạch như sau:',
      '',
      '1. Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm',
      '2050. Ứng dụng công nghệ',
      '4.0 trong xúc tiến thương mại, theo quy định tại khoản 3',
      'Điều 1. Nghị quyết số 05/2023/NQ-HĐND.',
      '',
      '2. Tổ chức thực hiện.',
      '',
      'Điều 2. Hiệu lực',
      '',
      'Nghị quyết có hiệu lực từ ngày ký.',
    ].join('\n');
    const { document, warnings } = parseDocument(text);
    const clause = flatten(document.nodes).find((n) => n.id === 'dieu-1.khoan-1');
    expect(clause?.text).toBe(
      'Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050. Ứng dụng công nghệ 4.0 trong xúc tiến thương mại, theo quy định tại khoản 3 Điều 1. Nghị quyết số 05/2023/NQ-HĐND.',
    );
    expect(document.nodes.filter((n) => n.kind === 'article').map((n) => n.num)).toEqual([
      '1',
      '2',
    ]);
    expect(warnings).toEqual([]);
  });

  it('joins a heading word from its number: "Chương\\nIII"', () => {
    const lines = toLogicalLines('**Chương\nIII**\n\n**QUY ĐỊNH**\n\nx\n\ny\n\nz');
    expect(lines[0]).toMatchObject({ text: 'Chương III', line: 1, blockStart: true });
  });

  it('joins lines of an unwrapped text only when they start in lower case', () => {
    const lines = toLogicalLines(
      '1. Ủy ban chỉ đạo hợp\nlý, hiệu quả.\n2. Thường trực giám sát.\na) Điểm a.',
    );
    expect(lines.map((l) => l.text)).toEqual([
      '1. Ủy ban chỉ đạo hợp lý, hiệu quả.',
      '2. Thường trực giám sát.',
      'a) Điểm a.',
    ]);
  });
});
