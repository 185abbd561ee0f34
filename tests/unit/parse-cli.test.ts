import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../src/lib/document/schema.ts';
import { readCorpus } from '../support/shared.ts';
import { words } from '../support/words.ts';
import { buildDocx, para, run } from './import-docx-build.ts';
import { lockedPdf, scanPdf } from './import-pdf-build.ts';

const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'));
const SEED = 'seeds/quang-ninh-ktxh-2026.txt';

/** Runs `npm run parse -- …` the way people do, through tsx. */
function parse(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync('node', ['--import', 'tsx', 'scripts/parse.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Writes a file into the scratch folder and returns its path. */
function scratch(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('npm run parse', () => {
  it('prints the tree as JSON by default', () => {
    const run = parse(SEED);
    expect(run.code).toBe(0);
    expect(DocumentSchema.parse(JSON.parse(run.stdout)).meta.date).toBe('2025-12-16');
    expect(run.stderr).toBe('');
  });

  it('prints the rebuilt text with --format text', () => {
    const run = parse('--format', 'text', SEED);
    expect(run.code).toBe(0);
    expect(words(run.stdout)).toEqual(words(readFileSync(SEED, 'utf8')));
  });

  it('prints warnings as FILE:LINE:COL: warning: …', () => {
    const file = scratch('gap.txt', 'QUYẾT NGHỊ:\nĐiều 1. Một.\nĐiều 3. Ba.\n');
    const run = parse(file);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`${file}:3:1: warning: numbering gap: Điều 3. after 1\n`);
  });

  it('reads every corpus text', () => {
    for (const name of ['hanoi-2025-66-nq-hdnd-phi', 'qh-2025-198-kinhtetunhan-chuong']) {
      const body = readCorpus(name);
      const run = parse('--format', 'text', scratch(`${name}.txt`, body));
      expect(run.code).toBe(0);
      expect(words(run.stdout)).toEqual(words(body));
    }
  });
});

describe('bad input: one line naming the file, non-zero exit, no stack trace', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing file', () => join(dir, 'nope.txt'), /nope\.txt: no such file$/],
    ['a directory', () => dir, /: is a directory, not a text file$/],
    ['an empty file', () => scratch('empty.txt', ''), /empty\.txt: empty file/],
    ['a blank file', () => scratch('blank.txt', ' \n\n\t\n'), /blank\.txt: empty file/],
    [
      'bytes that are not UTF-8, with their line',
      () =>
        scratch(
          'latin1.txt',
          Buffer.concat([
            Buffer.from('Điều 1.\nabc\n'),
            Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0x1f, 0x69]),
          ]),
        ),
      /latin1\.txt:3: bytes that are not UTF-8$/,
    ],
    [
      'binary data',
      () => scratch('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
      /image\.png: binary data/,
    ],
  ];
  it.each(cases)('%s', (_name, make, message) => {
    const run = parse(make());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a wrong command line with its usage', () => {
    const run = parse('--format', 'xml', SEED);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--format takes json or text/);
  });
});

describe('published files: read by their bytes, bad ones refused in one line', () => {
  it('parses a .docx directly', () => {
    const file = scratch(
      'law.docx',
      buildDocx({ body: para(run('QUYẾT NGHỊ:')) + para(run('Điều 1. Một.')) }),
    );
    const run1 = parse('--format', 'text', file);
    expect(run1.code).toBe(0);
    expect(words(run1.stdout)).toEqual(['QUYẾT', 'NGHỊ', 'Điều', '1', 'Một']);
  });

  const cases: [string, () => string, RegExp][] = [
    [
      'a corrupt .docx',
      () => scratch('corrupt.docx', 'PK\u0003\u0004 broken'),
      /corrupt\.docx: corrupt zip archive/,
    ],
    [
      'a scanned PDF',
      () => scratch('scan.pdf', scanPdf()),
      /scan\.pdf: a scan without a text layer/,
    ],
    ['a locked PDF', () => scratch('locked.pdf', lockedPdf()), /locked\.pdf: password-protected/],
  ];
  it.each(cases)('%s', (_name, make, message) => {
    const result = parse(make());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^error: .*${message.source}.*\\n$`));
  });
});
