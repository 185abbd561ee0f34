/**
 * The seeds of a library: which files they are, the document slug each gives, and the checks
 * that must hold across all of them before anything is built (no empty folder, no slug twice).
 */
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { SOURCE_EXTENSIONS } from '../import/source.ts';
import { InputError } from '../text/normalize.ts';

/** Extensions of seed files, compared without case: plain text and the published formats the importers read. */
export const SEED_EXTENSIONS: readonly string[] = SOURCE_EXTENSIONS;

/** A document slug: lower-case ASCII words joined by hyphens, since it becomes the URL. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One seed file and the document it gives. */
export interface Seed {
  /** Path of the file, as the messages name it (`seeds/x.txt`). */
  file: string;
  slug: string;
}

/** The document slug of a seed file name, or a one-line error naming the file. */
export function seedSlug(file: string, name: string): string {
  const slug = name.slice(0, name.length - extname(name).length);
  if (!SLUG.test(slug)) {
    throw new InputError(
      `${file}: the file name must be lower-case ASCII words joined by hyphens (it becomes the URL)`,
    );
  }
  return slug;
}

/** Whether a file name is a seed's. */
function isSeedName(name: string, extensions: readonly string[]): boolean {
  return !name.startsWith('.') && extensions.includes(extname(name).toLowerCase());
}

/**
 * The seeds among the names of a folder, sorted by slug. Throws one line when there are none,
 * and one line naming both files when two give the same slug (`a.txt` and `a.TXT`).
 */
export function seedsOf(
  dir: string,
  names: readonly string[],
  extensions: readonly string[] = SEED_EXTENSIONS,
): Seed[] {
  const seeds = names
    .filter((name) => isSeedName(name, extensions))
    .sort()
    .map((name) => ({ file: join(dir, name), slug: seedSlug(join(dir, name), name) }));
  if (seeds.length === 0) {
    throw new InputError(`${dir}/: no ${extensions.join(' or ')} files to read`);
  }
  const bySlug = new Map<string, string>();
  for (const seed of seeds) {
    const other = bySlug.get(seed.slug);
    if (other !== undefined) {
      throw new InputError(`${other}, ${seed.file}: both give the document slug "${seed.slug}"`);
    }
    bySlug.set(seed.slug, seed.file);
  }
  return seeds.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** The seeds of folder `dir` of `root`, named relative to `root`, or a one-line error. */
export function listSeeds(root: string, dir: string): Seed[] {
  let names: string[];
  try {
    names = readdirSync(join(root, dir));
  } catch {
    throw new InputError(`${dir}/: cannot read the seeds folder`);
  }
  return seedsOf(dir, names);
}

/** Two summaries that are the same document: same issuer, number and year. */
export interface SameDocument {
  files: [string, string];
  number: string;
}

/** The first pair of seeds that are the same document, if any. */
export function sameDocument(
  seeds: readonly { file: string; identity: string | null; number: string | null }[],
): SameDocument | null {
  const seen = new Map<string, string>();
  for (const seed of seeds) {
    if (seed.identity === null) continue;
    const other = seen.get(seed.identity);
    if (other !== undefined) return { files: [other, seed.file], number: seed.number ?? '' };
    seen.set(seed.identity, seed.file);
  }
  return null;
}
