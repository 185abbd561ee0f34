import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docSlug, generateContent } from '../../src/lib/mdx/generate.ts';
import { writeContent } from '../../src/lib/mdx/write.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A small content folder as it would be after a previous run, plus a hand-written file. */
function previousRun(): void {
  mkdirSync(join(dir, 'old-doc'), { recursive: true });
  writeFileSync(join(dir, 'old-doc', 'document.json'), '{}');
  writeFileSync(join(dir, 'old-doc', 'mo-dau.mdx'), 'old');
  mkdirSync(join(dir, 'kept'), { recursive: true });
  writeFileSync(join(dir, 'kept', 'document.json'), '{}');
  writeFileSync(join(dir, 'kept', 'mo-dau.mdx'), 'old');
  writeFileSync(join(dir, 'glossary.json'), '{"hand":"written"}');
}

describe('writing content', () => {
  it('replaces generated folders, removes those of vanished seeds, keeps hand-written files', () => {
    previousRun();
    writeContent(dir, [
      { path: 'kept/document.json', text: '{"new":true}' },
      { path: 'kept/dieu-1.mdx', text: 'new' },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['glossary.json', 'kept']);
    expect(readdirSync(join(dir, 'kept')).sort()).toEqual(['dieu-1.mdx', 'document.json']);
    expect(readFileSync(join(dir, 'glossary.json'), 'utf8')).toBe('{"hand":"written"}');
  });

  it('leaves the old content untouched when a file cannot be written', () => {
    previousRun();
    expect(() =>
      writeContent(dir, [
        { path: 'kept/document.json', text: '{}' },
        { path: '../escape.mdx', text: 'x' },
      ]),
    ).toThrow(/outside the content folder/);
    expect(readFileSync(join(dir, 'kept', 'mo-dau.mdx'), 'utf8')).toBe('old');
    expect(existsSync(join(dir, 'old-doc', 'mo-dau.mdx'))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('reading seeds', () => {
  it('names a document after its seed file', () => {
    expect(docSlug('seeds/quang-ninh-ktxh-2026.txt')).toBe('quang-ninh-ktxh-2026');
  });

  it('refuses a seed name that cannot be a URL, naming the file in one line', () => {
    expect(() => docSlug('seeds/Nghị quyết 1.txt')).toThrow(/^seeds\/Nghị quyết 1\.txt: /);
  });

  it('fails in one line naming a seed that is not UTF-8, before writing anything', () => {
    const seed = join(dir, 'bad-seed.txt');
    writeFileSync(seed, Buffer.from([0x44, 0x69, 0xea, 0x75, 0x0a]));
    let message = '';
    try {
      generateContent([seed], 'content/glossary.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(seed);
    expect(message).not.toContain('\n');
  });

  it('fails in one line naming a missing glossary', () => {
    expect(() =>
      generateContent(['seeds/quang-ninh-ktxh-2026.txt'], join(dir, 'none.json')),
    ).toThrow(/none\.json/);
  });
});
