import { describe, expect, it } from 'vitest';
import { buildExcerpt } from '../../src/search/excerpt';
import { parseQuery } from '../../src/search/query';
import { matchQuality } from '../../src/search/match';
import { wordKeys } from '../../src/search/words';
import { adjacency, findHits, rankSections, tightestWindow } from '../../src/search/rank';
import {
  pageSections,
  pageWords,
  splitTitle,
  type PagefindAnchor,
  type PagefindFragment,
} from '../../src/search/sections';

/** A fragment shaped like the one `pagefind.js` returns, built from words and anchors. */
function fragment(content: string, anchors: PagefindAnchor[]): PagefindFragment {
  return { url: '/qn/trang/', content, meta: { title: 'Trang' }, anchors, filters: {} };
}

/** How well `word` matches the first word of `query`. */
function quality(query: string, word: string, open = false): number {
  const [token] = parseQuery(query).words;
  if (!token) throw new Error('empty query');
  return matchQuality(token, wordKeys(word), open);
}

describe('word matching', () => {
  it('matches every accented form of a word typed without marks', () => {
    expect(quality('dieu', 'điều')).toBe(1);
    expect(quality('dieu', 'diều')).toBe(1);
    expect(quality('DO', 'độ')).toBe(1);
  });

  it('matches only the typed spelling of a word typed with marks, in either case', () => {
    expect(quality('điều', 'Điều')).toBe(1);
    expect(quality('điều', 'diều')).toBe(0);
    expect(quality('đô', 'độ')).toBe(0);
    expect(quality('sắt', 'sát')).toBe(0);
    expect(quality('dầu', 'đầu')).toBe(0);
  });

  it('takes the old and new spellings of a word as the same word', () => {
    expect(quality('hoá', 'hóa')).toBe(1);
    expect(quality('khỏe', 'khoẻ')).toBe(1);
    expect(quality('tỉ', 'tỷ')).toBe(1);
    expect(quality('ky', 'kỹ')).toBe(1);
    expect(quality('lí', 'lý')).toBe(1);
    expect(quality('lí', 'li')).toBe(0);
  });

  it('takes a completed syllable whole, and a syllable being typed as a prefix', () => {
    expect(quality('co', 'công')).toBe(0);
    expect(quality('co', 'công', true)).toBeGreaterThan(0);
    expect(quality('logistic', 'logistics')).toBeGreaterThan(0);
  });

  it('finds figures, acronyms and document numbers inside punctuation', () => {
    expect(quality('74000', '74.000')).toBe(1);
    expect(quality('12,5%', '12,5%.')).toBe(1);
    expect(quality('FDI', '(FDI)')).toBe(1);
    expect(quality('68', '68-NQ/TW')).toBeGreaterThan(0.5);
    expect(quality('57-NQ/TW', '57-NQ/TW,')).toBe(1);
    expect(quality('ai', 'ải')).toBe(1);
    expect(quality('AI', 'mai')).toBe(0);
  });
});

