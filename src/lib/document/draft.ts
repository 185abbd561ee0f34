/**
 * Nodes while the tree is being built, and how a finished draft becomes a public node: the one
 * decision left for the end is whether a unit's first line was its heading.
 */
import type { Counters } from './continuity.ts';
import { kindDepth } from './depth.ts';
import type { Unnamed } from './ids.ts';
import type { LabelMatch } from './labels.ts';
import { ENDS_SENTENCE } from './lines.ts';
import type { NodeKind } from './schema.ts';

/** A node while the tree is being built: counters remember the numbering seen so far. */
export interface Draft {
  kind: NodeKind | 'root';
  num: string | null;
  label: string | null;
  heading: string | null;
  text: string | null;
  line: number;
  /** Nesting depth (see depth.ts). */
  depth: number;
  style?: LabelMatch['style'];
  /** A label alone on its line: the next line may be its heading ("Chương I" / "QUY ĐỊNH CHUNG"). */
  awaitingHeading?: boolean;
  children: Draft[];
  last: Counters;
  /** Whether an unlabelled paragraph went into it: running text of its own. */
  hasParagraph?: boolean;
}

/** Kinds whose rest of line may be a heading rather than running text. */
export const HEADED = new Set<string>([
  'part',
  'chapter',
  'section',
  'subsection',
  'article',
  'clause',
  'subclause',
  'point',
  'subpoint',
]);

/**
 * The longest heading: chapter and article titles run to two or three lines of print; a longer
 * line without a full stop is running text that lost its punctuation.
 */
export const MAX_HEADING_LENGTH = 250;

/**
 * The longest single sentence still read as a title when a unit has a body below it
 * ("c) Phát triển nông nghiệp …."): a little over a heading, since it carries its full stop.
 */
export const MAX_TITLE_SENTENCE_LENGTH = 300;

/** A fresh draft node. */
export function draft(kind: Draft['kind'], line: number, fields: Partial<Draft> = {}): Draft {
  return {
    kind,
    num: null,
    label: null,
    heading: null,
    text: null,
    line,
    depth: kindDepth(kind),
    children: [],
    last: {},
    ...fields,
  };
}

/** Whether a line alone reads as a heading: short, not a label, not a finished sentence. */
export function readsAsHeading(text: string): boolean {
  return !ENDS_SENTENCE.test(text) && text.length <= MAX_HEADING_LENGTH;
}

/** Decides, once a unit is complete, whether its first line was a heading or running text. */
function settleHeading(node: Draft): void {
  if (!HEADED.has(node.kind) || node.text === null || node.heading !== null) return;
  const t = node.text;
  // "Về kinh tế:" introduces what follows: lead-in text, not a title.
  if (t.endsWith(':')) return;
  const hasBody = node.children.some((c) => c.kind !== 'target');
  // One sentence without a colon: a title-like lead ("c) Phát triển nông nghiệp …."), not a value.
  const oneSentence =
    t.length <= MAX_TITLE_SENTENCE_LENGTH && !/[.;!?]\s+\p{Lu}/u.test(t) && !/:\s/.test(t);
  if (readsAsHeading(t) || (hasBody && oneSentence)) {
    node.heading = t;
    node.text = null;
  }
}

/** Draft → public node without ids, depth first. */
export function finish(node: Draft): Unnamed {
  settleHeading(node);
  return {
    kind: node.kind as NodeKind,
    num: node.num,
    label: node.label,
    heading: node.heading,
    text: node.text,
    line: node.line,
    children: node.children.map(finish),
  };
}
