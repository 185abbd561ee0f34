import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { documentFacts, type DocumentFacts } from '../../src/lib/analysis/facts.ts';
import { loadDocumentFile } from '../../src/lib/document/load.ts';
import { formatFinding, runAxe } from '../support/axe.ts';
import { newContext } from '../support/browsing.ts';
import { launchChromium } from '../support/chromium.ts';
import { assetLoader, baseOf, listFiles, readText } from '../support/dist.ts';
import { fileForUrlPath, urlPathForFile } from '../support/links.ts';
import { hasId } from '../support/site.ts';
import { BUDGET, budgetProblems, pageWeight } from '../support/weight.ts';

/**
 * The targets overview and the open data of the seed, on a real build: every bar says what it
 * measures, growth rates are not drawn as shares of 100%, every download the page lists is
 * served, the targets file has one row per target with links that resolve (absolute when the
 * build had SITE_URL, never a development address), the facts block shows what the facts file
 * holds; and both pages pass axe in light and dark mode, fit 320 px and stay within budget.
 */

const DOC = 'quang-ninh-ktxh-2026';
const TARGETS_PAGE = `${DOC}/chi-tieu/index.html`;
const DATA_PAGE = `${DOC}/du-lieu-mo/index.html`;
const distDir = inject('distDir');
const baseUrl = inject('baseUrl');
const base = baseOf(baseUrl);
const siteUrl = process.env['SITE_URL']?.trim() || null;
let files: Set<string>;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  files = listFiles(distDir);
  browser = await launchChromium();
  context = await newContext(browser);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Opens a built file in a fresh page. */
async function open(file: string, options: { width?: number } = {}): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: options.width ?? 1100, height: 900 });
  await page.goto(new URL(urlPathForFile(file, base), baseUrl).href, { waitUntil: 'load' });
  return page;
}

/** A downloaded file of the seed, as text. */
function download(name: string): string {
  return readText(distDir, `${DOC}/du-lieu/${name}`);
}

describe('the targets overview', () => {
  it('names every bar, and tells apart two bars of one target', async () => {
    const page = await open(TARGETS_PAGE);
    const rows = await page.locator('.bar-row').evaluateAll((items) =>
      items.map((item) => ({
        name: item.querySelector('.bar-name')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        figure: item.querySelector('.bar-value')?.textContent?.trim() ?? '',
        bar: item.querySelector('svg .bar-fill') !== null,
      })),
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(row.name, JSON.stringify(row)).toMatch(/\p{L}{2}/u);
      expect(row.figure, JSON.stringify(row)).toMatch(/\d/);
      expect(row.bar).toBe(true);
    }
    const twelve = rows.filter((row) => row.name.startsWith('(12)'));
    expect(twelve).toHaveLength(2);
    expect(new Set(twelve.map((row) => row.name)).size).toBe(2);
    await page.close();
  });

  it('draws growth rates on a scale that fits them, not against 100%', async () => {
    const page = await open(TARGETS_PAGE);
    const charts = await page.locator('figure.chart').evaluateAll((figures) =>
      figures.map((figure) => ({
        caption: figure.querySelector('figcaption')?.textContent?.trim() ?? '',
        names: [...figure.querySelectorAll('.bar-name')].map((name) => name.textContent ?? ''),
        end: figure.querySelector('.bar-ends span:last-child')?.textContent?.trim() ?? '',
      })),
    );
    const growth = charts.find((chart) => chart.names.some((name) => name.includes('(1)')));
    expect(growth?.caption).toMatch(/tốc độ tăng/);
    expect(growth?.end).toBe('15%');
    const shares = charts.find((chart) => chart.names.some((name) => name.includes('(2)')));
    expect(shares?.end).toBe('100%');
    expect(shares?.names.some((name) => /Tốc độ tăng/.test(name))).toBe(false);
    await page.close();
  });

  it('lists every target once, as a card, including the one without a figure', async () => {
    const page = await open(TARGETS_PAGE);
    const labels = await page.locator('.ov-card .ov-num').allTextContents();
    expect(labels).toEqual(Array.from({ length: 21 }, (_, i) => `(${i + 1})`));
    await expect(
      page.locator('.ov-card', { hasText: '(17)' }).locator('.ov-none').count(),
    ).resolves.toBe(1);
    await page.close();
  });
});

