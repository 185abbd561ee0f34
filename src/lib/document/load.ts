/** Reading a resolution from disk: the one place where files, bytes and errors meet the parser. */
import { readSource, type Source } from '../import/source.ts';
import { parseDocument, type Warning } from './parse.ts';
import { DocumentSchema, type Document } from './schema.ts';
import { InputError } from '../text/normalize.ts';

/**
 * Reads, imports (any published format) and parses one file; every problem is an InputError
 * naming the file. The source comes back too, for offering the published original.
 */
export function loadDocumentFile(path: string): {
  document: Document;
  warnings: Warning[];
  source: Source;
} {
  const source = readSource(path);
  const result = parseDocument(source.text);
  const checked = DocumentSchema.safeParse(result.document);
  if (!checked.success) {
    throw new InputError(
      `${path}: the parsed tree is invalid: ${checked.error.issues[0]?.message ?? ''}`,
    );
  }
  return { document: checked.data, warnings: result.warnings, source };
}
