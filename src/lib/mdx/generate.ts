/** From seed files to the content folder's files, in memory: what `npm run content` writes. */
import { documentAbbreviations, loadGlossary } from '../analysis/abbreviations.ts';
import { loadDocumentFile } from '../document/load.ts';
import { sourceSlug } from '../import/source.ts';
import type { Warning } from '../document/parse.ts';
import { InputError } from '../text/normalize.ts';
import { emitDocument, place, type ContentFile } from './emit.ts';
import { enrich } from './enrich.ts';

/** A document slug: the seed's file name without its extension, lower-case ASCII words and hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The document slug of a seed file, or a one-line error naming the file. */
export function docSlug(file: string): string {
  const slug = sourceSlug(file);
  if (!SLUG.test(slug)) {
    throw new InputError(
      `${file}: the file name must be lower-case ASCII words joined by hyphens (it becomes the URL)`,
    );
  }
  return slug;
}

/** A parser warning for one file. */
export interface FileWarning extends Warning {
  file: string;
}

/** Every content file for the given seeds, with the parser's warnings. */
export function generateContent(
  seedFiles: string[],
  glossaryFile: string,
): { files: ContentFile[]; warnings: FileWarning[] } {
  const glossary = loadGlossary(glossaryFile);
  const files: ContentFile[] = [];
  const warnings: FileWarning[] = [];
  for (const file of [...seedFiles].sort()) {
    const doc = docSlug(file);
    const { document, warnings: found } = loadDocumentFile(file);
    warnings.push(...found.map((warning) => ({ ...warning, file })));
    const placement = place(document);
    const abbreviations = documentAbbreviations(document, glossary);
    files.push(
      ...emitDocument(doc, document, enrich(doc, document, abbreviations, placement), placement),
    );
  }
  return { files, warnings };
}
