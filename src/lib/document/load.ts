/** Reading a resolution from disk: the one place where files, bytes and errors meet the parser. */
import { readFileSync, statSync } from 'node:fs';
import { parseDocument, type Warning } from './parse.ts';
import { DocumentSchema, type Document } from './schema.ts';
import { decodeUtf8, InputError } from '../text/normalize.ts';

/** Reads, decodes and parses one file; every problem is an InputError naming the file. */
export function loadDocumentFile(path: string): { document: Document; warnings: Warning[] } {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory())
      throw new InputError(`${path}: is a directory, not a text file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`,
    );
  }
  const result = parseDocument(decodeUtf8(bytes, path));
  const checked = DocumentSchema.safeParse(result.document);
  if (!checked.success) {
    throw new InputError(
      `${path}: the parsed tree is invalid: ${checked.error.issues[0]?.message ?? ''}`,
    );
  }
  return { document: checked.data, warnings: result.warnings };
}
