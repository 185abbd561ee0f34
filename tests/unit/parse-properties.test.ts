import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { DocumentSchema } from '../../src/lib/document/schema.ts';
import { toPlainText } from '../../src/lib/document/serialize.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import { words } from '../support/words.ts';

const SEED_LINES = readFileSync('seeds/quang-ninh-ktxh-2026.txt', 'utf8').split('\n');

/** The property every input must satisfy: no throw, a valid tree, the same words in order. */
function keepsEveryWord(text: string): void {
  const { document } = parseDocument(text);
  expect(DocumentSchema.safeParse(document).success).toBe(true);
  expect(words(toPlainText(document))).toEqual(words(text));
  const ids = flatten(document.nodes).map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
}

/** Pieces that look like structure, so random texts exercise the label rules. */
const PIECES = [
  'Điều 1.', 'Điều 2.', 'Điều 7.', '1.', '2.', '3.1.', '3.2.', 'a)', 'b)', 'đ)', '(1)', '(2)', '(i)',
  'Chương I', 'Chương II', 'I.', 'II.', 'A.', '-', '+', '“Điều 5.', '”', '"', 'QUYẾT NGHỊ:', 'Nơi nhận:',
  'CHỦ TỊCH', 'PHỤ LỤC', 'Nguồn:', 'Căn cứ', 'Nghị quyết này đã được thông qua', '**', '*', '|', '#',
  '-----', 'ngân sách', 'đạt trên 12,5%.', 'du lịch;', '2050.', '4.0', '\n', '\n', '\n\n', ' ',
  'QUY CHẾ', '(Ban hành kèm theo Quyết định số 1/2025/QĐ-UBND)', 'Mẫu số 01', 'PHỤ LỤC II',
  '| STT | Nội dung |', '| --- | --- |', 'Tiểu mục 1', 'Mục 2', 'a.1)', 'Điều 2a.', 'Điều 8[1].',
  'Điều 16***.', 'TM. ỦY BAN NHÂN DÂN', '(Đã ký)', 'Sửa đổi Điều 5 như sau:', '“', 'tại',
  'Luật này đã được Quốc hội khóa XV, kỳ họp thứ 9 thông qua ngày 1 tháng 1 năm 2025.', 'Số: 5/QĐ',
]; // prettier-ignore

const structuredText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 60 })
  .map((parts) => parts.join(' '));

describe('random inputs never throw and never lose a word', () => {
  it('for shuffled lines of the seed', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(SEED_LINES, { minLength: 1 }), (lines) =>
        keepsEveryWord(lines.join('\n')),
      ),
      { numRuns: 60 },
    );
  });

  it('for the seed truncated anywhere', () => {
    const seed = SEED_LINES.join('\n');
    fc.assert(
      fc.property(fc.nat({ max: seed.length }), fc.nat({ max: seed.length }), (a, b) =>
        keepsEveryWord(seed.slice(Math.min(a, b), Math.max(a, b))),
      ),
      { numRuns: 100 },
    );
  });

  it('for texts made of structure-like pieces', () => {
    fc.assert(fc.property(structuredText, keepsEveryWord), { numRuns: 400 });
  });

  it('for arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), keepsEveryWord), {
      numRuns: 300,
    });
  });
});
