/**
 * How a unit is cited, in the words of the units table: "Điều 1 › khoản 3 › 3.2 › điểm b", and
 * how the parts around the body are named where a citation is shown for them.
 */
import { BODY_KINDS, type DocNode, type NodeKind } from '../document/schema.ts';
import { ui } from './strings.ts';
import { UNITS } from './units.ts';

const BODY = new Set<NodeKind>(BODY_KINDS);

/** How a node is named in a Vietnamese citation; null for nodes a citation skips. */
export function citationPart(node: DocNode): string | null {
  const unit = UNITS[node.kind];
  if (!unit || unit.word === null) return null;
  if (node.num === null && unit.unnumbered !== null) return unit.unnumbered;
  const num = node.num ?? '';
  return unit.word === '' ? num : `${unit.word} ${num}`;
}

/** The citation of a node, "Điều 1 › khoản 3 › 3.2 › điểm b", from its ancestors and itself. */
export function citation(node: DocNode, ancestors: DocNode[]): string {
  return [...ancestors, node]
    .map(citationPart)
    .filter((p): p is string => p !== null)
    .join(' › ');
}

/**
 * A node's citation as the page shows it: "Điều 1 › khoản 3 › 3.2 › điểm b". Units that a
 * citation does not name say where they sit: a paragraph adds "đoạn N", a list item takes the
 * heading of the part that holds it ("Nơi nhận").
 */
export function displayCitation(node: DocNode, ancestors: DocNode[]): string {
  const base = citation(node, ancestors);
  if (node.kind === 'paragraph') {
    const n = /\.doan-(\d+)$/.exec(node.id)?.[1];
    return [base || frameName(ancestors.at(-1)), n ? `đoạn ${n}` : ''].filter((s) => s).join(' › ');
  }
  if (base !== '') return base;
  if (!BODY.has(node.kind)) return frameName(node);
  const holder = [...ancestors].reverse().find((a) => a.heading ?? a.text);
  return (holder?.heading ?? holder?.text ?? '').replace(/[\s:]+$/u, '');
}

/** The name of a part around the body, numbered when there are several ("Căn cứ (2)"). */
function frameName(node: DocNode | undefined): string {
  if (!node) return '';
  const name = ui.frameNames[node.kind] ?? '';
  const n = /-(\d+)$/.exec(node.id)?.[1];
  return n && name ? `${name} (${n})` : name;
}
