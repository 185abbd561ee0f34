/**
 * The parser: text → document tree. Normalised text becomes logical lines (lines.ts), each line
 * is placed by the builder (builder.ts) using the framing rules (frame.ts) and the numbering
 * rules (continuity.ts, numbering.ts), then drafts become nodes with ids (draft.ts, ids.ts).
 */
import { TreeBuilder, type Warning } from './builder.ts';
import { finish } from './draft.ts';
import { assignIds } from './ids.ts';
import { toLogicalLines } from './lines.ts';
import { extractMeta } from './meta.ts';
import type { Document } from './schema.ts';
import { normalizeText } from '../text/normalize.ts';

export type { Warning } from './builder.ts';
export { splitSignature } from './frame.ts';

/** Parses the text of a resolution into its document tree, with warnings for what it guessed. */
export function parseDocument(text: string): { document: Document; warnings: Warning[] } {
  const lines = toLogicalLines(normalizeText(text));
  const builder = new TreeBuilder(lines);
  builder.build();
  const nodes = assignIds(builder.root.children.map(finish));
  return { document: { format: 1, meta: extractMeta(nodes), nodes }, warnings: builder.warnings };
}
