import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBases, makeVariants } from '../../scripts/bench/variants.ts';
import { createProject, removeProject } from '../../scripts/bench/project.ts';
import { folderDigest } from '../support/dist.ts';
import { PROJECT_ROOT } from '../support/server.ts';

/**
 * A library built in two shards and assembled, against the same library built whole: the
 * assembled project keeps every shard's document and makes only the library's own pages and
 * search index, and its site is the whole build's byte for byte.
 */

const projects: string[] = [];

/** A fresh project with `variants` as its seeds. */
function project(variants: ReturnType<typeof makeVariants>, label: string): string {
  const dir = createProject(PROJECT_ROOT, variants, label);
  projects.push(dir);
  return dir;
}

/** Runs an npm script of the project through its own files, as `npm run` does; its output. */
function run(dir: string, args: string[]): string {
  // A clean environment: the test runner's variables (BASE_URL, MODE …) would leak into the build.
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir() };
  const done = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env });
  if (done.status !== 0) {
    throw new Error(`${args.join(' ')} failed in ${dir}:\n${done.stdout}\n${done.stderr}`);
  }
  return `${done.stdout}\n${done.stderr}`;
}

/** The content step and Astro's build, as `npm run build` runs them; Astro's output. */
function build(dir: string): string {
  run(dir, ['--import', 'tsx', 'scripts/content.ts']);
  return run(dir, ['node_modules/astro/astro.js', 'build']);
}

afterAll(() => {
  for (const dir of projects) removeProject(dir);
});

describe('a library built in shards', () => {
  it('assembles into the same site as the library built whole', () => {
    const variants = makeVariants(loadBases(PROJECT_ROOT), 6);
    const whole = project(variants, 'whole');
    const first = project(variants.slice(0, 3), 'shard-a');
    const second = project(variants.slice(3), 'shard-b');
    const assembled = project([], 'assembled');
    for (const dir of [whole, first, second]) build(dir);

    const said = run(assembled, ['--import', 'tsx', 'scripts/assemble.ts', first, second]);
    expect(said).toContain('copied 6 documents from 2 shards');
    const log = build(assembled);
    expect(log).toContain('kept the built pages of 6 of 6 documents');
    expect(folderDigest(join(assembled, 'dist'))).toBe(folderDigest(join(whole, 'dist')));

    // A shard's document that another shard also built is refused, in one line.
    const again = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/assemble.ts', first, first],
      { cwd: assembled, encoding: 'utf8' },
    );
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain(`built by both ${first} and ${first}`);
  });
});
