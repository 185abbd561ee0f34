import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load.ts';
import { place } from '../../src/lib/mdx/emit.ts';
import {
  isListed,
  neighbours,
  nestToc,
  tableOfContents,
  type PageRef,
} from '../../src/lib/site/outline.ts';

const { document } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');
const placement = place(document);
const refs: PageRef[] = placement.sections.map((s) => ({
  page: s.slug,
  title: s.slug,
  order: s.order,
  opening: s.opening,
}));

describe('table of contents of the seed', () => {
  const toc = tableOfContents(document.nodes, placement.pageOf, refs, 'Phần mở đầu');

  it('lists the opening, the articles and the headed clauses and subclauses, in order', () => {
    expect(toc.map((e) => e.id)).toEqual([
      null,
      'dieu-1',
      'dieu-1.khoan-1',
      'dieu-1.khoan-2',
      'dieu-1.khoan-3',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `dieu-1.khoan-3-${n}`),
      'dieu-2',
    ]);
  });

  it('nests by depth and knows which page holds each line', () => {
    expect(toc.find((e) => e.id === 'dieu-1.khoan-3-2')).toMatchObject({
      page: 'dieu-1-khoan-3-2',
      depth: 2,
      pageStart: true,
    });
    expect(toc.find((e) => e.id === 'dieu-1.khoan-3-1')).toMatchObject({
      page: 'dieu-1-khoan-3-1',
      pageStart: false,
    });
    const tree = nestToc(toc);
    expect(tree.map((t) => t.entry.id)).toEqual([null, 'dieu-1', 'dieu-2']);
    expect(tree[1]?.children.map((t) => t.entry.id)).toEqual([
      'dieu-1.khoan-1',
      'dieu-1.khoan-2',
      'dieu-1.khoan-3',
    ]);
    expect(tree[1]?.children[2]?.children).toHaveLength(8);
  });

  it('marks exactly the first line of each page as its start', () => {
    const seen = new Set<string>();
    for (const entry of toc) {
      expect(entry.pageStart).toBe(!seen.has(entry.page));
      seen.add(entry.page);
    }
    expect(toc.filter((e) => e.pageStart).length).toBe(seen.size);
  });

  it('gives every page of a document the same list, and a new one for other arguments', () => {
    expect(tableOfContents(document.nodes, placement.pageOf, refs, 'Phần mở đầu')).toBe(toc);
    const renamed = tableOfContents(document.nodes, placement.pageOf, refs, 'Mở đầu');
    expect(renamed).not.toBe(toc);
    expect(renamed[0]?.title).toBe('Mở đầu');
    expect(Object.isFrozen(toc)).toBe(true);
  });

  it('names lines by label and heading, shortening long headings', () => {
    expect(toc.find((e) => e.id === 'dieu-1.khoan-2')?.title).toBe('2. Các chỉ tiêu chủ yếu');
    expect(toc.find((e) => e.id === 'dieu-2')?.title).toBe('Điều 2. Hội đồng nhân dân tỉnh giao:');
    for (const entry of toc) expect(entry.title.length).toBeLessThanOrEqual(90);
  });

  it('does not list points, targets or paragraphs', () => {
    for (const kind of ['point', 'target', 'paragraph'] as const) {
      expect(
        isListed({
          kind,
          id: 'x',
          num: null,
          label: null,
          heading: 'h',
          text: null,
          line: 1,
          children: [],
        }),
      ).toBe(false);
    }
  });
});

describe('previous and next', () => {
  it('follows reading order and stops at both ends', () => {
    expect(neighbours(refs, 'mo-dau').previous).toBeNull();
    expect(neighbours(refs, 'mo-dau').next?.page).toBe('dieu-1-khoan-2');
    expect(neighbours(refs, 'dieu-1-khoan-3-8').next?.page).toBe('dieu-2');
    expect(neighbours(refs, 'dieu-2').next).toBeNull();
    expect(neighbours(refs, 'nope')).toEqual({ previous: null, next: null });
  });
});
