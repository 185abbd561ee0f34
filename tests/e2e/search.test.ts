import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runAxe, formatFinding } from '../support/axe.ts';
import { collectPageErrors, newContext } from '../support/browsing.ts';
import { launchChromium } from '../support/chromium.ts';
import { FIRST_QUERY } from '../../scripts/bench/first-search.ts';
import { listFiles } from '../support/dist.ts';
import { documentSlugs } from '../support/site.ts';
import {
  FIRST_QUERY_BUDGET,
  firstQueryBytes,
  isLibraryIndexFile,
  judge,
  LIBRARY_SHARE_BUDGET,
  ourResults,
  allQueryCases,
  searchUrl,
  waitForResults,
} from '../support/search.ts';

/**
 * Search in a real browser against the real build: every shared query and every query of
 * `tests/search-queries.tsv`
 * lands on a clause holding its expected phrase within the first three results of
 * `[data-search-results]`; the first query stays within its byte budget; the header box and the
 * search page behave as the combobox and URL contracts say.
 */

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const cases = allQueryCases();

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await newContext(browser);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('ranking on the query file', () => {
  it.each(cases.map((query) => [query.query, query] as const))(
    '"%s" lands on its clause within the first 3 results',
    async (_, query) => {
      const urls = await ourResults(page, baseUrl, query.query);
      const judged = await judge(page, query, urls, 3);
      expect(judged.rank, `top 3: ${judged.top.join(', ')}`).not.toBeNull();
      expect(
        urls.every((url) => new URL(url).hash.length > 1),
        'every result lands on a clause',
      ).toBe(true);
      expect(
        urls.some((url) => url.includes('/toan-van/')),
        'the full text stays out of the index',
      ).toBe(false);
    },
  );
});

describe('weight', () => {
  it('downloads at most 150 KB compressed for a first search across the library, also at 1,000 documents', async () => {
    const bytes = await firstQueryBytes(browser, baseUrl, FIRST_QUERY);
    const listing = bytes.files.map((file) => `${file.bytes} ${file.path}`).join('\n');
    expect(bytes.files.some((file) => file.path.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(bytes.files.some((file) => file.path.includes('/fragment/'))).toBe(true);
    expect(bytes.total, listing).toBeLessThanOrEqual(FIRST_QUERY_BUDGET);
    // Only the library index grows with the library; at 1,000 documents its share is held to
    // LIBRARY_SHARE_BUDGET by tests/unit/search-library-weight.test.ts.
    const library = bytes.files
      .filter((file) => isLibraryIndexFile(file.path))
      .reduce((sum, file) => sum + file.bytes, 0);
    expect(library).toBeGreaterThan(0);
    expect(bytes.total - library + LIBRARY_SHARE_BUDGET, listing).toBeLessThanOrEqual(
      FIRST_QUERY_BUDGET,
    );
  });

  it('downloads at most 150 KB compressed for a first search inside one document, never the library index', async () => {
    const doc = documentSlugs(listFiles(distDir))[0] ?? '';
    const bytes = await firstQueryBytes(browser, `${baseUrl}${doc}/`, FIRST_QUERY);
    const listing = bytes.files.map((file) => `${file.bytes} ${file.path}`).join('\n');
    expect(bytes.files.some((file) => file.path.includes(`/${doc}/pagefind/`))).toBe(true);
    expect(bytes.files.filter((file) => isLibraryIndexFile(file.path))).toEqual([]);
    expect(bytes.total, listing).toBeLessThanOrEqual(FIRST_QUERY_BUDGET);
  });
});

describe('header search box', () => {
  it('opens with "/" and with Ctrl+K, and its listbox follows the combobox pattern', async () => {
    const errors = collectPageErrors(page);
    await page.goto(baseUrl);
    await page.keyboard.press('/');
    const input = page.locator('#site-search-input');
    await expect
      .poll(() => input.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await input.evaluate((element) => (element as HTMLElement).blur());
    await page.keyboard.press('Control+k');
    await expect
      .poll(() => input.evaluate((element) => element === document.activeElement))
      .toBe(true);

    await page.keyboard.type('dieu duong');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('#site-search-listbox')?.dataset['query'] ===
        'dieu duong',
    );
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await input.getAttribute('aria-controls')).toBe('site-search-listbox');
    const options = page.locator('#site-search-listbox [role="option"]');
    expect(await options.count()).toBeGreaterThan(1);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/kết quả/);

    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`#${active} mark`).allTextContents()).toEqual(
      expect.arrayContaining(['điều']),
    );
    const findings = await runAxe(page);
    expect(findings.map((finding) => formatFinding('open search popup', finding))).toEqual([]);

    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(errors).toEqual([]);
  });

  it('takes the reader to the clause and highlights the words typed without diacritics', async () => {
    await page.goto(baseUrl);
    await page.keyboard.press('/');
    await page.keyboard.type('dieu duong');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('#site-search-listbox')?.dataset['query'] ===
        'dieu duong',
    );
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(/#/), page.keyboard.press('Enter')]);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(new URL(page.url()).searchParams.get('hl')).toBe('dieu duong');
    const marks = page.locator(`[id="${id}"] mark.search-hit`);
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    const marked = (await marks.allTextContents()).map((text) => text.toLocaleLowerCase('vi'));
    expect(marked).toEqual(expect.arrayContaining(['điều', 'dưỡng']));
  });
});

