import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fold,
  foldedKey,
  foldWithOffsets,
  hasMarks,
  sourceRange,
  spelledLetters,
  spellingKey,
  words,
} from '../../src/lib/text/fold';

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

describe('spellingKey', () => {
  it.each([
    ['hoá', 'hóa'],
    ['Khoẻ', 'khỏe'],
    ['thuỷ', 'thủy'],
    ['Uỷ ban', 'ủy ban'],
    ['tỷ lệ', 'tỉ lệ'],
    ['kỹ thuật', 'kĩ thuật'],
    ['lý', 'lí'],
    ['quý', 'quí'],
    ['Mỹ', 'mĩ'],
  ])('writes %j and its other spelling the same way', (one, other) => {
    expect(spellingKey(one)).toBe(spellingKey(other));
    expect(spellingKey(one.normalize('NFD'))).toBe(spellingKey(other));
  });

  it.each([
    ['mới', 'môi'],
    ['sắt', 'sát'],
    ['đô', 'độ'],
    ['biển', 'biến'],
    ['thủy', 'thùy'],
    ['ý', 'í'],
    ['hoàn', 'hòan'],
    ['tuy', 'tui'],
  ])('keeps %j apart from %j', (one, other) => {
    expect(spellingKey(one)).not.toBe(spellingKey(other));
  });

  it('only touches the end of a word, and a y after a vowel', () => {
    expect(spellingKey('hoàn thành')).toBe('hoàn thành');
    expect(spellingKey('thủy lợi, ý kiến')).toBe('thủy lợi, ý kiến');
    expect(spellingKey('tuỳ')).toBe('tùy');
  });

  it('gives a word the same key and fold however many other words came between', () => {
    const first = [spellingKey('Thuỷ'), fold('Thuỷ'), spellingKey('QUÝ'), fold('Đường')];
    // More distinct words than either function remembers, so each forgets and starts again.
    for (let n = 0; n < 50_000; n++) {
      const word = `từ${n}ỷ`;
      expect(spellingKey(word)).toBe(word);
      expect(fold(word)).toBe(`tu${n}y`);
    }
    expect([spellingKey('Thuỷ'), fold('Thuỷ'), spellingKey('QUÝ'), fold('Đường')]).toEqual(first);
    expect(first).toEqual(['thủy', 'thuy', 'quí', 'duong']);
  });

  it('is idempotent and keeps what folding sees', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = spellingKey(text);
        expect(spellingKey(once)).toBe(once);
        expect(fold(spellingKey(text)).length).toBe(fold(text).length);
      }),
    );
  });
});

describe('foldedKey and spelledLetters', () => {
  it('key a word by its letters and digits, with or without marks', () => {
    expect(foldedKey('Điều,')).toBe('dieu');
    expect(foldedKey('74.000')).toBe('74000');
    expect(foldedKey('12,5%.')).toBe('125');
    expect(foldedKey('57-NQ/TW,')).toBe('57nqtw');
    expect(foldedKey('Tỷ')).toBe(foldedKey('tí'));
    expect(foldedKey('-')).toBe('');
    expect(spelledLetters('(Hoá),')).toBe('hóa');
    expect(spelledLetters('điều'.normalize('NFD'))).toBe('điều');
  });

  it('agree: words with the same spelled letters have the same folded key', () => {
    const letters = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }),
        (a, b) => {
          const [one, other] = [a.join(''), b.join('')];
          if (spelledLetters(one) === spelledLetters(other)) {
            expect(foldedKey(one)).toBe(foldedKey(other));
          }
          expect(foldedKey(one)).toBe(foldedKey(fold(one)));
        },
      ),
    );
  });
});

describe('hasMarks', () => {
  it('tells words typed with tone or vowel marks or đ from plain ones', () => {
    expect(hasMarks('đô')).toBe(true);
    expect(hasMarks('dưỡng')).toBe(true);
    expect(hasMarks('ĐẦU'.normalize('NFD'))).toBe(true);
    expect(hasMarks('Do')).toBe(false);
    expect(hasMarks('5G')).toBe(false);
    expect(hasMarks('57-NQ/TW')).toBe(false);
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

describe('words', () => {
  it('splits syllables and keeps Vietnamese numbers whole, with offsets', () => {
    const text = 'Phấn đấu thành lập mới trên 2.500 doanh nghiệp/năm (12,5%).';
    const tokens = words(text);
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
    expect(fold(tokens[1]?.text ?? '')).toBe('dau');
  });
});
