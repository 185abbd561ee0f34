import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, removeProject } from '../../scripts/bench/project.ts';
import { loadBases, makeVariants } from '../../scripts/bench/variants.ts';
import { newContext } from '../support/browsing.ts';
import { buildProject } from '../support/dist.ts';
import { launchChromium } from '../support/chromium.ts';
import {
  caseProblems,
  ourResults,
  readSearchCases,
  searchUrl,
  waitForResults,
} from '../support/search.ts';
import { PROJECT_ROOT, startPreview, type PreviewServer } from '../support/server.ts';
import { corpusNames, readCorpus } from '../support/shared.ts';

/**
 * Search across a library of several resolutions, built for real: the seed and the corpus texts.
 * The held-out cases of `tests/search-cases-library.tsv` are judged as the single-document ones
 * are, and a citation that names a document lands in that document; the search page names the
 * other documents holding the words.
 */

const cases = readSearchCases(resolve(PROJECT_ROOT, 'tests/search-cases-library.tsv'));

let root: string;
let server: PreviewServer;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // Variant 0 is the seed itself; the corpus texts are added as they are.
  root = createProject(PROJECT_ROOT, makeVariants(loadBases(PROJECT_ROOT), 1), 'search');
  for (const name of corpusNames()) {
    writeFileSync(join(root, 'seeds', `${name}.txt`), readCorpus(name));
  }
  buildProject(root);
  server = await startPreview(join(root, 'dist'), root);
  baseUrl = server.url;
  browser = await launchChromium();
  context = await newContext(browser);
  page = await context.newPage();
}, 900_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  if (root) removeProject(root);
});

describe('held-out cases across the library', () => {
  it('has cases of each kind, and citations naming a document', () => {
    for (const kind of ['exact', 'phrase', 'variant', 'citation'] as const) {
      expect(cases.filter((test) => test.kind === kind).length, kind).toBeGreaterThanOrEqual(3);
    }
    expect(cases.filter((test) => test.landingDocument).length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases.map((test) => [test.kind, test.query, test] as const))(
    '%s: %s',
    async (_, __, test) => {
      expect(await caseProblems(page, baseUrl, test)).toEqual([]);
    },
  );
});

describe('the search page over the library', () => {
  it('says how many documents hold the words and offers the others by name', async () => {
    const query = 'ngân sách';
    await page.goto(searchUrl(baseUrl, query));
    await waitForResults(page, query);
    expect(await page.locator('[data-search-page-status]').textContent()).toMatch(
      /Có \d+ nghị quyết chứa các từ này/,
    );
    const others = page.locator('[data-search-others] a');
    await expect.poll(() => others.count()).toBeGreaterThan(0);
    // Each is named as the library lists it, not by the folded words its index holds.
    const listed = (await (await fetch(`${baseUrl}tim-kiem/van-ban.json`)).json()) as {
      documents: { title: string }[];
    };
    const names = listed.documents.map((doc) => doc.title);
    for (const name of await others.allTextContents()) expect(names).toContain(name);
    const shown = new URL(
      await page
        .locator('[data-search-results] a')
        .first()
        .evaluate((link) => (link as HTMLAnchorElement).href),
    ).pathname.split('/')[1];
    for (const href of await others.evaluateAll((links) =>
      links.map((link) => (link as HTMLAnchorElement).href),
    )) {
      const scoped = new URL(href).searchParams.get('vb');
      expect(scoped).toBeTruthy();
      expect(scoped).not.toBe(shown);
      // Each offer is the same search inside that document, which finds the words there.
      const urls = await ourResults(page, baseUrl, query, scoped ?? '');
      expect(urls.length, href).toBeGreaterThan(0);
      expect(urls.every((url) => new URL(url).pathname.startsWith(`/${scoped}/`))).toBe(true);
    }
  });
});