describe('the open data', () => {
  it('serves every download the page lists, as the type it announces', async () => {
    const page = await open(DATA_PAGE);
    const hrefs = await page
      .locator('a[download]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(5);
    for (const href of hrefs) {
      const response = await context.request.get(href);
      expect(response.status(), href).toBe(200);
      expect((await response.body()).length, href).toBeGreaterThan(100);
      const kind = /\.(json|csv|xml)$/.exec(href)?.[1] ?? 'none';
      expect(response.headers()['content-type'], href).toContain(kind);
    }
    await page.close();
  });

  it('has one row per target in the targets file, all 21, with links that resolve', () => {
    const rows = parse(download(`${DOC}-chi-tieu.csv`), { bom: true, columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((row) => row['target'])).toEqual(
      Array.from({ length: 21 }, (_, i) => String(i + 1)),
    );
    for (const row of rows) {
      const url = row['url'] ?? '';
      if (siteUrl) expect(url.startsWith(new URL(siteUrl).origin)).toBe(true);
      else expect(url.startsWith(base)).toBe(true);
      const { pathname, hash } = new URL(url, 'http://placeholder.invalid');
      const file = fileForUrlPath(pathname, base, files);
      expect(file, url).not.toBeNull();
      expect(hasId(readText(distDir, file ?? ''), decodeURIComponent(hash.slice(1))), url).toBe(
        true,
      );
    }
  });

  it('never writes a development address into the data', () => {
    for (const name of [
      `${DOC}.json`,
      `${DOC}-thong-tin.json`,
      `${DOC}-chi-tieu.csv`,
      `${DOC}-cam-ket.csv`,
      `${DOC}.akn.xml`,
    ]) {
      expect(download(name), name).not.toMatch(/localhost|127\.0\.0\.1/);
    }
  });

  it('holds the facts the front page shows', async () => {
    const facts = JSON.parse(download(`${DOC}-thong-tin.json`)) as DocumentFacts;
    expect(facts).toEqual(documentFacts(loadDocumentFile(`seeds/${DOC}.txt`).document));
    const page = await open(`${DOC}/index.html`);
    const shown = await page
      .locator('dl.doc-facts > div')
      .evaluateAll((items) =>
        Object.fromEntries(
          items.map((item) => [
            item.querySelector('dt')?.textContent?.trim() ?? '',
            item.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          ]),
        ),
      );
    expect(shown['Số hiệu']).toBe('không ghi');
    expect(shown['Ngày thông qua']).toMatch(/^16\/12\/2025/);
    expect(shown['Ngày có hiệu lực']).toContain('16/12/2025');
    expect(shown['Ngày có hiệu lực']).toContain(facts.inForce?.text ?? '—');
    const time = page.locator('dl.doc-facts time').first();
    expect(await time.getAttribute('datetime')).toBe('2025-12-16');
    const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(jsonLd ?? '{}')).toMatchObject({
      legislationDate: '2025-12-16',
      legislationDateOfApplicability: '2025-12-16',
    });
    await page.close();
  });
});

describe('the targets and open-data pages for every reader', () => {
  const pagesUnderTest = [TARGETS_PAGE, DATA_PAGE, `${DOC}/index.html`];

  it('pass axe in light and dark mode', async () => {
    const findings: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const themed = await newContext(browser, { colorScheme });
      const page = await themed.newPage();
      for (const file of pagesUnderTest) {
        await page.goto(new URL(urlPathForFile(file, base), baseUrl).href, { waitUntil: 'load' });
        findings.push(...(await runAxe(page)).map((finding) => formatFinding(file, finding)));
      }
      await themed.close();
    }
    expect(findings).toEqual([]);
  });

  it('fit a 320 px screen without horizontal scrolling', async () => {
    const wide: string[] = [];
    for (const file of pagesUnderTest) {
      const page = await open(file, { width: 320 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${file}: ${width}`);
      await page.close();
    }
    expect(wide).toEqual([]);
  });

  it('stay within the page-weight budget', async () => {
    const load = assetLoader(distDir, base, files);
    for (const file of pagesUnderTest) {
      const weight = await pageWeight(
        file,
        readText(distDir, file),
        urlPathForFile(file, base),
        load,
      );
      expect(budgetProblems(weight), `${file} (budget ${BUDGET.total})`).toEqual([]);
    }
  });

  it('print the targets without the jump links and buttons', async () => {
    const page = await open(TARGETS_PAGE);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ov-jump').isVisible()).toBe(false);
    expect(await page.locator('.ov-data').isVisible()).toBe(false);
    expect(await page.locator('.ov-card').first().isVisible()).toBe(true);
    await page.close();
  });
});
