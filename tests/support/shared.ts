/**
 * Material that comes from outside the project lives in `../shared/` beside the checkout (CI
 * puts it there too) and is read from there at test time, never copied in: the real corpus
 * texts, the Akoma Ntoso schema, the published files to import and the shared search queries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared folder: `SHARED_DIR` when set, else `../shared` beside the project root. */
export const SHARED_DIR = resolve(
  process.env['SHARED_DIR'] ?? resolve(import.meta.dirname, '..', '..', '..', 'shared'),
);

/** A path inside the shared folder, or a one-line error saying the folder is missing. */
export function sharedPath(...parts: string[]): string {
  const path = join(SHARED_DIR, ...parts);
  if (!existsSync(path)) {
    throw new Error(
      `${path}: not found; the shared data must sit beside the checkout as ../shared (or set SHARED_DIR)`,
    );
  }
  return path;
}

/** The real resolutions in `corpus/`, by name without `.txt`, sorted. */
export function corpusNames(): string[] {
  return readdirSync(sharedPath('corpus'))
    .filter((file) => file.endsWith('.txt'))
    .map((file) => file.replace(/\.txt$/, ''))
    .sort();
}

/** The corpus files carry a source note on their first line that is not part of the document. */
export function corpusBody(text: string): string {
  return text.slice(text.indexOf('\n') + 1);
}

/** One corpus text as published, without its source note. */
export function readCorpus(name: string): string {
  return corpusBody(readFileSync(sharedPath('corpus', `${name}.txt`), 'utf8'));
}

/** The OASIS Akoma Ntoso 3.0 schema the open-data export validates against. */
export function aknSchemaFile(): string {
  return sharedPath('schemas', 'akomantoso30.xsd');
}

/** The shared search queries (`query<TAB>phrase | phrase`). */
export function sharedQueriesFile(): string {
  return sharedPath('search-queries.tsv');
}

/** A published file to import, by kind folder and file name. */
export function importFixture(kind: string, name: string): string {
  return sharedPath('fixtures', 'import', kind, name);
}

/** The verbatim Unicode texts of the published files to import, as [kind/name, path], sorted. */
export function truthTexts(): [string, string][] {
  const root = sharedPath('fixtures', 'import');
  return readdirSync(root)
    .flatMap((kind) =>
      readdirSync(join(root, kind))
        .filter((file) => file.endsWith('.truth.txt'))
        .map((file): [string, string] => [`${kind}/${file}`, join(root, kind, file)]),
    )
    .sort(([a], [b]) => a.localeCompare(b));
}
