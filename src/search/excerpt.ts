import { matchRanges } from './match';
import type { ParsedQuery } from './query';
import type { Scored } from './rank';

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
  if (!text) return;
  const last = segments[segments.length - 1];
  if (last && !last.mark && !mark) last.text += text;
  else segments.push({ text, mark });
}

/**
 * Text cut into plain and marked segments, marking what `matchRanges` marks: whole words and
 * whole phrases of the query, the same as the landing page will.
 */
export function markedSegments(text: string, query: ParsedQuery, open = false): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, query, open)) {
    push(segments, text.slice(at, start), false);
    push(segments, text.slice(start, end), true);
    at = end;
  }
  push(segments, text.slice(at), false);
  return segments;
}

/** The excerpt of a ranked section with the query's words marked and ellipses where cut. */
export function buildExcerpt(
  scored: Scored,
  query: ParsedQuery,
  open = false,
  length = EXCERPT_WORDS,
): Segment[] {
  const [from, to] = excerptRange(scored, length);
  const text = scored.section.page.raw.slice(from, to).join(' ');
  const segments: Segment[] = [];
  if (from > scored.section.start) push(segments, '… ', false);
  for (const segment of markedSegments(text, query, open)) {
    push(segments, segment.text, segment.mark);
  }
  if (to < scored.section.end) push(segments, ' …', false);
  return segments;
}
