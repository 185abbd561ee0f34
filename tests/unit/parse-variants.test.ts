import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { DocNode } from '../../src/lib/document/schema.ts';

const SEED = readFileSync('seeds/quang-ninh-ktxh-2026.txt', 'utf8');

/** The tree without source line numbers, which differ between layouts of the same text. */
function shape(text: string): unknown {
  const strip = (nodes: DocNode[]): unknown[] =>
    nodes.map(({ line: _line, children, ...rest }) => ({ ...rest, children: strip(children) }));
  const { document } = parseDocument(text);
  return { meta: document.meta, nodes: strip(document.nodes) };
}

/** Hard-wraps one line at about `width` columns, as a PDF copy does. */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}

/** Markdown emphasis on every heading line, as converted web pages carry it. */
function emphasiseHeadings(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(Điều \d+\.|\d+\.\d+\.|\d+\.|[a-zđ]\))(\s.*)?$/u.exec(line.trim());
      if (m && line.length < 400) return `**${m[1]}**${m[2] ?? ''}`;
      if (/^(NGHỊ QUYẾT|QUYẾT NGHỊ:|CHỦ TỊCH)$/.test(line.trim())) return `**${line.trim()}**`;
      return line;
    })
    .join('\n');
}

const expected = shape(SEED);

describe('the same tree from every layout of the seed', () => {
  it('with CRLF line ends', () => {
    expect(shape(SEED.replace(/\n/g, '\r\n'))).toEqual(expected);
  });

  it('with a byte order mark', () => {
    expect(shape(`\uFEFF${SEED}`)).toEqual(expected);
  });

  it('in decomposed Unicode (NFD)', () => {
    const nfd = SEED.normalize('NFD');
    expect(nfd).not.toBe(SEED);
    expect(shape(nfd)).toEqual(expected);
  });

  it('hard-wrapped at 80 columns with blank lines between paragraphs', () => {
    const wrapped = SEED.split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => wrap(l, 80).join('\n'))
      .join('\n\n');
    expect(wrapped.split('\n').every((l) => l.length <= 80 || !l.includes(' '))).toBe(true);
    expect(shape(wrapped)).toEqual(expected);
  });

  it('with markdown emphasis on its headings', () => {
    const marked = emphasiseHeadings(SEED);
    expect(marked).toContain('**Điều 1.**');
    expect(marked).toContain('**3.1.**');
    expect(shape(marked)).toEqual(expected);
  });

  it('with all of these at once', () => {
    const wrapped = emphasiseHeadings(SEED)
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => wrap(l, 78).join('\n'))
      .join('\n\n');
    expect(shape(`\uFEFF${wrapped.normalize('NFD').replace(/\n/g, '\r\n')}`)).toEqual(expected);
  });
});

/** Units whose ids must not depend on the layout: everything but frame lines and paragraphs. */
const UNIT_KINDS = new Set([
  'instrument',
  'appendix',
  'form',
  'part',
  'chapter',
  'section',
  'subsection',
  'article',
  'clause',
  'subclause',
  'point',
  'subpoint',
  'quote',
  'table',
]);

/** The ids of a text's units in reading order. */
function unitIds(text: string): string[] {
  const out: string[] = [];
  const go = (nodes: DocNode[]): void => {
    for (const node of nodes) {
      if (UNIT_KINDS.has(node.kind)) out.push(node.id);
      go(node.children);
    }
  };
  go(parseDocument(text).document.nodes);
  return out;
}

const HANDMADE = readdirSync('tests/fixtures/handmade')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => [f, readFileSync(`tests/fixtures/handmade/${f}`, 'utf8')] as const);

describe('the same units from every layout of the hand-made texts', () => {
  it.each(HANDMADE)('%s with CRLF, a byte order mark and NFD', (_name, text) => {
    expect(shape(`\uFEFF${text.normalize('NFD').replace(/\n/g, '\r\n')}`)).toEqual(shape(text));
  });

  it.each(HANDMADE)('%s hard-wrapped at 60 columns with blank lines between', (_name, text) => {
    const wrapped = text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => wrap(l, 60).join('\n'))
      .join('\n\n');
    expect(unitIds(wrapped)).toEqual(unitIds(text));
  });
});
