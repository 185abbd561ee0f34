import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { newContext, recordRequests } from '../support/browsing.ts';
import { assetLoader, baseOf, htmlFiles, listFiles, readText } from '../support/dist.ts';
import { urlPathForFile } from '../support/links.ts';
import { documentSlugs, FULL_TEXT, urlFor } from '../support/site.ts';
import { BUDGET, budgetProblems, pageWeight, type PageWeight } from '../support/weight.ts';

/**
 * Gate: per page, gzip(HTML + stylesheets + scripts loaded before any interaction) minus
 * gzip(the page's own text) ≤ 15 KB, and those scripts ≤ 8 KB. `tests/support/weight.ts`
 * documents the computation; a browser check below proves it misses no request a page makes.
 */

const distDir = inject('distDir');
const baseUrl = inject('baseUrl');
const base = baseOf(baseUrl);
let weights: PageWeight[];
let browser: Browser;

beforeAll(async () => {
  const files = listFiles(distDir);
  const load = assetLoader(distDir, base, files);
  weights = await Promise.all(
    htmlFiles(files).map((file) =>
      pageWeight(file, readText(distDir, file), urlPathForFile(file, base), load),
    ),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('page weight', () => {
  it('stays within budget on every built page', () => {
    expect(weights.length).toBeGreaterThan(0);
    const cell = (value: number): string => String(value).padStart(7);
    const rows = [...weights]
      .sort((a, b) => b.total - a.total)
      .map(
        (w) =>
          `${cell(w.total)}${cell(w.scripts + w.inlineScripts)}${cell(w.styles)}${cell(w.html)}${cell(w.text)}  ${w.file}`,
      );
    console.log(
      `weight (bytes gzip; budget total ${BUDGET.total}, scripts ${BUDGET.scripts}):\n` +
        `  total     js    css   html   text  page\n${rows.join('\n')}`,
    );
    expect(weights.flatMap((weight) => budgetProblems(weight))).toEqual([]);
  });

  it('carries no module script inline: scripts are files the browser keeps between pages', () => {
    const files = htmlFiles(listFiles(distDir));
    expect(files.length).toBeGreaterThan(0);
    const inlineModule = /<script\b(?![^>]*\bsrc=)[^>]*\btype="module"[^>]*>/u;
    expect(files.filter((file) => inlineModule.test(readText(distDir, file)))).toEqual([]);
  });

  it('counts every stylesheet and script a page requests before any interaction', async () => {
    const files = listFiles(distDir);
    const doc = documentSlugs(files)[0];
    expect(doc, 'a document with a full-text page').toBeDefined();
    const sample = ['index.html', `${doc}/index.html`, `${doc}/${FULL_TEXT}/index.html`].filter(
      (file) => files.has(file),
    );
    const context = await newContext(browser);
    try {
      for (const file of sample) {
        const page = await context.newPage();
        const requests = recordRequests(page);
        await page.goto(urlFor(baseUrl, file), { waitUntil: 'networkidle' });
        const counted = new Set(weights.find((weight) => weight.file === file)?.assets);
        const uncounted = requests
          .filter((request) => ['script', 'stylesheet'].includes(request.resourceType()))
          .map((request) => new URL(request.url()).pathname)
          .filter((path) => !counted.has(path));
        expect(uncounted, `${file} requests assets the weight missed`).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
});
