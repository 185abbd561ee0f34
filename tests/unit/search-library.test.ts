import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PagefindFragment } from '../../src/search/sections';
import {
  OpenedDocuments,
  routeWords,
  searchLibrary,
  type LibraryIndex,
} from '../../src/search/library';
import {
  LIBRARY_RANKING,
  Runtime,
  WHOLE_DOCUMENT_PAGES,
  type PagefindModule,
} from '../../src/search/runtime';
import { documentPages } from '../../src/integrations/search-index/fragments';
import {
  documentWords,
  libraryRecord,
  wordWeight,
} from '../../src/integrations/search-index/library-record';
import type { WordKeys } from '../../src/search/words';

/**
 * The library search's choices, on stand-ins for Pagefind that record what they are asked: which
 * words go to the library index, when a document is read whole, which document a keystroke opens.
 */

/** A fragment of one titled clause holding `text`. */
function fragment(url: string, text: string): PagefindFragment {
  const anchors = [{ element: 'div', id: 'x', title: 'Điều 1 — X', location: 0 }];
  return { url, content: text, meta: { title: 'Trang', vb: url }, anchors, filters: {} };
}

/** A module whose one instance answers a document of `pages` pages, recording every call. */
function fakeModule(pages: number): { module: PagefindModule; calls: string[] } {
  const calls: string[] = [];
  const results = Array.from({ length: pages }, (_, index) => ({
    id: `p${index}`,
    score: 1,
    data: () => Promise.resolve(fragment(`/qn/${index}/`, 'đường sắt')),
  }));
  const module: PagefindModule = {
    createInstance: () => ({
      init: () => Promise.resolve(),
      mergeIndex: (url, options) => {
        const ranking = options?.['ranking'] ? ` ${JSON.stringify(options['ranking'])}` : '';
        calls.push(`merge ${url}${ranking}`);
        return Promise.resolve();
      },
      search: (term, options) => {
        calls.push(`search ${term === null ? 'null' : term} ${JSON.stringify(options?.filters)}`);
        return Promise.resolve({ results: term === null ? results : results.slice(0, 2) });
      },
      filters: () => Promise.resolve({ phan: { 'Chỉ tiêu': 1 }, 'van-ban': { qn: 1 } }),
      destroy: () => Promise.resolve(),
    }),
  };
  return { module, calls };
}

describe('a document searched through the runtime', () => {
  it('is read whole when it has few pages, without asking its index for the words', async () => {
    const { module, calls } = fakeModule(WHOLE_DOCUMENT_PAGES);
    const response = await new Runtime(module, '/').document('qn').search('duong sat');
    expect(response?.results).toHaveLength(WHOLE_DOCUMENT_PAGES);
    expect(calls).toEqual(['merge /qn/pagefind/', 'search null {"van-ban":["qn"]}']);
  });

  it('is searched for the words when it has more pages than a query reads', async () => {
    const { module, calls } = fakeModule(WHOLE_DOCUMENT_PAGES + 1);
    const response = await new Runtime(module, '/').document('qn').search('duong sat', {
      filters: { phan: ['Chỉ tiêu'] },
    });
    expect(response?.results).toHaveLength(2);
    expect(calls.at(-1)).toBe('search duong sat {"phan":["Chỉ tiêu"],"van-ban":["qn"]}');
  });

  it('is merged once however many searches read it', async () => {
    const { module, calls } = fakeModule(3);
    const runtime = new Runtime(module, '/');
    await Promise.all([runtime.document('qn').search('a'), runtime.document('qn').search('b')]);
    expect(calls.filter((call) => call.startsWith('merge'))).toEqual(['merge /qn/pagefind/']);
  });

  it("offers the page's own filters, not the ones that tell indexes apart", async () => {
    const { module } = fakeModule(1);
    expect(await new Runtime(module, '/').filters()).toEqual({ phan: { 'Chỉ tiêu': 1 } });
  });
});

describe('the library index', () => {
  it('weighs a word by how often a document writes it, one step per doubling', () => {
    expect([0, 1, 2, 3, 4, 7, 8, 100, 100_000].map(wordWeight)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 7, 10,
    ]);
  });

  it('counts each written word once under its folded key and once under each other part', () => {
    const pages = documentPages([
      fragment('/qn/1/', 'Du lịch 57/NQ-TW du lịch'),
      fragment('/qn/2/', 'dưỡng/1'),
    ]);
    expect([...documentWords(pages)]).toEqual([
      ['du', 2],
      ['lich', 2],
      ['57nqtw', 1],
      ['57', 1],
      ['nq', 1],
      ['tw', 1],
      ['duong1', 1],
      ['duong', 1],
      ['1', 1],
    ]);
  });

  it('counts as a set of keys per word would, with word keys shared between documents', () => {
    const word = fc.constantFrom(
      'du',
      'lịch',
      'Du',
      '57/NQ-TW',
      'tw-tw',
      '1.000',
      'a/a/b',
      '(AI,',
      '–',
    );
    const text = fc.array(word, { maxLength: 12 }).map((words) => words.join(' '));
    const shared = new Map<string, WordKeys>();
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (texts) => {
        const fragments = texts.map((t, i) => fragment(`/qn/${i}/`, t));
        const expected = new Map<string, number>();
        for (const page of documentPages(fragments)) {
          for (const keys of page.keys) {
            for (const key of new Set([keys.folded, ...keys.parts])) {
              if (key) expected.set(key, (expected.get(key) ?? 0) + 1);
            }
          }
        }
        expect([...documentWords(documentPages(fragments, shared))]).toEqual([...expected]);
      }),
    );
  });

  it("records the document's name as metadata and its words by weight, title words counting more", () => {
    const words = new Map([
      ['du', 1],
      ['lich', 4],
      ['bien', 16],
      ['xa', 1],
    ]);
    const record = libraryRecord('Nghị quyết "Du lịch"', words);
    expect(record).toContain(
      '<meta data-pagefind-meta="title[content]" content="Nghị quyết &quot;Du lịch&quot;">',
    );
    expect(record).not.toContain('<h1');
    expect(record.slice(record.indexOf('<body>'))).toBe(
      '<body><p data-pagefind-weight="5">bien</p><p data-pagefind-weight="4">du lich nghi quyet</p><p data-pagefind-weight="1">xa</p></body></html>',
    );
  });

  it('is read with its own ranking: weights decide, length does not', async () => {
    const { module, calls } = fakeModule(1);
    await new Runtime(module, '/').route('du lich');
    expect(calls[0]).toBe(`merge /pagefind/library/ ${JSON.stringify(LIBRARY_RANKING)}`);
  });
});

