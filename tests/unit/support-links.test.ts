import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, listFiles, readText } from '../support/dist.ts';
import {
  checkLinks,
  fileForUrlPath,
  readPageFacts,
  resolveReference,
  urlPathForFile,
  type PageFacts,
} from '../support/links.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/html');

/** Reads every page of a fixture site the way the e2e gate reads `dist/`. */
async function loadSite(dir: string): Promise<{ pages: PageFacts[]; files: Set<string> }> {
  const files = listFiles(dir);
  const pages = await Promise.all(
    htmlFiles(files).map((file) => readPageFacts(file, readText(dir, file))),
  );
  return { pages, files };
}

describe('urlPathForFile and fileForUrlPath', () => {
  it('map directory indexes to slash URLs under the base', () => {
    expect(urlPathForFile('index.html', '/')).toBe('/');
    expect(urlPathForFile('doc/muc-tieu/index.html', '/')).toBe('/doc/muc-tieu/');
    expect(urlPathForFile('404.html', '/nq/')).toBe('/nq/404.html');
  });

  it('find the file a static host would serve, honouring the base', () => {
    const files = new Set(['index.html', 'doc/index.html', '404.html', 'tệp.txt']);
    expect(fileForUrlPath('/nq/', '/nq/', files)).toBe('index.html');
    expect(fileForUrlPath('/nq', '/nq/', files)).toBe('index.html');
    expect(fileForUrlPath('/nq/doc', '/nq/', files)).toBe('doc/index.html');
    expect(fileForUrlPath('/nq/404', '/nq/', files)).toBe('404.html');
    expect(fileForUrlPath('/nq/t%E1%BB%87p.txt', '/nq/', files)).toBe('tệp.txt');
    expect(fileForUrlPath('/doc/', '/nq/', files)).toBeNull();
    expect(fileForUrlPath('/nq/khac/', '/nq/', files)).toBeNull();
  });
});

describe('resolveReference', () => {
  it('resolves relative URLs against the page and decodes the fragment', () => {
    expect(resolveReference('../b/#chi-ti%E1%BA%BFu', '/doc/a/')).toEqual({
      kind: 'internal',
      path: '/doc/b/',
      fragment: 'chi-tiếu',
    });
  });

  it('treats other origins as external unless they are the configured site', () => {
    expect(resolveReference('https://example.org/doc/', '/')).toEqual({ kind: 'external' });
    expect(resolveReference('https://example.org/doc/', '/', 'https://example.org')).toEqual({
      kind: 'internal',
      path: '/doc/',
      fragment: null,
    });
  });

  it('forbids javascript: URLs, which hostile source text must never become', () => {
    expect(resolveReference(' JavaScript:alert(1)', '/')).toMatchObject({ kind: 'forbidden' });
  });
});

describe('checkLinks', () => {
  it('finds nothing wrong in a sound site: relative, entity-encoded, srcset, @name and # links', async () => {
    const { pages, files } = await loadSite(resolve(FIXTURES, 'site'));
    expect(pages.map((page) => page.file)).toEqual([
      'doc/index.html',
      'doc/muc-tieu/index.html',
      'index.html',
    ]);
    const index = pages.find((page) => page.file === 'index.html');
    expect(index?.references.map((reference) => reference.value)).toContain(
      '/doc/muc-tieu/?q=du%20lich&x=1#dieu-1.khoan-2',
    );
    expect(checkLinks(pages, files, { base: '/', siteOrigin: 'https://example.org' })).toEqual([]);
  });

  it('reports a missing page, a missing fragment, a duplicate id, a javascript: URL and a missing script', async () => {
    const { pages, files } = await loadSite(resolve(FIXTURES, 'broken'));
    const problems = checkLinks(pages, files, { base: '/' });
    expect(problems).toEqual([
      { file: 'index.html', value: '#lap', reason: 'duplicate id' },
      { file: 'index.html', value: '/khong-co/', reason: 'a[href]: no file for /khong-co/' },
      {
        file: 'index.html',
        value: '/#khong-co-id',
        reason: 'a[href]: no id "khong-co-id" in index.html',
      },
      { file: 'index.html', value: 'javascript:alert(1)', reason: 'a[href]: javascript: URL' },
      {
        file: 'index.html',
        value: '/_astro/missing.js',
        reason: 'script[src]: no file for /_astro/missing.js',
      },
    ]);
  });

  it('checks the site origin only when told it, and then finds a wrong canonical page', async () => {
    const facts = await readPageFacts(
      'index.html',
      '<!doctype html><html><head><link rel="canonical" href="https://example.org/cu/"></head><body></body></html>',
    );
    const files = new Set(['index.html']);
    expect(checkLinks([facts], files, { base: '/' })).toEqual([]);
    expect(checkLinks([facts], files, { base: '/', siteOrigin: 'https://example.org' })).toEqual([
      {
        file: 'index.html',
        value: 'https://example.org/cu/',
        reason: 'link[href]: no file for /cu/',
      },
    ]);
  });
});
