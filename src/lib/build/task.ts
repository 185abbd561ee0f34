/**
 * One document's job in the content step: parse the seed, make everything, write it. Runs in a
 * worker thread or in the main one; a seed that cannot be read or built becomes one line naming
 * it, so the others are still built.
 */
import { join } from 'node:path';
import { loadGlossary, type Glossary } from '../analysis/abbreviations.ts';
import { loadDocumentFile } from '../document/load.ts';
import { originalOf } from '../import/source.ts';
import { DOWNLOAD_FOLDER } from '../export/downloads.ts';
import { replaceFolders } from '../mdx/write.ts';
import { CONTENT_DIR, SITE_DATA_DIR, SITE_FILES, type Summary } from '../site/site-data.ts';
import { InputError } from '../text/normalize.ts';
import { compileDocument, type Compiled } from './compile.ts';
import type { Deploy } from './deploy.ts';

/** What a worker needs to make one document. */
export interface Task {
  /** Project root; paths in messages stay relative to it. */
  root: string;
  file: string;
  slug: string;
  stamp: string;
  /** The seed's size: how much work it is, compared with other seeds. */
  bytes: number;
  glossaryFile: string;
  deploy: Deploy;
}

/** A made document's summary, or the one line saying why it could not be made. */
export type TaskResult =
  { slug: string; file: string; summary: Summary } | { slug: string; file: string; error: string };

const glossaries = new Map<string, Glossary>();

/** The glossary, read once per thread. */
function glossaryOf(file: string): Glossary {
  let glossary = glossaries.get(file);
  if (!glossary) {
    glossary = loadGlossary(file);
    glossaries.set(file, glossary);
  }
  return glossary;
}

/** Writes a made document: its content folder, then its site data with the stamp. */
export function writeCompiled(root: string, compiled: Compiled, stamp: string): void {
  const doc = compiled.summary.slug;
  replaceFolders(join(root, CONTENT_DIR), compiled.content);
  const json = (value: unknown): string => `${JSON.stringify(value)}\n`;
  replaceFolders(join(root, SITE_DATA_DIR), [
    { path: `${doc}/${SITE_FILES.summary}`, text: json(compiled.summary) },
    { path: `${doc}/${SITE_FILES.pages}`, text: json(compiled.pages) },
    { path: `${doc}/${SITE_FILES.fragments}`, text: json(compiled.fragments) },
    ...[...compiled.downloads].map(([name, text]) => ({
      path: `${doc}/${DOWNLOAD_FOLDER}/${name}`,
      text,
    })),
    { path: `${doc}/${SITE_FILES.stamp}`, text: stamp },
  ]);
}

/** The first line of an error's message. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** Makes and writes one document. */
export function runTask(task: Task): TaskResult {
  const { slug, file } = task;
  try {
    const { document, warnings, source } = loadDocumentFile(join(task.root, file));
    const glossary = glossaryOf(task.glossaryFile);
    const original = originalOf(source, file);
    const compiled = compileDocument(
      slug,
      file,
      document,
      warnings,
      glossary,
      task.deploy,
      original,
    );
    writeCompiled(task.root, compiled, task.stamp);
    return { slug, file, summary: compiled.summary };
  } catch (error) {
    const message = firstLine(error).replace(join(task.root, file), file);
    if (error instanceof InputError) return { slug, file, error: message };
    return { slug, file, error: `${file}: could not be built: ${message}` };
  }
}
