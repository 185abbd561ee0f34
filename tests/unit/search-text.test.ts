import { describe, expect, it } from 'vitest';
import { dSpellings, expandQuery, MAX_VARIANTS, parseQuery } from '../../src/search/query';
import { fold } from '../../src/lib/text/fold';
import { wordParts } from '../../src/search/words';
import { bundleUrl, resultHref, searchPageUrl, withSlash } from '../../src/search/paths';

describe('words of a page', () => {
  it('split into folded pieces at punctuation, so each piece can match alone', () => {
    expect(fold('đô thị hóa')).toBe(fold('đô thị hoá'));
    expect(wordParts('dưỡng/1')).toEqual(['duong', '1']);
    expect(wordParts('(AI,')).toEqual(['ai']);
    expect(wordParts('57-NQ/TW')).toEqual(['57', 'nq', 'tw']);
  });
});

describe('queries', () => {
  it('splits on whitespace, lower-cases and drops punctuation-only pieces', () => {
    const tokens = parseQuery('  Di sản - Kỳ "quan" ');
    expect(tokens.map((token) => token.raw)).toEqual(['di', 'sản', 'kỳ', 'quan']);
    expect(tokens.map((token) => token.marked)).toEqual([false, true, true, false]);
  });

  it('offers đ for every syllable typed with a plain d, never the reverse', () => {
    expect(dSpellings('dieu')).toEqual(['dieu', 'đieu']);
    expect(dSpellings('đô')).toEqual(['đô']);
    expect(dSpellings('cong')).toEqual(['cong']);
  });

  it('expands a query into every d/đ combination, the typed spelling first', () => {
    expect(expandQuery(parseQuery('dau tu cong'))).toEqual(['dau tu cong', 'đau tu cong']);
    expect(expandQuery(parseQuery('dieu duong'))).toEqual([
      'dieu duong',
      'dieu đuong',
      'đieu duong',
      'đieu đuong',
    ]);
    expect(expandQuery(parseQuery('FDI 5G'))).toEqual(['fdi 5g']);
  });

  it('caps the spellings of a query full of d syllables', () => {
    const variants = expandQuery(parseQuery('do dau de di du dieu dan'));
    expect(variants).toHaveLength(MAX_VARIANTS);
    expect(variants[0]).toBe('do dau de di du dieu dan');
    expect(new Set(variants).size).toBe(MAX_VARIANTS);
  });
});

describe('search paths under a base', () => {
  it('puts the bundle and the search page under Astro base', () => {
    expect(withSlash('/docs')).toBe('/docs/');
    expect(bundleUrl('/')).toBe('/pagefind/');
    expect(bundleUrl('/docs')).toBe('/docs/pagefind/');
    expect(searchPageUrl('/docs/', ' đầu tư công ')).toBe(
      '/docs/tim-kiem/?q=%C4%91%E1%BA%A7u%20t%C6%B0%20c%C3%B4ng',
    );
    expect(searchPageUrl('/', '  ')).toBe('/tim-kiem/');
  });

  it('adds the words to highlight before the clause fragment', () => {
    expect(resultHref('/qn/chi-tieu/#chi-tieu-14', 'dieu duong')).toBe(
      '/qn/chi-tieu/?hl=dieu%20duong#chi-tieu-14',
    );
    expect(resultHref('/qn/chi-tieu/', '')).toBe('/qn/chi-tieu/');
  });
});
