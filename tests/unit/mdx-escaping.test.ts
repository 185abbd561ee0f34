import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Unsafe } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { patternsIn, stringifier, toMdx } from '../../src/lib/mdx/processor.ts';

/** Pieces that mean something somewhere in Markdown or MDX, and plain Vietnamese words. */
const PIECES = [
  ...'*_`~#>+-=|!&<{}[]()\\.:;,"\'/ \t\n',
  '1.',
  '2)',
  '  ',
  '\n\n',
  '---',
  '```',
  '<b>',
  '{x}',
  '&amp;',
  'import',
  'export',
  'http://a.vn',
  'Điều 1.',
  '(7)',
  'b)',
  'kinh tế',
  'Quảng Ninh',
  '2.500',
  'HĐND',
];

/** Text made of up to `most` of `pieces`. */
const joined = (pieces: readonly string[], most: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: most })
    .map((chosen) => chosen.join(''));

/** Text made of those pieces. */
const text = joined(PIECES, 12);

/** Phrasing content around texts of `value`: the places where escaping depends on the neighbours. */
const phrasingOf = (value: fc.Arbitrary<string>): fc.Arbitrary<PhrasingContent> =>
  fc.oneof(
    value.map((v): PhrasingContent => ({ type: 'text', value: v })),
    value.map((v): PhrasingContent => ({
      type: 'emphasis',
      children: [{ type: 'text', value: v }],
    })),
    value.map((v): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value: v }] })),
    value.map((v): PhrasingContent => ({ type: 'inlineCode', value: v })),
    value.map((v): PhrasingContent => ({
      type: 'link',
      url: 'https://example.vn/a',
      children: [{ type: 'text', value: v }],
    })),
    value.map((v): PhrasingContent => ({
      type: 'mdxJsxTextElement',
      name: 'Head',
      attributes: [],
      children: [{ type: 'text', value: v }],
    })),
  );

const phrasing = phrasingOf(text);

/** Blocks holding that content: paragraphs, headings, quotes, list items, MDX elements. */
const block: fc.Arbitrary<RootContent> = fc
  .tuple(
    fc.constantFrom('paragraph', 'heading', 'quote', 'list', 'element'),
    fc.array(phrasing, { minLength: 1, maxLength: 4 }),
  )
  .map(([kind, children]): RootContent => {
    const paragraph = { type: 'paragraph' as const, children };
    if (kind === 'heading') return { type: 'heading', depth: 2, children };
    if (kind === 'quote') return { type: 'blockquote', children: [paragraph] };
    if (kind === 'list') {
      return {
        type: 'list',
        ordered: false,
        spread: false,
        children: [{ type: 'listItem', spread: false, children: [paragraph] }],
      };
    }
    if (kind === 'element') {
      return { type: 'mdxJsxFlowElement', name: 'Clause', attributes: [], children: [paragraph] };
    }
    return paragraph;
  });

const tree = fc
  .array(block, { minLength: 1, maxLength: 4 })
  .map((children): Root => ({ type: 'root', children }));

/** The serializer with its own text handler: the escaping ours must equal. */
const reference = stringifier({}).freeze();

describe('text escaping in MDX', () => {
  it('writes exactly what the serializer writes when it tries every pattern', () => {
    fc.assert(
      fc.property(tree, (root) => {
        expect(toMdx(structuredClone(root))).toBe(reference.stringify(structuredClone(root)));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes what the serializer writes where a text follows another inline node', () => {
    // What stands at the start of the next text decides the escaping of the end of the one
    // before: "a!" before "[a" is not an image, "a!" before "a" needs no escape.
    const SENSITIVE = [
      'a',
      '!',
      '[',
      '_',
      '*',
      ' ',
      '\n',
      '\\',
      '&',
      '<',
      '#',
      '1.',
      '{',
      'i',
      '`',
    ];
    const inline = phrasingOf(joined(SENSITIVE, 3));
    fc.assert(
      fc.property(fc.array(inline, { minLength: 2, maxLength: 4 }), (children) => {
        const root: Root = { type: 'root', children: [{ type: 'paragraph', children }] };
        expect(toMdx(structuredClone(root))).toBe(reference.stringify(structuredClone(root)));
      }),
      { numRuns: 3000 },
    );
    const root: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'a!' },
            { type: 'text', value: '[a' },
          ],
        },
      ],
    };
    expect(toMdx(root)).toBe('a!\\[a\n');
  });

  it('escapes what needs escaping in a text (the comparison is not between two no-ops)', () => {
    const root: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: '# a *b* {c} <d>' }] }],
    };
    expect(toMdx(root)).toBe('\\# a \\*b\\* \\{c} \\<d>\n');
  });

  it('keeps the patterns whose character occurs, in their order, and only those', () => {
    const all: Unsafe[] = [
      { character: '*', inConstruct: 'phrasing' },
      { character: '#', atBreak: true },
      { character: '*', atBreak: true },
      { character: '_', inConstruct: 'phrasing' },
    ];
    expect(patternsIn(all, 'a * b')).toEqual([all[0], all[2]]);
    expect(patternsIn(all, '_#')).toEqual([all[1], all[3]]);
    expect(patternsIn(all, 'plain words')).toEqual([]);
  });

  it('keeps exactly the patterns whose character the text contains, whatever the text', () => {
    const pattern = fc.record({
      character: fc.constantFrom('*', '#', '_', '<', '{', 'i', 'e', ' ', '\n', '&', 'ả', '😀'),
      atBreak: fc.boolean(),
    });
    const text = fc.string({
      unit: fc.constantFrom('a', 'ả', '*', '#', '_', '<', '{', 'i', ' ', '\n', '&', '😀', '\ud83d'),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 12 }), text, (all: Unsafe[], value) => {
        const expected = all.filter((p) => value.includes(p.character));
        expect(patternsIn(all, value)).toEqual(expected);
      }),
    );
  });
});
