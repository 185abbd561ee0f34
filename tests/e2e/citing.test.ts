import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Journeys } from '../support/browsing.ts';
import { launchChromium } from '../support/chromium.ts';
import { listFiles } from '../support/dist.ts';
import {
  byId,
  CITE_NAME,
  COPY_CITATION_NAME,
  COPY_LINK_NAME,
  TOC_NAME,
} from '../support/selectors.ts';
import { documentSlugs, FULL_TEXT, sectionFileWithId, urlFor } from '../support/site.ts';

/**
 * Citing and reading the way Vietnamese readers do, in a real browser against the real build:
 * one control per unit that copies its citation (naming the document) or its link and says so
 * on screen, skip links, the reading bar of phones, abbreviations on tap and focus, and printed
 * pages that name their document.
 */

const distDir = inject('distDir');
const baseUrl = inject('baseUrl');
const journeys = new Journeys(baseUrl, launchChromium);
let files: Set<string>;
let doc: string;

/** The seed names itself this way in a citation: it has no number, so by title and date. */
const SEED_NAME =
  'Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2026 ngày 16/12/2025 của Hội đồng nhân dân tỉnh Quảng Ninh';

beforeAll(async () => {
  files = listFiles(distDir);
  const slug = documentSlugs(files)[0];
  if (slug === undefined) throw new Error(`${distDir}: no document with a full-text page`);
  doc = slug;
  await journeys.start();
});

afterAll(async () => {
  await journeys.stop();
});

/** A fresh context and page per journey; script errors anywhere fail the journey. */
function open(path: string, options: Parameters<Journeys['open']>[1] = {}): Promise<Page> {
  return journeys.open(path, options);
}

/** The section page of the seed that holds a unit. */
function sectionOf(id: string): string {
  return urlFor(baseUrl, sectionFileWithId(distDir, files, doc, id));
}

describe('citing a unit', () => {
  it('copies the citation and the link with the keyboard, saying so on screen', async () => {
    const page = await open(sectionOf('chi-tieu-7'));
    await journeys.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(baseUrl).origin,
    });
    const unit = page.locator(byId('chi-tieu-7'));
    const control = unit.getByRole('button', { name: CITE_NAME }).first();
    await control.focus();
    await page.keyboard.press('Enter');
    expect(await control.getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('Tab');
    const copyCitation = page.getByRole('button', { name: COPY_CITATION_NAME }).first();
    expect(await copyCitation.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation).toContain(SEED_NAME);
    expect(citation).toMatch(/^chỉ tiêu 7 /);
    await expect.poll(() => page.getByText('Đã sao chép trích dẫn').first().isVisible()).toBe(true);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${sectionOf('chi-tieu-7')}#chi-tieu-7`);
    await expect.poll(() => page.getByText('Đã sao chép liên kết').first().isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    expect(await control.getAttribute('aria-expanded')).toBe('false');
    expect(await control.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(journeys.errors).toEqual([]);
  });

  it("cites the page's unit above its text, small to big, naming the document", async () => {
    const page = await open(sectionOf('dieu-1.khoan-3-2'));
    const line = page.locator('.page-cite');
    expect(await line.isVisible()).toBe(true);
    expect(await line.innerText()).toBe(`mục 3.2 khoản 3 Điều 1 ${SEED_NAME}`);
  });

  it('gives each unit one tab stop of its own', async () => {
    const page = await open(sectionOf('dieu-1.khoan-3-2.diem-b'));
    const perUnit = await page.evaluate(() => {
      const counts: Record<string, number> = {};
      const reading = document.querySelector('article.reading') ?? document.body;
      for (const element of reading.querySelectorAll<HTMLElement>('a[href], button, [tabindex]')) {
        if (element.tabIndex < 0 || element.getClientRects().length === 0) continue;
        // Links to other places (cited documents, related targets) and abbreviations are content.
        if (element.matches('a:not(.n-l), abbr')) continue;
        const owner = element.closest<HTMLElement>('[data-pagefind-title][id]')?.id ?? '';
        counts[owner] = (counts[owner] ?? 0) + 1;
      }
      return counts;
    });
    const units = Object.keys(perUnit);
    expect(units.length).toBeGreaterThan(3);
    expect(Object.entries(perUnit).filter(([, n]) => n !== 1)).toEqual([]);
    expect(await page.getByRole('button', { name: COPY_LINK_NAME }).count()).toBe(0);
  });

  it('shows no internal ids to readers', async () => {
    const page = await open(sectionOf('dieu-1.khoan-3-2.diem-b'));
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/art_\d|__para_|__point_/);
    const names = await page
      .getByRole('button', { name: CITE_NAME })
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => /art_|\.khoan-|__/.test(name))).toEqual([]);
  });
});

