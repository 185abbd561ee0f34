import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold, foldWithOffsets, sourceRange, tokenize } from '../../src/lib/text/fold';

describe('fold', () => {
  it.each([
    ['Điều hành chi ngân sách', 'dieu hanh chi ngan sach'],
    ['du lịch', 'du lich'],
    ['ĐẦU TƯ', 'dau tu'],
    ['đô thị', 'do thi'],
    ['chuyển đổi số', 'chuyen doi so'],
    ['Ăn ân ên ôn ơn ưn', 'an an en on on un'],
    ['thuỷ thủy', 'thuy thuy'],
    ['HĐND', 'hdnd'],
    ['Ðiều (Icelandic eth)', 'dieu (icelandic eth)'],
    ['GRDP 12,5%', 'grdp 12,5%'],
    ['', ''],
  ])('folds %j to %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('gives the same result for NFC and NFD input', () => {
    const text = 'Tỷ lệ che phủ rừng đạt trên 46%';
    expect(fold(text.normalize('NFD'))).toBe(fold(text.normalize('NFC')));
    expect(fold(text.normalize('NFD'))).toBe('ty le che phu rung dat tren 46%');
  });

  it('is idempotent, lower-case, mark-free and đ-free for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = fold(text);
        expect(fold(once)).toBe(once);
        expect(once).toBe(once.normalize('NFC'));
        expect(/\p{M}/u.test(once.normalize('NFD'))).toBe(false);
        expect(/[đĐðÐ]/.test(once)).toBe(false);
      }),
    );
  });

  it('does not depend on the normalisation form of the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(fold(text.normalize('NFD'))).toBe(fold(text.normalize('NFC')));
      }),
    );
  });

  it('keeps ASCII lower-case text unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 .,;:%()-]*$/), (text) => {
        expect(fold(text)).toBe(text);
      }),
    );
  });

  it('maps every Vietnamese letter, both cases, to one ASCII letter', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    for (const letter of [...letters, ...letters.toUpperCase()]) {
      expect(fold(letter)).toMatch(/^[a-z]$/);
    }
  });
});

describe('foldWithOffsets', () => {
  it('maps folded positions back to the input, for NFC and NFD', () => {
    for (const text of [
      'Đột phá trong tăng trưởng',
      'Đột phá trong tăng trưởng'.normalize('NFD'),
    ]) {
      const map = foldWithOffsets(text);
      expect(map.folded).toBe('dot pha trong tang truong');
      const at = map.folded.indexOf('tang truong');
      const [start, end] = sourceRange(map, at, at + 'tang truong'.length);
      expect(text.slice(start, end).normalize('NFC')).toBe('tăng trưởng');
    }
  });

  it('agrees with fold and covers the whole input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const map = foldWithOffsets(text);
        expect(map.offsets).toHaveLength(map.folded.length + 1);
        expect(map.offsets[map.folded.length]).toBe(text.length);
        for (let i = 1; i < map.offsets.length; i += 1) {
          expect(map.offsets[i]).toBeGreaterThanOrEqual(map.offsets[i - 1] ?? 0);
        }
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'aăâđeêioôơuưyàằầềìòồờùừỳạặậẹệịọộợụựỵ ĐA,.'), {
          maxLength: 40,
        }),
        (chars) => {
          const text = chars.join('');
          expect(foldWithOffsets(text).folded).toBe(fold(text));
        },
      ),
    );
  });

  it('maps any folded range to an input range whose fold is that range', () => {
    const word = fc.array(fc.constantFrom(...'aăâđeêoôơuưàằầềồờùừạặậệộợụựAĐ '), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(word, fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const map = foldWithOffsets(text);
        const start = a % (map.folded.length + 1);
        const end = start + (b % (map.folded.length - start + 1));
        const [from, to] = sourceRange(map, start, end);
        expect(fold(text.slice(from, to))).toBe(map.folded.slice(start, end));
      }),
    );
  });
});

describe('tokenize', () => {
  it('splits syllables and keeps Vietnamese numbers whole, with offsets', () => {
    const text = 'Phấn đấu thành lập mới trên 2.500 doanh nghiệp/năm (12,5%).';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.text)).toEqual([
      'Phấn',
      'đấu',
      'thành',
      'lập',
      'mới',
      'trên',
      '2.500',
      'doanh',
      'nghiệp',
      'năm',
      '12,5',
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens[1]?.folded).toBe('dau');
  });
});
