import fc from 'fast-check';
import type { APIContext } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { limiter } from '../../src/integrations/search-index/service';
import { onRequest, setPageSink } from '../../src/integrations/page-sink';
import { belowBase, folderOf, pageStream } from '../../src/integrations/page-stream';

/**
 * Documents handed to the search index while Astro still renders pages, several at a time: a
 * document is handed over only once every page of it that has started is rendered and a page
 * of another document has started, with every indexed page it has; one that gets such a page
 * later is reported stale, so the index never misses a page.
 */

/** Feeds `pages` ([document, indexed]) to a stream under `base`, one rendered before the next. */
function run(
  pages: readonly (readonly [string, boolean])[],
  docs: readonly string[],
  base = '/',
): { sent: string[]; stale: string[] } {
  const sent: string[] = [];
  const stream = pageStream<number>(new Set(docs), base, (doc, got) =>
    sent.push(`${doc}:${got.join(',')}`),
  );
  pages.forEach(([doc, indexed], at) => {
    const path = `${base}${doc}/trang-${at}/`;
    stream.started(path);
    stream.rendered(path, indexed ? at : null);
  });
  return { sent, stale: [...stream.end()].sort() };
}

describe('pages of a document', () => {
  it("belong to the document named by their path's first folder below the base", () => {
    expect(folderOf('/qn/dieu-1/', '/')).toBe('qn');
    expect(folderOf('/nghi-quyet/qn/dieu-1/', '/nghi-quyet/')).toBe('qn');
    expect(folderOf('/nghi-quyet/', '/nghi-quyet/')).toBe('');
    expect(folderOf('/', '/')).toBe('');
    expect(belowBase('/nghi-quyet/qn/dieu-1/', '/nghi-quyet/')).toBe('qn/dieu-1/');
    expect(belowBase('//qn/', '/')).toBe('qn/');
  });
});

describe('documents handed over while pages are rendered', () => {
  it('go once a page of another document has started and their own are rendered', () => {
    const sent: string[] = [];
    const stream = pageStream<string>(new Set(['qn', 'hn']), '/', (doc, pages) => {
      sent.push(`${doc}:${pages.join(',')}`);
    });
    expect(stream.started('/qn/dieu-1/')).toBe(true);
    stream.started('/qn/dieu-2/');
    stream.rendered('/qn/dieu-2/', 'b');
    stream.started('/hn/dieu-1/');
    expect(sent).toEqual([]);
    stream.rendered('/qn/dieu-1/', 'a');
    expect(sent).toEqual(['qn:b,a']);
    stream.rendered('/hn/dieu-1/', 'c');
    stream.started('/hn/toan-van/');
    stream.rendered('/hn/toan-van/', null);
    expect(sent).toEqual(['qn:b,a']);
    expect(stream.end()).toEqual(new Set());
    expect(sent).toEqual(['qn:b,a', 'hn:c']);
  });

  it('never include a document without an indexed page, nor a folder that is no document', () => {
    const pages = [
      ['tim-kiem', true],
      ['qn', false],
      ['hn', true],
      ['', true],
    ] as const;
    expect(run(pages, ['qn', 'hn'])).toEqual({ sent: ['hn:2'], stale: [] });
    const stream = pageStream<number>(new Set(['qn']), '/', () => undefined);
    expect(stream.started('/tim-kiem/')).toBe(false);
  });

  it('are stale when an indexed page of theirs comes after them', () => {
    const pages = [
      ['qn', true],
      ['hn', true],
      ['qn', false],
      ['hn', true],
    ] as const;
    expect(run(pages, ['qn', 'hn'])).toEqual({ sent: ['qn:0', 'hn:1'], stale: ['hn'] });
  });

  it('read the base from the path', () => {
    const pages = [
      ['qn', true],
      ['hn', true],
    ] as const;
    expect(run(pages, ['qn', 'hn'], '/nghi-quyet/')).toEqual({
      sent: ['qn:0', 'hn:1'],
      stale: [],
    });
  });

  it('have, when handed over, every indexed page of theirs rendered so far and none rendering, all of them unless stale', () => {
    const page = fc.tuple(fc.constantFrom('a', 'b', 'c', 'tim-kiem'), fc.boolean());
    fc.assert(
      fc.property(
        fc.array(page, { maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { maxLength: 80 }),
        (pages, limit, picks) => {
          const docs = ['a', 'b', 'c'];
          const indexedOf = (doc: string): number[] =>
            pages.flatMap(([d, indexed], at) => (d === doc && indexed ? [at] : []));
          const rendered = new Set<number>();
          // Pages started and not yet rendered, as Astro runs at most `limit` at once.
          const rendering: number[] = [];
          const sent = new Map<string, number[]>();
          const stream = pageStream<number>(new Set(docs), '/', (doc, got) => {
            expect([...got].sort((x, y) => x - y)).toEqual(
              indexedOf(doc).filter((at) => rendered.has(at)),
            );
            expect(rendering.some((at) => pages[at]?.[0] === doc)).toBe(false);
            sent.set(doc, got);
          });
          const path = (at: number): string => `/${pages[at]?.[0]}/trang-${at}/`;
          let next = 0;
          let pick = 0;
          while (next < pages.length || rendering.length > 0) {
            while (next < pages.length && rendering.length < limit) {
              stream.started(path(next));
              rendering.push(next++);
            }
            const [at] = rendering.splice((picks[pick++] ?? 0) % rendering.length, 1);
            if (at === undefined) break;
            rendered.add(at);
            stream.rendered(path(at), pages[at]?.[1] ? at : null);
          }
          const stale = stream.end();
          for (const doc of docs) {
            const indexed = indexedOf(doc);
            if (indexed.length === 0) expect(sent.has(doc)).toBe(false);
            else if (!stale.has(doc)) expect(sent.get(doc)?.length).toBe(indexed.length);
            else expect(sent.get(doc)?.length ?? 0).toBeLessThan(indexed.length);
          }
        },
      ),
    );
  });
});

describe('the build middleware', () => {
  /** Runs the middleware on `pathname` with `page` as what Astro rendered. */
  async function through(pathname: string, page: Response): Promise<Response> {
    const context = { url: new URL(`http://localhost${pathname}`) } as unknown as APIContext;
    return (await onRequest(context, () => Promise.resolve(page))) as Response;
  }

  afterEach(() => setPageSink(undefined));

  it('hands over the HTML of a wanted page and passes on the same page', async () => {
    const got: [string, string | null][] = [];
    setPageSink({
      started: (pathname) => pathname.startsWith('/qn/'),
      rendered: (pathname, html) => void got.push([pathname, html && html.toString('utf8')]),
    });
    const html = '<!doctype html><html lang="vi"><body>Điều 1.</body></html>';
    const headers = { 'content-type': 'text/html' };
    const page = await through('/qn/dieu-1/', new Response(html, { status: 200, headers }));
    expect(await page.text()).toBe(html);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html');
    const other = new Response('Tìm kiếm');
    expect(await through('/tim-kiem/', other)).toBe(other);
    expect(got).toEqual([
      ['/qn/dieu-1/', html],
      ['/tim-kiem/', null],
    ]);
  });

  it('leaves every page as it is without a receiver', async () => {
    const page = new Response('Điều 1.');
    expect(await through('/qn/dieu-1/', page)).toBe(page);
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
