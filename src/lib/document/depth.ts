/**
 * How deep each unit nests. The builder keeps a stack of open units; a new unit closes every open
 * unit at its depth or deeper and goes inside the nearest shallower one. Depths are positions in
 * one declared order, outermost first.
 */
import type { LabelMatch } from './labels.ts';

/**
 * Levels of sub-clause numbering that nest ("3.1." inside "3.", "3.1.2." inside "3.1."). Real
 * texts stop at three; deeper numbers share the deepest level instead of passing points.
 */
export const SUBCLAUSE_LEVELS = 8;

/** Every nesting level, outermost first; a level's depth is its position here. */
const LEVELS = [
  'root',
  'instrument', // an attached regulation holds its own chapters and articles
  'appendix', // an appendix holds parts, chapters and articles of its own
  'form', // a model text inside an appendix, numbered on its own
  'part', // Phần …, or "I." / "A." outside articles
  'chapter',
  'section',
  'subsection',
  'article',
  // "I.", "II." inside an article group its clauses: below the article, above the clause.
  'part-in-article',
  'clause',
  ...Array.from({ length: SUBCLAUSE_LEVELS }, (_, i) => `subclause-${i + 1}`),
  'point',
  'subpoint', // a "tiết" of a point: "a.1)"
  'target',
  'item', // "-" item
  'plus-item', // "+" items nest under "-" items
  'other', // units that never hold others: paragraphs and frame lines
] as const;
type Level = (typeof LEVELS)[number];

/** The depth of a level. */
function depthOf(level: Level): number {
  return LEVELS.indexOf(level);
}

/** Depth of the root of the tree, which closes nothing. */
export const ROOT_DEPTH = depthOf('root');

/** The depth of a node by its kind alone (a target split off a line, the root, an appendix). */
export function kindDepth(kind: string): number {
  if (kind === 'subclause') return depthOf('subclause-1');
  const level = LEVELS.find((l) => l === kind);
  return depthOf(level ?? 'other');
}

/** The depth of a label here; `insideArticle` tells whether an article is open. */
export function labelDepth(label: LabelMatch, insideArticle: boolean): number {
  switch (label.kind) {
    case 'part':
      if (label.style !== 'word' && insideArticle) return depthOf('part-in-article');
      return depthOf('part');
    case 'subclause': {
      // "3.1" is one level below its clause, "3.1.2" two: one level per dot.
      const dots = (label.num ?? '').split('.').length - 1;
      return depthOf('clause') + Math.min(Math.max(dots, 1), SUBCLAUSE_LEVELS);
    }
    case 'item':
      return depthOf(label.style === 'plus' ? 'plus-item' : 'item');
    default:
      return depthOf(label.kind);
  }
}
