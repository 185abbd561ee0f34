import { describe, expect, it } from 'vitest';
import { homePages } from '../../src/lib/site/pagination.ts';
import {
  absoluteUrl,
  citedUrl,
  docUrl,
  fullTextUrl,
  glossaryUrl,
  homePageUrl,
  homeUrl,
  nodeUrl,
  normaliseBase,
  pageUrl,
  wholeTocUrl,
  withBase,
} from '../../src/lib/site/urls.ts';

describe('URLs under a base path', () => {
  it('normalises any spelling of the base', () => {
    for (const base of ['/', '', '//']) expect(normaliseBase(base)).toBe('/');
    for (const base of ['/nq', 'nq', '/nq/', 'nq//']) expect(normaliseBase(base)).toBe('/nq/');
  });

  it('puts every page under the base, ending in a slash', () => {
    expect(homeUrl('/nq/')).toBe('/nq/');
    expect(docUrl('doc', '/nq')).toBe('/nq/doc/');
    expect(pageUrl('doc', 'dieu-2', '/nq/')).toBe('/nq/doc/dieu-2/');
    expect(fullTextUrl('doc', undefined, '/')).toBe('/doc/toan-van/');
    expect(withBase('/a/b/', '/x/y/')).toBe('/x/y/a/b/');
  });

  it('links to a node by its id as the fragment', () => {
    expect(nodeUrl('doc', 'dieu-1-khoan-3-1', 'dieu-1.khoan-3-1.diem-b', '/')).toBe(
      '/doc/dieu-1-khoan-3-1/#dieu-1.khoan-3-1.diem-b',
    );
    expect(citedUrl('doc', 'nq-57-nq-tw', '/nq/')).toBe('/nq/doc/van-ban-dan-chieu/#nq-57-nq-tw');
    expect(glossaryUrl('doc', 'tt-grdp', '/')).toBe('/doc/thuat-ngu/#tt-grdp');
    expect(wholeTocUrl('doc', '/nq/')).toBe('/nq/doc/#muc-luc-h');
  });

  it('makes canonical URLs absolute from the configured site', () => {
    expect(absoluteUrl('/nq/doc/', 'https://example.vn')).toBe('https://example.vn/nq/doc/');
    expect(absoluteUrl('/doc/', undefined)).toBe('/doc/');
  });
});

describe('the list of documents in pages', () => {
  it('cuts a library into pages of fixed length, with a first page even when empty', () => {
    expect(homePages([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(homePages([], 2)).toEqual([[]]);
    expect(homePages(Array.from({ length: 120 }, (_, i) => i)).map((p) => p.length)).toEqual([
      50, 50, 20,
    ]);
  });

  it('links page 1 to the home page and the others under /trang/', () => {
    expect(homePageUrl(1, '/')).toBe('/');
    expect(homePageUrl(3, '/')).toBe('/trang/3/');
    expect(homePageUrl(2, '/nghi-quyet')).toBe('/nghi-quyet/trang/2/');
  });
});
