import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/content.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-cli-'));
  mkdirSync(join(dir, 'seeds'));
  mkdirSync(join(dir, 'content'));
  copyFileSync(join(ROOT, 'content/glossary.json'), join(dir, 'content/glossary.json'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run content` in the temporary project. */
function run() {
  return spawnSync(TSX, [SCRIPT], { cwd: dir, encoding: 'utf8' });
}

describe('npm run content', () => {
  it('writes one folder per seed', () => {
    copyFileSync(join(ROOT, 'seeds/quang-ninh-ktxh-2026.txt'), join(dir, 'seeds/ktxh.txt'));
    const result = run();
    expect(result.status).toBe(0);
    expect(readdirSync(join(dir, 'content/ktxh'))).toContain('dieu-1-khoan-2.mdx');
  });

  it('fails with one line naming a bad seed, and writes nothing', () => {
    copyFileSync(join(ROOT, 'seeds/quang-ninh-ktxh-2026.txt'), join(dir, 'seeds/a-good.txt'));
    writeFileSync(join(dir, 'seeds/b-bad.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('seeds/b-bad.txt');
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    expect(existsSync(join(dir, 'content/a-good'))).toBe(false);
  });

  it('fails with one line when there are no seeds', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('seeds/: no .txt files to read');
  });
});
