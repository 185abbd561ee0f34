/**
 * Navigation built from the document tree and the pages that hold its nodes: the table of
 * contents, breadcrumbs and previous/next. Pure functions over plain data, so they are tested
 * without Astro.
 */
import type { DocNode, NodeKind } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { nodeTitle } from '../vocabulary/titles.ts';

/** Units always listed in the table of contents. */
const LISTED = new Set<NodeKind>([
  'instrument',
  'part',
  'chapter',
  'section',
  'subsection',
  'article',
  'appendix',
  'form',
]);

/** Units listed when they have a heading of their own ("3.1. Đẩy mạnh …"). */
const LISTED_WHEN_HEADED = new Set<NodeKind>(['clause', 'subclause']);

/** One line of the table of contents. */
export interface TocEntry {
  /** Node id, or null for the opening, which is a page rather than a unit. */
  id: string | null;
  /** Page slug that holds it. */
  page: string;
  title: string;
  /** Nesting depth, 0 at the top. */
  depth: number;
  /** Whether it is the first entry of its page (links go to the page, not a fragment). */
  pageStart: boolean;
}

/** The page summary navigation needs. */
export interface PageRef {
  page: string;
  title: string;
  order: number;
  opening: boolean;
}

/** Whether a node gets a line in the table of contents. */
export function isListed(node: DocNode): boolean {
  return LISTED.has(node.kind) || (LISTED_WHEN_HEADED.has(node.kind) && node.heading !== null);
}

/** Tables of contents made, by the node list they were made from: every page of a document asks. */
const made = new WeakMap<
  DocNode[],
  {
    pageOf: Map<string, string>;
    pages: PageRef[];
    openingTitle: string;
    entries: readonly TocEntry[];
  }
>();

/**
 * The table of contents of a document, in reading order; the same frozen list for the same
 * arguments, since each of a document's pages draws it.
 */
export function tableOfContents(
  nodes: DocNode[],
  pageOf: Map<string, string>,
  pages: PageRef[],
  openingTitle: string,
): readonly TocEntry[] {
  const known = made.get(nodes);
  if (known?.pageOf === pageOf && known.pages === pages && known.openingTitle === openingTitle) {
    return known.entries;
  }
  const entries = Object.freeze(listEntries(nodes, pageOf, pages, openingTitle));
  made.set(nodes, { pageOf, pages, openingTitle, entries });
  return entries;
}

/** The lines of `tableOfContents`, worked out. */
function listEntries(
  nodes: DocNode[],
  pageOf: Map<string, string>,
  pages: PageRef[],
  openingTitle: string,
): TocEntry[] {
  const entries: TocEntry[] = [];
  const started = new Set<string>();
  const opening = pages.find((p) => p.opening);
  if (opening) {
    entries.push({ id: null, page: opening.page, title: openingTitle, depth: 0, pageStart: true });
    started.add(opening.page);
  }
  walk(nodes, (node, ancestors) => {
    if (!isListed(node)) return;
    const page = pageOf.get(node.id);
    if (page === undefined) return;
    entries.push({
      id: node.id,
      page,
      title: nodeTitle(node, 90),
      depth: ancestors.filter(isListed).length,
      pageStart: !started.has(page),
    });
    started.add(page);
  });
  return entries;
}

/** The pages before and after one page, in reading order. */
export function neighbours(
  pages: PageRef[],
  page: string,
): { previous: PageRef | null; next: PageRef | null } {
  const sorted = [...pages].sort((a, b) => a.order - b.order);
  const index = sorted.findIndex((p) => p.page === page);
  return {
    previous: index > 0 ? (sorted[index - 1] ?? null) : null,
    next: index >= 0 ? (sorted[index + 1] ?? null) : null,
  };
}

/** A table-of-contents line with the lines nested under it. */
export interface TocTree {
  entry: TocEntry;
  children: TocTree[];
  /** Lines of the same level left out just before this one, in a focused table (`focusToc`). */
  omittedBefore?: number;
}

/** Nests flat entries by depth, for nested lists that screen readers announce as levels. */
export function nestToc(entries: readonly TocEntry[]): TocTree[] {
  const roots: TocTree[] = [];
  const stack: TocTree[] = [];
  for (const entry of entries) {
    const item: TocTree = { entry, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.entry.depth ?? 0) >= entry.depth) {
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(item);
    else roots.push(item);
    stack.push(item);
  }
  return roots;
}

/** Tables of contents of up to this many lines are shown whole on every page of a document. */
export const WHOLE_TOC_LINES = 60;

/** A level of a focused table longer than this shows only the lines near the current page. */
export const LEVEL_LINES = 25;

/** Lines kept on each side of the current page's lines in a long level. */
export const AROUND = 10;

/**
 * The table of contents one page of a long document shows: the top level, and on the way down
 * to the page's own lines each level's lines, only those near the page (with the level's first
 * and last) when the level is long. A page then carries lines in proportion to the document's
 * depth, not its length, so a code's pages do not grow with the square of its articles; the
 * front page keeps the whole table. A short table is returned whole.
 */
export function focusToc(tree: TocTree[], total: number, page: string | null): TocTree[] {
  return total <= WHOLE_TOC_LINES ? tree : focusLevel(tree, page);
}

/** One level of `focusToc`: which lines stay, and the levels opened under the page's lines. */
function focusLevel(items: TocTree[], page: string | null): TocTree[] {
  const holding = items.map((item) => holds(item, page));
  const first = Math.max(0, holding.indexOf(true));
  const last = Math.max(0, holding.lastIndexOf(true));
  const kept: TocTree[] = [];
  let omitted = 0;
  items.forEach((item, index) => {
    const near = index >= first - AROUND && index <= last + AROUND;
    const shown = items.length <= LEVEL_LINES || near || index === 0 || index === items.length - 1;
    if (!shown) {
      omitted += 1;
      return;
    }
    kept.push({
      entry: item.entry,
      children: holding[index] ? focusLevel(item.children, page) : [],
      ...(omitted > 0 ? { omittedBefore: omitted } : {}),
    });
    omitted = 0;
  });
  return kept;
}

/** Whether a line or one under it is on the page. */
function holds(item: TocTree, page: string | null): boolean {
  return item.entry.page === page || item.children.some((child) => holds(child, page));
}
