import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  PageCache,
  searchClauses,
  type ClauseResult,
  type PagefindApi,
} from '../../src/search/engine';
import pagefindIntegration from '../../src/integrations/pagefind';
import { indexSite, SearchIndexError } from '../../src/integrations/search-index/service';
import type { PagefindFragment } from '../../src/search/sections';
import { fixtureSearch, type FixtureSearch } from './search-fixture';

/** The clauses a search finds, in rank order. */
async function clauses(...args: Parameters<typeof searchClauses>): Promise<ClauseResult[]> {
  return (await searchClauses(...args)).results;
}

/**
 * The search layer against a real Pagefind 1.6 index of a small site in our markup: the
 * problems it exists for (đ, dropped terms, no proximity) are shown on plain Pagefind first.
 */

let fixture: FixtureSearch;

beforeAll(async () => {
  fixture = await fixtureSearch();
});

afterAll(async () => {
  await fixture?.close();
});

/** Plain Pagefind's clause order: pages by score, each page's sub-results by their word scores. */
async function plainPagefind(query: string): Promise<string[]> {
  const response = await fixture.pagefind.search(query);
  const urls: string[] = [];
  for (const result of response?.results ?? []) {
    const data = (await result.data()) as PagefindFragment & {
      sub_results: { url: string; weighted_locations: { balanced_score: number }[] }[];
    };
    const weight = (sub: (typeof data.sub_results)[number]) =>
      sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
    urls.push(...[...data.sub_results].sort((a, b) => weight(b) - weight(a)).map((sub) => sub.url));
  }
  return urls;
}

/** Our top result ids for a query. */
async function ours(query: string, count = 3): Promise<string[]> {
  const results = await clauses(fixture.pagefind, query);
  return results.slice(0, count).map((result) => result.id);
}

