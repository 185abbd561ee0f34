import { foldedKey, hasMarks, spelledLetters } from '../lib/text/fold';
import { wordParts } from './words';

/**
 * A query as the ranking sees it, and the d/đ spellings sent to Pagefind: Pagefind folds tone
 * marks but keeps đ apart from d, so "dau tu cong" alone never reaches "đầu tư công".
 */

export interface QueryToken {
  /** What the person typed, lower-cased NFC: "dưỡng", "57-nq/tw". */
  raw: string;
  /** Folded letters and digits: "duong", "57nqtw". */
  key: string;
  /** Folded pieces between punctuation, for matching inside "57-NQ/TW". */
  parts: string[];
  /** Letters and digits with the typed marks kept, compared when `marked`. */
  exact: string;
  /** The person typed tone marks or đ in this syllable. */
  marked: boolean;
}

/** Beyond this many spellings the extra Pagefind calls cost more than they find. */
export const MAX_VARIANTS = 16;

/** Splits on whitespace like Pagefind does and drops pieces with no letter or digit ("-", "|"). */
export function parseQuery(query: string): QueryToken[] {
  return query
    .normalize('NFC')
    .toLowerCase()
    .replace(/["“”]/g, ' ')
    .split(/\s+/u)
    .map((raw) => ({
      raw,
      key: foldedKey(raw),
      parts: wordParts(raw),
      exact: spelledLetters(raw),
      marked: hasMarks(raw),
    }))
    .filter((token) => token.key.length > 0);
}

/** A syllable typed with a plain d may be written with đ; one typed with đ stays as typed. */
export function dSpellings(raw: string): string[] {
  return raw.startsWith('d') ? [raw, `đ${raw.slice(1)}`] : [raw];
}

/** Every combination of d/đ spellings, the typed spelling first, at most `limit` of them. */
export function expandQuery(tokens: readonly QueryToken[], limit = MAX_VARIANTS): string[] {
  let variants: string[][] = [[]];
  for (const token of tokens) {
    const next: string[][] = [];
    for (const prefix of variants) {
      for (const spelling of dSpellings(token.raw)) next.push([...prefix, spelling]);
    }
    variants = next.slice(0, limit);
  }
  return variants.map((words) => words.join(' '));
}
