import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCorpus } from '../support/shared.ts';
import { buildDocx, para, run as wordRun } from './import-docx-build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/content.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SEED = join(ROOT, 'seeds/quang-ninh-ktxh-2026.txt');
/** A real resolution that carries a document number (66/2025/NQ-HĐND). */
const NUMBERED = 'hanoi-2025-66-nq-hdnd-phi';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-cli-'));
  mkdirSync(join(dir, 'seeds'));
  mkdirSync(join(dir, 'content'));
  copyFileSync(join(ROOT, 'content/glossary.json'), join(dir, 'content/glossary.json'));
  // The stamps hash the pipeline's code, read from the project being built.
  mkdirSync(join(dir, 'src'));
  copyFileSync(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run content` in the temporary project. */
function run(...args: string[]) {
  return spawnSync(TSX, [SCRIPT, ...args], { cwd: dir, encoding: 'utf8' });
}

/** The slugs the pages would list. */
function listed(): string[] {
  const file = join(dir, '.cache/site/library.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { slug: string }[]).map((e) => e.slug);
}

/** stderr without the parser's warnings. */
function errors(stderr: string): string[] {
  return stderr
    .trim()
    .split('\n')
    .filter((line) => line !== '' && !line.includes(': warning: '));
}

describe('npm run content', () => {
  it('writes one folder per seed and its site data, then remakes only a changed seed', () => {
    copyFileSync(SEED, join(dir, 'seeds/ktxh.txt'));
    writeFileSync(join(dir, 'seeds/phi.txt'), readCorpus(NUMBERED));
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/\(2 made, 0 unchanged\)/);
    expect(readdirSync(join(dir, 'content/ktxh'))).toContain('dieu-1-khoan-2.mdx');
    expect(listed()).toEqual(['ktxh', 'phi']);
    const page = join(dir, 'content/ktxh/dieu-1-khoan-2.mdx');
    const written = statSync(page).mtimeMs;

    writeFileSync(join(dir, 'seeds/phi.txt'), `${readCorpus(NUMBERED)}\nPhụ lục thêm một dòng.\n`);
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/\(1 made, 1 unchanged\)/);
    expect(statSync(page).mtimeMs).toBe(written);
    expect(readFileSync(join(dir, 'content/phi/document.json'), 'utf8')).toContain('thêm một dòng');
  });

  it('offers a published original byte for byte, and leaves out the AKN file of a text without a date', () => {
    const lines = [
      'ỦY BAN NHÂN DÂN TỈNH THỬ',
      'QUYẾT ĐỊNH',
      'Về việc thử tệp gốc',
      'Điều 1. Tệp gốc được tải về nguyên vẹn.',
      'Điều 2. Quyết định này có hiệu lực từ ngày ký.',
    ];
    const word = buildDocx({ body: lines.map((line) => para(wordRun(line))).join('') });
    writeFileSync(join(dir, 'seeds/tep-goc.docx'), word);
    const result = run();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'seeds/tep-goc.docx:1:1: warning: no date in the document, so no Akoma Ntoso file',
    );
    const data = join(dir, '.cache/site/tep-goc');
    const { downloads } = JSON.parse(readFileSync(join(data, 'pages.json'), 'utf8')) as {
      downloads: { kind: string; file: string; type: string; bytes: number }[];
    };
    expect(downloads.map((d) => d.kind)).toEqual([
      'json',
      'facts',
      'targets',
      'commitments',
      'original',
    ]);
    expect(downloads.at(-1)).toEqual({
      kind: 'original',
      file: 'tep-goc.docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: word.length,
    });
    expect(readdirSync(join(data, 'du-lieu')).sort()).toEqual(downloads.map((d) => d.file).sort());
    expect(new Uint8Array(readFileSync(join(data, 'du-lieu/tep-goc.docx')))).toEqual(word);
  });

  it('offers no original for a plain-text seed, whose text is the source', () => {
    copyFileSync(SEED, join(dir, 'seeds/ktxh.txt'));
    expect(run().status).toBe(0);
    const pages = readFileSync(join(dir, '.cache/site/ktxh/pages.json'), 'utf8');
    const kinds = (JSON.parse(pages) as { downloads: { kind: string }[] }).downloads.map(
      (d) => d.kind,
    );
    expect(kinds).toEqual(['json', 'facts', 'targets', 'commitments', 'akn']);
  });

  it('builds the other seeds when one cannot be read, names it in one line and fails', () => {
    copyFileSync(SEED, join(dir, 'seeds/a-good.txt'));
    writeFileSync(join(dir, 'seeds/b-bad.txt'), Buffer.from('Dong mot\nDong \xff hai\n', 'latin1'));
    const result = run();
    expect(result.status).toBe(1);
    expect(errors(result.stderr)).toEqual(['seeds/b-bad.txt:2: bytes that are not UTF-8']);
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    expect(existsSync(join(dir, 'content/a-good/document.json'))).toBe(true);
    expect(existsSync(join(dir, 'content/b-bad'))).toBe(false);
    expect(listed()).toEqual(['a-good']);

    const skipped = run('--skip-invalid');
    expect(skipped.status).toBe(0);
    expect(errors(skipped.stderr)).toEqual(['seeds/b-bad.txt:2: bytes that are not UTF-8']);
    expect(listed()).toEqual(['a-good']);
  });

  it('fails with one line when there are no seeds', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'seeds/: no .txt or .docx or .doc or .pdf or .html or .htm files to read',
    );
  });

  it('fails with one line naming both files when two seeds give the same slug', () => {
    copyFileSync(SEED, join(dir, 'seeds/ktxh.txt'));
    copyFileSync(SEED, join(dir, 'seeds/ktxh.TXT'));
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'seeds/ktxh.TXT, seeds/ktxh.txt: both give the document slug "ktxh"',
    );
    expect(existsSync(join(dir, 'content/ktxh'))).toBe(false);
  });

  it('fails with one line naming both files when two seeds are the same document', () => {
    writeFileSync(join(dir, 'seeds/phi.txt'), readCorpus(NUMBERED));
    writeFileSync(join(dir, 'seeds/phi-copy.txt'), readCorpus(NUMBERED));
    const result = run();
    expect(result.status).toBe(1);
    expect(errors(result.stderr)).toEqual([
      'seeds/phi.txt, seeds/phi-copy.txt: both are document number 66/2025/NQ-HĐND of the same issuer and year',
    ]);
    expect(listed()).toEqual([]);
  });
});