describe('indexing with the integration', () => {
  it('indexes the section pages and leaves the full-text page out', async () => {
    expect(fixture.pageCount).toBe(3);
    const results = await clauses(fixture.pagefind, 'đường sắt');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => !result.url.includes('toan-van'))).toBe(true);
  });

  it('reports a folder with nothing to index as one error line', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'search-empty-'));
    try {
      await expect(indexSite(empty, join(empty, 'pagefind'))).rejects.toThrow(SearchIndexError);
      await expect(indexSite(empty, join(empty, 'pagefind'))).rejects.toThrow(
        /no pages to index in /,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('runs at astro:build:done over the build folder and names the files under base', async () => {
    const site = mkdtempSync(join(tmpdir(), 'search-hook-'));
    try {
      mkdirSync(join(site, 'a'));
      writeFileSync(
        join(site, 'a/index.html'),
        '<html lang="vi"><body><main data-pagefind-body><p id="x" data-pagefind-title="Điều 1">Đường sắt</p></main></body></html>',
      );
      const integration = pagefindIntegration();
      const messages: string[] = [];
      const logger = { info: (message: string) => messages.push(message) };
      const hooks = integration.hooks as unknown as {
        'astro:config:done': (options: {
          config: { base: string; outDir: URL; build: { concurrency: number } };
        }) => void;
        'astro:build:done': (options: { dir: URL; logger: typeof logger }) => Promise<void>;
      };
      hooks['astro:config:done']({
        config: {
          base: '/nghi-quyet',
          outDir: pathToFileURL(`${site}/`),
          build: { concurrency: 1 },
        },
      });
      await hooks['astro:build:done']({ dir: pathToFileURL(`${site}/`), logger });
      expect(existsSync(join(site, 'pagefind/pagefind.js'))).toBe(true);
      // A folder without a full-text page is no document: the runtime alone is written.
      expect(existsSync(join(site, 'pagefind/library'))).toBe(false);
      expect(messages).toEqual([
        'indexed 0 pages of 0 documents at /nghi-quyet/<doc>/pagefind/; library index of 0 documents at /nghi-quyet/pagefind/library/; runtime at /nghi-quyet/pagefind/',
      ]);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('writes the bundle with a Vietnamese index', () => {
    const files = readdirSync(fixture.bundleDir);
    expect(files).toContain('pagefind.js');
    expect(files.some((file) => /^pagefind\.vi_.*\.pf_meta$/.test(file))).toBe(true);
  });
});

describe('what plain Pagefind gets wrong', () => {
  it('does not fold đ: "dieu duong" misses the clause with "27 điều dưỡng"', async () => {
    const plain = await plainPagefind('dieu duong');
    expect(plain[0]).not.toMatch(/#chi-tieu-14$/);
  });

  it('drops a term with no hit: "dau tu cong" runs as "tu cong"', async () => {
    const plain = await plainPagefind('dau tu cong');
    expect(plain.slice(0, 1)).not.toEqual(['/qn/nhiem-vu-3-1/#dieu-1.khoan-3-1.diem-d']);
  });
});

describe('our layer over Pagefind', () => {
  it.each([
    ['dieu duong', 'chi-tieu-14'],
    ['điều dưỡng', 'chi-tieu-14'],
    ['dau tu cong', 'dieu-1.khoan-3-1.diem-d'],
    ['do thi hoa', 'chi-tieu-11'],
    ['chuyen doi so', 'dieu-1.khoan-3-2.diem-b'],
    ['cong dong', 'dieu-1.khoan-3-1.diem-b'],
    ['duong sat', 'dieu-1.khoan-3-2.diem-b'],
    ['74.000', 'chi-tieu-6'],
    ['74000', 'chi-tieu-6'],
    ['12,5%', 'chi-tieu-1'],
    ['FDI', 'dieu-1.khoan-3-1.diem-a'],
    ['AI', 'dieu-1.khoan-3-1.diem-b'],
    ['5G', 'dieu-1.khoan-3-2.diem-b'],
    ['57-NQ/TW', 'dieu-1.khoan-3-2.diem-b'],
    ['Nghị quyết 68', 'dieu-1.khoan-3-2.diem-b'],
    ['kinh te dem', 'dieu-1.khoan-3-1.diem-b'],
    ['thu ngan sach', 'chi-tieu-6'],
    ['xang dau', 'dieu-1.khoan-3-1.diem-a'],
  ])('"%s" ranks %s first', async (query, id) => {
    expect((await ours(query, 1))[0]).toBe(id);
  });

  it('finds the syllable being typed as a prefix', async () => {
    expect(await ours('du li', 1)).toEqual(['dieu-1.khoan-3-1.diem-b']);
    expect(await ours('tuoi th', 1)).toEqual(['chi-tieu-15']);
  });

  it('lists each clause once, with citation, page and marked excerpt', async () => {
    const results = await clauses(fixture.pagefind, 'dieu duong');
    expect(new Set(results.map((result) => result.url)).size).toBe(results.length);
    const first = results[0];
    expect(first).toMatchObject({
      id: 'chi-tieu-14',
      url: '/qn/chi-tieu/#chi-tieu-14',
      pageUrl: '/qn/chi-tieu/',
      pageTitle: 'Các chỉ tiêu chủ yếu',
      citation: 'Điều 1 › khoản 2 › điểm b › chỉ tiêu 14',
      heading: 'Giường bệnh, bác sĩ, dược sĩ, điều dưỡng',
    });
    expect(first?.excerpt.filter((segment) => segment.mark).map((segment) => segment.text)).toEqual(
      ['điều', 'dưỡng'],
    );
  });

  it('narrows by a Pagefind filter on the page', async () => {
    const all = await clauses(fixture.pagefind, 'phat trien');
    const tasks = await clauses(fixture.pagefind, 'phat trien', {
      filters: { phan: ['Nhiệm vụ'] },
    });
    expect(all.some((result) => result.pageUrl === '/qn/chi-tieu/')).toBe(true);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((result) => result.pageUrl.startsWith('/qn/nhiem-vu-'))).toBe(true);
  });

  it('narrows a page that holds several groups down to the clauses of the chosen group', async () => {
    const social = await clauses(fixture.pagefind, 'dan', { filters: { nhom: ['Xã hội'] } });
    expect(social.map((result) => result.id).sort()).toEqual(['chi-tieu-14', 'chi-tieu-15']);
    const economic = await clauses(fixture.pagefind, 'tren', {
      filters: { nhom: ['Kinh tế'] },
    });
    expect(economic.map((result) => result.id).sort()).toEqual([
      'chi-tieu-1',
      'chi-tieu-10',
      'chi-tieu-11',
      'chi-tieu-6',
    ]);
    const mentions = await clauses(fixture.pagefind, 'xa hoi', {
      filters: { nhom: ['Xã hội'] },
    });
    expect(mentions.map((result) => result.id)).toContain('dieu-1.khoan-2.diem-b');
    expect(mentions.map((result) => result.id)).not.toContain('chi-tieu-10');
  });

  it('returns nothing for an empty query or one with no word', async () => {
    expect(await clauses(fixture.pagefind, '   ')).toEqual([]);
    expect(await clauses(fixture.pagefind, ' - / ')).toEqual([]);
    expect(await clauses(fixture.pagefind, 'zzzkhongco')).toEqual([]);
  });

  it('reads each page once across keystrokes when given a cache', async () => {
    const counted = countingReads(fixture.pagefind);
    const cache = new PageCache();
    const first = await clauses(counted.api, 'du', {}, cache);
    const afterFirst = [...counted.reads];
    const second = await clauses(counted.api, 'du lich', {}, cache);
    expect(first.length).toBeGreaterThan(0);
    expect(second[0]?.id).toBe('dieu-1.khoan-3-1.diem-b');
    expect(afterFirst.length).toBeGreaterThan(0);
    // Every page "du lich" needs was read for "du": the second keystroke reads no index file.
    expect(counted.reads).toEqual(afterFirst);
    expect(new Set(counted.reads).size).toBe(counted.reads.length);
  });

  it('counts reads: without the shared cache the same keystrokes read pages again', async () => {
    const counted = countingReads(fixture.pagefind);
    await clauses(counted.api, 'du', {}, new PageCache());
    const afterFirst = counted.reads.length;
    await clauses(counted.api, 'du lich', {}, new PageCache());
    expect(counted.reads.length).toBeGreaterThan(afterFirst);
    expect(new Set(counted.reads).size).toBeLessThan(counted.reads.length);
  });
});

/** Pagefind with every fragment read (`result.data()`) recorded by page id, in order. */
function countingReads(pagefind: PagefindApi): { api: PagefindApi; reads: string[] } {
  const reads: string[] = [];
  const api: PagefindApi = {
    async search(term, options) {
      const response = await pagefind.search(term, options);
      if (!response) return response;
      return {
        ...response,
        results: response.results.map((result) => ({
          ...result,
          data: () => {
            reads.push(result.id);
            return result.data();
          },
        })),
      };
    },
  };
  return { api, reads };
}
