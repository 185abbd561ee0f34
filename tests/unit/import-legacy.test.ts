import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  guessLegacy,
  isCapitalFont,
  legacyOfFont,
  VIETNAMESE_LETTERS,
} from '../../src/lib/import/legacy.ts';

const LOWER = VIETNAMESE_LETTERS.filter((l) => l === l.toLowerCase());
const UPPER = VIETNAMESE_LETTERS.filter((l) => l !== l.toLowerCase());
/** Letters TCVN3 has a byte for in its ordinary fonts: all lower case, and Ă Â Ê Ô Ơ Ư Đ. */
const TCVN3_PLAIN = [...LOWER, ...'ĂÂÊÔƠƯĐ'];

/** Text made of Vietnamese letters, ASCII letters, digits, spaces and punctuation. */
function vietnameseText(letters: string[]): fc.Arbitrary<string> {
  const ascii = 'bcdghklmnpqrstvxBCDGHKLMNPQRSTVX0123456789 ,.;:()-/'.split('');
  return fc.array(fc.constantFrom(...letters, ...ascii), { maxLength: 80 }).map((a) => a.join(''));
}

describe('the alphabet', () => {
  it('has 146 letters: 73 lower case (12 vowels × 6 tones, and đ) and their capitals', () => {
    expect(LOWER).toHaveLength(73);
    expect(UPPER).toHaveLength(73);
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(146);
  });
});

describe('TCVN3 (ABC)', () => {
  it('has a byte for every lower-case letter and the seven capitals, none of them twice', () => {
    const bytes = TCVN3_PLAIN.map((l) => encodeTcvn3(l));
    for (const b of bytes) expect(b).toMatch(/^[a-zA-Z\u00A0-\u00FF]$/);
    expect(new Set(bytes.filter((b) => b > '\u007f')).size).toBe(
      bytes.filter((b) => b > '\u007f').length,
    );
  });

  it('round-trips every letter, upper case through the capital (…H) fonts', () => {
    for (const letter of TCVN3_PLAIN) expect(decodeTcvn3(encodeTcvn3(letter))).toBe(letter);
    for (const letter of UPPER) expect(decodeTcvn3(encodeTcvn3(letter, true), true)).toBe(letter);
  });

  it('round-trips any text (property)', () => {
    fc.assert(
      fc.property(vietnameseText(TCVN3_PLAIN), (text) => decodeTcvn3(encodeTcvn3(text)) === text),
    );
    fc.assert(
      fc.property(vietnameseText(UPPER), (text) => {
        const upper = text.toUpperCase();
        return decodeTcvn3(encodeTcvn3(upper, true), true) === upper;
      }),
    );
  });

  it('reads 0xAD as ư, not as a soft hyphen', () => {
    expect(decodeTcvn3('ph\u00ADêng')).toBe('phường');
    expect(decodeTcvn3('Ch\u00AD\u00ACng')).toBe('Chương');
  });

  it('decodes real text', () => {
    expect(decodeTcvn3('NghÞ ®Þnh cña ChÝnh phñ sè 114/2003/N§-CP')).toBe(
      'Nghị định của Chính phủ số 114/2003/NĐ-CP',
    );
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam', true)).toBe(
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
  });
});

describe('VNI', () => {
  it('writes every letter as ASCII or Latin-1 bytes, at most two of them', () => {
    for (const letter of VIETNAMESE_LETTERS)
      expect(encodeVni(letter)).toMatch(/^[a-zA-Z\u00C0-\u00FF]{1,2}$/);
  });

  it('round-trips every letter, lower and upper case', () => {
    for (const letter of VIETNAMESE_LETTERS) expect(decodeVni(encodeVni(letter))).toBe(letter);
  });

  it('round-trips any text (property)', () => {
    fc.assert(
      fc.property(
        vietnameseText(VIETNAMESE_LETTERS),
        (text) => decodeVni(encodeVni(text)) === text,
      ),
    );
  });

  it('decodes real text, with either case of mark', () => {
    expect(decodeVni('UÛY BAN NHAÂN DAÂN TÆNH BÌNH PHÖÔÙC')).toBe(
      'ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC',
    );
    expect(decodeVni('Ñoäc laäp - Töï do - Haïnh phuùc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(decodeVni('Chiùnh')).toBe('Chính');
  });
});

describe('recognising legacy text', () => {
  it('tells the encodings apart by their byte patterns', () => {
    expect(guessLegacy('ChÝnh phñ NghÞ ®Þnh cña ChÝnh phñ sè 114/2003/N§-CP')).toBe('tcvn3');
    expect(guessLegacy('UÛY BAN NHAÂN DAÂN Ñoäc laäp - Töï do')).toBe('vni');
  });

  it('leaves Unicode, ASCII and Latin text alone', () => {
    expect(guessLegacy('Chính phủ nước Cộng hòa')).toBeNull();
    expect(guessLegacy('Article 5 of the law')).toBeNull();
    expect(guessLegacy('café au lait, résumé')).toBeNull();
  });

  it('recognises any encoded Vietnamese sentence (property)', () => {
    const sentence = fc
      .array(
        fc.constantFrom(
          'Nghị định',
          'của',
          'Chính phủ',
          'về',
          'cán bộ',
          'công chức',
          'xã',
          'phường',
          'thị trấn',
          'Điều',
          'những',
          'quy định',
          'chung',
        ),
        { minLength: 4, maxLength: 20 },
      )
      .map((w) => w.join(' '))
      // Recognition asks for two marked syllables: one alone is not evidence (next test).
      .filter((s) => (s.match(/\S*[^\p{ASCII}\s]\S*/gu) ?? []).length >= 2);
    fc.assert(
      fc.property(
        sentence,
        (s) => guessLegacy(encodeTcvn3(s)) === 'tcvn3' && guessLegacy(encodeVni(s)) === 'vni',
      ),
    );
  });

  it('does not decide on one marked syllable, which Latin text can show too', () => {
    const one = 'quy định chung chung chung';
    expect(guessLegacy(encodeTcvn3(one))).toBeNull();
    expect(guessLegacy(encodeVni(one))).toBeNull();
    expect(guessLegacy(encodeTcvn3(`${one} của`))).toBe('tcvn3');
    expect(guessLegacy(encodeVni(`${one} của`))).toBe('vni');
    // Read as TCVN3, VNI's "cuûa" gives "cuỷa", as many marked syllables as the right reading.
    expect(guessLegacy(encodeVni('của chung chung của'))).toBe('vni');
    // TCVN3's "ư" is a soft hyphen: read as it is, "ph\u00ADêng" must not pass for "êng".
    expect(guessLegacy(encodeTcvn3('chung phường chung phường'))).toBe('tcvn3');
  });

  it('knows the fonts', () => {
    expect(legacyOfFont('.VnTime')).toBe('tcvn3');
    expect(legacyOfFont('.VnTimeH')).toBe('tcvn3');
    expect(legacyOfFont('.VnArial NarrowH')).toBe('tcvn3');
    expect(legacyOfFont('VNI-Times')).toBe('vni');
    expect(legacyOfFont('VNI-Helve-Condense')).toBe('vni');
    expect(legacyOfFont('Times New Roman')).toBeNull();
    expect(legacyOfFont(null)).toBeNull();
    expect(isCapitalFont('.VnTimeH')).toBe(true);
    expect(isCapitalFont('.VnTime')).toBe(false);
    expect(isCapitalFont('VNI-Times')).toBe(false);
  });
});
