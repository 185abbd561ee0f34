import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cpSync,
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
import fc from 'fast-check';
import pagefindIntegration from '../../src/integrations/pagefind';
import {
  helperCount,
  mergeShares,
  shareOut,
  startHelper,
  streamPages,
} from '../../src/integrations/search-index/helper';
import { indexLibrary, type LibraryReport } from '../../src/integrations/search-index/library';
import {
  renderedPage,
  DOCUMENT_MARKER,
  documentSlugs,
} from '../../src/integrations/search-index/pages';
import { DOCUMENT_PAGES } from '../../src/lib/vocabulary/pages';
import { searchClauses, type ClauseResult } from '../../src/search/engine';
import { routeWords, searchLibrary } from '../../src/search/library';
import {
  indexUrl,
  runtimeUrl,
  scopeFromParam,
  scopeInfoUrl,
  searchPageUrl,
} from '../../src/search/paths';
import { Runtime, slugOf, type PagefindModule } from '../../src/search/runtime';
import { resultPlace } from '../../src/search/render';
import { serve } from './search-fixture';
import { folderDigest } from '../support/dist';

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

/** The HTML written at `<root>/<path>/index.html`. */
function readPage(root: string, path: string): string {
  return readFileSync(join(root, path, 'index.html'), 'utf8');
}

/** The search information file the site writes for each document. */
function info(root: string, doc: string, number: string | null): void {
  const body = { doc, title: NAMES[doc], number };
  writeFileSync(join(root, doc, 'tim-kiem.json'), JSON.stringify(body));
}

/** Runs `check` on a fresh copy of the test site, removed afterwards. */
async function onCopy(name: string, check: (site: string) => Promise<void>): Promise<void> {
  const site = mkdtempSync(join(tmpdir(), `search-bundles-${name}-`));
  try {
    cpSync(root, site, { recursive: true });
    await check(site);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

let root: string;
let report: LibraryReport;
let server: Server;
let url: string;
const started: Runtime[] = [];

/** A fresh runtime as a page starts it: the site's one `pagefind.js`, reading indexes over HTTP. */
async function runtime(): Promise<Runtime> {
  const file = pathToFileURL(join(root, 'pagefind', 'pagefind.js')).href;
  const module = (await import(file)) as PagefindModule;
  const fresh = new Runtime(module, '/', url.replace(/\/$/u, ''));
  started.push(fresh);
  return fresh;
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
  for (const each of started) await each.destroy();
  await new Promise((done) => server?.close(done));
  rmSync(root, { recursive: true, force: true });
});

describe('indexing on helper processes', () => {
  it('deals documents out and gathers them back in their order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 6 }), (items, count) => {
        const shares = shareOut(items, count);
        expect(shares.length).toBe(Math.max(1, Math.min(count, items.length)));
        expect(mergeShares(shares)).toEqual(items);
      }),
    );
  });

  it('starts a helper per further core for a library, none for a few documents', () => {
    expect(helperCount(1000, 2)).toBe(1);
    expect(helperCount(1000, 1)).toBe(0);
    expect(helperCount(3, 8)).toBe(0);
  });

  it('writes the same files with a helper as without', () =>
    onCopy('helped', async (helped) => {
      const alone = await indexLibrary(root);
      const together = await indexLibrary(helped, { helpers: 1 });
      expect(together.documents.map((d) => [d.doc, d.pageCount])).toEqual(
        alone.documents.map((d) => [d.doc, d.pageCount]),
      );
      expect(folderDigest(helped)).toBe(folderDigest(root));
    }));

  it('writes the same files with documents handed to a helper one by one beforehand', () =>
    onCopy('early', async (early) => {
      const alone = await indexLibrary(root);
      const helper = startHelper(early);
      helper.send('qn');
      const indexed = await helper.finish();
      expect(indexed.map((each) => each.report.doc)).toEqual(['qn']);
      const rest = await indexLibrary(early, {
        indexed: new Map(indexed.map((each) => [each.report.doc, each])),
      });
      expect(rest.documents).toEqual(
        alone.documents.map((each) => ({ ...each, outputPath: join(early, each.doc, 'pagefind') })),
      );
      expect(folderDigest(early)).toBe(folderDigest(root));
    }));

  it('indexes documents from their pages as rendered, before their files are written, as from the files', () =>
    onCopy('alone', async (alone) =>
      onCopy('stream', async (site) => {
        for (const each of [alone, site]) page(each, 'qn/dieu-2', sectionHtml('qn', 'Cảng biển.'));
        await indexLibrary(alone);
        const paths = ['qn/dieu-1', 'qn/dieu-2', 'hn/dieu-1', 'hn/toan-van'];
        const html = new Map(paths.map((path) => [path, readPage(site, path)]));
        // Not yet written: the helper must index what the pages handed over.
        for (const path of paths) rmSync(join(site, path), { recursive: true });
        const stream = streamPages(site, new Set(['qn', 'hn']), '/');
        const rendered = (path: string): void =>
          stream.sink.rendered(`/${path}/`, Buffer.from(html.get(path) ?? ''));
        // Three at a time, as Astro with `build.concurrency`, each finished in its own time.
        for (const path of ['qn/dieu-1', 'qn/dieu-2', 'hn/dieu-1']) {
          expect(stream.sink.started(`/${path}/`)).toBe(true);
        }
        rendered('qn/dieu-2');
        rendered('hn/dieu-1');
        rendered('qn/dieu-1');
        stream.sink.started('/hn/toan-van/');
        rendered('hn/toan-van');
        expect(stream.sink.started('/tim-kiem/')).toBe(false);
        stream.sink.rendered('/tim-kiem/', null);
        const early = await stream.finish();
        expect([...early.keys()].sort()).toEqual(['hn', 'qn']);
        for (const path of paths) page(site, path, html.get(path) ?? '');
        await indexLibrary(site, { indexed: early });
        expect(folderDigest(site)).toBe(folderDigest(alone));
      }),
    ));

  it('leaves to the end a document that gets an indexed page after it was handed over', () =>
    onCopy('stale', async (site) => {
      const stream = streamPages(site, new Set(['qn', 'hn']), '/');
      for (const path of ['qn/dieu-1', 'hn/dieu-1', 'qn/dieu-1']) {
        stream.sink.started(`/${path}/`);
        stream.sink.rendered(`/${path}/`, Buffer.from(readPage(site, path)));
      }
      expect([...(await stream.finish()).keys()]).toEqual(['hn']);
    }));

  it('hands over no document whose rendered pages hold no marked element', async () => {
    const html = Buffer.from(unindexedHtml('Thuộc tính data-pagefind-body chỉ là chữ ở đây.'));
    expect(renderedPage('/qn/toan-van/', '/', html)).toBeNull();
    const stream = streamPages(root, new Set(['qn']), '/');
    expect(stream.sink.started('/qn/toan-van/')).toBe(true);
    stream.sink.rendered('/qn/toan-van/', html);
    expect([...(await stream.finish()).keys()]).toEqual([]);
  });

  it('reports a helper that cannot index a document in one line', async () => {
    const helper = startHelper(root);
    helper.send('khong-co');
    await expect(helper.finish()).rejects.toThrow(
      /^search index helper stopped \(exit 1\): pagefind-helper: .*khong-co/u,
    );
  });
});

