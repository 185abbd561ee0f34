import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { loadDocumentFile } from '../../src/lib/document/load.ts';
import { findById, nodeText } from '../../src/lib/document/tree.ts';
import { Journeys } from '../support/browsing.ts';
import { launchChromium } from '../support/chromium.ts';
import { luminance, parseRgb } from '../support/colors.ts';
import { htmlFiles, listFiles } from '../support/dist.ts';
import { PROJECT_ROOT } from '../support/server.ts';
import {
  BREADCRUMBS_NAME,
  byId,
  NEXT,
  PREV,
  THEME_TOGGLE_NAME,
  TOC_NAME,
} from '../support/selectors.ts';
import { documentSlugs, FULL_TEXT, sectionFileWithId, urlFor } from '../support/site.ts';

/** What people do on the site, in a real browser against the real build. */

const distDir = inject('distDir');
const baseUrl = inject('baseUrl');
const journeys = new Journeys(baseUrl, launchChromium);
let files: Set<string>;
let doc: string;

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

/** The seed's node with that id, parsed by the project's own parser. */
function seedNode(id: string): ReturnType<typeof findById> {
  const { document } = loadDocumentFile(join(PROJECT_ROOT, 'seeds', `${doc}.txt`));
  return findById(document.nodes, id);
}

/** Text as a reader sees it, whitespace collapsed. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The visible text of an element, collapsed. */
async function visibleText(page: Page, selector: string): Promise<string> {
  return squash(await page.locator(selector).first().innerText());
}

/** The URL path the page shows now. */
function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** True when the element's box is inside the viewport. */
function inViewport(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return rect.height > 0 && rect.top >= -1 && rect.top < window.innerHeight;
    });
}

/** Luminance of the page background (the first opaque one from body outwards). */
async function backgroundLuminance(page: Page): Promise<number> {
  const colours = await page.evaluate(() =>
    [document.body, document.documentElement].map(
      (element) => getComputedStyle(element).backgroundColor,
    ),
  );
  const opaque = colours.map(parseRgb).find((colour) => colour !== null) ?? [255, 255, 255];
  return luminance(opaque);
}

describe('reading', () => {
  it('the home page leads into the document', async () => {
    const page = await open('./');
    const link = page.locator(`main a[href$="/${doc}/"]`).first();
    await link.click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${doc}/`));
    expect(journeys.errors).toEqual([]);
  });

  it('opens the front page and reads a target', async () => {
    const target = seedNode('chi-tieu-7');
    expect(target).toBeDefined();
    const page = await open(`${doc}/`);
    const heading = await visibleText(page, 'h1');
    expect(heading.toLowerCase()).toContain('kế hoạch phát triển kinh tế - xã hội năm 2026');
    await page.locator('main a[href$="#chi-tieu-7"]').first().click();
    await page.waitForURL((url) => url.hash === '#chi-tieu-7');
    const shown = await visibleText(page, byId('chi-tieu-7'));
    expect(shown).toContain(squash(nodeText(target!)));
    expect(await inViewport(page, byId('chi-tieu-7'))).toBe(true);
    expect(journeys.errors).toEqual([]);
  });

  it('follows the table of contents, the breadcrumbs and previous/next', async () => {
    const targetsFile = sectionFileWithId(distDir, files, doc, 'chi-tieu-7');
    const targetsPath = new URL(urlFor(baseUrl, targetsFile)).pathname;
    const page = await open(`${doc}/`);

    // Table of contents → the targets' section, marked as where the reader is.
    const toc = (): Locator =>
      page.getByRole('navigation', { name: TOC_NAME }).filter({ visible: true }).first();
    await toc().locator(`a[href$="${targetsPath}"]`).first().click();
    await page.waitForURL((url) => url.pathname === targetsPath);
    const current = toc().locator('[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(new URL((await current.getAttribute('href')) ?? '', page.url()).pathname).toBe(
      targetsPath,
    );

    // Next, then previous, come back to the same page.
    await page.locator(NEXT).first().click();
    await page.waitForURL((url) => url.pathname !== targetsPath);
    const nextPath = pathOf(page);
    expect(nextPath.startsWith(`${new URL(baseUrl).pathname}${doc}/`)).toBe(true);
    await page.locator(PREV).first().click();
    await page.waitForURL((url) => url.pathname === targetsPath);

    // Breadcrumbs lead back to the document's front page.
    const crumbs = page.getByRole('navigation', { name: BREADCRUMBS_NAME }).first();
    expect(await crumbs.locator('a').count()).toBeGreaterThan(0);
    await crumbs.locator(`a[href$="/${doc}/"]`).first().click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${doc}/`));
    expect(journeys.errors).toEqual([]);
  });

  it('opens a deep link to a target and sees it highlighted', async () => {
    const file = sectionFileWithId(distDir, files, doc, 'chi-tieu-7');
    const page = await open(`${urlFor(baseUrl, file)}#chi-tieu-7`);
    expect(await inViewport(page, byId('chi-tieu-7'))).toBe(true);
    const look = (id: string): Promise<string> =>
      page.locator(byId(id)).evaluate((element) => {
        const style = getComputedStyle(element);
        return [
          style.backgroundColor,
          style.outlineStyle,
          style.outlineColor,
          style.boxShadow,
          style.borderLeftColor,
        ].join('|');
      });
    // The targeted clause looks different from its untargeted neighbour.
    expect(await look('chi-tieu-7')).not.toBe(await look('chi-tieu-8'));
    expect(journeys.errors).toEqual([]);
  });

  it('switches to dark mode and keeps the choice', async () => {
    const page = await open(`${doc}/`, { colorScheme: 'light' });
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.5);
    await page.getByRole('button', { name: THEME_TOGGLE_NAME }).first().click();
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
    await page.reload();
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
    expect(journeys.errors).toEqual([]);
  });

  it('follows a dark system setting without being asked', async () => {
    const page = await open(`${doc}/`, { colorScheme: 'dark' });
    expect(await backgroundLuminance(page)).toBeLessThan(0.2);
  });

  it('fits every page in 320 px without horizontal scrolling', async () => {
    const page = await open('./', { viewport: { width: 320, height: 640 } });
    const wide: string[] = [];
    for (const file of htmlFiles(files)) {
      await page.goto(urlFor(baseUrl, file));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${file}: scrollWidth ${width}`);
    }
    expect(wide).toEqual([]);
  });

  it('prints the full text without navigation', async () => {
    const target = seedNode('chi-tieu-7');
    const page = await open(`${doc}/${FULL_TEXT}/`);
    // Navigation, search and controls: shown on screen, hidden on paper.
    const chrome = (): Promise<number> =>
      page.evaluate(
        () =>
          [
            ...document.querySelectorAll('nav, header [role="search"], header search, button'),
          ].filter((element) => element.getClientRects().length > 0).length,
      );
    expect(await chrome(), 'navigation on screen').toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    const visibleNav = await chrome();
    expect(visibleNav, 'visible navigation, search or buttons in print').toBe(0);
    const text = squash(await page.locator('main').innerText());
    expect(text).toContain('Điều 1.');
    expect(text).toContain(squash(nodeText(target!)));
    expect(journeys.errors).toEqual([]);
  });
});
