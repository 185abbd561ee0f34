/**
 * Akoma Ntoso eIds of a document's nodes, shown on its pages beside each unit and written into
 * its Akoma Ntoso export, so both always agree. They follow the AKN naming convention: the
 * element's abbreviation and its number, joined to its parent's eId by `__`:
 * `art_1__para_2__point_b`. Numbers are lower-case ASCII ("đ" → "dd", "III" → "iii"), a
 * sub-clause keeps its own part ("3.1" under khoản 3 → `subpara_1`), and unnumbered elements
 * count from 1 within their parent (`hcontainer_2`).
 */
import type { DocNode, Document, NodeKind } from '../document/schema.ts';
import { fold } from '../text/fold.ts';
import { aknElement } from './units.ts';

/** Frame kinds by the AKN container they belong to. */
export const PREFACE_KINDS = new Set<NodeKind>([
  'issuer',
  'motto',
  'number',
  'place-date',
  'doc-type',
  'title',
  'session',
]);
export const PREAMBLE_KINDS = new Set<NodeKind>(['recital', 'enacting-formula']);
export const CONCLUSION_KINDS = new Set<NodeKind>([
  'closing',
  'recipients',
  'signature',
  'source-note',
]);

/** The eId part of a number: lower-case ASCII, "đ" → "dd", the last part of "3.1". */
function eIdNumber(num: string): string {
  const last =
    num
      .split('.')
      .filter((part) => part !== '')
      .pop() ?? num;
  const ascii = fold(last.replace(/đ/giu, 'dd'));
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || '0';
}

/** Node id → eId for every node the export gives an eId, in reading order. */
export function aknEids(document: Document): Map<string, string> {
  const eIds = new Map<string, string>();
  const body = document.nodes.filter((node) => isBodyNode(node));
  assignBody(body, '', eIds);
  let citations = 0;
  let recitals = 0;
  let group: 'cits' | 'recs' | null = null;
  let inGroup = 0;
  for (const node of document.nodes.filter((n) => n.kind === 'recital')) {
    const kind = isConsideration(node) ? 'recs' : 'cits';
    if (kind !== group) {
      group = kind;
      inGroup = 0;
      if (kind === 'cits') citations += 1;
      else recitals += 1;
    }
    inGroup += 1;
    const container = kind === 'cits' ? `cits_${citations}` : `recs_${recitals}`;
    eIds.set(node.id, `${container}__${kind === 'cits' ? 'cit' : 'rec'}_${inGroup}`);
  }
  let formulas = 0;
  let blocks = 0;
  for (const node of document.nodes) {
    if (node.kind === 'enacting-formula') eIds.set(node.id, `formula_${(formulas += 1)}`);
    if (node.kind === 'recipients' || node.kind === 'signature') {
      const eId = `blockContainer_${(blocks += 1)}`;
      eIds.set(node.id, eId);
      node.children.forEach((child, i) => eIds.set(child.id, `${eId}__list_1__item_${i + 1}`));
    }
  }
  return eIds;
}

/** Gives eIds to body nodes, depth first, making each unique among its siblings. */
function assignBody(nodes: DocNode[], parent: string, eIds: Map<string, string>): void {
  const counters = new Map<string, number>();
  const used = new Set<string>();
  for (const node of nodes) {
    const spec = aknElement(node.kind);
    let part: string;
    if (node.num !== null && spec.abbr !== 'hcontainer' && spec.abbr !== 'indent') {
      part = `${spec.abbr}_${eIdNumber(node.num)}`;
    } else {
      const count = (counters.get(spec.abbr) ?? 0) + 1;
      counters.set(spec.abbr, count);
      part = `${spec.abbr}_${count}`;
    }
    // Numbering that restarts ("a)" twice under one parent) still yields distinct eIds.
    let unique = part;
    for (let n = 2; used.has(unique); n += 1) unique = `${part}-${n}`;
    used.add(unique);
    const eId = parent === '' ? unique : `${parent}__${unique}`;
    eIds.set(node.id, eId);
    assignBody(node.children, eId, eIds);
  }
}

/** True for nodes that go into `<body>`: body kinds, appendices, and unknown frame parts. */
export function isBodyNode(node: DocNode): boolean {
  return (
    !PREFACE_KINDS.has(node.kind) &&
    !PREAMBLE_KINDS.has(node.kind) &&
    !CONCLUSION_KINDS.has(node.kind)
  );
}

/** "Xét …" recitals are considerations (AKN recital); "Căn cứ …" ones are legal bases (citation). */
export function isConsideration(node: DocNode): boolean {
  return /^\s*\*?xét\b/iu.test(node.text ?? node.heading ?? '');
}
