import type { QueryToken } from './query';
import { isMarkable, type Scored } from './rank';

/**
 * Excerpts as data, not HTML: text from the page reaches the DOM through textContent only, so a
 * clause that contains "<script>" can never become markup in a result.
 */

export interface Segment {
  text: string;
  mark: boolean;
}

/** Words shown around the match; about two lines of a phone screen. */
export const EXCERPT_WORDS = 28;

/** The word range to show: centred on the tightest match, kept inside the clause. */
export function excerptRange(scored: Scored, length = EXCERPT_WORDS): [number, number] {
  const { start, end } = scored.section;
  if (end - start <= length) return [start, end];
  const [first, last] = scored.window;
  const middle = Math.floor((first + last) / 2);
  let from = Math.max(start, middle - Math.floor(length / 2));
  from = Math.min(from, end - length);
  return [from, from + length];
}

/** Appends text to the last segment when both are plain, so the DOM gets few nodes. */
function push(segments: Segment[], text: string, mark: boolean): void {
  const last = segments[segments.length - 1];
  if (last && !last.mark && !mark) last.text += text;
  else segments.push({ text, mark });
}

/** Marks a word's letters and digits but not the brackets or commas stuck to it: "(FDI)". */
function pushMarked(segments: Segment[], word: string): void {
  const core = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word);
  const [, before = '', middle = '', after = ''] = core ?? [];
  if (before) push(segments, before, false);
  if (middle) push(segments, middle, true);
  if (after) push(segments, after, false);
}

/** The excerpt of a ranked section with the query's words marked and ellipses where cut. */
export function buildExcerpt(
  scored: Scored,
  tokens: readonly QueryToken[],
  length = EXCERPT_WORDS,
): Segment[] {
  const [from, to] = excerptRange(scored, length);
  const marked = new Set(
    scored.hits.filter((hit) => isMarkable(hit, tokens)).map((hit) => hit.position),
  );
  const segments: Segment[] = [];
  if (from > scored.section.start) push(segments, '… ', false);
  for (let position = from; position < to; position++) {
    if (position > from) push(segments, ' ', false);
    const word = scored.section.page.raw[position] ?? '';
    if (marked.has(position)) pushMarked(segments, word);
    else push(segments, word, false);
  }
  if (to < scored.section.end) push(segments, ' …', false);
  return segments;
}
