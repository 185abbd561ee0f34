/**
 * Vietnamese number forms, as written in legal and planning texts.
 *
 * Rules (Vietnamese convention, TCVN and government style):
 * - `.` groups thousands and `,` marks decimals: `11.800` is 11800, `12,5` is 12.5,
 *   `3.790.000` is 3790000, `1.234,5` is 1234.5, `01` is 1.
 * - A dot is read as a thousands separator only when every group after it has exactly three
 *   digits. Anything else with a dot is not a quantity but a label or a version: `4.0`
 *   ("công nghệ 4.0"), `3.1` (a sub-clause), `66.7` (in "66.7/NQ-CP"); those give `null`.
 * - A comma is always the decimal mark, even before three digits: `1,500` is 1.5, never 1500.
 *   English grouping with several commas (`1,234,567`) is not Vietnamese and gives `null`.
 * - Only digits and these separators: signs, spaces inside numbers and number words
 *   ("mười hai") are outside this module.
 */

/** Digits grouped by dots in threes, with an optional decimal part after a comma. */
const GROUPED = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;

/** Plain digits with an optional decimal part after a comma. */
const PLAIN = /^(\d+)(?:,(\d+))?$/;

/** Parses one number written the Vietnamese way; `null` when the text is not such a number. */
export function parseVietnameseNumber(text: string): number | null {
  const match = GROUPED.exec(text) ?? PLAIN.exec(text);
  if (!match) return null;
  const integer = (match[1] ?? '').replaceAll('.', '');
  const fraction = match[2];
  return Number(fraction === undefined ? integer : `${integer}.${fraction}`);
}

/** A number found in running text, with its verbatim text and UTF-16 range. */
export interface NumberMatch {
  text: string;
  value: number;
  start: number;
  end: number;
}

/**
 * Candidate numbers: digit runs joined by single dots or commas, not glued to a letter or digit
 * on either side ("4G", "HĐ10" and "QH15" are names, not quantities).
 */
const CANDIDATE = /(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)*(?![\p{L}\p{N}])/gu;

/** Finds every Vietnamese number in text, skipping labels such as "4.0" or "66.7". */
export function findNumbers(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const value = parseVietnameseNumber(match[0]);
    if (value === null) continue;
    found.push({ text: match[0], value, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Writes a number the Vietnamese way: 11800 → "11.800", 12.5 → "12,5", 2.05 → "2,05". */
export function formatVietnameseNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const sign = value < 0 ? '-' : '';
  const [integer = '0', fraction] = Math.abs(value).toString().split('.');
  if (integer.includes('e')) throw new RangeError(`number too large to write out: ${value}`);
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped},${fraction}`;
}

/** True for a four-digit integer written without a separator in 1900–2100: a year, not a count. */
export function isYearLike(text: string): boolean {
  if (!/^\d{4}$/.test(text)) return false;
  const year = Number(text);
  return year >= 1900 && year <= 2100;
}
