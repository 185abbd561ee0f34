/**
 * The document as JSON: the whole tree in the parser's documented format
 * (`docs/data-format.md`) with the indicators read into every target, and its facts (number,
 * dates adopted and in force, signer…) on their own. Each is validated before writing, so a
 * download never holds what its schema would reject.
 */
import { DocumentSchema, type Document } from '../document/schema.ts';
import { documentFacts, FactsSchema } from '../analysis/facts.ts';
import { withIndicators } from '../analysis/indicators.ts';

/** Pretty-printed JSON ending in a newline. */
function pretty(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Serialises a document (indicators included). */
export function toDocumentJson(document: Document): string {
  return pretty(DocumentSchema.parse(withIndicators(document)));
}

/** Serialises the document's facts. */
export function toFactsJson(document: Document): string {
  return pretty(FactsSchema.parse(documentFacts(document)));
}
