import { describe, expect, it } from 'vitest';
import { stateFromUrl, urlForState } from '../../src/components/search/search-page';
import { latestOnly } from '../../src/search/client';
import { matchRanges } from '../../src/search/match';
import { parseQuery } from '../../src/search/query';

/** The words `matchRanges` picks out of `text` for `query`. */
function marked(text: string, query: string): string[] {
  return matchRanges(text, parseQuery(query)).map(([start, end]) => text.slice(start, end));
}

describe('highlighting on the landing page', () => {
  it('marks the words typed without diacritics', () => {
    expect(marked('(14) Đạt 27 điều dưỡng/1 vạn dân; nuôi dưỡng', 'dieu duong')).toEqual([
      'điều',
      'dưỡng',
      'dưỡng',
    ]);
  });

  it('marks whole syllables only, not every word that starts alike', () => {
    expect(marked('Đô thị, độ cao, đông đúc, do đó', 'do')).toEqual(['Đô', 'độ', 'do', 'đó']);
    expect(marked('Đô thị, độ cao, đông đúc, do đó', 'đô')).toEqual(['Đô']);
    expect(marked('đường sắt, giám sát', 'sắt')).toEqual(['sắt']);
    expect(marked('công cộng cơ sở', 'co so')).toEqual(['cơ', 'sở']);
  });

  it('marks figures, acronyms and document numbers', () => {
    expect(marked('đạt trên 74.000 tỷ đồng, tăng 12,5%.', '74.000 12,5%')).toEqual([
      '74.000',
      '12,5%',
    ]);
    expect(marked('vốn (FDI) và (AI, IoT), mạng 5G.', 'fdi ai 5g')).toEqual(['FDI', 'AI', '5G']);
    expect(marked('Nghị quyết số 57-NQ/TW, ngày', '57-NQ/TW')).toEqual(['57-NQ/TW']);
    expect(marked('đạt trên 74.000 tỷ đồng', '74000')).toEqual(['74.000']);
  });
});

describe('the search page URL', () => {
  it('reads the query and filters from the URL', () => {
    expect(stateFromUrl('?q=dieu%20duong&phan=Ch%E1%BB%89%20ti%C3%AAu&x=1')).toEqual({
      query: 'dieu duong',
      filters: { phan: ['Chỉ tiêu'] },
    });
    expect(stateFromUrl('')).toEqual({ query: '', filters: {} });
  });

  it('writes a state back as a shareable query string', () => {
    expect(urlForState({ query: 'du lich', filters: { nhom: ['Xã hội'] } })).toBe(
      '?q=du%20lich&nhom=X%C3%A3%20h%E1%BB%99i',
    );
    expect(urlForState({ query: '  ', filters: {} })).toBe('');
    const state = { query: 'đầu tư công', filters: { phan: ['Nhiệm vụ'] } };
    expect(stateFromUrl(urlForState(state))).toEqual(state);
  });
});

describe('typing faster than searching', () => {
  it('marks an older answer stale once a newer search started, and tells the runner', async () => {
    const told: boolean[] = [];
    const wait = (isCurrent: () => boolean, ms: number, value: string) =>
      new Promise<string>((done) =>
        setTimeout(() => {
          told.push(isCurrent());
          done(value);
        }, ms),
      );
    const run = latestOnly(wait);
    const [slow, fast] = await Promise.all([run(30, 'du'), run(1, 'du lich')]);
    expect(slow).toEqual({ fresh: false, value: 'du' });
    expect(fast).toEqual({ fresh: true, value: 'du lich' });
    expect(told).toEqual([true, false]);
  });
});
