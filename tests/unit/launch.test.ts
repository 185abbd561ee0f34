import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  astroConfigArguments,
  bundledProgram,
  PROGRAMS_DIR,
} from '../../src/lib/build/programs.ts';

const ROOT = resolve(import.meta.dirname, '../..');

let dir: string;

/** A project holding the launcher, a table of `programs` and their sources, and the packages. */
function project(programs: Record<string, string>, sources: Record<string, string>): void {
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(ROOT, 'scripts/launch.mjs'), join(dir, 'scripts/launch.mjs'));
  mkdirSync(join(dir, 'src/lib/build'), { recursive: true });
  writeFileSync(join(dir, 'src/lib/build/programs.json'), JSON.stringify(programs));
  for (const [path, text] of Object.entries(sources)) writeFileSync(join(dir, path), text);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
}

/** `node scripts/launch.mjs ...args` in the project. */
function launch(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/launch.mjs', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'launch-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scripts/launch.mjs', () => {
  it('runs a program bundled from TypeScript, with its arguments and the folder of the bundles', () => {
    project(
      { hello: 'src/hello.ts', other: 'src/other.ts' },
      {
        'src/hello.ts': [
          "import { words } from './words.ts';",
          'const said: string[] = process.argv.slice(2);',
          `console.log(JSON.stringify({ said, words, dir: process.env['${PROGRAMS_DIR}'], url: import.meta.url }));`,
        ].join('\n'),
        'src/words.ts': "export const words: string = 'xin chào';",
        'src/other.ts': 'export {};',
      },
    );
    const run = launch('hello', 'a', '--b');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    const programs = join(dir, '.cache/programs');
    expect(out).toEqual({
      said: ['a', '--b'],
      words: 'xin chào',
      dir: programs,
      // A module keeps its own file's address, as when it runs unbundled.
      url: pathToFileURL(join(dir, 'src/hello.ts')).href,
    });
    // Every program of the table is bundled, for the programs the named one starts.
    expect(existsSync(join(programs, 'other.mjs'))).toBe(true);
    expect(bundledProgram('worker', { [PROGRAMS_DIR]: programs })).toBe(
      join(programs, 'worker.mjs'),
    );
  });

  it('bundles again when a source or a module it imports changed, or a bundle is missing', () => {
    project(
      { hello: 'src/hello.ts' },
      {
        'src/hello.ts': "import { word } from './word.ts';\nconsole.log(`${word} một`);\n",
        'src/word.ts': "export const word = 'bản';\n",
      },
    );
    expect(launch('hello').stdout).toBe('bản một\n');
    expect(launch('hello').stdout).toBe('bản một\n');
    writeFileSync(
      join(dir, 'src/hello.ts'),
      "import { word } from './word.ts';\nconsole.log(`${word} hai`);\n",
    );
    expect(launch('hello').stdout).toBe('bản hai\n');
    writeFileSync(join(dir, 'src/word.ts'), "export const word = 'bài';\n");
    expect(launch('hello').stdout).toBe('bài hai\n');
    rmSync(join(dir, '.cache/programs/hello.mjs'));
    expect(launch('hello').stdout).toBe('bài hai\n');
  });

  it('bundles JSON and JavaScript sources too, and again when one changed', () => {
    project(
      { hello: 'src/hello.mjs' },
      {
        'src/hello.mjs':
          "import words from './words.json' with { type: 'json' };\nconsole.log(words.join(' '));\n",
        'src/words.json': '["điều", "khoản"]',
      },
    );
    expect(launch('hello').stdout).toBe('điều khoản\n');
    writeFileSync(join(dir, 'src/words.json'), '["điều", "điểm"]');
    expect(launch('hello').stdout).toBe('điều điểm\n');
  });

  it('names the programs when none or an unknown one is asked for', () => {
    project({ hello: 'src/hello.ts' }, { 'src/hello.ts': 'export {};' });
    for (const run of [launch(), launch('nope')]) {
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('launch: name a program: hello\n');
    }
  });

  it('stops with one line naming the file and line of a source that cannot be bundled', () => {
    project(
      { hello: 'src/hello.ts' },
      { 'src/hello.ts': "import './broken.ts';\n", 'src/broken.ts': 'const x = ;\n' },
    );
    const run = launch('hello');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^launch: src\/broken\.ts:1:11: .+\n$/);
  });

  it('gives no bundled program to a run it did not launch', () => {
    expect(bundledProgram('worker', {})).toBeNull();
    expect(astroConfigArguments('/p', [], {})).toEqual([]);
  });

  it("points Astro at the bundled configuration, by a path from Astro's root, unless told another", () => {
    const env = { [PROGRAMS_DIR]: '/p/.cache/programs' };
    expect(astroConfigArguments('/p', ['--verbose'], env)).toEqual([
      '--config',
      '.cache/programs/astro-config.mjs',
    ]);
    expect(astroConfigArguments('/p', ['--config', 'other.mjs'], env)).toEqual([]);
    expect(astroConfigArguments('/p', ['--config=other.mjs'], env)).toEqual([]);
  });
});
