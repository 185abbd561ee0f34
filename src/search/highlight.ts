import { matchRanges } from './match';
import { parseQuery } from './query';

/**
 * Marks the query's words in the clause a search result opened, matching the way the search
 * does: "dieu duong" marks "điều dưỡng", "đô thị" marks "đô thị" but never "độ", a quoted phrase
 * only where its words stand together, and never part of a word.
 */

/** Not the clause's words: its citation line and cross-links (kept out of the index too). */
const SKIP = '[data-pagefind-ignore], script, style, mark';

/** Elements whose text reads as one run: a phrase may cross inline elements, not these. */
const BLOCK =
  'p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, blockquote, figcaption, div, section, article, main, body';

/** The text nodes under `root` that hold the reader's text, grouped by the block they sit in. */
function textRuns(root: Element): Text[][] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const runs = new Map<Element | null, Text[]>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node instanceof Text) || node.parentElement?.closest(SKIP)) continue;
    const block = node.parentElement?.closest(BLOCK) ?? null;
    runs.set(block, [...(runs.get(block) ?? []), node]);
  }
  return [...runs.values()];
}

/** Wraps `[start, end)` of a text node in a `<mark>`. */
function wrap(text: Text, start: number, end: number): void {
  const doc = text.ownerDocument;
  const word = text.splitText(start);
  word.splitText(end - start);
  const mark = doc.createElement('mark');
  mark.className = 'search-hit';
  word.replaceWith(mark);
  mark.append(word);
}

/** Wraps the matching words and phrases of the text under `root` in `<mark>`; returns how many. */
export function highlightWords(root: Element, query: string): number {
  const parsed = parseQuery(query);
  if (parsed.words.length === 0) return 0;
  let count = 0;
  for (const run of textRuns(root)) {
    const starts: number[] = [];
    let joined = '';
    for (const text of run) {
      starts.push(joined.length);
      joined += text.data;
    }
    const ranges = matchRanges(joined, parsed);
    count += ranges.length;
    // From the end, so that splitting a node never moves the offsets still to be marked.
    for (const [start, end] of ranges.reverse()) {
      for (let i = run.length - 1; i >= 0; i--) {
        const text = run[i];
        const from = starts[i] ?? 0;
        if (!text) continue;
        const to = from + text.data.length;
        const a = Math.max(start, from);
        const b = Math.min(end, to);
        if (a < b && /\S/u.test(text.data.slice(a - from, b - from)))
          wrap(text, a - from, b - from);
      }
    }
  }
  return count;
}
