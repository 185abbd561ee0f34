/** The tree back to plain text: one line per node, in reading order, every word of the source. */
import type { Document } from './schema.ts';
import { flatten, nodeText } from './tree.ts';

/** Rebuilds the text of a document from its tree; words come back in the source's order. */
export function toPlainText(document: Document): string {
  return `${flatten(document.nodes).map(nodeText).filter(Boolean).join('\n')}\n`;
}
