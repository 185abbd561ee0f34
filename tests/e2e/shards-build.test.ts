import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBases, makeVariants } from '../../scripts/bench/variants.ts';
import { createProject, removeProject } from '../../scripts/bench/project.ts';
import { buildProject, folderDigest, runInProject } from '../support/dist.ts';
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
    for (const dir of [whole, first, second]) buildProject(dir);

    const said = runInProject(assembled, ['--import', 'tsx', 'scripts/assemble.ts', first, second]);
    expect(said).toContain('copied 6 documents from 2 shards');
    const log = buildProject(assembled);
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
    // Four builds in one test (52 s on a quiet machine, over 120 s on a loaded one): it gets
    // the time the other suites' build hooks get.
  }, 900_000);
});
