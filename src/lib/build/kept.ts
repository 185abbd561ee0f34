/**
 * Kept pages: a build keeps the built folder `<outDir>/<doc>/` (pages, downloads, search index)
 * of every document whose pages would come out the same, and renders only the others and the
 * pages that list the whole library. A document's pages depend on its own outputs and on the
 * site's code only (`docs/scaling.md`), so its pages stamp is the hash of its content stamp and
 * of the site's code (`siteStamp`). Stamps are written when a build has finished and removed
 * before the next one writes a page, so a build that stops half-way leaves nothing to keep.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { SITE_DATA_DIR, SITE_FILES, documentDataDir, readKept } from '../site/site-data.ts';

/** Where kept folders wait while the build empties and fills the output folder. */
export const KEPT_DIR = join('.cache', 'kept');

/** The pages stamp of a document: its content stamp and the site's stamp. */
export function pagesStamp(contentStamp: string, site: string): string {
  return createHash('sha256').update(contentStamp).update('\0').update(site).digest('hex');
}

/** A file's text, or null when it does not exist. */
function readIfThere(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** The pages stamp a document's pages would have now, or null when it has no content stamp. */
function currentStamp(root: string, doc: string, site: string): string | null {
  const content = readIfThere(join(documentDataDir(root, doc), SITE_FILES.stamp));
  return content === null ? null : pagesStamp(content, site);
}

/**
 * Before Astro empties the output folder, while the content step may still be writing the
 * stamps: moves every folder of the last build aside, to be kept or discarded once the stamps
 * can be read (`keepUnchanged`). What waited from a build that stopped is discarded first.
 */
export function setAsideBuilt(root: string, outDir: string): void {
  const waiting = join(root, KEPT_DIR);
  rmSync(waiting, { recursive: true, force: true });
  mkdirSync(waiting, { recursive: true });
  if (!existsSync(outDir)) return;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isDirectory()) renameSync(join(outDir, entry.name), join(waiting, entry.name));
  }
}

/**
 * Once the content step has written the stamps: of the folders set aside, keeps those of the
 * documents among `docs` whose pages stamp is unchanged, removes every pages stamp, and records
 * the kept documents for the pages (`kept.json`). Returns the kept documents.
 */
export function keepUnchanged(root: string, docs: readonly string[], site: string): string[] {
  const waiting = join(root, KEPT_DIR);
  const kept: string[] = [];
  for (const doc of docs) {
    const stampFile = join(documentDataDir(root, doc), SITE_FILES.pagesStamp);
    const before = readIfThere(stampFile);
    rmSync(stampFile, { force: true });
    if (before === null || before !== currentStamp(root, doc, site)) continue;
    if (existsSync(join(waiting, doc))) kept.push(doc);
  }
  writeFileSync(join(root, SITE_DATA_DIR, SITE_FILES.kept), `${JSON.stringify(kept)}\n`);
  return kept;
}

/**
 * Removes the folders set aside that are not kept, on the file system's threads while the pages
 * are written; awaited before the kept ones are put back.
 */
export async function discardUnkept(root: string, kept: readonly string[]): Promise<void> {
  const waiting = join(root, KEPT_DIR);
  const keep = new Set(kept);
  const names = await readdir(waiting);
  await Promise.all(
    names
      .filter((name) => !keep.has(name))
      .map((name) => rm(join(waiting, name), { recursive: true, force: true })),
  );
}

/** Once the pages are written: puts the kept folders back into the output folder. */
export function restoreKept(root: string, outDir: string): void {
  for (const doc of readKept(root)) {
    rmSync(join(outDir, doc), { recursive: true, force: true });
    renameSync(join(root, KEPT_DIR, doc), join(outDir, doc));
  }
  rmSync(join(root, KEPT_DIR), { recursive: true, force: true });
}

/**
 * When the build has finished (search indexes included): stamps every document's pages among
 * `docs`, rendered or kept, so the next build can keep them, and forgets the kept list.
 */
export function stampPages(
  root: string,
  outDir: string,
  docs: readonly string[],
  site: string,
): void {
  for (const doc of docs) {
    const stamp = currentStamp(root, doc, site);
    if (stamp !== null && existsSync(join(outDir, doc))) {
      writeFileSync(join(documentDataDir(root, doc), SITE_FILES.pagesStamp), stamp);
    }
  }
  rmSync(join(root, SITE_DATA_DIR, SITE_FILES.kept), { force: true });
}
