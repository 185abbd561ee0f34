import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { fileForUrlPath } from './links.ts';
import type { LoadAsset } from './weight.ts';

/** Walking the built site: the gates read `dist/` itself, not what the browser happened to see. */

/**
 * The build folder: `dist/`, or `E2E_OUT_DIR` when set, so a browser run can build and serve
 * its own copy while someone else's build rewrites `dist/` in the same work tree.
 */
export const DIST_DIR = resolve(
  process.env['E2E_OUT_DIR'] ?? resolve(import.meta.dirname, '../../dist'),
);

/** Every file of a build, as forward-slash paths relative to it. */
export function listFiles(distDir: string): Set<string> {
  return new Set(globSync('**/*', { cwd: distDir, dot: true, onlyFiles: true }));
}

/** The built HTML pages, sorted so failures read in a stable order. */
export function htmlFiles(files: ReadonlySet<string>): string[] {
  return [...files].filter((file) => file.endsWith('.html')).sort();
}

/** A hash of every file's path and bytes under `dir`: two folders agree byte for byte or not. */
export function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const file of [...listFiles(dir)].sort()) {
    hash.update(`${file}\0`).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex');
}

/** Reads one built file as text. */
export function readText(distDir: string, file: string): string {
  return readFileSync(join(distDir, file), 'utf8');
}

/** Serves URL paths from the build as a static host would, for the weight computation. */
export function assetLoader(distDir: string, base: string, files: ReadonlySet<string>): LoadAsset {
  return (urlPath) => {
    const file = fileForUrlPath(urlPath, base, files);
    return file === null ? null : readFileSync(join(distDir, file));
  };
}

/** Fails loudly when there is nothing to check, instead of passing over an empty folder. */
export function assertBuilt(distDir: string): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${distDir}/index.html is missing: run \`npm run build\` first`);
  }
}

/** The Astro `base` a preview URL was served under: `http://127.0.0.1:4321/x/` → `/x/`. */
export function baseOf(baseUrl: string): string {
  const path = new URL(baseUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** `npm run build`, pointed at `E2E_OUT_DIR` when that replaces `dist/`. */
export function buildArgs(): string[] {
  return process.env['E2E_OUT_DIR'] === undefined
    ? ['run', 'build']
    : ['run', 'build', '--', '--outDir', DIST_DIR];
}

/**
 * Runs a Node program in a project folder (`args` as for `node`), in a clean environment with
 * only `settings` added: the test runner's variables (BASE_URL, MODE …) would leak into a
 * build. Returns what it printed; a failure throws with its output.
 */
export function runInProject(
  dir: string,
  args: readonly string[],
  settings: Readonly<Record<string, string>> = {},
): string {
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? tmpdir(),
    ...settings,
  };
  const done = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env });
  if (done.status !== 0) {
    throw new Error(`${args.join(' ')} failed in ${dir}:\n${done.stdout}\n${done.stderr}`);
  }
  return `${done.stdout}\n${done.stderr}`;
}

/** The content step and Astro's build in a project folder, as `npm run build` runs them. */
export function buildProject(dir: string): string {
  return [
    runInProject(dir, ['--import', 'tsx', 'scripts/content.ts']),
    runInProject(dir, ['node_modules/astro/astro.js', 'build']),
  ].join('\n');
}
