/**
 * Word keys shared by ranking, excerpts and landing-page highlighting, so that the three agree
 * on what "this word matches the query" means for Vietnamese typed with or without diacritics.
 */

/** Pagefind splits page content on this; anchor locations count words split the same way. */
export const WORD_SEPARATOR = /[^\S\uFEFF]+/u;

/** Drops tone marks and writes đ as d: people type "dieu" for "điều" and "do thi" for "đô thị". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Lower-case NFC with punctuation removed, for "typed exactly these diacritics" comparisons. */
export function exactKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The folded letters and digits of a word: "74.000" → "74000", "57-NQ/TW." → "57nqtw". */
export function wordKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Folded pieces between punctuation: "dưỡng/1" → ["duong", "1"], so each piece can match alone. */
export function wordParts(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part.length > 0);
}

/** True when the user typed a mark or đ, so a word with exactly those marks should rank first. */
export function hasDiacritics(text: string): boolean {
  return exactKey(text) !== wordKey(text);
}
