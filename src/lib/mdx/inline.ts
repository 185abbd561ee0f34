/**
 * Source text as phrasing content, with some spans wrapped in inline components: a cited
 * document (`<Cite>`) or an abbreviation (`<Abbr>`). The words themselves are never changed;
 * a mark only decides which element a span of them sits in.
 */
import type { PhrasingContent } from 'mdast';
import { textElement } from './attributes.ts';

/** A span `[start, end)` of one string that renders as an inline component. */
export type Mark =
  | { start: number; end: number; kind: 'cite'; doc: string; to: string }
  | { start: number; end: number; kind: 'abbr'; title: string };

/** Outer marks first; of two marks that cross, the one starting later is dropped. */
export function nestable(marks: Mark[], length: number): Mark[] {
  const sorted = marks
    .filter((m) => m.start >= 0 && m.end <= length && m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  const open: Mark[] = [];
  for (const mark of sorted) {
    while (open.length > 0 && (open[open.length - 1]?.end ?? 0) <= mark.start) open.pop();
    const parent = open[open.length - 1];
    if (parent && mark.end > parent.end) continue;
    kept.push(mark);
    open.push(mark);
  }
  return kept;
}

/** The inline component for one mark, around its already built children. */
function wrap(mark: Mark, children: PhrasingContent[]): PhrasingContent {
  return mark.kind === 'cite'
    ? textElement('Cite', { doc: mark.doc, to: mark.to }, children)
    : textElement('Abbr', { title: mark.title }, children);
}

/** Builds phrasing for `text[from, to)` from marks sorted outer-first. */
function build(text: string, marks: Mark[], from: number, to: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let cursor = from;
  let index = 0;
  while (index < marks.length) {
    const mark = marks[index] as Mark;
    let end = index + 1;
    while (end < marks.length && (marks[end] as Mark).start < mark.end) end++;
    if (mark.start > cursor) out.push({ type: 'text', value: text.slice(cursor, mark.start) });
    out.push(wrap(mark, build(text, marks.slice(index + 1, end), mark.start, mark.end)));
    cursor = mark.end;
    index = end;
  }
  if (cursor < to) out.push({ type: 'text', value: text.slice(cursor, to) });
  return out;
}

/** The phrasing content of a string with its marks. */
export function phrasing(text: string, marks: Mark[] = []): PhrasingContent[] {
  return build(text, nestable(marks, text.length), 0, text.length);
}
