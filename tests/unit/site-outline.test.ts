import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load.ts';
import { place } from '../../src/lib/mdx/emit.ts';
import {
  AROUND,
  focusToc,
  isListed,
  LEVEL_LINES,
  neighbours,
  nestToc,
  tableOfContents,
  WHOLE_TOC_LINES,
  type PageRef,
  type TocEntry,
  type TocTree,
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

/** Lines of a table in reading order, each with the count of lines left out just before it. */
function lines(tree: TocTree[]): { entry: TocEntry; omittedBefore: number }[] {
  return tree.flatMap((item) => [
    { entry: item.entry, omittedBefore: item.omittedBefore ?? 0 },
    ...lines(item.children),
  ]);
}

/** A table of `chapters` chapters of `articles` articles each, one page per article. */
function law(chapters: number, articles: number): TocEntry[] {
  const entries: TocEntry[] = [];
  for (let c = 1; c <= chapters; c += 1) {
    entries.push({
      id: `chuong-${c}`,
      page: `dieu-${(c - 1) * articles + 1}`,
      title: `Chương ${c}`,
      depth: 0,
      pageStart: true,
    });
    for (let a = 1; a <= articles; a += 1) {
      const n = (c - 1) * articles + a;
      entries.push({
        id: `dieu-${n}`,
        page: `dieu-${n}`,
        title: `Điều ${n}.`,
        depth: 1,
        pageStart: a > 1,
      });
    }
  }
  return entries;
}

/**
 * Tables of any shape: lines at depths that step down at most one level at a time, cut into
 * pages of consecutive lines.
 */
const tables = fc
  .array(fc.record({ deeper: fc.integer({ min: -3, max: 1 }), newPage: fc.boolean() }), {
    minLength: 1,
    maxLength: 400,
    size: 'max',
  })
  .map((steps) => {
    let depth = 0;
    let page = 0;
    return steps.map(({ deeper, newPage }, index): TocEntry => {
      depth = index === 0 ? 0 : Math.max(0, depth + deeper);
      if (index > 0 && newPage) page += 1;
      return { id: `l${index}`, page: `p${page}`, title: `Dòng ${index}`, depth, pageStart: false };
    });
  });

describe('table of contents of a long document', () => {
  it('is whole on every page when it is short', () => {
    const toc = tableOfContents(document.nodes, placement.pageOf, refs, 'Phần mở đầu');
    expect(toc.length).toBeLessThanOrEqual(WHOLE_TOC_LINES);
    const tree = nestToc(toc);
    expect(focusToc(tree, toc.length, 'dieu-2')).toBe(tree);
  });

  it('shows the chapters and, in the current chapter, the articles near the page', () => {
    const entries = law(20, 40);
    const shown = lines(focusToc(nestToc(entries), entries.length, 'dieu-215'));
    expect(shown.filter((l) => l.entry.depth === 0)).toHaveLength(20);
    const articles = shown.filter((l) => l.entry.depth === 1).map((l) => l.entry.id);
    // Chapter 6 holds articles 201-240: its first, the ten on each side of 215, and its last.
    expect(articles).toEqual([
      'dieu-201',
      ...Array.from({ length: 21 }, (_, i) => `dieu-${205 + i}`),
      'dieu-240',
    ]);
    expect(shown.find((l) => l.entry.id === 'dieu-205')?.omittedBefore).toBe(3);
    expect(shown.find((l) => l.entry.id === 'dieu-240')?.omittedBefore).toBe(14);
    expect(shown.find((l) => l.entry.id === 'chuong-7')?.omittedBefore).toBe(0);
  });

  it('shows the start of a long top level on a page none of its lines is on', () => {
    const entries = law(1, 100)
      .filter((e) => e.depth === 1)
      .map((e) => ({ ...e, depth: 0 }));
    const shown = lines(focusToc(nestToc(entries), entries.length, 'du-lieu'));
    expect(shown.map((l) => l.entry.id)).toEqual([
      ...Array.from({ length: AROUND + 1 }, (_, i) => `dieu-${i + 1}`),
      'dieu-100',
    ]);
    expect(shown.at(-1)?.omittedBefore).toBe(100 - AROUND - 2);
  });

  it('keeps every line of the page, in order, each level counted whole, in a bounded size', () => {
    fc.assert(
      fc.property(tables, fc.nat(), (entries, pick) => {
        const pages = [...new Set(entries.map((e) => e.page))];
        const page = pages[pick % pages.length] ?? null;
        const tree = nestToc(entries);
        const focused = focusToc(tree, entries.length, page);
        if (entries.length <= WHOLE_TOC_LINES) return focused === tree;
        const shown = lines(focused);
        const order = shown.map((l) => entries.indexOf(l.entry));
        const inOrder = order.every((at, i) => i === 0 || at > (order[i - 1] ?? -1));
        const onPage = entries.filter((e) => e.page === page);
        const allOnPage = onPage.every((e) => shown.some((l) => l.entry === e));
        // Each level shown is whole once the lines left out are counted back.
        const counted = (items: TocTree[], whole: TocTree[]): boolean =>
          items.length + items.reduce((n, i) => n + (i.omittedBefore ?? 0), 0) === whole.length &&
          items.every((item) => {
            const source = whole.find((w) => w.entry === item.entry);
            return (
              source !== undefined &&
              (item.children.length === 0 || counted(item.children, source.children))
            );
          });
        // Only the lines that lead to the page are opened.
        const leads = (item: TocTree): boolean =>
          item.entry.page === page || item.children.some(leads);
        const opened = (items: TocTree[]): boolean =>
          items.every(
            (item) => item.children.length === 0 || (leads(item) && opened(item.children)),
          );
        // A level shows at most its short length, or the page's lines with their surroundings.
        const depths = new Set(entries.map((e) => e.depth)).size;
        const bound = depths * Math.max(LEVEL_LINES, 2 * AROUND + 3) + onPage.length;
        return (
          inOrder && allOnPage && counted(focused, tree) && opened(focused) && shown.length <= bound
        );
      }),
    );
  });
});
