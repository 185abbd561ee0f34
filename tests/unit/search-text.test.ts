import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS,
  MAX_VARIANTS,
  pagefindQueries,
  pagefindSpellings,
  parseQuery,
  queryWord,
  unaccentedQuery,
} from '../../src/search/query';
import { fold } from '../../src/lib/text/fold';
import { wordKeys, wordsIn } from '../../src/search/words';
import { indexUrl, resultHref, runtimeUrl, searchPageUrl, withSlash } from '../../src/search/paths';

describe('words of a page', () => {
  it('split into folded pieces at punctuation, so each piece can match alone', () => {
    expect(fold('đô thị hóa')).toBe(fold('đô thị hoá'));
    expect(wordKeys('dưỡng/1').parts).toEqual(['duong', '1']);
    expect(wordKeys('(AI,').parts).toEqual(['ai']);
    expect(wordKeys('57-NQ/TW').parts).toEqual(['57', 'nq', 'tw']);
    expect(wordKeys('Hoá,').spelledParts).toEqual(['hóa']);
  });

  it('keep numbers, their separators and percent sign, and letters after digits together', () => {
    const words = (text: string) => wordsIn(text).map((word) => word.text);
    expect(words('đạt 74.000 tỷ, tăng 12,5%. (4G, 5G) HĐ10')).toEqual([
      'đạt',
      '74.000',
      'tỷ',
      'tăng',
      '12,5%',
      '4G',
      '5G',
      'HĐ10',
    ]);
    expect(words('3.2. khoản 2026-2030 dưỡng/1')).toEqual([
      '3.2',
      'khoản',
      '2026',
      '2030',
      'dưỡng',
      '1',
    ]);
    expect(words('điều'.normalize('NFD'))).toEqual(['điều'.normalize('NFD')]);
  });
});

describe('queries', () => {
  it('splits on whitespace, lower-cases and drops punctuation-only pieces', () => {
    const { words } = parseQuery('  Di sản - Kỳ quan ');
    expect(words.map((word) => word.raw)).toEqual(['di', 'sản', 'kỳ', 'quan']);
    expect(words.map((word) => word.marked)).toEqual([false, true, true, false]);
  });

  it('reads quoted stretches as phrases, and a quote left open as running to the end', () => {
    const query = parseQuery('"kinh tế tư nhân" doanh nghiệp “nông thôn mới');
    expect(query.words.map((word) => word.raw)).toEqual([
      'kinh',
      'tế',
      'tư',
      'nhân',
      'doanh',
      'nghiệp',
      'nông',
      'thôn',
      'mới',
    ]);
    expect(query.phrases).toEqual([
      [0, 1, 2, 3],
      [6, 7, 8],
    ]);
    expect(query.words[4]?.phrase).toBe(-1);
    expect(parseQuery('"du lich" ').open).toBe(false);
    expect(parseQuery('"du lich"').open).toBe(false);
    expect(parseQuery('du li').open).toBe(true);
  });

  it('takes a quoted single word, a lone quote and empty quotes as plain words', () => {
    expect(parseQuery('"biển"').phrases).toEqual([]);
    expect(parseQuery('"').words).toEqual([]);
    expect(parseQuery('"" du').words.map((word) => word.raw)).toEqual(['du']);
  });

  it('keeps the first words and characters of a pasted paragraph', () => {
    const long = parseQuery('phát triển '.repeat(50));
    expect(long.words).toHaveLength(MAX_QUERY_WORDS);
    expect(long.truncated).toBe(true);
    expect(parseQuery('a'.repeat(500)).words[0]?.raw).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseQuery('du lịch').truncated).toBe(false);
  });

  it('writes the query without marks for the unaccented offer, phrases kept', () => {
    expect(unaccentedQuery(parseQuery('"Đường sắt" tốc độ'))).toBe('"duong sat" toc do');
  });
});

describe('what Pagefind is asked', () => {
  it('asks đ for every word typed with a plain d, never the reverse', () => {
    expect(pagefindSpellings(queryWord('dieu'))).toEqual(['dieu', 'đieu']);
    expect(pagefindSpellings(queryWord('đô'))).toEqual(['đô']);
    expect(pagefindSpellings(queryWord('cong'))).toEqual(['cong']);
  });

  it('asks both i and y after a consonant, and one spelling of tone placement', () => {
    expect(pagefindSpellings(queryWord('tỷ'))).toEqual(['tỉ', 'tỷ']);
    expect(pagefindSpellings(queryWord('tỉ'))).toEqual(['tỉ', 'tỷ']);
    expect(pagefindSpellings(queryWord('ky'))).toEqual(['ki', 'ky']);
    expect(pagefindSpellings(queryWord('hoá'))).toEqual(pagefindSpellings(queryWord('hóa')));
    expect(pagefindSpellings(queryWord('thuỷ'))).toEqual(['thủy']);
  });

  it('expands a query into every combination, the first spelling first', () => {
    expect(pagefindQueries(parseQuery('dau tu cong'))).toEqual(['dau tu cong', 'đau tu cong']);
    expect(pagefindQueries(parseQuery('dieu duong'))).toEqual([
      'dieu duong',
      'dieu đuong',
      'đieu duong',
      'đieu đuong',
    ]);
    expect(pagefindQueries(parseQuery('FDI 5G'))).toEqual(['fdi 5g']);
    expect(pagefindQueries(parseQuery('"đô thị" hoá'))).toEqual(['đô thị hóa']);
  });

  it('caps the spellings of a query full of d syllables', () => {
    const variants = pagefindQueries(parseQuery('do dau de di du dieu dan'));
    expect(variants).toHaveLength(MAX_VARIANTS);
    expect(variants[0]).toBe('do dau de di du dieu dan');
    expect(new Set(variants).size).toBe(MAX_VARIANTS);
  });
});

describe('search paths under a base', () => {
  it('puts the bundle and the search page under Astro base', () => {
    expect(withSlash('/docs')).toBe('/docs/');
    expect(runtimeUrl('/')).toBe('/pagefind/');
    expect(runtimeUrl('/docs')).toBe('/docs/pagefind/');
    expect(indexUrl('/docs')).toBe('/docs/pagefind/library/');
    expect(indexUrl('/docs', 'qn')).toBe('/docs/qn/pagefind/');
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
