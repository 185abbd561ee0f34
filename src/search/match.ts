import type { ParsedQuery, QueryWord } from './query';
import { wordKeys, wordsIn, type WordKeys } from './words';

/**
 * Whether a word of a page is a word of the query, one rule for ranking, excerpts and landing
 * highlights: a query word typed with marks matches words of that spelling (old and new spellings
 * being one), one typed without marks matches every accented form, case never matters.
 */

/** Completed syllables match whole; a longer foreign word ("logistic") may still be a prefix. */
const MIN_CLOSED_PREFIX = 4;

/** Qualities: the same word; a word inside punctuation; the start of a word. */
export const QUALITY = { same: 1, inside: 0.9, typing: 0.75, prefix: 0.4 } as const;

/** Below this a match only helps ranking; at or above it the word is shown as found. */
export const WHOLE = 0.7;

/**
 * How well a page word matches a query word: 0 none, 1 the same word. `open` is true for the
 * word still being typed, which may be the start of a longer one.
 */
export function matchQuality(query: QueryWord, word: WordKeys, open: boolean): number {
  const [key, parts, wanted, wantedParts] = query.marked
    ? [word.spelled, word.spelledParts, query.spelled, query.spelledParts]
    : [word.folded, word.parts, query.folded, query.parts];
  if (!key || !wanted) return 0;
  if (key === wanted) return QUALITY.same;
  if (wantedParts.length === 1 && parts.includes(wanted)) return QUALITY.inside;
  const starts = key.startsWith(wanted) || parts.some((part) => part.startsWith(wanted));
  if (!starts) return 0;
  if (open) return QUALITY.typing;
  return query.folded.length >= MIN_CLOSED_PREFIX ? QUALITY.prefix : 0;
}

/** A word token of a text: a syllable, or a number with inner separators ("74.000"). */
interface Piece {
  start: number;
  end: number;
  keys: WordKeys;
}

/** The word tokens of a text with their keys. */
function piecesOf(text: string): Piece[] {
  return wordsIn(text).map((piece) => ({
    start: piece.start,
    end: piece.end,
    keys: wordKeys(piece.text),
  }));
}

/** True when the pieces from `at` on spell the query word: "57", "nq", "tw" for "57-NQ/TW". */
function spellsWord(pieces: readonly Piece[], at: number, word: QueryWord, open: boolean): number {
  const wanted = word.marked ? word.spelledParts : word.parts;
  if (wanted.length === 0) return 0;
  if (wanted.length === 1) {
    const piece = pieces[at];
    return piece && matchQuality(word, piece.keys, open) >= WHOLE ? 1 : 0;
  }
  for (let k = 0; k < wanted.length; k++) {
    const piece = pieces[at + k];
    const key = piece ? (word.marked ? piece.keys.spelled : piece.keys.folded) : '';
    if (key !== wanted[k]) return 0;
  }
  return wanted.length;
}

/**
 * Ranges [start, end) of `text` to mark for a query: every whole word that is a loose query
 * word, and every run of words that is a quoted phrase; never part of a word. `open` lets the
 * last query word match words it begins, as while typing.
 */
export function matchRanges(text: string, query: ParsedQuery, open = false): [number, number][] {
  const pieces = piecesOf(text);
  const last = query.words.length - 1;
  const ranges: [number, number][] = [];
  for (let at = 0; at < pieces.length;) {
    let best = 0;
    for (const phrase of query.phrases) {
      let length = 0;
      let ok = true;
      for (const index of phrase) {
        const word = query.words[index];
        const used = word ? spellsWord(pieces, at + length, word, open && index === last) : 0;
        if (used === 0) {
          ok = false;
          break;
        }
        length += used;
      }
      if (ok) best = Math.max(best, length);
    }
    query.words.forEach((word, index) => {
      if (word.phrase < 0)
        best = Math.max(best, spellsWord(pieces, at, word, open && index === last));
    });
    if (best === 0) {
      at++;
      continue;
    }
    const first = pieces[at];
    const end = pieces[at + best - 1];
    if (first && end) ranges.push([first.start, end.end]);
    at += best;
  }
  return ranges;
}
