/** Reading a finished tree: walking it, citing a node, and its own words. */
import type { DocNode } from './schema.ts';

/** Visits every node depth first, in reading order, with its ancestors (outermost first). */
export function walk(nodes: DocNode[], visit: (node: DocNode, ancestors: DocNode[]) => void): void {
  const go = (list: DocNode[], ancestors: DocNode[]): void => {
    for (const node of list) {
      visit(node, ancestors);
      go(node.children, [...ancestors, node]);
    }
  };
  go(nodes, []);
}

/** Every node of the tree in reading order. */
export function flatten(nodes: DocNode[]): DocNode[] {
  const out: DocNode[] = [];
  walk(nodes, (n) => out.push(n));
  return out;
}

/** How a node is named in a Vietnamese citation; null for nodes a citation skips. */
export function citationPart(node: DocNode): string | null {
  const num = node.num ?? '';
  switch (node.kind) {
    case 'part':
      return `Phần ${num}`;
    case 'chapter':
      return `Chương ${num}`;
    case 'section':
      return `Mục ${num}`;
    case 'article':
      return `Điều ${num}`;
    case 'clause':
      return `khoản ${num}`;
    case 'subclause':
      return num;
    case 'point':
      return `điểm ${num}`;
    case 'target':
      return `chỉ tiêu ${num}`;
    case 'appendix':
      return num ? `Phụ lục ${num}` : 'Phụ lục';
    default:
      return null;
  }
}

/** The citation of a node, "Điều 1 › khoản 3 › 3.2 › điểm b", from its ancestors and itself. */
export function citation(node: DocNode, ancestors: DocNode[]): string {
  return [...ancestors, node]
    .map(citationPart)
    .filter((p): p is string => p !== null)
    .join(' › ');
}

/** A node's own words in reading order: label, heading, text. */
export function nodeText(node: DocNode): string {
  return [node.label, node.heading, node.text].filter((s): s is string => s !== null).join(' ');
}

/** Finds a node by id. */
export function findById(nodes: DocNode[], id: string): DocNode | undefined {
  return flatten(nodes).find((n) => n.id === id);
}