describe('sections from a Pagefind fragment', () => {
  const content =
    'Chỉ tiêu. a) Về xã hội: (14) Đạt 27 điều dưỡng/1 vạn dân. (15) tuổi thọ trung bình 75,2 tuổi.';
  const anchors = [
    {
      element: 'section',
      id: 'dieu-1.khoan-2.diem-b',
      title: 'Điều 1 › khoản 2 › điểm b — Về xã hội',
      location: 2,
    },
    { element: 'p', id: 'dieu-1.khoan-2.diem-b.doan-1', text: 'a) Về xã hội:', location: 2 },
    { element: 'div', id: 'chi-tieu-14', title: 'Chỉ tiêu (14) — Điều dưỡng', location: 6 },
    { element: 'div', id: 'chi-tieu-15', title: 'Chỉ tiêu (15) — Tuổi thọ', location: 13 },
  ];
  const page = pageWords(fragment(content, anchors));
  const sections = pageSections(page, anchors);

  it('splits a title into citation and short heading', () => {
    expect(splitTitle('Điều 1 › 3.1 › điểm b — Du lịch')).toEqual({
      citation: 'Điều 1 › 3.1 › điểm b',
      heading: 'Du lịch',
    });
    expect(splitTitle('Điều 2')).toEqual({ citation: 'Điều 2', heading: '' });
  });

  it('cuts at titled elements only, like Pagefind sub-results, after the words before them', () => {
    expect(sections.map((section) => [section.id, section.titled])).toEqual([
      ['', false],
      ['dieu-1.khoan-2.diem-b', true],
      ['chi-tieu-14', true],
      ['chi-tieu-15', true],
    ]);
    const words = (index: number) => {
      const section = sections[index];
      return section ? page.raw.slice(section.start, section.end).join(' ') : '';
    };
    expect(words(0)).toBe('Chỉ tiêu.');
    expect(words(2)).toBe('(14) Đạt 27 điều dưỡng/1 vạn dân.');
    expect(sections[2]?.url).toBe('/qn/trang/#chi-tieu-14');
    expect(sections[2]?.citation).toBe('Chỉ tiêu (14)');
  });

  it('cuts the words before the first clause at the elements with ids that hold them', () => {
    const anchors = [
      { element: 'div', id: 'tieu-de', location: 0 },
      { element: 'div', id: 'can-cu-1', location: 2 },
      { element: 'p', id: 'can-cu-1.x', location: 2 },
      { element: 'div', id: 'dieu-1', title: 'Điều 1 — Thông qua', location: 8 },
    ];
    const head = pageWords(
      fragment('NGHỊ QUYẾT. Căn cứ Nghị quyết số 316/NQ-HĐND; Điều 1. Thông qua', anchors),
    );
    const cut = pageSections(head, anchors).map((section) => [
      section.id,
      head.raw.slice(section.start, section.end).join(' '),
    ]);
    expect(cut).toEqual([
      ['tieu-de', 'NGHỊ QUYẾT.'],
      ['can-cu-1', 'Căn cứ Nghị quyết số 316/NQ-HĐND;'],
      ['dieu-1', 'Điều 1. Thông qua'],
    ]);
  });

  it('gives a page without clauses one section that lands on the page', () => {
    const plain = pageWords(fragment('Lời mở đầu.', []));
    expect(pageSections(plain, [])).toMatchObject([
      { id: '', url: '/qn/trang/', start: 0, end: 3 },
    ]);
  });

  it('ranks the clause with the words side by side above one with them apart', () => {
    const other = pageWords(
      fragment('Điều hành và nuôi dưỡng nguồn thu. Sau đó điều chỉnh dưỡng.', [
        {
          element: 'div',
          id: 'dieu-1.khoan-3-1.diem-d',
          title: 'Điều 1 › 3.1 › điểm d — Thu',
          location: 0,
        },
      ]),
    );
    const all = [
      ...sections,
      ...pageSections(other, [
        {
          element: 'div',
          id: 'dieu-1.khoan-3-1.diem-d',
          title: 'Điều 1 › 3.1 › điểm d — Thu',
          location: 0,
        },
      ]),
    ];
    const ranked = rankSections(all, parseQuery('dieu duong'), false);
    expect(ranked.map((scored) => scored.section.id).slice(0, 2)).toEqual([
      'chi-tieu-14',
      'dieu-1.khoan-3-1.diem-d',
    ]);
  });

  it('measures neighbours and the tightest stretch in words with letters', () => {
    const query = parseQuery('dieu duong');
    const section = sections.find((candidate) => candidate.id === 'chi-tieu-14');
    if (!section) throw new Error('missing section');
    const hits = findHits(section, query, false);
    expect(adjacency(hits, page.ordinal, query.words.length)).toBe(1);
    expect(tightestWindow(hits, page.ordinal)).toEqual([9, 10]);
  });

  it('builds an excerpt with marked words and no markup from the page', () => {
    const hostile = pageWords(
      fragment('<script>alert(1)</script> có (FDI) và đầu tư công.', [
        { element: 'div', id: 'x', title: 'X — Y', location: 0 },
      ]),
    );
    const [scored] = rankSections(
      pageSections(hostile, [{ element: 'div', id: 'x', title: 'X — Y', location: 0 }]),
      parseQuery('fdi'),
      false,
    );
    if (!scored) throw new Error('no result');
    const segments = buildExcerpt(scored, parseQuery('fdi'));
    expect(segments).toEqual([
      { text: '<script>alert(1)</script> có (', mark: false },
      { text: 'FDI', mark: true },
      { text: ') và đầu tư công.', mark: false },
    ]);
  });

  it('cuts a long clause around the match with ellipses', () => {
    const words = Array.from({ length: 80 }, (_, index) => `từ${index}`);
    words[60] = 'logistics';
    const long = pageWords(
      fragment(words.join(' '), [{ element: 'div', id: 'x', title: 'X', location: 0 }]),
    );
    const [scored] = rankSections(
      pageSections(long, [{ element: 'div', id: 'x', title: 'X', location: 0 }]),
      parseQuery('logistics'),
      false,
    );
    if (!scored) throw new Error('no result');
    const text = buildExcerpt(scored, parseQuery('logistics'), false, 10)
      .map((segment) => segment.text)
      .join('');
    expect(text).toBe('… từ55 từ56 từ57 từ58 từ59 logistics từ61 từ62 từ63 từ64 …');
  });

  it('keeps only clauses holding every typed word when some do', () => {
    const items = [
      { element: 'div', id: 'a', title: 'A', location: 0 },
      { element: 'div', id: 'b', title: 'B', location: 5 },
      { element: 'div', id: 'c', title: 'C', location: 9 },
    ];
    const mixed = pageWords(
      fragment('Phát triển du lịch xanh. Bảo đảm thu đủ, kịp thời. Dự toán ngân sách.', items),
    );
    const ranked = rankSections(pageSections(mixed, items), parseQuery('du lich'), false);
    expect(ranked.map((scored) => scored.section.id)).toEqual(['a']);
    const partial = rankSections(pageSections(mixed, items), parseQuery('du thuyen'), false);
    expect(partial.map((scored) => scored.section.id).sort()).toEqual(['a', 'b', 'c']);
  });
});
