import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stateFromUrl, urlForState } from '../../src/components/search/search-page';
import pagefindIntegration, {
  DOCUMENT_MARKER,
  documentSlugs,
  indexLibrary,
  type LibraryReport,
} from '../../src/integrations/pagefind';
import { DOCUMENT_PAGES } from '../../src/lib/vocabulary/pages';
import { searchClauses, type ClauseResult, type PagefindApi } from '../../src/search/engine';
import { bundleUrl, scopeFromParam, scopeInfoUrl, searchPageUrl } from '../../src/search/paths';
import { resultPlace } from '../../src/search/render';
import { serve } from './search-fixture';

/** The clauses a search finds, in rank order. */
async function clauses(...args: Parameters<typeof searchClauses>): Promise<ClauseResult[]> {
  return (await searchClauses(...args)).results;
}

/**
 * One search bundle per document beside the library-wide one, on a tiny two-document site in
 * the site's markup: two resolutions that share a sentence, as provinces' plans do.
 */

const NAMES: Record<string, string> = {
  qn: 'Nghị quyết về Kế hoạch năm 2026 — Hội đồng nhân dân tỉnh Quảng Ninh',
  hn: 'Nghị quyết về Kế hoạch năm 2026 — Hội đồng nhân dân thành phố Hà Nội',
};

/** A section page of `doc` with one titled clause, named as the real section pages are. */
function sectionHtml(doc: string, words: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Điều 1</title></head><body><header>Tìm kiếm</header><main><article data-pagefind-body data-pagefind-meta="title[data-title], vb[data-vb]" data-title="Điều 1" data-vb="${NAMES[doc]}"><section id="dieu-1" data-pagefind-title="Điều 1 — Giao thông"><p id="dieu-1.doan-1">${words}</p></section></article></main></body></html>`;
}

/** A page outside the index: the full text, or the search page. */
function unindexedHtml(words: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>x</title></head><body><main><p>${words}</p></main></body></html>`;
}

/** Writes `html` at `<root>/<path>/index.html`. */
function page(root: string, path: string, html: string): void {
  mkdirSync(join(root, path), { recursive: true });
  writeFileSync(join(root, path, 'index.html'), html);
}

/** The search information file the site writes for each document. */
function info(root: string, doc: string, number: string | null): void {
  const body = { doc, title: NAMES[doc], number };
  writeFileSync(join(root, doc, 'tim-kiem.json'), JSON.stringify(body));
}

interface Loaded extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
}

let root: string;
let report: LibraryReport;
let server: Server;
let url: string;
const loaded: Loaded[] = [];

/** The real `pagefind.js` of a bundle folder (site-relative), reading its index over HTTP. */
async function bundle(folder: string): Promise<Loaded> {
  const module = (await import(pathToFileURL(join(root, folder, 'pagefind.js')).href)) as Loaded;
  await module.options({ basePath: `${url}${folder}/`, baseUrl: '/' });
  loaded.push(module);
  return module;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'search-bundles-'));
  page(root, 'qn/dieu-1', sectionHtml('qn', 'Đầu tư tuyến đường sắt Hạ Long – Móng Cái.'));
  page(root, 'hn/dieu-1', sectionHtml('hn', 'Đầu tư tuyến đường sắt đô thị số 2.'));
  page(root, 'qn/toan-van', unindexedHtml('Đầu tư tuyến đường sắt Hạ Long – Móng Cái.'));
  page(root, 'hn/toan-van', unindexedHtml('Đầu tư tuyến đường sắt đô thị số 2.'));
  page(root, 'tim-kiem', unindexedHtml('Tìm kiếm'));
  info(root, 'qn', null);
  info(root, 'hn', '12/2025/NQ-HĐND');
  report = await indexLibrary(root);
  ({ server, url } = await serve(root));
});

afterAll(async () => {
  for (const module of loaded) await module.destroy();
  await new Promise((done) => server?.close(done));
  rmSync(root, { recursive: true, force: true });
});

describe('documents of a built site', () => {
  it('are the top-level folders that hold a full-text page', () => {
    expect(documentSlugs(root)).toEqual(['hn', 'qn']);
    expect(DOCUMENT_MARKER).toBe(`${DOCUMENT_PAGES.fullText.slug}/index.html`);
  });
});

