/**
 * `npm run import` and `npm run parse` on published files and on bad input: one line naming the
 * file and the reason, a non-zero exit, no stack trace and nothing written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CFB from 'cfb';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../src/lib/document/schema.ts';
import { originalOf, readSource } from '../../src/lib/import/source.ts';
import { generateContent } from '../../src/lib/mdx/generate.ts';
import { importFixture } from '../support/shared.ts';
import { buildDocx, para, run } from './import-docx-build.ts';
import { lockedPdf, scanPdf } from './import-pdf-build.ts';

const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
const SEED = 'seeds/quang-ninh-ktxh-2026.txt';

/** Runs a script the way `npm run` does, through tsx. */
function cli(
  script: string,
  ...args: string[]
): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync('node', ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
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

/** An Office file encrypted with a password: an OLE container holding the encrypted package. */
function encryptedDocx(): Uint8Array {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(container, '/EncryptedPackage', new Uint8Array(64).fill(7));
  return Uint8Array.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

describe('npm run import', () => {
  it('writes one seed per file, named by the file, and the seed parses', () => {
    const out = join(dir, 'seeds-ok');
    const docx = importFixture('docx', 'luat-84-2015-qh13.docx');
    const html = importFixture('html', 'vbpl-nq-cp-66-15-2026.html');
    const result = cli('import', docx, html, '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['luat-84-2015-qh13.txt', 'vbpl-nq-cp-66-15-2026.txt']);
    const parsed = cli('parse', join(out, 'luat-84-2015-qh13.txt'));
    expect(parsed.code).toBe(0);
    expect(DocumentSchema.parse(JSON.parse(parsed.stdout)).nodes.length).toBeGreaterThan(10);
  });

  it('imports a plain-text seed byte for byte', () => {
    const out = join(dir, 'seeds-text');
    expect(cli('import', SEED, '--out', out).code).toBe(0);
    expect(readFileSync(join(out, 'quang-ninh-ktxh-2026.txt'))).toEqual(readFileSync(SEED));
  });

  it('reads the format from the bytes: a .doc renamed .docx is refused, saying what it is', () => {
    const out = join(dir, 'seeds-renamed');
    const renamed = scratch(
      'renamed.docx',
      readFileSync(importFixture('doc-vni', 'qd-991-ubnd-2008.doc')),
    );
    const result = cli('import', renamed, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^.*renamed\.docx: the name says \.docx but the file is a Word 97–2003 document \(\.doc\); rename it to match\n$/,
    );
    expect(existsSync(out)).toBe(false);
    const named = scratch('named.doc', readFileSync(renamed));
    expect(cli('import', named, '--out', out).code).toBe(0);
    expect(readFileSync(join(out, 'named.txt'), 'utf8')).toContain('Độc lập - Tự do - Hạnh phúc');
  });

  it('writes nothing when any file fails', () => {
    const out = join(dir, 'seeds-none');
    const result = cli(
      'import',
      SEED,
      scratch('broken.docx', 'PK\u0003\u0004 not really a zip'),
      '--out',
      out,
    );
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('bad input: one line naming the file, non-zero exit, nothing written, no stack trace', () => {
  const xlsx = (): Uint8Array =>
    zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
  const cases: [string, () => string, RegExp][] = [
    ['a corrupt zip', () => scratch('corrupt.docx', 'PK\u0003\u0004\u0014\u0000garbage that is not a zip'), /corrupt\.docx: corrupt zip archive/],
    ['a password-protected .docx', () => scratch('locked.docx', encryptedDocx()), /locked\.docx: password-protected \(encrypted\) Office file/],
    ['a password-protected PDF', () => scratch('locked.pdf', lockedPdf()), /locked\.pdf: password-protected \(encrypted\) PDF/],
    ['an empty file', () => scratch('empty.docx', ''), /empty\.docx: empty file/],
    ['a spreadsheet', () => scratch('table.xlsx', xlsx()), /table\.xlsx: a spreadsheet \(\.xlsx\), not a text document/],
    ['a 50 MB file', () => scratch('huge.pdf', new Uint8Array(50 * 1024 * 1024).fill(0x25)), /huge\.pdf: 50\.0 MB is over the 25 MB limit/],
    ['an image-only PDF', () => scratch('scan.pdf', scanPdf()), /scan\.pdf: a scan without a text layer \(only images\); no text to import/],
    ['a corrupt PDF', () => scratch('broken.pdf', '%PDF-1.4\nnot a pdf at all\n'), /broken\.pdf: corrupt PDF/],
    ['a .docx without a document', () => scratch('hollow.docx', buildDocx({ body: '' }).slice(0, 30)), /hollow\.docx: corrupt zip archive/],
  ]; // prettier-ignore

  for (const script of ['import', 'parse']) {
    it.each(cases)(`npm run ${script}: %s`, (_name, make, message) => {
      const out = join(dir, `out-${script}`);
      const result = cli(script, make(), ...(script === 'import' ? ['--out', out] : []));
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[0]).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('npm run parse reads a .docx directly', () => {
    const file = scratch(
      'direct.docx',
      buildDocx({ body: para(run('QUYẾT NGHỊ:')) + para(run('Điều 1. Một.')) }),
    );
    const result = cli('parse', '--format', 'text', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Điều 1. Một.');
  });
});

describe('the build reads published files directly', () => {
  it('makes content for a .docx seed, named by its file, and offers its original', () => {
    const docx = importFixture('docx', 'luat-84-2015-qh13.docx');
    const { files } = generateContent([docx], 'content/glossary.json');
    expect(files.some((f) => f.path === 'luat-84-2015-qh13/document.json')).toBe(true);
    const source = readSource(docx);
    const original = originalOf(source, docx);
    expect(original?.file).toBe('luat-84-2015-qh13.docx');
    expect(original?.bytes).toEqual(readFileSync(docx));
    expect(originalOf(readSource(SEED), SEED)).toBeNull();
  });
});
