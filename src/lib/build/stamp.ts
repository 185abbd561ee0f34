/**
 * Stamps: a hash of everything a document's outputs are made from, so an unchanged seed is
 * neither parsed nor written again. The seed's bytes, the glossary, where the site is published
 * and the code that makes the outputs all go in; changing any of them remakes what it touches.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Deploy } from './deploy.ts';

/** Folders and files whose change may change any output: the pipeline's code and its packages. */
const CODE = [join('src', 'lib'), 'package-lock.json'];

/** Every file under a path, sorted, as paths relative to `root`. */
function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  let entries;
  try {
    entries = readdirSync(full, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return [path];
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .flatMap((entry) => filesUnder(root, join(path, entry.name)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A hash of every file under `paths`: each file's path from `root`, then its bytes. */
function hashFiles(root: string, paths: readonly string[]): Hash {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((path) => filesUnder(root, path))) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
  }
  return hash;
}

/** The hash of the code, the glossary and the deployment: what every document shares. */
export function sharedStamp(root: string, glossaryFile: string, deploy: Deploy): string {
  const hash = hashFiles(root, CODE);
  hash.update(readFileSync(glossaryFile));
  hash.update(`\0${deploy.site}\0${deploy.base}\0${deploy.published ?? ''}`);
  return hash.digest('hex');
}

/** What a built page may also depend on: the site's own code, assets and configuration. */
const SITE_CODE = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package-lock.json'];

/** The hash of everything a document's built pages are made from besides its own outputs. */
export function siteStamp(root: string, outDir: string): string {
  const hash = hashFiles(root, SITE_CODE);
  // Pages kept in one output folder say nothing of another's; the path is taken from the
  // project's root, so copies of a project (the shards of a library) agree.
  hash.update(`\0${relative(root, outDir)}`);
  return hash.digest('hex');
}

/** The stamp of one seed: its bytes on top of the shared stamp. */
export function seedStamp(shared: string, seed: Uint8Array): string {
  return createHash('sha256').update(shared).update(seed).digest('hex');
}
