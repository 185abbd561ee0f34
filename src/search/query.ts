import { fold, foldedKey, hasMarks, ySpellings } from '../lib/text/fold';
import { wordKeys, type WordKeys } from './words';

/**
 * A query as typed, read the way a Vietnamese reader means it: each word keeps the marks it was
 * typed with (a word with marks or đ asks for that spelling, one without asks for every accented
 * form), quoted words form phrases, and the words Pagefind is asked for cover every spelling the
 * ranking will accept.
 */

/** One query word; its keys are compared with the keys of page words (see `wordKeys`). */
export interface QueryWord extends WordKeys {
  /** As typed, lower-case NFC: "dưỡng", "57-nq/tw". */
  raw: string;
  /** Typed with a tone or vowel mark or đ: only words of this spelling match. */
  marked: boolean;
  /** The quoted phrase the word belongs to (index into `phrases`), or -1. */
  phrase: number;
}

export interface ParsedQuery {
  words: QueryWord[];
  /** Each quoted phrase as indexes into `words`, in order. */
  phrases: number[][];
  /** The last word may still be growing: no space or closing quote after it. */
  open: boolean;
  /** Part of what was typed was dropped for being too long. */
  truncated: boolean;
}

/** More than this many characters is not a search but pasted text; the rest is ignored. */
export const MAX_QUERY_LENGTH = 200;
/** More words than this never narrow a search of clauses further; the rest are ignored. */
export const MAX_QUERY_WORDS = 16;

/** Straight and curly double quotes, and the guillemets some keyboards give. */
const QUOTES = /["“”„«»]/u;

/** The keys of one whitespace-separated word as typed. */
export function queryWord(raw: string, phrase = -1): QueryWord {
  return { raw, ...wordKeys(raw), marked: hasMarks(raw), phrase };
}

/**
 * Reads a query: words split on whitespace as Pagefind splits them, quoted stretches as phrases
 * (a quote left open runs to the end; a phrase of one word is just that word), pieces without a
 * letter or digit dropped, and at most `MAX_QUERY_LENGTH` characters or `MAX_QUERY_WORDS` words.
 */
export function parseQuery(query: string): ParsedQuery {
  const text = query.normalize('NFC').toLowerCase();
  const kept = text.slice(0, MAX_QUERY_LENGTH);
  const words: QueryWord[] = [];
  const phrases: number[][] = [];
  let truncated = kept.length < text.trim().length;
  kept.split(QUOTES).forEach((stretch, index) => {
    const quoted = index % 2 === 1;
    const pieces = stretch.split(/\s+/u).filter((piece) => foldedKey(piece).length > 0);
    const phrase = quoted && pieces.length > 1 ? phrases.length : -1;
    const indexes: number[] = [];
    for (const piece of pieces) {
      if (words.length >= MAX_QUERY_WORDS) {
        truncated = true;
        break;
      }
      indexes.push(words.length);
      words.push(queryWord(piece, phrase));
    }
    if (phrase >= 0 && indexes.length > 1) phrases.push(indexes);
    else if (phrase >= 0) for (const at of indexes) if (words[at]) words[at].phrase = -1;
  });
  return { words, phrases, open: !/[\s"“”„«»]$/u.test(kept), truncated };
}

/** The query as it would be typed without any mark: the link offered when marks find nothing. */
export function unaccentedQuery(query: ParsedQuery): string {
  const loose: string[] = [];
  const seen = new Set<number>();
  query.words.forEach((word, index) => {
    if (seen.has(index)) return;
    if (word.phrase < 0) {
      loose.push(fold(word.raw));
      return;
    }
    const members = query.phrases[word.phrase] ?? [];
    members.forEach((member) => seen.add(member));
    loose.push(`"${members.map((member) => fold(query.words[member]?.raw ?? '')).join(' ')}"`);
  });
  return loose.join(' ');
}

/** Beyond this many spellings the extra Pagefind calls cost more than they find. */
export const MAX_VARIANTS = 16;

/**
 * The spellings of a word Pagefind is asked for. Pagefind folds tone marks itself (ranking the
 * typed ones first) but keeps đ apart from d and y apart from i, so a word typed with a plain d
 * is also asked with đ, and a word ending in i or y after a consonant in both ways. A word typed
 * with marks is asked in its one spelling ("hóa" for "hoá"), so both spellings ask alike.
 */
export function pagefindSpellings(word: QueryWord): string[] {
  const base = word.marked ? ySpellings(word.raw) : ySpellings(word.raw).map(fold);
  if (word.marked) return base;
  return base.flatMap((spelling) =>
    spelling.startsWith('d') ? [spelling, `đ${spelling.slice(1)}`] : [spelling],
  );
}

/** Every combination of the words' spellings, the first spelling first, at most `limit`. */
export function pagefindQueries(query: ParsedQuery, limit = MAX_VARIANTS): string[] {
  let variants: string[][] = [[]];
  for (const word of query.words) {
    const next: string[][] = [];
    for (const prefix of variants) {
      for (const spelling of pagefindSpellings(word)) next.push([...prefix, spelling]);
    }
    variants = next.slice(0, limit);
  }
  return [...new Set(variants.map((words) => words.join(' ')))];
}