describe('per-document bundles', () => {
  it('index the whole library once and each document on its own', () => {
    expect(report.library.pageCount).toBe(2);
    expect(report.documents.map(({ doc, pageCount }) => [doc, pageCount])).toEqual([
      ['hn', 1],
      ['qn', 1],
    ]);
    expect(existsSync(join(root, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(root, 'qn/pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(root, 'hn/pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(root, 'tim-kiem/pagefind'))).toBe(false);
  });

  it("leave out Pagefind's own interfaces, which no page loads", () => {
    const files = readdirSync(join(root, 'qn/pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.some((file) => file.startsWith('wasm.'))).toBe(true);
    expect(files.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    expect(readdirSync(join(root, 'pagefind'))).toContain('pagefind-ui.js');
  });

  it("find only their document's clauses, at URLs relative to the site root", async () => {
    const results = await clauses(await bundle('qn/pagefind'), 'duong sat');
    expect(results.map((result) => result.url)).toEqual(['/qn/dieu-1/#dieu-1']);
    expect(results[0]?.documentTitle).toBe(NAMES['qn']);
  });

  it('while the library-wide bundle finds both, each naming its resolution', async () => {
    const results = await clauses(await bundle('pagefind'), 'duong sat');
    expect(results.map((result) => result.url).sort()).toEqual([
      '/hn/dieu-1/#dieu-1',
      '/qn/dieu-1/#dieu-1',
    ]);
    const named = results.map((result) => resultPlace(result, true));
    expect(named.sort()).toEqual([
      `${NAMES['hn']} · Trang: Điều 1`,
      `${NAMES['qn']} · Trang: Điều 1`,
    ]);
  });

  it('are announced at astro:build:done under the base', async () => {
    const site = mkdtempSync(join(tmpdir(), 'search-bundles-hook-'));
    try {
      page(site, 'qn/dieu-1', sectionHtml('qn', 'Đường sắt'));
      page(site, 'qn/toan-van', unindexedHtml('Đường sắt'));
      info(site, 'qn', null);
      const messages: string[] = [];
      const logger = { info: (message: string) => messages.push(message) };
      const hooks = pagefindIntegration().hooks as unknown as {
        'astro:config:done': (options: { config: { base: string } }) => void;
        'astro:build:done': (options: { dir: URL; logger: typeof logger }) => Promise<void>;
      };
      hooks['astro:config:done']({ config: { base: '/nghi-quyet/' } });
      await hooks['astro:build:done']({ dir: pathToFileURL(`${site}/`), logger });
      expect(existsSync(join(site, 'qn/pagefind/pagefind.js'))).toBe(true);
      expect(messages).toEqual([
        'indexed 1 of 2 pages; search bundle at /nghi-quyet/pagefind/',
        'indexed 1 documents on their own (1 pages); bundles at /nghi-quyet/<doc>/pagefind/',
      ]);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('search information files', () => {
  it("add each document's citable units, cut as search cuts them", () => {
    const qn = JSON.parse(readFileSync(join(root, 'qn', 'tim-kiem.json'), 'utf8')) as unknown;
    expect(qn).toEqual({
      doc: 'qn',
      title: NAMES['qn'],
      number: null,
      units: [
        {
          id: 'dieu-1',
          url: '/qn/dieu-1/#dieu-1',
          citation: 'Điều 1',
          heading: 'Giao thông',
          page: 'Điều 1',
          excerpt: 'Đầu tư tuyến đường sắt Hạ Long – Móng Cái.',
        },
      ],
    });
  });

  it('list the library with each document number', () => {
    const library = JSON.parse(
      readFileSync(join(root, 'tim-kiem', 'van-ban.json'), 'utf8'),
    ) as unknown;
    expect(library).toEqual({
      documents: [
        { doc: 'hn', title: NAMES['hn'], number: '12/2025/NQ-HĐND' },
        { doc: 'qn', title: NAMES['qn'], number: null },
      ],
    });
  });
});

describe('scoped search paths', () => {
  it("name a document's bundle and its name file under the base", () => {
    expect(bundleUrl('/', 'qn')).toBe('/qn/pagefind/');
    expect(bundleUrl('/nghi-quyet', 'qn')).toBe('/nghi-quyet/qn/pagefind/');
    expect(bundleUrl('/nghi-quyet/')).toBe('/nghi-quyet/pagefind/');
    expect(scopeInfoUrl('/nghi-quyet', 'qn')).toBe('/nghi-quyet/qn/tim-kiem.json');
  });

  it('carry the document to the search page as vb', () => {
    expect(searchPageUrl('/', ' đường sắt ', 'qn')).toBe(
      '/tim-kiem/?q=%C4%91%C6%B0%E1%BB%9Dng%20s%E1%BA%AFt&vb=qn',
    );
    expect(searchPageUrl('/', '', 'qn')).toBe('/tim-kiem/?vb=qn');
    expect(searchPageUrl('/', 'x')).toBe('/tim-kiem/?q=x');
  });

  it('accept only a folder name as scope', () => {
    expect(scopeFromParam('quang-ninh-ktxh-2026')).toBe('quang-ninh-ktxh-2026');
    expect(scopeFromParam('../pagefind')).toBeUndefined();
    expect(scopeFromParam('a/b')).toBeUndefined();
    expect(scopeFromParam('')).toBeUndefined();
    expect(scopeFromParam(null)).toBeUndefined();
  });

  it('keep the scope in the search page URL, and drop it for "all resolutions"', () => {
    const state = { query: 'duong sat', filters: { phan: ['Nhiệm vụ'] }, doc: 'qn' };
    expect(urlForState(state)).toBe('?q=duong%20sat&phan=Nhi%E1%BB%87m%20v%E1%BB%A5&vb=qn');
    expect(stateFromUrl(urlForState(state))).toEqual(state);
    expect(stateFromUrl('?q=x&vb=..%2Fetc').doc).toBeUndefined();
    expect(urlForState({ ...state, doc: undefined })).not.toContain('vb=');
  });

  it('name the resolution only where results come from the whole library', () => {
    const result = { pageTitle: 'Điều 1', documentTitle: NAMES['qn'] ?? '' } as ClauseResult;
    expect(resultPlace(result, false)).toBe('Trang: Điều 1');
    expect(resultPlace(result, true)).toBe(`${NAMES['qn']} · Trang: Điều 1`);
    expect(resultPlace({ ...result, documentTitle: '' }, true)).toBe('Trang: Điều 1');
  });
});
