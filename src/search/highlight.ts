import { parseQuery, type QueryToken } from './query';
import { matchQuality } from './rank';
import { foldedKey, spelledLetters } from '../lib/text/fold';
import { wordParts } from './words';

/**
 * Marks the query's words in the clause a search result opened, matching the way the search
 * does, so "dieu duong" marks "điều dưỡng" although the person typed no diacritics.
 */

/** True when a written word (or piece of one) is a whole-syllable match for a query word. */
function matches(written: string, tokens: readonly QueryToken[]): boolean {
  const key = foldedKey(written);
  const parts = wordParts(written);
  const exact = spelledLetters(written);
  return key !== '' && tokens.some((token) => matchQuality(token, key, parts, exact, false) >= 0.7);
}

/**
 * Ranges [start, end) to mark in `text`: a whole word when it matches ("57-NQ/TW", "12,5%"),
 * otherwise only its matching pieces ("dưỡng" of "dưỡng/1"), never the punctuation around it.
 */
export function matchRanges(text: string, tokens: readonly QueryToken[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(
    /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}.,/%-]*[\p{L}\p{N}\p{M}%])?/gu,
  )) {
    const word = match[0];
    const whole =
      tokens.some((token) => token.key === foldedKey(word)) ||
      (wordParts(word).length === 1 && matches(word, tokens));
    if (whole) {
      ranges.push([match.index, match.index + word.length]);
      continue;
    }
    for (const piece of word.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu)) {
      if (matches(piece[0], tokens)) {
        ranges.push([match.index + piece.index, match.index + piece.index + piece[0].length]);
      }
    }
  }
  return ranges;
}

/** Not the clause's words: its citation line and cross-links (kept out of the index too). */
const SKIP = '[data-pagefind-ignore], script, style, mark';

/** Wraps the matching words of every text node under `root` in `<mark>`; returns how many. */
export function highlightWords(root: Element, query: string): number {
  const tokens = parseQuery(query);
  if (tokens.length === 0) return 0;
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text && !node.parentElement?.closest(SKIP)) texts.push(node);
  }
  let count = 0;
  for (const text of texts) {
    const ranges = matchRanges(text.data, tokens);
    for (const [start, end] of ranges.reverse()) {
      const word = text.splitText(start);
      word.splitText(end - start);
      const mark = doc.createElement('mark');
      mark.className = 'search-hit';
      word.replaceWith(mark);
      mark.append(word);
      count++;
    }
  }
  return count;
}
