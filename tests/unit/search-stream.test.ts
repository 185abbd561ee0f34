import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limiter } from '../../src/integrations/pagefind';
import { folderOf, pageStream } from '../../src/integrations/page-stream';
import { PROJECT_ROOT } from '../support/server';

/**
 * Documents handed to the search index while Astro still writes pages: a document is handed
 * over only once every page it has that Pagefind reads is written, and one that gets such a
 * page later is reported stale, so the index never misses a page.
 */

/** An Astro file's markup: what follows its frontmatter, without its comments. */
function template(text: string): string {
  return text
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/gu, '');
}

/**
 * Feeds `pages` ([document, indexed]) to a stream under `base`; returns what it handed over,
 * as "document:indexed pages".
 */
function run(
  pages: readonly (readonly [string, boolean])[],
  docs: readonly string[],
  base = '/',
): { sent: string[]; stale: string[] } {
  const sent: string[] = [];
  const stream = pageStream(new Set(docs), base, (doc, count) => sent.push(`${doc}:${count}`));
  pages.forEach(([doc, indexed], at) => stream.page(`${base}${doc}/trang-${at}/`, indexed));
  return { sent, stale: [...stream.end()].sort() };
}

describe('pages of a document', () => {
  it("belong to the document named by their path's first folder below the base", () => {
    expect(folderOf('/qn/dieu-1/', '/')).toBe('qn');
    expect(folderOf('/nghi-quyet/qn/dieu-1/', '/nghi-quyet/')).toBe('qn');
    expect(folderOf('/nghi-quyet/', '/nghi-quyet/')).toBe('');
    expect(folderOf('/', '/')).toBe('');
  });
});

describe('documents handed over while pages are written', () => {
  it('go when a page of another document comes, and the last at the end', () => {
    const sent: string[] = [];
    const stream = pageStream(new Set(['qn', 'hn']), '/', (doc, count) => {
      sent.push(`${doc}:${count}`);
    });
    stream.page('/qn/dieu-1/', true);
    stream.page('/qn/dieu-2/', true);
    expect(sent).toEqual([]);
    stream.page('/hn/dieu-1/', true);
    expect(sent).toEqual(['qn:2']);
    stream.page('/hn/toan-van/', false);
    expect(stream.end()).toEqual(new Set());
    expect(sent).toEqual(['qn:2', 'hn:1']);
  });

  it('never include a document without an indexed page, nor a folder that is no document', () => {
    const pages = [
      ['tim-kiem', true],
      ['qn', false],
      ['hn', true],
      ['', true],
    ] as const;
    expect(run(pages, ['qn', 'hn'])).toEqual({ sent: ['hn:1'], stale: [] });
  });

  it('are stale when an indexed page of theirs comes after them', () => {
    const pages = [
      ['qn', true],
      ['hn', true],
      ['qn', false],
      ['hn', true],
    ] as const;
    expect(run(pages, ['qn', 'hn'])).toEqual({ sent: ['qn:1', 'hn:1'], stale: ['hn'] });
  });

  it('read the base from the path', () => {
    const pages = [
      ['qn', true],
      ['hn', true],
    ] as const;
    expect(run(pages, ['qn', 'hn'], '/nghi-quyet/')).toEqual({
      sent: ['qn:1', 'hn:1'],
      stale: [],
    });
  });

  it('have, when handed over, every indexed page of theirs written, unless reported stale', () => {
    const page = fc.tuple(fc.constantFrom('a', 'b', 'c', 'tim-kiem'), fc.boolean());
    fc.assert(
      fc.property(fc.array(page, { maxLength: 40 }), (pages) => {
        const docs = ['a', 'b', 'c'];
        const written: [string, boolean][] = [];
        const seen = new Map<string, number>();
        const stream = pageStream(new Set(docs), '/', (doc, count) => {
          const onDisk = written.filter(([d, indexed]) => d === doc && indexed).length;
          expect(count).toBe(onDisk);
          seen.set(doc, onDisk);
        });
        for (const [doc, indexed] of pages) {
          stream.page(`/${doc}/x/`, indexed);
          // Astro writes a page once it is rendered, before rendering the next.
          written.push([doc, indexed]);
        }
        const stale = stream.end();
        for (const doc of docs) {
          const indexed = pages.filter(([d, i]) => d === doc && i).length;
          if (indexed === 0) expect(seen.has(doc)).toBe(false);
          else if (!stale.has(doc)) expect(seen.get(doc)).toBe(indexed);
          else expect(seen.get(doc)).toBeLessThan(indexed);
        }
      }),
    );
  });
});

describe('pages holding what Pagefind indexes', () => {
  it('say so to the build, so that their document is not handed over before them', () => {
    const pages = readdirSync(join(PROJECT_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.astro'))
      .map((file) => ({ file, text: readFileSync(join(PROJECT_ROOT, 'src', file), 'utf8') }));
    const marking = pages.filter(({ text }) =>
      /<[a-z][^<>]*\sdata-pagefind-body[\s=/>]/u.test(template(text)),
    );
    expect(marking.map(({ file }) => file)).toEqual([join('pages', '[doc]', '[page].astro')]);
    for (const { text } of marking) expect(text).toContain('Astro.locals.searchIndexed = true;');
  });
});

describe('a limit on tasks running at once', () => {
  it('runs every task, never more than the limit at once, and gives each its own result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 3 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        async (delays, limit) => {
          const run = limiter(limit);
          let running = 0;
          let most = 0;
          const results = await Promise.all(
            delays.map((delay, at) =>
              run(async () => {
                running++;
                most = Math.max(most, running);
                await new Promise((done) => setTimeout(done, delay));
                running--;
                return at;
              }),
            ),
          );
          expect(results).toEqual(delays.map((_, at) => at));
          expect(most).toBeLessThanOrEqual(limit);
          if (delays.length > 0) expect(most).toBe(Math.min(limit, delays.length));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('goes on after a task that fails', async () => {
    const run = limiter(1);
    const failed = run(() => Promise.reject(new Error('no')));
    await expect(failed).rejects.toThrow('no');
    await expect(run(() => Promise.resolve(2))).resolves.toBe(2);
  });
});
