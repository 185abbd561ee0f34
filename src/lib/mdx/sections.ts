/**
 * Splitting a document into pages of citable size. Each node lives on exactly one page; a node
 * whose children spread over several pages keeps its own head (label, heading, text and the
 * leading paragraphs) on the first of them, so every id is on one page and every word is read
 * once, in order, when the pages are read one after another.
 */
import { BODY_KINDS, type DocNode, type Document, type NodeKind } from '../document/schema.ts';
import { RESERVED_SLUGS } from '../vocabulary/pages.ts';

/** Units that may become pages of their own. */
const STRUCTURAL = new Set<NodeKind>([
  'part',
  'chapter',
  'section',
  'subsection',
  'article',
  'clause',
  'subclause',
  'form',
]);

/**
 * Containers that give each article (or smaller container) in them its own page. An attached
 * instrument, an appendix and a form are read like documents of their own.
 */
const CONTAINERS = new Set<NodeKind>([
  'instrument',
  'part',
  'chapter',
  'section',
  'subsection',
  'appendix',
  'form',
]);

/** Units at article level or above: inside a container, each becomes a page. */
const ARTICLE_OR_ABOVE = new Set<NodeKind>([
  'part',
  'chapter',
  'section',
  'subsection',
  'article',
  'appendix',
  'form',
]);

/** Units split further only when they are long. */
const SPLIT_WHEN_LONG = new Set<NodeKind>([
  'instrument',
  'part',
  'chapter',
  'section',
  'subsection',
  'appendix',
  'form',
  'article',
  'clause',
]);

/** What follows the body and gets pages of its own: attached instruments and appendices. */
const AFTER_BODY = new Set<NodeKind>(['instrument', 'appendix']);

const BODY = new Set<NodeKind>(BODY_KINDS);

/** Above this many characters an article or clause is split by clause or subclause. */
export const PAGE_LIMIT = 6000;

/** The slug of the page that holds the document's opening (title, recitals, …). */
export const OPENING_SLUG = 'mo-dau';

export interface Section {
  slug: string;
  /** 0-based reading order. */
  order: number;
  /** The page's top-level nodes: copies whose children are only those that live here. */
  roots: DocNode[];
  /** The node the page is named after: the deepest unit the page holds whole. */
  primary: DocNode;
  /** Whether the page holds the opening frame (title, recitals, enacting formula). */
  opening: boolean;
}

/** Characters of text in a subtree, to decide whether a unit is too long for one page. */
export function textSize(node: DocNode): number {
  const own = (node.label?.length ?? 0) + (node.heading?.length ?? 0) + (node.text?.length ?? 0);
  return node.children.reduce((sum, child) => sum + textSize(child), own);
}

/** Whether a unit is split into pages for its child units. */
function splits(node: DocNode): boolean {
  if (!node.children.some((c) => STRUCTURAL.has(c.kind))) return false;
  if (CONTAINERS.has(node.kind) && node.children.some((c) => ARTICLE_OR_ABOVE.has(c.kind))) {
    return true;
  }
  return SPLIT_WHEN_LONG.has(node.kind) && textSize(node) > PAGE_LIMIT;
}

type Chunk = DocNode[];

/** Adds a non-unit child to the page that precedes it, inside its parent when that is there. */
function appendTrailing(chunk: Chunk, parent: DocNode, child: DocNode): void {
  const first = chunk[0];
  if (chunk.length === 1 && first && first.id === parent.id) first.children.push(child);
  else chunk.push(child);
}

/** The pages one unit becomes, as lists of (pruned) top-level nodes. */
function plan(node: DocNode): Chunk[] {
  if (!splits(node)) return [[node]];
  const chunks: Chunk[] = [];
  const lead: DocNode[] = [];
  for (const child of node.children) {
    if (STRUCTURAL.has(child.kind)) {
      const [first = [], ...rest] = plan(child);
      if (chunks.length === 0) chunks.push([{ ...node, children: [...lead, ...first] }], ...rest);
      else chunks.push(first, ...rest);
    } else if (chunks.length === 0) {
      lead.push(child);
    } else {
      appendTrailing(chunks[chunks.length - 1] ?? [], node, child);
    }
  }
  return chunks.length > 1 ? chunks : [[node]];
}

/** Whether a copy lacks some of the original's children, i.e. its children spread over pages. */
function isPruned(copy: DocNode, original: Map<string, DocNode>): boolean {
  return (original.get(copy.id)?.children.length ?? 0) !== copy.children.length;
}

/** The deepest unit a page holds whole, following pruned heads down their last held unit. */
function primaryOf(roots: DocNode[], original: Map<string, DocNode>): DocNode {
  const start = roots.find((r) => BODY.has(r.kind) || AFTER_BODY.has(r.kind)) ?? roots[0];
  if (!start) throw new Error('a page without nodes');
  let node: DocNode = start;
  while (isPruned(node, original)) {
    const units: DocNode[] = node.children.filter((c) => STRUCTURAL.has(c.kind));
    const last: DocNode | undefined = units[units.length - 1];
    if (!last) break;
    node = last;
  }
  return original.get(node.id) ?? node;
}

/** A URL segment from a node id: `dieu-1.khoan-3-1` → `dieu-1-khoan-3-1`. */
export function slugOfId(id: string): string {
  return id.replace(/\./g, '-');
}

/** Indexes every node by id. */
function byId(nodes: DocNode[], into = new Map<string, DocNode>()): Map<string, DocNode> {
  for (const node of nodes) {
    into.set(node.id, node);
    byId(node.children, into);
  }
  return into;
}

/** Splits a document into pages in reading order. */
export function splitSections(document: Document): Section[] {
  const original = byId(document.nodes);
  const nodes = document.nodes;
  const firstBody = nodes.findIndex((n) => BODY.has(n.kind));
  const lastBody = nodes.findLastIndex((n) => BODY.has(n.kind));

  const chunks: Chunk[] = [];
  const opening: DocNode[] = firstBody < 0 ? [...nodes] : nodes.slice(0, firstBody);
  const appendices: DocNode[] = [];
  if (firstBody >= 0) {
    for (const node of nodes.slice(firstBody, lastBody + 1)) {
      if (BODY.has(node.kind)) chunks.push(...plan(node));
      else (chunks[chunks.length - 1] ?? []).push(node);
    }
    for (const node of nodes.slice(lastBody + 1)) {
      if (AFTER_BODY.has(node.kind)) appendices.push(node);
      else if (appendices.length === 0) (chunks[chunks.length - 1] ?? []).push(node);
      else appendices.push(node);
    }
  }
  if (chunks.length === 0) chunks.push([]);
  chunks[0] = [...opening, ...(chunks[0] ?? [])];
  for (const node of appendices) {
    if (AFTER_BODY.has(node.kind)) chunks.push(...plan(node));
    else (chunks[chunks.length - 1] ?? []).push(node);
  }

  const used = new Set<string>();
  return chunks.map((roots, order) => {
    const primary = primaryOf(roots, original);
    const isOpening = order === 0 && opening.length > 0;
    let slug = isOpening ? OPENING_SLUG : slugOfId(primary.id);
    if (RESERVED_SLUGS.has(slug)) slug = `${slug}-1`;
    for (let n = 2; used.has(slug); n++) slug = `${slugOfId(primary.id)}-${n}`;
    used.add(slug);
    return { slug, order, roots, primary, opening: isOpening };
  });
}
