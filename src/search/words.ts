import { foldedKey } from '../lib/text/fold';

/**
 * How the search splits text into words, so that ranking, excerpts and landing-page highlighting
 * agree with Pagefind on where a word starts and ends.
 */

/** Pagefind splits page content on this; anchor locations count words split the same way. */
export const WORD_SEPARATOR = /[^\S\uFEFF]+/u;

/** Folded pieces between punctuation: "dưỡng/1" → ["duong", "1"], so each piece can match alone. */
export function wordParts(text: string): string[] {
  return text
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map(foldedKey)
    .filter((part) => part.length > 0);
}
