/**
 * Writing generated folders without ever leaving one half-written: a folder's files go to a
 * hidden folder beside it first, which then takes its place by a rename. A failure before the
 * rename leaves the old folder untouched; hand-written files (the glossary) are never touched;
 * folders of documents whose seed is gone are removed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** A file to write: a path relative to the parent folder, and its text or bytes. */
export interface FileToWrite {
  path: string;
  text: string | Uint8Array;
}

/** The file that marks a folder as generated (and so safe to replace or remove). */
export const GENERATED_MARKER = 'document.json';

/** Document folders among the files to write: the first path segment of each. */
function documentsOf(files: readonly FileToWrite[]): string[] {
  return [...new Set(files.map((file) => file.path.split('/')[0] ?? ''))].filter((d) => d !== '');
}

/** Generated folders already in a folder: those that hold the marker file. */
function existingDocuments(parent: string, marker: string): string[] {
  if (!existsSync(parent)) return [];
  return readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .filter((entry) => existsSync(join(parent, entry.name, marker)))
    .map((entry) => entry.name);
}

/** Refuses a path that would leave the folder or hide in a dot-folder. */
function checkPath(path: string): void {
  if (path.split('/').some((part) => part === '..' || part === '' || part.startsWith('.'))) {
    throw new Error(`content: refusing to write outside the content folder: ${path}`);
  }
}

/** A hidden name beside `name` that no other process or thread uses at the same time. */
function besideName(parent: string, name: string, what: string): string {
  return join(parent, `.${name}.${what}-${process.pid}-${threadId}`);
}

/** Writes one folder's files (paths relative to `parent`) and swaps the folder in whole. */
function replaceFolder(parent: string, name: string, files: readonly FileToWrite[]): void {
  const fresh = besideName(parent, name, 'new');
  const old = besideName(parent, name, 'old');
  const target = join(parent, name);
  rmSync(fresh, { recursive: true, force: true });
  try {
    const made = new Set<string>();
    for (const file of files) {
      const path = join(fresh, file.path.slice(name.length + 1));
      const folder = dirname(path);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(path, file.text);
    }
    const had = existsSync(target);
    if (had) renameSync(target, old);
    try {
      renameSync(fresh, target);
    } catch (error) {
      if (had) renameSync(old, target);
      throw error;
    }
    if (had) rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

/**
 * Writes `files` (paths relative to `parent`, the first segment naming a folder) and swaps each
 * of their folders in whole; the other folders of `parent` are left as they are.
 */
export function replaceFolders(parent: string, files: readonly FileToWrite[]): void {
  for (const file of files) checkPath(file.path);
  mkdirSync(parent, { recursive: true });
  for (const doc of documentsOf(files)) {
    replaceFolder(
      parent,
      doc,
      files.filter((file) => file.path.startsWith(`${doc}/`)),
    );
  }
}

/** Removes the generated folders of `parent` (those holding `marker`) not named in `keep`. */
export function removeFoldersExcept(
  parent: string,
  keep: ReadonlySet<string>,
  marker: string = GENERATED_MARKER,
): void {
  for (const doc of existingDocuments(parent, marker)) {
    if (!keep.has(doc)) rmSync(join(parent, doc), { recursive: true, force: true });
  }
}

/** Replaces the generated folders of `contentDir` with `files` and removes the others. */
export function writeContent(contentDir: string, files: readonly FileToWrite[]): void {
  replaceFolders(contentDir, files);
  removeFoldersExcept(contentDir, new Set(documentsOf(files)));
}
