/**
 * A page of the document as mdast: every node becomes a semantic component that carries its id,
 * and every word of the source becomes text inside it, in order.
 *
 *   <Clause id kind citation cite gist eid>   a unit (article, clause, subclause, point, target,
 *                                    item …); `citation` names it for search, big to small,
 *                                    `cite` for readers, small to big
 *   <Frame id kind>                  a part around the body (title, recital, signature …)
 *   <Para id>                        an unlabelled paragraph
 *   <Head level full>                a unit's heading line; `level` on its page, `full` on the
 *                                    full-text page (both 1–6)
 *   <Text>                           a unit's running text
 *   <Label of>                       the unit's own label ("Điều 1.", "(7)", "b)"), linking to it
 *   <Cite doc to> / <Abbr title>     a mention of a cited document / an abbreviation
 *   <Related kind> <Rel …/>          cross-links between targets and the tasks that serve them
 *   <Quote id>                       text quoted by an amending document, line by line
 *   <Table id> <Row> <Cell header>   a table of the source, row by row, cell by cell
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { BODY_KINDS, type DocNode, type NodeKind, type TextField } from '../document/schema.ts';
import { blockOf, flowElement, textElement } from './attributes.ts';
import { phrasing, type Mark } from './inline.ts';
import type { Section } from './sections.ts';
import { gist } from '../vocabulary/titles.ts';
import { displayCitation, displayReaderCitation } from '../vocabulary/citation.ts';

/** Units that always show a heading line, even when it holds only their label ("Điều 2."). */
const ALWAYS_HEADED = new Set<NodeKind>([
  'part',
  'chapter',
  'section',
  'subsection',
  'article',
  'appendix',
  'form',
]);

/** Labels that are not links (list dashes): they name no citable unit. */
const UNLINKED_LABELS = new Set<NodeKind>(['item']);

const BODY = new Set<NodeKind>(BODY_KINDS);

/** A link from a target to a task that serves it, or back. */
export interface RelatedLink {
  /** Id of the linked node. */
  to: string;
  /** Page slug that holds it. */
  page: string;
  /** Its citation, shown as the link text. */
  citation: string;
  /** The words both share, shown beside the link. */
  match: string;
}

/** Cross-links shown under one node. */
export interface Related {
  kind: 'tasks' | 'targets';
  links: RelatedLink[];
}

/** What the builder needs to know beyond the page's own nodes. */
export interface BuildContext {
  doc: string;
  /** Ancestors of every node in the whole document, outermost first. */
  ancestors: Map<string, DocNode[]>;
  /** Inline marks for one field of one node. */
  marks: (node: DocNode, field: TextField) => Mark[];
  /** Cross-links to show under a node. */
  related: Map<string, Related>;
  /** Akoma Ntoso eId of each body node, shown for people who link across systems. */
  eids: Map<string, string>;
}

/** Whether a node shows a heading line. */
export function hasHead(node: DocNode): boolean {
  if (node.kind === 'title' || ALWAYS_HEADED.has(node.kind)) return true;
  return node.heading !== null && BODY.has(node.kind);
}

/** Heading level on the full-text page: the title is h1, units nest below it. */
function fullLevel(node: DocNode, context: BuildContext): number {
  if (node.kind === 'title') return 1;
  const headed = (context.ancestors.get(node.id) ?? []).filter(hasHead).length;
  return Math.min(6, 2 + headed);
}

/** The label as its own component, so it renders as real text and (for units) a link. */
function label(node: DocNode): PhrasingContent[] {
  if (!node.label) return [];
  const of = UNLINKED_LABELS.has(node.kind) ? undefined : node.id;
  return [textElement('Label', { of }, [{ type: 'text', value: node.label }])];
}

/** Joins a label and the words after it with the single space the source has between them. */
function labelled(node: DocNode, words: PhrasingContent[]): PhrasingContent[] {
  const head = label(node);
  if (head.length === 0) return words;
  return words.length === 0 ? head : [...head, { type: 'text', value: ' ' }, ...words];
}

