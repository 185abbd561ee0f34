import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/server.ts';
import { SHARED_DIR, sharedPath } from '../support/shared.ts';

/** Data from elsewhere is read from `../shared/` at test time; the project commits none of it. */

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The SHA-256 of a file's bytes. */
function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('no copies of shared data', () => {
  it('commits no file whose bytes equal a shared file, the seed in seeds/ aside', () => {
    const shared = new Map<string, string>();
    for (const file of filesUnder(sharedPath('.'))) {
      if (statSync(file).size > 0) shared.set(digest(file), relative(SHARED_DIR, file));
    }
    expect(shared.size).toBeGreaterThan(10);
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((path) => path !== '');
    const copies = tracked
      .map((path) => ({ path, from: shared.get(digest(join(PROJECT_ROOT, path))) }))
      .filter(
        ({ path, from }) =>
          from !== undefined && !(path.startsWith('seeds/') && from.startsWith('seed/')),
      );
    expect(copies).toEqual([]);
  });

  it('would notice a copy', () => {
    const seed = digest(join(PROJECT_ROOT, 'seeds', 'quang-ninh-ktxh-2026.txt'));
    const shared = filesUnder(sharedPath('seed')).map(digest);
    expect(shared).toContain(seed);
  });
});
