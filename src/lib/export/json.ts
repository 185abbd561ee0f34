/**
 * The whole document as JSON, in the parser's documented format (`docs/data-format.md`), with
 * the indicators read into every target. Validated before writing, so a download never holds
 * a tree that the schema would reject.
 */
import { DocumentSchema, type Document } from '../document/schema.ts';
import { withIndicators } from '../analysis/indicators.ts';

/** Serialises a document (indicators included) as pretty-printed JSON ending in a newline. */
export function toDocumentJson(document: Document): string {
  const enriched = DocumentSchema.parse(withIndicators(document));
  return `${JSON.stringify(enriched, null, 2)}\n`;
}
