import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { collectPageErrors, newContext } from '../support/browsing.ts';
import { listFiles } from '../support/dist.ts';
import { HEADER_SEARCH } from '../support/selectors.ts';
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