/** The heading line and running text of a node. */
function ownLines(node: DocNode, level: number, context: BuildContext): RootContent[] {
  const lines: RootContent[] = [];
  const headed = hasHead(node);
  if (!headed && node.heading !== null) {
    // A frame's heading ("Nơi nhận:", the signer's title) is a lead line, not a section heading.
    const words = phrasing(node.heading, context.marks(node, 'heading'));
    lines.push(blockOf(textElement('Text', { lead: 'true' }, labelled(node, words))));
  }
  if (headed) {
    const words =
      node.kind === 'title'
        ? phrasing(node.text ?? '', context.marks(node, 'text'))
        : phrasing(node.heading ?? '', context.marks(node, 'heading'));
    const full = fullLevel(node, context);
    lines.push(blockOf(textElement('Head', { level, full }, labelled(node, words))));
  }
  if (node.text !== null && node.kind !== 'title') {
    const words = phrasing(node.text, context.marks(node, 'text'));
    const own = headed || node.heading !== null ? words : labelled(node, words);
    lines.push(blockOf(textElement('Text', {}, own)));
  } else if (!headed && node.label) {
    lines.push(blockOf(textElement('Text', {}, label(node))));
  }
  return lines;
}

/** The cross-links under a node, if any. */
function relatedBlock(node: DocNode, context: BuildContext): MdxJsxFlowElement[] {
  const related = context.related.get(node.id);
  if (!related || related.links.length === 0) return [];
  const links = related.links.map((link) =>
    blockOf(
      textElement(
        'Rel',
        {
          doc: context.doc,
          page: link.page,
          to: link.to,
          citation: link.citation,
          match: link.match,
        },
        [],
      ),
    ),
  );
  return [flowElement('Related', { kind: related.kind }, links)];
}

/** A table of the source: rows of cells, a header row's cells as column headers. */
function tableContent(node: DocNode, context: BuildContext): RootContent[] {
  const rows = node.children.map((row) =>
    flowElement(
      'Row',
      {},
      row.children.map((cell) => {
        const field = cell.heading !== null ? 'heading' : 'text';
        const words = phrasing(cell[field] ?? '', context.marks(cell, field));
        return blockOf(textElement('Cell', { header: field === 'heading' }, words));
      }),
    ),
  );
  return [flowElement('Table', { id: node.id }, rows)];
}

/** One node and its children as mdast; `level` is its heading level on this page. */
function nodeContent(node: DocNode, level: number, context: BuildContext): RootContent[] {
  if (node.kind === 'table') return tableContent(node, context);
  if (node.kind === 'quote') {
    const lines = node.children.flatMap((child) => nodeContent(child, level, context));
    return [flowElement('Quote', { id: node.id }, lines as MdxJsxFlowElement['children'])];
  }
  if (node.kind === 'paragraph') {
    const words = phrasing(node.text ?? '', context.marks(node, 'text'));
    // A paragraph is a `<p>`, which cannot hold the cross-link list: it follows the paragraph.
    return [blockOf(textElement('Para', { id: node.id }, words)), ...relatedBlock(node, context)];
  }
  const childLevel = Math.min(6, hasHead(node) ? level + 1 : level);
  const children = [
    ...ownLines(node, level, context),
    ...relatedBlock(node, context),
    ...node.children.flatMap((child) => nodeContent(child, childLevel, context)),
  ] as MdxJsxFlowElement['children'];
  if (!BODY.has(node.kind) && node.kind !== 'appendix') {
    return [flowElement('Frame', { id: node.id, kind: node.kind }, children)];
  }
  const ancestors = context.ancestors.get(node.id) ?? [];
  const citation = displayCitation(node, ancestors);
  return [
    flowElement(
      'Clause',
      {
        id: node.id,
        kind: node.kind,
        citation,
        cite: displayReaderCitation(node, ancestors),
        gist: gist(node),
        eid: context.eids.get(node.id) ?? '',
      },
      children,
    ),
  ];
}

/**
 * Heading levels of a page's top-level nodes: the first one that shows a heading is the page's
 * h1; every other one starts at h2, so levels never skip and there is one h1.
 */
export function rootLevels(roots: DocNode[]): number[] {
  let h1 = false;
  return roots.map((root) => {
    if (!h1 && hasHead(root)) {
      h1 = true;
      return 1;
    }
    return 2;
  });
}

/** The body of a page as mdast, without frontmatter. */
export function sectionBody(section: Section, context: BuildContext): RootContent[] {
  const levels = rootLevels(section.roots);
  return section.roots.flatMap((root, index) => nodeContent(root, levels[index] ?? 2, context));
}

/** A complete MDX tree: frontmatter, then the body. */
export function sectionTree(frontmatter: string, body: RootContent[]): Root {
  return { type: 'root', children: [{ type: 'yaml', value: frontmatter }, ...body] };
}