describe('kept documents', () => {
  it('are read from what the build that indexed them saved, or indexed again without it', async () => {
    const saved = mkdtempSync(join(tmpdir(), 'search-bundles-saved-'));
    try {
      for (const doc of ['hn', 'qn']) mkdirSync(join(saved, doc));
      const first = await indexLibrary(root, { savedDir: saved });
      const digest = folderDigest(root);
      expect(readdirSync(join(saved, 'qn'))).toEqual(['search-record.json']);
      const kept = new Set(['hn', 'qn']);
      const again = await indexLibrary(root, { kept, savedDir: saved });
      expect(again.documents.map((d) => [d.doc, d.pageCount, d.filesRead])).toEqual(
        first.documents.map((d) => [d.doc, d.pageCount, d.filesRead]),
      );
      expect(folderDigest(root)).toBe(digest);
      // Nothing saved for qn: its index is made again from its pages, the same.
      rmSync(join(saved, 'qn', 'search-record.json'));
      await indexLibrary(root, { kept, savedDir: saved });
      expect(folderDigest(root)).toBe(digest);
      expect(existsSync(join(saved, 'qn', 'search-record.json'))).toBe(true);
      // A saved record whose words do not read as [word, count] pairs: made again, the same.
      const record = join(saved, 'qn', 'search-record.json');
      const good = readFileSync(record, 'utf8');
      for (const words of [[['du', 0]], [['du']], [[1, 2]], 'du lich']) {
        writeFileSync(record, JSON.stringify({ ...JSON.parse(good), words }));
        await indexLibrary(root, { kept, savedDir: saved });
        expect(folderDigest(root)).toBe(digest);
        expect(readFileSync(record, 'utf8')).toBe(good);
      }
      writeFileSync(record, '{');
      await indexLibrary(root, { kept, savedDir: saved });
      expect(readFileSync(record, 'utf8')).toBe(good);
    } finally {
      rmSync(saved, { recursive: true, force: true });
    }
  });
});

describe('documents of a built site', () => {
  it('are the top-level folders that hold a full-text page', () => {
    expect(documentSlugs(root)).toEqual(['hn', 'qn']);
    expect(DOCUMENT_MARKER).toBe(`${DOCUMENT_PAGES.fullText.slug}/index.html`);
  });
});

