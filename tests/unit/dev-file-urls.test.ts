import { describe, expect, it } from 'vitest';
import { devFileUrl } from '../../src/integrations/dev-file-urls';

/**
 * On the dev server a document's files answer at the URLs the pages link to, as in the built
 * site: the request is routed with the trailing slash Astro's dev routing asks of them.
 */
describe("the dev server's URLs of a document's files", () => {
  it("routes a document's search information and downloads with the slash", () => {
    expect(devFileUrl('/qn/tim-kiem.json', '/')).toBe('/qn/tim-kiem.json/');
    expect(devFileUrl('/qn/du-lieu/qn-chi-tieu.csv', '/')).toBe('/qn/du-lieu/qn-chi-tieu.csv/');
    expect(devFileUrl('/qn/du-lieu/qn.akn.xml?v=2#top', '/')).toBe(
      '/qn/du-lieu/qn.akn.xml/?v=2#top',
    );
    expect(devFileUrl('/nq/qn/tim-kiem.json', '/nq/')).toBe('/nq/qn/tim-kiem.json/');
  });

  it('leaves pages, public files, other paths and URLs that have the slash as they are', () => {
    for (const url of [
      '/',
      '/qn/',
      '/qn/dieu-1/',
      '/qn/du-lieu-mo/',
      '/favicon.svg',
      '/pagefind/pagefind.js',
      '/qn/pagefind/pagefind-entry.json',
      '/qn/tim-kiem.json/',
      '/qn/du-lieu/qn.json/',
      '/qn/du-lieu/a/b.csv',
      '/a/qn/tim-kiem.json',
    ]) {
      expect(devFileUrl(url, '/')).toBe(url);
    }
    expect(devFileUrl('/qn/tim-kiem.json', '/nq/')).toBe('/qn/tim-kiem.json');
  });
});
