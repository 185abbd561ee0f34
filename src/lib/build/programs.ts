/**
 * The build's programs as JavaScript. `scripts/launch.mjs` bundles the entry points named in
 * `programs.json` into one folder at the start of `npm run build` and `npm run content`, and
 * names that folder in the environment, so that the content step's worker threads and the
 * search index helper, started later and in other processes, load JavaScript: compiling the
 * pipeline's TypeScript as it loads took each of them about a second and two seconds of a core.
 * Astro's configuration is bundled with them: Node loads it as it is, where the configuration
 * that imports TypeScript makes Astro start a Vite server to load it (about a second more).
 */
import { join, relative } from 'node:path';
import type table from './programs.json';

/** The variable naming the folder of the bundled programs, set by `scripts/launch.mjs`. */
export const PROGRAMS_DIR = 'NGHI_QUYET_PROGRAMS';

/** A program of the build, by the name its bundle has. */
export type Program = keyof typeof table;

/** The bundled file of `program` when this run was launched with its programs bundled, else null. */
export function bundledProgram(
  program: Program,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  const dir = env[PROGRAMS_DIR];
  return dir ? join(dir, `${program}.mjs`) : null;
}

/**
 * The options that point Astro, run in `root`, at the bundled configuration, when this run has
 * its programs bundled and the options given do not name a configuration of their own. The
 * path is relative: Astro joins it to its root.
 */
export function astroConfigArguments(
  root: string,
  options: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): string[] {
  const config = bundledProgram('astro-config', env);
  const named = options.some((option) => option === '--config' || option.startsWith('--config='));
  return config && !named ? ['--config', relative(root, config)] : [];
}
