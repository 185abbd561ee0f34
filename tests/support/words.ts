/** Words for "nothing is lost" checks: runs of letters and digits, markup and punctuation aside. */
import { normalizeText } from '../../src/lib/text/normalize.ts';

/**
 * The words of a text in order, after the same normalisation the parser applies. Emphasis
 * markers (`**`, `__`) are formatting, not a space: the parser drops them from a converted web
 * page (`stripMarkdown`), so "0**A" reads "0A" there, and they are dropped here on both sides.
 */
export function words(text: string): string[] {
  return (
    normalizeText(text)
      .replace(/\*\*|__/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The first index where two word lists differ, with context, or null when equal. */
export function firstDifference(expected: string[], actual: string[]): string | null {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) {
      const around = (list: string[]): string => list.slice(Math.max(0, i - 5), i + 5).join(' ');
      return `word ${i}: expected "${around(expected)}" got "${around(actual)}"`;
    }
  }
  return null;
}
