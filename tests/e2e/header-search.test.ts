import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { collectPageErrors, newContext } from '../support/browsing.ts';
import { listFiles } from '../support/dist.ts';
import { HEADER_SEARCH, SEARCH_RESULTS } from '../support/selectors.ts';
import { documentSlugs } from '../support/site.ts';

/**
 * Searching from the header, as a reader does on any page: type into the combobox, pick the
 * first option with the arrow key and Enter, land on the clause that says it. Ranking quality over many queries is the
 * search tests' job; this is the journey.
 */

const distDir = inject('distDir');
const baseUrl = inject('baseUrl');
let browser: Browser;

/** Queries from the issue, typed without diacritics, and words the landing clause must hold. */
const JOURNEYS: readonly (readonly [query: string, expected: string])[] = [
  ['logistics', 'trung tâm logistics vùng và liên vùng'],
  ['du lich', '22 triệu lượt khách du lịch'],
  ['dieu duong', '27 điều dưỡng'],
];

/** True when the element's top is inside the viewport. */
function inView(page: Page, id: string): Promise<boolean> {
  return page.locator(`[id="${id}"]`).evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return rect.height > 0 && rect.top >= -1 && rect.top < window.innerHeight;
  });
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('search from the header', () => {
  for (const [query, expected] of JOURNEYS) {
    it(`"${query}" lands on the clause that says "${expected}"`, async () => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        const doc = documentSlugs(listFiles(distDir))[0] ?? '';
        await page.goto(new URL(`${doc}/`, baseUrl).href);
        const box = page.locator(HEADER_SEARCH).first();
        await box.click();
        await page.keyboard.type(query);
        // The box is a combobox: its options appear in the listbox it controls.
        const listbox = page.locator(`[id="${await box.getAttribute('aria-controls')}"]`);
        await listbox.locator('[role="option"]').first().waitFor();
        await page.keyboard.press('ArrowDown');
        expect(await box.getAttribute('aria-activedescendant')).toBeTruthy();
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.hash.length > 1);
        const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
        // The clause's own words: nested clauses that are results of their own do not count.
        const text = await page.locator(`[id="${id}"]`).evaluate((element) => {
          const own = element.cloneNode(true) as Element;
          own.querySelectorAll('[data-pagefind-title]').forEach((nested) => nested.remove());
          return (own.textContent ?? '').replace(/\s+/g, ' ');
        });
        expect(text.toLowerCase()).toContain(expected.toLowerCase());
        expect(await inView(page, id), 'the clause is scrolled into view').toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('search scoped to the resolution being read', () => {
  it("searches the document's own index from its pages with the site's one runtime, never the library's", async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const doc = documentSlugs(listFiles(distDir))[0] ?? '';
      const root = new URL(baseUrl).pathname;
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(new URL(`${doc}/`, baseUrl).href);
      const box = page.locator(HEADER_SEARCH).first();
      await box.click();
      await page.keyboard.type('du lich');
      const listbox = page.locator(`[id="${await box.getAttribute('aria-controls')}"]`);
      await listbox.locator('[role="option"]').first().waitFor();
      const bundle = fetched.filter((path) => path.includes('/pagefind/'));
      expect(bundle).toContain(`${root}pagefind/pagefind.js`);
      expect(bundle).toContain(`${root}${doc}/pagefind/pagefind-entry.json`);
      // The runtime and its starter index, then the document's index: never the library index.
      const runtime = (path: string) => /^[^/]+$/u.test(path.slice(`${root}pagefind/`.length));
      expect(
        bundle.filter((path) => !path.startsWith(`${root}${doc}/pagefind/`) && !runtime(path)),
      ).toEqual([]);
      // The last option opens the search page, still scoped to this document.
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname.endsWith('/tim-kiem/'));
      expect(new URL(page.url()).searchParams.get('vb')).toBe(doc);
      await page.waitForFunction(
        (selector) => document.querySelector<HTMLElement>(selector)?.dataset['query'] === 'du lich',
        SEARCH_RESULTS,
      );
      const scope = page.locator('[data-search-scope]');
      await expect.poll(() => scope.isVisible()).toBe(true);
      await expect.poll(() => scope.textContent()).toMatch(/Đang tìm trong nghị quyết: Nghị quyết/);
      const all = scope.getByRole('link', { name: 'Tìm trong tất cả nghị quyết' });
      const href = new URL((await all.getAttribute('href')) ?? '', page.url());
      expect(href.searchParams.get('q')).toBe('du lich');
      expect(href.searchParams.has('vb')).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("searches the whole library from the home page, naming each result's resolution", async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(new URL('tim-kiem/?q=du%20lich', baseUrl).href);
      await page.waitForFunction(
        (selector) => document.querySelector<HTMLElement>(selector)?.dataset['query'] === 'du lich',
        SEARCH_RESULTS,
      );
      const root = new URL(baseUrl).pathname;
      expect(fetched).toContain(`${root}pagefind/pagefind.js`);
      expect(fetched).toContain(`${root}pagefind/library/pagefind-entry.json`);
      expect(await page.locator('[data-search-scope]').isVisible()).toBe(false);
      const place = await page
        .locator(`${SEARCH_RESULTS} .search-result__page`)
        .first()
        .textContent();
      expect(place).toMatch(/^Nghị quyết .+ · Trang: /);
    } finally {
      await context.close();
    }
  });
});
