/**
 * A throw-away copy of the project in the system's temporary folder, with generated seeds, so a
 * benchmark build never touches `seeds/`, `content/` or the shared build caches.
 *
 * Boundary: `node_modules` is a real folder of symlinks to the project's packages, not one
 * symlink, because Astro and Vite keep their caches inside it (`node_modules/.astro`,
 * `node_modules/.vite`); a shared cache would make the build warm and would race with other
 * builds of the project.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Variant } from './variants.ts';

/** Top-level entries that a build does not read, or that the benchmark makes itself. */
const SKIPPED = new Set([
  'node_modules',
  'dist',
  'seeds',
  'content',
  'tests',
  'docs',
  'bench',
  'screenshots',
  'README.md',
]);

/** Cache folders inside `node_modules` that must start empty for a cold build. */
export const CACHE_DIRS = ['.astro', '.vite', '.cache'];

/** True for top-level entries the build needs: sources, configuration, hand-written data. */
export function copiedEntry(name: string): boolean {
  return !SKIPPED.has(name) && !name.startsWith('.');
}

/** Copies what the build reads and links the installed packages one by one. */
function copyProject(root: string, dir: string): void {
  for (const name of readdirSync(root)) {
    if (copiedEntry(name)) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  // Hand-written data lives beside the generated folders in content/ (glossary.json).
  mkdirSync(join(dir, 'content'));
  for (const name of readdirSync(join(root, 'content'))) {
    const from = join(root, 'content', name);
    if (statSync(from).isFile()) cpSync(from, join(dir, 'content', name));
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (CACHE_DIRS.includes(name)) continue;
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  }
}

/** A fresh project folder whose `seeds/` holds exactly the given variants, written one by one. */
export function createProject(
  root: string,
  variants: Iterable<Pick<Variant, 'slug' | 'text'>>,
  label = 'docs',
): string {
  const dir = mkdtempSync(join(tmpdir(), `nq-bench-${label}-`));
  copyProject(root, dir);
  mkdirSync(join(dir, 'seeds'));
  for (const variant of variants)
    writeFileSync(join(dir, 'seeds', `${variant.slug}.txt`), variant.text);
  return dir;
}

/** Outputs and caches of a build, relative to the project: the content step's cache included. */
const BUILD_OUTPUTS = [
  'dist',
  '.astro',
  '.cache',
  ...CACHE_DIRS.map((name) => join('node_modules', name)),
];

/** Removes every output and cache of earlier builds, so the next build starts cold. */
export function makeCold(dir: string): void {
  for (const path of BUILD_OUTPUTS) {
    rmSync(join(dir, path), { recursive: true, force: true });
  }
  for (const entry of readdirSync(join(dir, 'content'), { withFileTypes: true })) {
    if (entry.isDirectory()) rmSync(join(dir, 'content', entry.name), { recursive: true });
  }
}

/** Deletes a benchmark project folder. */
export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
