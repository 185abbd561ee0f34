import { foldedKey, spelledLetters } from '../lib/text/fold';

/**
 * The words of a text and the keys a word is compared by, shared by the query (`query.ts`), the
 * match of a query word with a page word (`match.ts`) and the pages' tokens (`sections.ts`).
 */

/** A page word's keys, computed once per page. */
export interface WordKeys {
  /** Folded letters and digits of the whole word: "duong1" for "dưỡng/1". */
  folded: string;
  /** Letters and digits with marks, one spelling. */
  spelled: string;
  /** The words inside it, split at punctuation: ["duong", "1"]. */
  parts: string[];
  spelledParts: string[];
}

/**
 * A word: a run of letters, marks and digits, where a dot or comma between digits and a percent
 * sign after them belong to the number ("74.000", "12,5%", "5G", "HĐ10"). Any other character
 * separates words: "57-NQ/TW" is three words, "dưỡng/1" two. A percent sign with a letter or
 * digit right after it ("5%a") is a separator, so a word never ends where another begins.
 */
const WORD =
  /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|(?<=\p{N})[.,](?=\p{N}))*(?:(?<=\p{N})%(?![\p{L}\p{M}\p{N}]))?/gu;

/** The words inside a text with their ranges, in the text as given (NFC or not). */
export function wordsIn(text: string): { text: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The keys of a word as it stands on a page ("dưỡng/1", "(FDI),", "74.000"). */
export function wordKeys(text: string): WordKeys {
  const pieces = wordsIn(text).map((piece) => piece.text);
  return {
    folded: foldedKey(text),
    spelled: spelledLetters(text),
    parts: pieces.map(foldedKey).filter((part) => part.length > 0),
    spelledParts: pieces.map(spelledLetters).filter((part) => part.length > 0),
  };
}