describe('reading on a phone and with the keyboard', () => {
  it('offers skip links to the content and to the table of contents first', async () => {
    const page = await open(sectionOf('dieu-1.khoan-3-2.diem-b'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      '#noi-dung-chinh',
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      '#muc-luc',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const inToc = await page.evaluate(
      () => document.activeElement?.closest('nav')?.getAttribute('aria-labelledby') ?? '',
    );
    expect(inToc).toBe('muc-luc-h');
  });

  it('keeps the table of contents and the top one tap away at 320 px', async () => {
    const page = await open(sectionOf('dieu-1.khoan-3-2.diem-b'), {
      viewport: { width: 320, height: 640 },
    });
    const bar = page.getByRole('navigation', { name: /mục lục và đầu trang/i });
    await page.mouse.wheel(0, 3000);
    expect(await bar.isVisible()).toBe(true);
    const box = await bar.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(640);
    await bar.getByRole('link', { name: TOC_NAME }).click();
    await expect
      .poll(() =>
        page.evaluate(() => document.getElementById('muc-luc')!.getBoundingClientRect().top),
      )
      .toBeLessThan(640);
    await bar.getByRole('link', { name: /đầu trang/i }).click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
  });

  it('hides the reading bar where the table of contents is a sidebar', async () => {
    const page = await open(sectionOf('dieu-1.khoan-3-2.diem-b'), {
      viewport: { width: 1280, height: 800 },
    });
    expect(await page.locator('.reading-bar').isVisible()).toBe(false);
  });

  it('expands an abbreviation on tap and on keyboard focus', async () => {
    const page = await open(sectionOf('dieu-1.khoan-3-2.diem-b'), { hasTouch: true });
    const abbr = page.locator('main abbr[title]:not(a abbr)').first();
    const title = (await abbr.getAttribute('title')) ?? '';
    expect(title).not.toBe('');
    const tip = page.getByRole('tooltip');
    await abbr.tap();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toBe(title);
    await abbr.tap();
    await expect.poll(() => tip.isVisible()).toBe(false);

    await abbr.evaluate((element) => (element as HTMLElement).blur());
    // Keyboard focus: Tab from the unit's control just before it reaches it.
    await page.keyboard.press('Escape');
    await abbr.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await abbr.getAttribute('aria-describedby')).toBe('giai-nghia');
    expect(journeys.errors).toEqual([]);
  });
});

describe('printing', () => {
  it('names the document at the top of a printed section, with no buttons or labels', async () => {
    const page = await open(sectionOf('dieu-1.khoan-3-2.diem-b'));
    await page.emulateMedia({ media: 'print' });
    const top = await page.locator('.print-doc').innerText();
    expect(top).toContain('Hội đồng nhân dân tỉnh Quảng Ninh');
    expect(top).toContain('Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2026');
    expect(top).toContain('ngày 16 tháng 12 năm 2025');
    const visible = await page.evaluate(
      () =>
        [...document.querySelectorAll('button, .n-cite, .cite-panel, nav')].filter(
          (element) => element.getClientRects().length > 0,
        ).length,
    );
    expect(visible).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.print-doc').isVisible()).toBe(false);
  });

  it('names the document on the printed full text too', async () => {
    const page = await open(`${doc}/${FULL_TEXT}/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-doc').innerText()).toContain(
      'Hội đồng nhân dân tỉnh Quảng Ninh',
    );
  });
});
