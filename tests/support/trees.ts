/** Small hand-made document trees for unit tests. */
import type { Document, DocNode, Meta } from '../../src/lib/document/schema.ts';

/** Metadata of a text that carries none. */
export const EMPTY_META: Meta = {
  docType: null,
  title: null,
  issuer: null,
  place: null,
  date: null,
  session: null,
  number: null,
  signer: null,
  signerTitle: null,
};

/** A document of the given root nodes and no metadata. */
export function documentOf(nodes: DocNode[]): Document {
  return { format: 1, meta: EMPTY_META, nodes };
}
