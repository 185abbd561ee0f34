import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { baseOf, htmlFiles, listFiles, readText } from '../support/dist.ts';
import { checkLinks, fileForUrlPath, readPageFacts, type PageFacts } from '../support/links.ts';

/** Gate: no broken internal link, asset or fragment, and no duplicate id, on any built page. */

const distDir = inject('distDir');
const base = baseOf(inject('baseUrl'));
let files: Set<string>;
let pages: PageFacts[];

/** The site's public origin from the sitemap index, so absolute self-links are checked too. */
function siteOrigin(): string | undefined {
  const index = join(distDir, 'sitemap-index.xml');
  if (!existsSync(index)) return undefined;
  const loc = /<loc>([^<]+)<\/loc>/.exec(readFileSync(index, 'utf8'))?.[1];
  return loc === undefined ? undefined : new URL(loc).origin;
}

/** Every `<loc>` of every sitemap file in the build. */
function sitemapLocations(): string[] {
  return [...files]
    .filter((file) => /^sitemap.*\.xml$/.test(file))
    .flatMap((file) => [...readText(distDir, file).matchAll(/<loc>([^<]+)<\/loc>/g)])
    .map((match) => match[1] ?? '');
}

beforeAll(async () => {
  files = listFiles(distDir);
  pages = await Promise.all(
    htmlFiles(files).map((file) => readPageFacts(file, readText(distDir, file))),
  );
});

describe('links in dist/', () => {
  it('has pages to check, the front page among them', () => {
    expect(pages.map((page) => page.file)).toContain('index.html');
    console.log(
      `links: ${pages.length} pages, ${pages.reduce((n, p) => n + p.references.length, 0)} references`,
    );
  });

  it('has no broken internal link, asset or fragment and no duplicate id', () => {
    const problems = checkLinks(pages, files, { base, siteOrigin: siteOrigin() });
    expect(
      problems.map((problem) => `${problem.file}: ${problem.value} — ${problem.reason}`),
    ).toEqual([]);
  });

  it('lists in its sitemap only pages that exist', () => {
    const origin = siteOrigin();
    expect(origin, 'dist/sitemap-index.xml names the site').toBeDefined();
    const locations = sitemapLocations().filter((loc) => !loc.endsWith('.xml'));
    const missing = locations.filter((loc) => {
      const url = new URL(loc);
      return url.origin !== origin || fileForUrlPath(url.pathname, base, files) === null;
    });
    expect(missing).toEqual([]);
    expect(locations.length).toBeGreaterThan(1);
  });
});
