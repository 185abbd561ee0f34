import { gunzipSync, gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetLoader, listFiles, readText } from '../support/dist.ts';
import { bodyText, parseHtml } from '../support/html.ts';
import {
  BUDGET,
  budgetProblems,
  cssImports,
  gzipSize,
  moduleImports,
  pageWeight,
  type PageWeight,
} from '../support/weight.ts';

const SITE = resolve(import.meta.dirname, '../fixtures/html/site');

describe('gzipSize', () => {
  it('is the length of a gzip stream that restores the input', () => {
    const text = 'Thu hút 22 triệu lượt khách du lịch. '.repeat(20);
    const stream = gzipSync(text);
    expect(gzipSize(text)).toBe(stream.byteLength);
    expect(gzipSize(text)).toBeLessThan(Buffer.byteLength(text));
    expect(gunzipSync(stream).toString('utf8')).toBe(text);
  });
});

describe('moduleImports and cssImports', () => {
  it('list static imports and re-exports but not dynamic import()', () => {
    const code =
      'import{a as b}from"./a.js";import"./b.js";import c,{d}from\'./c.js\';import * as e from "./e.js";' +
      'export*from"./f.js";export{g}from"./g.js";const h=await import("./h.js");x.import("./i.js");';
    expect(moduleImports(code)).toEqual([
      './a.js',
      './b.js',
      './c.js',
      './e.js',
      './f.js',
      './g.js',
    ]);
  });

  it('list @import targets in both spellings', () => {
    expect(cssImports('@import url("/a.css");@import \'b.css\' print;body{}')).toEqual([
      '/a.css',
      'b.css',
    ]);
  });
});

describe('bodyText', () => {
  it('keeps the words of the body, decoded, without scripts or styles', async () => {
    const root = await parseHtml(
      '<html><head><title>t</title></head><body><p>Nghị  quyết &amp;\n kế hoạch</p><script>var x="mã"</script><style>p{}</style><p>(7)</p></body></html>',
    );
    expect(bodyText(root)).toBe('Nghị quyết & kế hoạch (7)');
  });
});

describe('pageWeight', () => {
  const files = listFiles(SITE);
  const load = assetLoader(SITE, '/', files);

  it('counts HTML, stylesheets and the static module graph, minus the text', async () => {
    const html = readText(SITE, 'index.html');
    const weight = await pageWeight('index.html', html, '/', load);
    expect(weight.assets).toEqual([
      '/_astro/site.css',
      '/_astro/print.css',
      '/_astro/app.js',
      '/_astro/chunk.js',
      '/_astro/reexport.js',
      '/_astro/side-effect.js',
    ]);
    expect(weight.missing).toEqual([]);
    const size = (file: string): number => gzipSize(readText(SITE, file));
    expect(weight.styles).toBe(size('_astro/site.css') + size('_astro/print.css'));
    expect(weight.scripts).toBe(
      ['app', 'chunk', 'reexport', 'side-effect']
        .map((name) => size(`_astro/${name}.js`))
        .reduce((a, b) => a + b),
    );
    expect(weight.html).toBe(gzipSize(html));
    // The inline classic script counts toward the script budget; the JSON-LD data does not.
    expect(weight.inlineScripts).toBe(
      gzipSize("\n      var shown = 'Không tính văn bản này';\n    "),
    );
    expect(weight.text).toBe(gzipSize(bodyText(await parseHtml(html))));
    expect(weight.total).toBe(weight.html + weight.styles + weight.scripts - weight.text);
  });

  it('resolves relative asset URLs against the page and reports what the build lacks', async () => {
    const weight = await pageWeight(
      'doc/index.html',
      '<html><head><link rel="stylesheet" href="../_astro/site.css"><link rel="modulepreload" href="../_astro/chunk.js"><script src="/_astro/khong-co.js"></script></head><body></body></html>',
      '/doc/',
      load,
    );
    expect(weight.assets).toEqual([
      '/_astro/site.css',
      '/_astro/print.css',
      '/_astro/chunk.js',
      '/_astro/reexport.js',
    ]);
    expect(weight.missing).toEqual(['/_astro/khong-co.js']);
  });
});

describe('budgetProblems', () => {
  const fits: PageWeight = {
    file: 'doc/index.html',
    html: 9000,
    text: 4000,
    styles: 3000,
    scripts: 2000,
    inlineScripts: 500,
    total: 10000,
    assets: [],
    missing: [],
  };

  it('is empty when a page fits', () => {
    expect(budgetProblems(fits)).toEqual([]);
  });

  it('counts inline scripts toward the script budget', () => {
    expect(budgetProblems({ ...fits, inlineScripts: BUDGET.scripts - fits.scripts + 1 })).toEqual([
      `doc/index.html: scripts before interaction ${BUDGET.scripts + 1} B gzip (files 2000 + inline ${BUDGET.scripts - 1999}) exceed ${BUDGET.scripts} B`,
    ]);
  });

  it('names the page that exceeds either budget', () => {
    const heavy = { ...fits, scripts: BUDGET.scripts + 1, total: BUDGET.total + 1 };
    const problems = budgetProblems(heavy);
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem).toMatch(/^doc\/index\.html: /);
  });
});
