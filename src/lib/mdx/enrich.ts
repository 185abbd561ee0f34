/**
 * Cross-references for the MDX: cited documents and abbreviations become inline marks, and
 * target–task links become link lists under both ends. The finding is done by the analysis
 * functions in `src/lib/analysis/`; this module only maps their results onto nodes and pages.
 */
import type { DocumentAbbreviations } from '../analysis/abbreviations.ts';
import { findCitedDocuments, type CitedDocument } from '../analysis/cited.ts';
import { linkTargetsToTasks, type TargetLinks } from '../analysis/targets.ts';
import type { DocNode, Document, TextField } from '../document/schema.ts';
import { citationPart, displayReaderCitation } from '../vocabulary/citation.ts';
import type { Related, RelatedLink } from './build.ts';
import type { Enrichment, Placement } from './emit.ts';
import type { Mark } from './inline.ts';

/** Key of one field of one node. */
function fieldKey(id: string, field: TextField): string {
  return `${id}#${field}`;
}

/** Inline marks for every mention of a cited document, by node field. */
function citationMarks(doc: string, citedDocuments: CitedDocument[]): Map<string, Mark[]> {
  const marks = new Map<string, Mark[]>();
  for (const cited of citedDocuments) {
    for (const mention of cited.mentions) {
      const key = fieldKey(mention.nodeId, mention.field);
      const list = marks.get(key) ?? [];
      list.push({ kind: 'cite', doc, to: cited.key, start: mention.start, end: mention.end });
      marks.set(key, list);
    }
  }
  return marks;
}

/** A citation without the leading parts it shares with another: "khoản 3 › 3.1 › điểm a". */
export function relativeCitation(citation: string, from: string): string {
  const parts = citation.split(' › ');
  const base = from.split(' › ');
  let shared = 0;
  while (shared < parts.length - 1 && parts[shared] === base[shared]) shared++;
  return parts.slice(shared).join(' › ');
}

/** The citation of a node by id. */
function citationById(id: string, placement: Placement, nodes: Map<string, DocNode>): string {
  const node = nodes.get(id);
  return node ? displayReaderCitation(node, placement.ancestors.get(id) ?? []) : id;
}

/**
 * A link to one node, as the lists under targets and tasks show it: a target by its number
 * alone (numbers run through the document), a task by its citation relative to where the link is.
 */
function linkTo(
  id: string,
  fromId: string,
  match: string[],
  placement: Placement,
  nodes: Map<string, DocNode>,
): RelatedLink {
  const node = nodes.get(id);
  const full = citationById(id, placement, nodes);
  const citation =
    node?.kind === 'target'
      ? (citationPart(node) ?? full)
      : relativeCitation(full, citationById(fromId, placement, nodes));
  return { to: id, page: placement.pageOf.get(id) ?? '', citation, match: match.join(' … ') };
}

/** Every node by id. */
function nodesById(document: Document): Map<string, DocNode> {
  const map = new Map<string, DocNode>();
  const visit = (list: DocNode[]): void => {
    for (const node of list) {
      map.set(node.id, node);
      visit(node.children);
    }
  };
  visit(document.nodes);
  return map;
}

/** Target → tasks lists, and the reverse task → targets lists, by node id. */
function relatedLinks(
  document: Document,
  placement: Placement,
  links: TargetLinks[],
): Map<string, Related> {
  const nodes = nodesById(document);
  const related = new Map<string, Related>();
  for (const { targetId, tasks } of links) {
    if (tasks.length === 0) continue;
    related.set(targetId, {
      kind: 'tasks',
      links: tasks.map((task) => linkTo(task.nodeId, targetId, task.matched, placement, nodes)),
    });
    for (const task of tasks) {
      const back = related.get(task.nodeId) ?? { kind: 'targets', links: [] };
      if (!back.links.some((link) => link.to === targetId)) {
        back.links.push(linkTo(targetId, task.nodeId, task.matched, placement, nodes));
      }
      related.set(task.nodeId, back);
    }
  }
  return related;
}

/** Everything the MDX builder needs from the analysis of one document. */
export function enrich(
  doc: string,
  document: Document,
  abbreviations: DocumentAbbreviations,
  placement: Placement,
  links: TargetLinks[] = linkTargetsToTasks(document),
  cited: CitedDocument[] = findCitedDocuments(document),
): Enrichment {
  const cites = citationMarks(doc, cited);
  return {
    marks: (node, field) => {
      if (node[field] === null) return [];
      const terms: Mark[] = abbreviations.of(node, field).map((found) => ({
        kind: 'abbr',
        start: found.start,
        end: found.end,
        title: found.entry.expansion,
      }));
      return [...(cites.get(fieldKey(node.id, field)) ?? []), ...terms];
    },
    related: relatedLinks(document, placement, links),
  };
}