describe('the search files of a built site', () => {
  it('hold one copy of the runtime, the library index and an index per document', () => {
    expect(report.library.pageCount).toBe(2);
    expect(report.documents.map(({ doc, pageCount }) => [doc, pageCount])).toEqual([
      ['hn', 1],
      ['qn', 1],
    ]);
    const runtimeFiles = readdirSync(join(root, 'pagefind'));
    expect(runtimeFiles).toEqual(
      expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'library']),
    );
    expect(runtimeFiles.some((file) => file.startsWith('wasm.'))).toBe(true);
    expect(runtimeFiles.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    expect(existsSync(join(root, 'tim-kiem/pagefind'))).toBe(false);
  });

  it('keep only index data in the library index and in each document', () => {
    for (const folder of ['pagefind/library', 'qn/pagefind', 'hn/pagefind']) {
      const files = readdirSync(join(root, folder)).sort();
      expect(files, folder).toContain('pagefind-entry.json');
      expect(files, folder).toEqual(
        expect.arrayContaining(['fragment', 'index', expect.stringMatching(/\.pf_meta$/)]),
      );
      expect(
        files.filter((file) => /\.js$|^wasm\.|\.css$/.test(file)),
        folder,
      ).toEqual([]);
    }
  });

  it("find only one document's clauses through that document's index", async () => {
    const pagefind = await runtime();
    const results = await clauses(pagefind.document('qn'), 'duong sat');
    expect(results.map((result) => result.url)).toEqual(['/qn/dieu-1/#dieu-1']);
    expect(results[0]?.documentTitle).toBe(NAMES['qn']);
  });

  it('name the documents that hold every word through the library index', async () => {
    const pagefind = await runtime();
    const routed = async (query: string) =>
      Promise.all((await pagefind.route(routeWords(query))).map((doc) => doc.slug()));
    expect((await routed('duong sat')).sort()).toEqual(['hn', 'qn']);
    expect(await routed('đường sắt đô thị')).toEqual(['hn']);
    expect(await routed('Móng Cái')).toEqual(['qn']);
    expect(await routed('xyzabc')).toEqual([]);
  });

  it('search the library through the documents the library index names', async () => {
    const pagefind = await runtime();
    const outcome = await searchLibrary(pagefind, 'đô thị số 2');
    expect(outcome.documents).toEqual(['hn']);
    expect(outcome.results.map((result) => result.url)).toEqual(['/hn/dieu-1/#dieu-1']);
    expect(resultPlace(outcome.results[0] as ClauseResult, true)).toBe(
      `${NAMES['hn']} · Trang: Điều 1`,
    );
    const both = await searchLibrary(pagefind, 'duong sat');
    expect(both.matchingDocuments).toBe(2);
    expect(both.documents).toHaveLength(1);
    expect(both.results).toHaveLength(1);
  });

  it('never return the starter record or another document', async () => {
    const pagefind = await runtime();
    for (const term of ['pagefind', null]) {
      const response = await pagefind.document('qn').search(term);
      const urls = await Promise.all(
        (response?.results ?? []).map(async (result) => (await result.data()).url),
      );
      expect(urls).toEqual(['/qn/dieu-1/']);
    }
  });

  it('read a document slug from a library record URL', () => {
    expect(slugOf('/nghi-quyet/qn/')).toBe('qn');
    expect(slugOf('/hn/')).toBe('hn');
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
        'astro:config:done': (options: {
          config: { base: string; outDir: URL; build: { concurrency: number } };
        }) => void;
        'astro:build:done': (options: { dir: URL; logger: typeof logger }) => Promise<void>;
      };
      hooks['astro:config:done']({
        config: {
          base: '/nghi-quyet/',
          outDir: pathToFileURL(`${site}/`),
          build: { concurrency: 1 },
        },
      });
      await hooks['astro:build:done']({ dir: pathToFileURL(`${site}/`), logger });
      expect(existsSync(join(site, 'pagefind/pagefind.js'))).toBe(true);
      expect(existsSync(join(site, 'qn/pagefind/pagefind.js'))).toBe(false);
      expect(messages).toEqual([
        'indexed 1 pages of 1 documents at /nghi-quyet/<doc>/pagefind/; library index of 1 documents at /nghi-quyet/pagefind/library/; runtime at /nghi-quyet/pagefind/',
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
  it("name a document's index, the runtime and its name file under the base", () => {
    expect(indexUrl('/', 'qn')).toBe('/qn/pagefind/');
    expect(indexUrl('/nghi-quyet', 'qn')).toBe('/nghi-quyet/qn/pagefind/');
    expect(indexUrl('/nghi-quyet/')).toBe('/nghi-quyet/pagefind/library/');
    expect(runtimeUrl('/nghi-quyet/')).toBe('/nghi-quyet/pagefind/');
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
