import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { loadDocumentFile } from '../../src/lib/document/load.ts';
import type { DocNode } from '../../src/lib/document/schema.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import { PAGE_LIMIT, splitSections, textSize } from '../../src/lib/mdx/sections.ts';
import { corpusNames, readCorpus } from '../support/shared.ts';
import { documentOf } from '../support/trees.ts';

const SEED = 'seeds/quang-ninh-ktxh-2026.txt';

/** Every node id of a list of (pruned) roots, in reading order. */
function ids(nodes: DocNode[]): string[] {
  return flatten(nodes).map((n) => n.id);
}

/** A minimal node. */
function node(fields: Partial<DocNode> & Pick<DocNode, 'kind' | 'id'>): DocNode {
  return { num: null, label: null, heading: null, text: null, line: 1, children: [], ...fields };
}

/** A document from nodes, with empty metadata. */
const doc = documentOf;

describe('splitting the seed into pages', () => {
  const { document } = loadDocumentFile(SEED);
  const sections = splitSections(document);

  it('gives the pages a reader expects: opening, targets, 3.1–3.8, Điều 2 with the closing', () => {
    expect(sections.map((s) => s.slug)).toEqual([
      'mo-dau',
      'dieu-1-khoan-2',
      'dieu-1-khoan-3-1',
      'dieu-1-khoan-3-2',
      'dieu-1-khoan-3-3',
      'dieu-1-khoan-3-4',
      'dieu-1-khoan-3-5',
      'dieu-1-khoan-3-6',
      'dieu-1-khoan-3-7',
      'dieu-1-khoan-3-8',
      'dieu-2',
    ]);
    expect(sections[0]?.primary.id).toBe('dieu-1.khoan-1');
    expect(sections[1]?.primary.id).toBe('dieu-1.khoan-2');
    expect(sections[10]?.roots.map((r) => r.id)).toEqual([
      'dieu-2',
      'thong-qua',
      'noi-nhan',
      'chu-ky',
      'nguon',
    ]);
  });

  it('holds every node exactly once, in reading order', () => {
    expect(sections.flatMap((s) => ids(s.roots))).toEqual(ids(document.nodes));
  });

  it('puts the opening and the general objective on the first page', () => {
    const first = ids(sections[0]?.roots ?? []);
    expect(first).toContain('tieu-de');
    expect(first).toContain('can-cu-1');
    expect(first).toContain('dieu-1.khoan-1.doan-1');
    expect(first).not.toContain('chi-tieu-1');
  });

  it('keeps a split unit’s head with its first part: clause 3 opens the 3.1 page', () => {
    const page = sections.find((s) => s.slug === 'dieu-1-khoan-3-1');
    expect(page?.roots.map((r) => r.id)).toEqual(['dieu-1.khoan-3']);
    expect(page?.roots[0]?.children.map((c) => c.id)).toEqual([
      'dieu-1.khoan-3.doan-1',
      'dieu-1.khoan-3-1',
    ]);
  });

  it('does not alter the document', () => {
    const again = loadDocumentFile(SEED).document;
    splitSections(again);
    expect(again).toEqual(document);
  });
});

describe('splitting in general', () => {
  it('gives each article its own page, and keeps short articles whole', () => {
    const article = (n: number) =>
      node({
        kind: 'article',
        id: `dieu-${n}`,
        num: String(n),
        label: `Điều ${n}.`,
        heading: 'Ngắn',
        children: [
          node({ kind: 'clause', id: `dieu-${n}.khoan-1`, num: '1', label: '1.', text: 'x' }),
        ],
      });
    const sections = splitSections(doc([article(1), article(2), article(3)]));
    expect(sections.map((s) => s.slug)).toEqual(['dieu-1', 'dieu-2', 'dieu-3']);
  });

  it('splits a long article by clause and attaches trailing paragraphs to the page before', () => {
    const long = 'chữ '.repeat(PAGE_LIMIT / 4);
    const clause = (n: number) =>
      node({ kind: 'clause', id: `dieu-1.khoan-${n}`, num: String(n), label: `${n}.`, text: long });
    const article = node({
      kind: 'article',
      id: 'dieu-1',
      num: '1',
      label: 'Điều 1.',
      text: 'Mở đầu',
      children: [
        node({ kind: 'paragraph', id: 'dieu-1.doan-1', text: 'trước' }),
        clause(1),
        clause(2),
        node({ kind: 'paragraph', id: 'dieu-1.doan-2', text: 'sau' }),
      ],
    });
    expect(textSize(article)).toBeGreaterThan(PAGE_LIMIT);
    const sections = splitSections(doc([article]));
    expect(sections.map((s) => s.slug)).toEqual(['dieu-1-khoan-1', 'dieu-1-khoan-2']);
    expect(ids(sections[0]?.roots ?? [])).toEqual(['dieu-1', 'dieu-1.doan-1', 'dieu-1.khoan-1']);
    expect(ids(sections[1]?.roots ?? [])).toEqual(['dieu-1.khoan-2', 'dieu-1.doan-2']);
  });

  it('gives each article of a chapter a page, the chapter heading going with the first', () => {
    const chapter = node({
      kind: 'chapter',
      id: 'chuong-i',
      num: 'I',
      label: 'Chương I',
      heading: 'QUY ĐỊNH CHUNG',
      children: [1, 2].map((n) =>
        node({ kind: 'article', id: `dieu-${n}`, num: String(n), label: `Điều ${n}.`, text: 'x' }),
      ),
    });
    const sections = splitSections(doc([chapter]));
    expect(sections.map((s) => s.slug)).toEqual(['dieu-1', 'dieu-2']);
    expect(sections[0]?.roots[0]?.id).toBe('chuong-i');
  });

  it('makes one page of a document without articles', () => {
    const sections = splitSections(
      doc([
        node({ kind: 'title', id: 'tieu-de', text: 'T' }),
        node({ kind: 'paragraph', id: 'doan-1', text: 'p' }),
      ]),
    );
    expect(sections.map((s) => s.slug)).toEqual(['mo-dau']);
  });

  it('holds every node once for every corpus text', () => {
    for (const name of corpusNames()) {
      const { document } = parseDocument(readCorpus(name));
      const sections = splitSections(document);
      expect(
        sections.flatMap((s) => ids(s.roots)),
        name,
      ).toEqual(ids(document.nodes));
      expect(new Set(sections.map((s) => s.slug)).size, name).toBe(sections.length);
    }
  });
});
