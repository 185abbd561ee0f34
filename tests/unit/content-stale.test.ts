import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateContent } from '../../src/lib/mdx/generate.ts';
import { GENERATED_MARKER } from '../../src/lib/mdx/write.ts';

const CONTENT = 'content';

/** Every file under a folder, as paths relative to `root`. */
function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(root, join(dir, entry.name))
      : [join(dir, entry.name).split('\\').join('/')],
  );
}

describe('committed content/', () => {
  const seeds = readdirSync('seeds')
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join('seeds', name));
  const { files } = generateContent(seeds, join(CONTENT, 'glossary.json'));

  it('matches what `npm run content` generates now (run it and commit the result if not)', () => {
    for (const file of files) {
      const path = join(CONTENT, file.path);
      expect(existsSync(path), `${path} is missing`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${path} is stale`).toBe(file.text);
    }
  });

  it('holds no generated file that the seeds no longer produce', () => {
    const expected = new Set(files.map((f) => f.path));
    const generatedDirs = readdirSync(CONTENT, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(CONTENT, e.name, GENERATED_MARKER)))
      .map((e) => e.name);
    for (const dir of generatedDirs) {
      for (const path of filesUnder(CONTENT, dir)) {
        expect(expected.has(path), `${CONTENT}/${path} is left over`).toBe(true);
      }
    }
  });

  it('has one document folder per seed', () => {
    const docs = new Set(files.map((f) => f.path.split('/')[0]));
    expect(docs.size).toBe(seeds.length);
  });
});
