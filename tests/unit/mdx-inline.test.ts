import type { PhrasingContent } from 'mdast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestable, phrasing, type Mark } from '../../src/lib/mdx/inline.ts';
import { clip, firstWords, gist, nodeTitle, squash } from '../../src/lib/vocabulary/titles.ts';
import { relativeCitation } from '../../src/lib/mdx/enrich.ts';
import { displayCitation } from '../../src/lib/vocabulary/citation.ts';
import type { DocNode } from '../../src/lib/document/schema.ts';

/** Text with element names in brackets, to read a phrasing tree at a glance. */
function show(nodes: PhrasingContent[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return n.value;
      if (n.type === 'mdxJsxTextElement') return `[${n.name}:${show(n.children)}]`;
      return '?';
    })
    .join('');
}

const text = 'Nghị quyết số 316/NQ-HĐND của HĐND tỉnh về GRDP';
/** The span of the `nth` occurrence of a word in the text. */
function span(word: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(word, start + 1);
  return { start, end: start + word.length };
}
const cite: Mark = { kind: 'cite', doc: 'd', to: 'nq-316', start: 0, end: span('HĐND').end };
const abbrIn: Mark = { kind: 'abbr', title: 'x', ...span('HĐND') };
const abbrOut: Mark = { kind: 'abbr', title: 'x', ...span('HĐND', 1) };
const last: Mark = { kind: 'abbr', title: 'x', ...span('GRDP') };

describe('inline marks', () => {
  it('wraps spans without changing a character', () => {
    const out = phrasing(text, [abbrOut, cite, abbrIn, last]);
    expect(show(out)).toBe(
      '[Cite:Nghị quyết số 316/NQ-[Abbr:HĐND]] của [Abbr:HĐND] tỉnh về [Abbr:GRDP]',
    );
  });

  it('drops a mark that crosses another, and marks out of range', () => {
    const crossing: Mark = { kind: 'abbr', title: 'x', start: cite.end - 2, end: cite.end + 3 };
    const outside: Mark = { kind: 'abbr', title: 'x', start: 40, end: text.length + 1 };
    expect(nestable([cite, crossing, outside], text.length)).toEqual([cite]);
  });

  it('gives plain text when there is nothing to mark', () => {
    expect(phrasing('a {b} <c>')).toEqual([{ type: 'text', value: 'a {b} <c>' }]);
    expect(phrasing('')).toEqual([]);
  });
});

describe('short names', () => {
  const node = (fields: Partial<DocNode>): DocNode => ({
    kind: 'clause',
    id: 'x',
    num: null,
    label: null,
    heading: null,
    text: null,
    line: 1,
    children: [],
    ...fields,
  });

  it('clips at a word boundary and marks the cut', () => {
    expect(clip('một hai ba bốn năm sáu', 12)).toBe('một hai ba…');
    expect(clip('ngắn', 12)).toBe('ngắn');
    expect(firstWords('a  b c d', 2)).toBe('a b…');
  });

  it('clips and takes first words as if the whole text were squashed, reading only its start', () => {
    // The definitions both read the whole text: squash it, then cut.
    const wholeClip = (text: string, max: number): string => {
      const flat = squash(text);
      if (flat.length <= max) return flat;
      const cut = flat.slice(0, max - 1);
      const space = cut.lastIndexOf(' ');
      return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/u, '')}…`;
    };
    const wholeWords = (text: string, count: number): string => {
      const words = squash(text).split(' ');
      return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
    };
    // Words, runs of spaces and line breaks long enough to straddle where the start is cut.
    const piece = fc.oneof(
      fc.constantFrom('Điều', 'khoản', 'ngân sách,', '2.500', '-', '.', 'tỷ đồng;', '😀'),
      fc.constantFrom(' ', '  ', '\n', ' \t\n ', ' '.repeat(40), '\u00a0'),
      fc.string({ maxLength: 12 }),
    );
    const text = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 60 }), (value, max) => {
        expect(clip(value, max)).toBe(wholeClip(value, max));
        expect(firstWords(value, max)).toBe(wholeWords(value, max));
      }),
      { numRuns: 2000 },
    );
  });

  it('names a node by its label and heading, or the start of its text', () => {
    expect(nodeTitle(node({ label: '2.', heading: 'Các chỉ tiêu chủ yếu' }))).toBe(
      '2. Các chỉ tiêu chủ yếu',
    );
    expect(gist(node({ text: 'một hai ba bốn' }), 2)).toBe('một hai…');
    expect(gist(node({ children: [node({ text: 'con' })] }))).toBe('con');
  });

  it('cites paragraphs and list items where a citation names nothing', () => {
    const article = node({ kind: 'article', id: 'dieu-1', num: '1', label: 'Điều 1.' });
    const paragraph = node({ kind: 'paragraph', id: 'dieu-1.doan-2', text: 't' });
    expect(displayCitation(paragraph, [article])).toBe('Điều 1 › đoạn 2');
    const recipients = node({ kind: 'recipients', id: 'noi-nhan', heading: 'Nơi nhận:' });
    expect(displayCitation(node({ kind: 'item', id: 'noi-nhan.gach-1' }), [recipients])).toBe(
      'Nơi nhận',
    );
  });

  it('shortens a citation by what it shares with the place it is shown', () => {
    expect(
      relativeCitation('Điều 1 › khoản 3 › 3.1 › điểm a', 'Điều 1 › khoản 2 › điểm a › chỉ tiêu 7'),
    ).toBe('khoản 3 › 3.1 › điểm a');
    expect(relativeCitation('Điều 1', 'Điều 1')).toBe('Điều 1');
  });
});
