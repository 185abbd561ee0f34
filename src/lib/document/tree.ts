/** Reading a finished tree: walking it, finding a node, and its own words. */
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

/** A node's own words in reading order: label, heading, text. */
export function nodeText(node: DocNode): string {
  return [node.label, node.heading, node.text].filter((s): s is string => s !== null).join(' ');
}

/** Finds a node by id. */
export function findById(nodes: DocNode[], id: string): DocNode | undefined {
  return flatten(nodes).find((n) => n.id === id);
}
