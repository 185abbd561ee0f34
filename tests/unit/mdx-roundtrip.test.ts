import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { describe, expect, it } from 'vitest';
import { flatten } from '../../src/lib/document/tree.ts';
import { attributes, blockOf, flowElement, textElement } from '../../src/lib/mdx/attributes.ts';
import { emitDocument } from '../../src/lib/mdx/emit.ts';
import { readFrontmatter } from '../../src/lib/mdx/frontmatter.ts';
import { parseMdx, toMdx } from '../../src/lib/mdx/processor.ts';
import { HOSTILE, hostileDocument } from '../fixtures/hostile-document.ts';

type AnyNode = Root | RootContent;

/** The plain text of a subtree, as a reader would see it. */
function plain(node: AnyNode): string {
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  if ('children' in node) return (node.children as AnyNode[]).map(plain).join('');
  return '';
}

/** A JSX element's attribute value by name. */
function attr(node: AnyNode, name: string): string | undefined {
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return undefined;
  const found = node.attributes.find(
    (a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name,
  );
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** The name of a JSX element, or null. */
function nameOf(node: AnyNode): string | null {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement' ? node.name : null;
}

/**
 * Reads every node's own words back from parsed MDX: a Clause's or Frame's Head and Text lines
 * (not its nested units), and a Para's text.
 */
function wordsById(tree: Root): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (node: AnyNode): void => {
    const name = nameOf(node);
    const id = attr(node, 'id');
    if ((name === 'Clause' || name === 'Frame') && id && 'children' in node) {
      const lines = (node.children as AnyNode[])
        .filter((child) => child.type === 'paragraph')
        .flatMap((p) => ('children' in p ? (p.children as AnyNode[]) : []))
        .filter((el) => nameOf(el) === 'Head' || nameOf(el) === 'Text')
        .map(plain);
      out.set(id, lines.join(' '));
    }
    if (name === 'Para' && id) out.set(id, plain(node));
    if ('children' in node) for (const child of node.children as AnyNode[]) visit(child);
  };
  visit(tree);
  return out;
}

describe('MDX from hostile text', () => {
  const document = hostileDocument();
  const files = emitDocument('hostile', document).filter((f) => f.path.endsWith('.mdx'));

  it('gives back every node’s words exactly, after parsing the MDX as MDX does', () => {
    const found = new Map<string, string>();
    for (const file of files) {
      for (const [id, words] of wordsById(parseMdx(readFrontmatter(file.text).body))) {
        expect(found.has(id), `${id} appears twice`).toBe(false);
        found.set(id, words);
      }
    }
    for (const node of flatten(document.nodes)) {
      const expected = [node.label, node.heading, node.text].filter((s) => s !== null).join(' ');
      expect(found.get(node.id), node.id).toBe(expected);
    }
  });

  it('never emits raw HTML, ESM or expressions', () => {
    for (const file of files) {
      const tree = parseMdx(readFrontmatter(file.text).body);
      const kinds = new Set<string>();
      const visit = (node: AnyNode): void => {
        kinds.add(node.type);
        if ('children' in node) for (const child of node.children as AnyNode[]) visit(child);
      };
      visit(tree);
      for (const forbidden of ['html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']) {
        expect(kinds.has(forbidden), `${file.path} has ${forbidden}`).toBe(false);
      }
    }
  });

  it('keeps every hostile string as text', () => {
    const texts = files.map((file) => {
      const tree = parseMdx(readFrontmatter(file.text).body);
      return [...wordsById(tree).values()].join('\n');
    });
    for (const hostile of HOSTILE) expect(texts.join('\n')).toContain(hostile);
  });

  it('round-trips attribute values, including ampersands and quotes', () => {
    const values = [...HOSTILE, 'He said "hi" & \'bye\'', '&amp;&#x26;&lt;'];
    const tree: Root = {
      type: 'root',
      children: [
        flowElement('Clause', Object.fromEntries(values.map((v, i) => [`a${i}`, v])), [
          blockOf(textElement('Text', {}, [{ type: 'text', value: 'x' }])),
        ]),
      ],
    };
    const back = parseMdx(toMdx(tree)).children[0];
    expect(back).toBeDefined();
    values.forEach((value, index) => expect(attr(back as AnyNode, `a${index}`)).toBe(value));
  });

  it('writes attributes in order and leaves out missing ones', () => {
    expect(attributes({ a: '1', b: undefined, c: null, d: 2 }).map((a) => a.name)).toEqual([
      'a',
      'd',
    ]);
  });
});

describe('the import/export guard', () => {
  it('escapes a top-level paragraph that begins with import or export', () => {
    for (const value of ["import y from 'z'", 'export const a = 1', 'important', 'exporter']) {
      const mdx = toMdx({
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'text', value }] }],
      });
      const back = parseMdx(mdx);
      expect(back.children.map((c) => c.type)).toEqual(['paragraph']);
      expect(plain(back)).toBe(value);
    }
  });

  it('leaves other words alone', () => {
    const mdx = toMdx({
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: 'Triển khai import hàng' }] },
      ],
    });
    expect(mdx).toBe('Triển khai import hàng\n');
  });
});
