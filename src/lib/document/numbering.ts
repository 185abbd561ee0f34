/**
 * Vietnamese numbering rules: what comes next after a label. Continuity is how a reader tells a
 * heading from a wrapped line that happens to start with "2050." or "Điều 1.", so the parser
 * asks these functions before it accepts a label.
 */

/** Point letters in order: Vietnamese drafting uses đ and skips f, j, w, z. */
export const POINT_LETTERS = [
  'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't',
  'u', 'v', 'x', 'y',
] as const; // prettier-ignore

/** The letter after `letter`, or null at the end of the alphabet or for a letter not used. */
export function nextPointLetter(letter: string): string | null {
  const i = (POINT_LETTERS as readonly string[]).indexOf(letter);
  return i >= 0 && i + 1 < POINT_LETTERS.length ? (POINT_LETTERS[i + 1] ?? null) : null;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** The value of a Roman numeral, or null when it is not a well-formed one (so "IIII" is rejected). */
export function romanToNumber(roman: string): number | null {
  const upper = roman.toUpperCase();
  if (!/^[IVXLCDM]+$/.test(upper)) return null;
  let total = 0;
  for (let i = 0; i < upper.length; i++) {
    const value = ROMAN_VALUES[upper[i] as string] ?? 0;
    const next = ROMAN_VALUES[upper[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return numberToRoman(total) === upper ? total : null;
}

/** The canonical Roman numeral for 1–3999. */
export function numberToRoman(value: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ]; // prettier-ignore
  let rest = value;
  let out = '';
  for (const [n, s] of table) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

/** Ordinal words used in "Phần thứ nhất", so that parts can be counted like numbers. */
const ORDINAL_WORDS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

/** The value of a part/chapter number written as digits, Roman numerals or "thứ nhất". */
export function ordinalValue(num: string): number | null {
  if (/^\d+$/.test(num)) return Number(num);
  const roman = romanToNumber(num);
  if (roman !== null) return roman;
  const word = num
    .replace(/^thứ\s+/i, '')
    .toLowerCase()
    .trim();
  const i = ORDINAL_WORDS.indexOf(word);
  return i >= 0 ? i + 1 : null;
}