describe('the library search', () => {
  it('asks the library index for every word of the query folded, once, but single letters', () => {
    expect(routeWords('Đường sắt "đô thị" 57-NQ/TW đường')).toBe('duong sat do thi 57 nq tw');
    expect(routeWords(' " ')).toBe('');
    expect(routeWords('d')).toBe('');
    expect(routeWords('5G')).toBe('5g');
    expect(routeWords('dieu d')).toBe('dieu');
    expect(routeWords('điểm a khoản 2 Điều 1')).toBe('diem khoan dieu');
  });

  /** A library of documents named by the library index in `order`, recording what is opened. */
  function library(order: string[], holding: Record<string, string>) {
    const opened: string[] = [];
    const index: LibraryIndex = {
      route: () =>
        Promise.resolve(
          order.map((doc) => ({
            id: `id-${doc}`,
            score: 1,
            slug: () => Promise.resolve(doc),
            describe: () => Promise.resolve({ doc, title: `Nghị quyết ${doc}` }),
          })),
        ),
      document: (doc) => ({
        search: () => {
          opened.push(doc);
          const data = () => Promise.resolve(fragment(`/${doc}/p/`, holding[doc] ?? ''));
          return Promise.resolve({ results: [{ id: `${doc}-p`, score: 1, data }] });
        },
      }),
    };
    return { index, opened };
  }

  it('opens the first document named, and the next when it lacks the words as typed', async () => {
    const { index } = library(['a', 'b'], { a: 'đường sát', b: 'đường sắt' });
    const outcome = await searchLibrary(index, 'đường sắt');
    expect(outcome.documents).toEqual(['a', 'b']);
    expect(outcome.results.map((result) => result.url)).toEqual(['/b/p/#x']);
    expect(outcome.matchingDocuments).toBe(2);
    expect(await outcome.otherDocuments?.()).toEqual([]);
  });

  it('offers the documents it did not open, by name', async () => {
    const { index } = library(['a', 'b', 'c'], { a: 'đường sắt', b: 'đường sắt', c: 'x' });
    const outcome = await searchLibrary(index, 'đường sắt');
    expect(outcome.documents).toEqual(['a']);
    expect(await outcome.otherDocuments?.()).toEqual([
      { doc: 'b', title: 'Nghị quyết b' },
      { doc: 'c', title: 'Nghị quyết c' },
    ]);
  });

  it('opens the next document when the first holds the words apart, and keeps the one holding them together', async () => {
    const { index } = library(['a', 'b'], { a: 'công nghệ, tỷ lệ', b: 'công ty' });
    const outcome = await searchLibrary(index, 'công ti');
    expect(outcome.documents).toEqual(['a', 'b']);
    expect(outcome.results.map((result) => result.url)).toEqual(['/b/p/#x']);
    expect(await outcome.otherDocuments?.()).toEqual([{ doc: 'a', title: 'Nghị quyết a' }]);
  });

  it('keeps the first document that answers when none holds the words together', async () => {
    const holding = { a: 'thu nhập và thuế', b: 'thu nhập, thuế', c: 'nhập, thu và thuế' };
    const { index, opened } = library(['a', 'b', 'c', 'd'], holding);
    const outcome = await searchLibrary(index, 'thuế thu nhập');
    expect(opened).toEqual(['a', 'b', 'c']);
    expect(outcome.results.map((result) => result.url)).toEqual(['/a/p/#x']);
    expect((await outcome.otherDocuments?.())?.map((doc) => doc.doc)).toEqual(['b', 'c', 'd']);
  });

  it('keeps the document it opened for the last keystroke while it still scores near the best', async () => {
    const kept = new OpenedDocuments();
    const first = library(['a', 'b'], { a: 'đường sắt', b: 'đường sắt' });
    await searchLibrary(first.index, 'đường', {}, undefined, kept);
    const next = library(['b', 'a'], { a: 'đường sắt', b: 'đường sắt' });
    const outcome = await searchLibrary(next.index, 'đường sắt', {}, undefined, kept);
    expect(next.opened).toEqual(['a']);
    expect(outcome.documents).toEqual(['a']);
  });

  it('stops before opening anything once a newer query has started', async () => {
    const { index, opened } = library(['a'], { a: 'đường sắt' });
    const outcome = await searchLibrary(index, 'đường sắt', { isCurrent: () => false });
    expect(opened).toEqual([]);
    expect(outcome.results).toEqual([]);
  });
});
