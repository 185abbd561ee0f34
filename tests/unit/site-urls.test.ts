import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  citedUrl,
  docUrl,
  fullTextUrl,
  glossaryUrl,
  homeUrl,
  nodeUrl,
  normaliseBase,
  pageUrl,
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
  });

  it('makes canonical URLs absolute from the configured site', () => {
    expect(absoluteUrl('/nq/doc/', 'https://example.vn')).toBe('https://example.vn/nq/doc/');
    expect(absoluteUrl('/doc/', undefined)).toBe('/doc/');
  });
});
