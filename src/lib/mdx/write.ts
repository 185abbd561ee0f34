/**
 * Writing generated content without ever leaving it half-written: everything goes to a staging
 * folder beside the target first, then each document's folder is swapped in by a rename. A
 * failure before the swap leaves the old content untouched; hand-written files (the glossary)
 * are never touched; folders of documents whose seed is gone are removed.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { ContentFile } from './emit.ts';

/** The file that marks a folder as generated (and so safe to replace or remove). */
export const GENERATED_MARKER = 'document.json';

/** Document folders among the files to write: the first path segment of each. */
function documentsOf(files: ContentFile[]): string[] {
  return [...new Set(files.map((file) => file.path.split('/')[0] ?? ''))].filter((d) => d !== '');
}

/** Generated folders already in the content folder. */
function existingDocuments(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .filter((entry) => existsSync(join(contentDir, entry.name, GENERATED_MARKER)))
    .map((entry) => entry.name);
}

/** Swaps one staged document folder in, putting the old one back if the swap fails. */
function swapIn(contentDir: string, staging: string, doc: string): void {
  const target = join(contentDir, doc);
  const old = join(staging, 'old', doc);
  const had = existsSync(target);
  if (had) renameSync(target, old);
  try {
    renameSync(join(staging, 'new', doc), target);
  } catch (error) {
    if (had) renameSync(old, target);
    throw error;
  }
}

/** Replaces the generated folders of `contentDir` with `files`. */
export function writeContent(contentDir: string, files: ContentFile[]): void {
  mkdirSync(contentDir, { recursive: true });
  const staging = mkdtempSync(join(contentDir, '.staging-'));
  try {
    for (const file of files) {
      if (
        file.path.split('/').some((part) => part === '..' || part === '' || part.startsWith('.'))
      ) {
        throw new Error(`content: refusing to write outside the content folder: ${file.path}`);
      }
      const target = join(staging, 'new', file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
    mkdirSync(join(staging, 'old'));
    const fresh = documentsOf(files);
    for (const doc of fresh) swapIn(contentDir, staging, doc);
    for (const doc of existingDocuments(contentDir)) {
      if (!fresh.includes(doc)) renameSync(join(contentDir, doc), join(staging, 'old', doc));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
