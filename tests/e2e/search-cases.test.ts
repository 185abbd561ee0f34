import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fold } from '../../src/lib/text/fold.ts';
import { newContext } from '../support/browsing.ts';
import { launchChromium } from '../support/chromium.ts';
import {
  caseProblems,
  readSearchCases,
  searchUrl,
  waitForResults,
  wordsOf,
} from '../support/search.ts';
import { PROJECT_ROOT } from '../support/server.ts';

/**
 * The held-out cases of `tests/search-cases.tsv` in a real browser against the real build, each
 * judged by its kind: a word typed with marks finds only clauses with that spelling, a quoted
 * phrase only clauses where its words stand together, either spelling of a word the same
 * clauses, a citation lands on its unit first. Then bad input, the "no exact match" offer and
 * the landing page's highlights.
 */

const baseUrl = inject('baseUrl');
const cases = readSearchCases(resolve(PROJECT_ROOT, 'tests/search-cases.tsv'));

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

/** Uncaught errors and console errors of the page from now on. */
function consoleErrors(on: Page): string[] {
  const errors: string[] = [];
  on.on('pageerror', (error) => errors.push(error.message));
  on.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

describe('held-out cases of each kind', () => {
  it('has at least eight cases of each kind', () => {
    for (const kind of ['exact', 'phrase', 'variant', 'citation'] as const) {
      expect(cases.filter((test) => test.kind === kind).length, kind).toBeGreaterThanOrEqual(8);
    }
  });

  it.each(cases.map((test) => [test.kind, test.query, test] as const))(
    '%s: %s',
    async (_, __, test) => {
      expect(await caseProblems(page, baseUrl, test)).toEqual([]);
    },
  );
});

describe('words typed with marks that the texts do not hold', () => {
  it('says so and offers the search without marks as a link', async () => {
    const errors = consoleErrors(page);
    const query = 'đường sặt';
    await page.goto(searchUrl(baseUrl, query));
    await waitForResults(page, query);
    expect(await page.locator('[data-search-results] > li').count()).toBe(0);
    expect(await page.locator('[data-search-page-status]').textContent()).toContain(
      'đúng như dấu đã gõ',
    );
    const offer = page.locator('[data-search-suggest] a');
    expect(await offer.textContent()).toBe('duong sat');
    await Promise.all([page.waitForURL(/q=duong%20sat/), offer.click()]);
    await waitForResults(page, 'duong sat');
    expect(await page.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-search-suggest]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('bad input', () => {
  const hostile = '<img src=x onerror="window.__injected=1"><script>window.__injected=1</script>';
  it.each([
    ['a lone quote', '"', /Chưa có chữ hay số nào để tìm/],
    ['only punctuation', '… ?! -- //', /Chưa có chữ hay số nào để tìm/],
    [
      '500 characters',
      `du lịch ${'phát triển '.repeat(45)}`.slice(0, 500),
      /Chỉ tìm theo 16 từ đầu tiên/,
    ],
    ['mixed scripts', 'đường 鉄道 железная', /Không có điều khoản nào|Không tìm thấy/],
    ['HTML and script', hostile, /Không có điều khoản nào|Không tìm thấy|kết quả/],
  ])('%s: a clear message, nothing injected, no console error', async (_, query, message) => {
    const errors = consoleErrors(page);
    await page.goto(searchUrl(baseUrl, query));
    await waitForResults(page, query);
    expect(await page.locator('[data-search-page-status]').textContent()).toMatch(message);
    expect(await page.evaluate(() => '__injected' in window)).toBe(false);
    expect(
      await page.locator('[data-search-results] img, [data-search-results] script').count(),
    ).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an empty query asks for words', async () => {
    await page.goto(`${baseUrl}tim-kiem/?q=`);
    await expect
      .poll(() => page.locator('[data-search-page-status]').textContent())
      .toMatch(/Gõ từ cần tìm/);
  });

  it('marks nothing and injects nothing from a hostile ?hl=', async () => {
    const errors = consoleErrors(page);
    const target = `${baseUrl}quang-ninh-ktxh-2026/dieu-1-khoan-3-2/?hl=${encodeURIComponent(hostile)}#dieu-1.khoan-3-2.diem-a`;
    await page.goto(target);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => '__injected' in window)).toBe(false);
    expect(await page.locator('mark.search-hit img, mark.search-hit script').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('highlights on the landing page', () => {
  /** The marked words of the clause a result link opened. */
  async function marked(hl: string, id: string, pagePath: string): Promise<string[]> {
    await page.goto(
      `${baseUrl}quang-ninh-ktxh-2026/${pagePath}/?hl=${encodeURIComponent(hl)}#${id}`,
    );
    const marks = page.locator(`[id="${id}"] mark.search-hit`);
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    return marks.allTextContents();
  }

  it('marks a word typed with marks only in that spelling, and whole words only', async () => {
    const words = await marked('sắt', 'dieu-1.khoan-3-2.diem-a', 'dieu-1-khoan-3-2');
    expect(new Set(words.map((word) => word.toLocaleLowerCase('vi')))).toEqual(new Set(['sắt']));
  });

  it('marks a quoted phrase only where its words stand together', async () => {
    const words = await marked('"đường sắt"', 'dieu-1.khoan-3-2.diem-a', 'dieu-1-khoan-3-2');
    expect(words.length).toBeGreaterThan(0);
    expect(new Set(words.map((word) => word.toLocaleLowerCase('vi')))).toEqual(
      new Set(['đường sắt']),
    );
  });

  it('marks every accented form of a word typed without marks, never inside a word', async () => {
    const words = await marked('do thi', 'chi-tieu-11', 'dieu-1-khoan-2');
    const text = await page.locator('[id="chi-tieu-11"]').textContent();
    expect(words.map((word) => word.toLocaleLowerCase('vi')).sort()).toEqual(
      wordsOf(text ?? '')
        .filter((word) => ['do', 'thi'].includes(fold(word)))
        .sort(),
    );
  });
});