describe('search page', () => {
  it('keeps the query in the URL and comes back to it with the back button', async () => {
    await page.goto(`${baseUrl}tim-kiem/`);
    const input = page.locator('[data-search-page-input]');
    await input.focus();
    await page.keyboard.type('du lich');
    await waitForResults(page, 'du lich');
    expect(new URL(page.url()).searchParams.get('q')).toBe('du lich');
    expect(await page.locator('[data-search-page-status]').textContent()).toMatch(
      /kết quả cho “du lich”/,
    );

    const first = page.locator('[data-search-results] a').first();
    const href = await first.getAttribute('href');
    await Promise.all([page.waitForURL((url) => url.hash.length > 1), first.click()]);
    expect(page.url()).toContain(href?.split('#')[1] ?? '#');
    await page.goBack();
    await waitForResults(page, 'du lich');
    expect(await input.inputValue()).toBe('du lich');
    expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
  });

  it('holds one link per result, each with citation, page and marked excerpt', async () => {
    await page.goto(searchUrl(baseUrl, 'chuyen doi so'));
    await waitForResults(page, 'chuyen doi so');
    const items = page.locator('[data-search-results] > li');
    const count = await items.count();
    expect(count).toBeGreaterThan(3);
    for (let index = 0; index < count; index++) {
      const item = items.nth(index);
      expect(await item.locator('a').count()).toBe(1);
      // The library-wide search names each result's resolution before its page.
      expect(await item.locator('.search-result__page').textContent()).toMatch(/^\S.* · Trang: \S/);
    }
    expect(await items.first().locator('mark').count()).toBeGreaterThan(0);
    const findings = await runAxe(page);
    expect(findings.map((finding) => formatFinding('search page with results', finding))).toEqual(
      [],
    );
  });

  it('does not shift the layout while results arrive and change', async () => {
    await page.goto(`${baseUrl}tim-kiem/`);
    await page.evaluate(() => {
      const state = window as unknown as { __shift: number };
      state.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number }[])
          state.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.locator('[data-search-page-input]').focus();
    for (const query of ['c', 'ca', 'cang', 'cang bien']) {
      await page.locator('[data-search-page-input]').fill(query);
      await waitForResults(page, query);
    }
    const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
    expect(shift).toBe(0);
  });

  it('narrows results with a filter kept in the URL', async () => {
    await page.goto(searchUrl(baseUrl, 'phat trien'));
    await waitForResults(page, 'phat trien');
    const all = await page.locator('[data-search-results] a').count();
    const select = page.locator('select[name="phan"]');
    await expect.poll(() => select.isDisabled()).toBe(false);
    const values = await select
      .locator('option')
      .evaluateAll((options) =>
        options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
      );
    expect(values.length).toBeGreaterThan(1);
    const value = values[0] ?? '';
    await select.selectOption(value);
    await page.waitForFunction(
      (expected) =>
        new URL(location.href).searchParams.get('phan') === expected &&
        document.querySelector<HTMLElement>('[data-search-results]')?.dataset['filters'] ===
          JSON.stringify({ phan: [expected] }),
      value,
    );
    const narrowed = await page.locator('[data-search-results] a').count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
  });
});
