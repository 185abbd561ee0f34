import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { newContext, recordRequests } from '../support/browsing.ts';
import { htmlFiles, listFiles } from '../support/dist.ts';
import { HEADER_SEARCH, SEARCH_RESULTS } from '../support/selectors.ts';
import { documentSlugs, urlFor } from '../support/site.ts';

/**
 * Gate: a reader's browser talks to the site's own origin only: no fonts, CDNs or analytics.
 * Every request is recorded while visiting every built page and while searching.
 */

const distDir = inject('distDir');
const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Requests that left the site: anything but its origin and in-page `data:`/`blob:` URLs. */
function foreign(urls: string[]): string[] {
  return urls.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

describe('no third-party requests', () => {
  it('while browsing every page and searching', async () => {
    const files = listFiles(distDir);
    const context = await newContext(browser);
    const urls: string[] = [];
    try {
      const page = await context.newPage();
      const requests = recordRequests(page);
      for (const file of htmlFiles(files)) {
        await page.goto(urlFor(baseUrl, file), { waitUntil: 'networkidle' });
      }
      // Searching pulls the index and its fragments: those must be local too.
      await page.goto(new URL('tim-kiem/?q=du%20lich', baseUrl).href);
      await page.locator(`${SEARCH_RESULTS} a`).first().waitFor();
      await page.goto(new URL(`${documentSlugs(files)[0]}/`, baseUrl).href);
      const box = page.locator(HEADER_SEARCH).first();
      await box.fill('logistics');
      const listbox = page.locator(`[id="${await box.getAttribute('aria-controls')}"]`);
      await listbox.locator('[role="option"]').first().click();
      await page.waitForLoadState('networkidle');
      urls.push(...requests.map((request) => request.url()));
    } finally {
      await context.close();
    }
    console.log(`requests recorded: ${urls.length}`);
    expect(urls.length).toBeGreaterThan(htmlFiles(files).length);
    expect(foreign(urls)).toEqual([]);
  });
});
