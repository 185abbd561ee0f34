import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatFinding, runAxe } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { newContext } from '../support/browsing.ts';
import { htmlFiles, listFiles } from '../support/dist.ts';
import { documentSlugs, sectionFileWithId, urlFor } from '../support/site.ts';

/**
 * Gate: axe-core finds no violation of WCAG 2.0–2.2 A/AA or best practice on any built page,
 * in light and dark mode; and a keyboard alone reaches the skip link first, then the header's
 * search and the table of contents, with a visible focus indicator at every stop.
 */

const distDir = inject('distDir');
const baseUrl = inject('baseUrl');
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  pages = htmlFiles(listFiles(distDir));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Runs axe on every built page in one colour scheme and returns every finding as a line. */
async function axeEveryPage(colorScheme: 'light' | 'dark'): Promise<string[]> {
  const context = await newContext(browser, { colorScheme });
  const findings: string[] = [];
  try {
    const page = await context.newPage();
    for (const file of pages) {
      await page.goto(urlFor(baseUrl, file), { waitUntil: 'load' });
      findings.push(...(await runAxe(page)).map((finding) => formatFinding(file, finding)));
    }
  } finally {
    await context.close();
  }
  return findings;
}

describe('axe-core on every built page', () => {
  it('finds zero violations in light mode', async () => {
    expect(pages.length).toBeGreaterThan(0);
    const findings = await axeEveryPage('light');
    console.log(`axe light: ${pages.length} pages, ${findings.length} violations`);
    expect(findings).toEqual([]);
  });

  it('finds zero violations in dark mode', async () => {
    const findings = await axeEveryPage('dark');
    console.log(`axe dark: ${pages.length} pages, ${findings.length} violations`);
    expect(findings).toEqual([]);
  });
});

/** What the keyboard focus is on, read in the page. */
interface FocusStop {
  tag: string;
  name: string;
  href: string | null;
  inHeader: boolean;
  inSearch: boolean;
  inToc: boolean;
  inMain: boolean;
  /** An outline or a box-shadow is drawn around the focused element. */
  indicator: boolean;
  /** The element has a box inside the viewport. */
  onScreen: boolean;
}

/** Describes the focused element; its checks mirror what a sighted keyboard user relies on. */
function readFocus(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    // A landmark's name comes from aria-label or from the elements aria-labelledby points at.
    const navName = (nav: Element | null): string =>
      nav === null
        ? ''
        : (nav.getAttribute('aria-label') ??
          (nav.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' '));
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    // Only the page's own header is the banner; an article's <header> is not.
    const header = element.closest('header, [role="banner"]');
    const banner =
      header?.parentElement?.closest('article, aside, main, nav, section') === null ? header : null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const rect = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60),
      href: element.getAttribute('href'),
      inHeader: banner !== null,
      inSearch:
        element.closest('[role="search"], search') !== null ||
        (element instanceof HTMLInputElement && element.type === 'search'),
      inToc: /^\s*mục lục\s*$/i.test(navName(element.closest('nav'))),
      inMain: element.closest('main') !== null,
      indicator: outline || style.boxShadow !== 'none',
      onScreen:
        rect.width > 0 &&
        rect.height > 0 &&
        rect.bottom > 0 &&
        rect.right > 0 &&
        rect.top < innerHeight &&
        rect.left < innerWidth,
    };
  });
}

describe('keyboard only', () => {
  it('reaches the skip link first, then the search and the table of contents, always with visible focus', async () => {
    const doc = documentSlugs(listFiles(distDir))[0] ?? '';
    const file = sectionFileWithId(distDir, listFiles(distDir), doc, 'chi-tieu-7');
    const context = await newContext(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(urlFor(baseUrl, file));
      const stops: FocusStop[] = [];
      // Walk until both the search and the table of contents were reached, or focus left the page.
      for (let i = 0; i < 200; i += 1) {
        await page.keyboard.press('Tab');
        const stop = await readFocus(page);
        if (stop === null) break;
        stops.push(stop);
        if (stops.some((s) => s.inSearch) && stops.some((s) => s.inToc)) break;
      }
      const first = stops[0];
      expect(first?.tag, 'first Tab stop').toBe('a');
      expect(first?.href ?? '', 'the skip link points into the page').toMatch(/^#./);
      expect(first?.onScreen, 'the skip link shows when focused').toBe(true);
      expect(
        stops.some((stop) => stop.inSearch),
        'a Tab stop in the search',
      ).toBe(true);
      expect(
        stops.some((stop) => stop.inToc),
        'a Tab stop in the table of contents',
      ).toBe(true);
      const unseen = stops.filter((stop) => !stop.indicator || !stop.onScreen);
      expect(unseen, 'stops without a visible focus indicator').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('skips to the content: after the skip link, the next Tab lands in the main content', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const doc = documentSlugs(listFiles(distDir))[0] ?? '';
      await page.goto(urlFor(baseUrl, `${doc}/index.html`));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const stop = await readFocus(page);
      expect(stop?.inMain, `focus after skipping: ${JSON.stringify(stop)}`).toBe(true);
      expect(stop?.inHeader).toBe(false);
    } finally {
      await context.close();
    }
  });
});
