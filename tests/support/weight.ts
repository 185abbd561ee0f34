import { gzipSync } from 'node:zlib';
import type { HtmlElement } from 'html-validate';
import { attr, bodyText, parseHtml } from './html.ts';

/**
 * Page weight as a reader's first visit pays it, compressed with gzip (zlib's default level 6,
 * what common static hosts serve):
 *
 *   weight = gzip(HTML) + Σ gzip(stylesheets) + Σ gzip(scripts loaded before any interaction)
 *            − gzip(the page's own text)
 *
 * "Loaded before any interaction" means every `<script src>` that runs (classic, `async`,
 * `defer` or `module`), `modulepreload` and `preload` links, stylesheets (whatever their
 * `media`, since browsers fetch them all), and everything those reach by static `import` or
 * CSS `@import`, followed transitively. Dynamic `import()` (the search index, loaded when a
 * reader searches) is not counted.
 *
 * The script budget counts those files plus the gzip size of the page's inline executable
 * scripts (already inside the HTML figure, so not added to the total twice).
 *
 * "The page's own text" is the text content of `<body>` without `<script>`, `<style>`,
 * `<template>` and `<noscript>`, whitespace runs collapsed to one space. Subtracting its gzip
 * size leaves the cost of markup, styles and scripts, so a long resolution is not penalised
 * for being long while the frame around it is held to the budget.
 */

/** Budgets in bytes, as the issue states them. */
export const BUDGET = { total: 15 * 1024, scripts: 8 * 1024 } as const;

export interface PageWeight {
  file: string;
  html: number;
  text: number;
  styles: number;
  /** Script files loaded before any interaction. */
  scripts: number;
  /** Inline executable scripts, compressed together; part of `html` already. */
  inlineScripts: number;
  /** html + styles + scripts − text. */
  total: number;
  /** URL paths counted as stylesheets and scripts, in discovery order. */
  assets: string[];
  /** URL paths that the page loads but the build does not contain. */
  missing: string[];
}

/** Gzip size in bytes at zlib's default level. */
export function gzipSize(content: string | Uint8Array): number {
  return gzipSync(content).byteLength;
}

/** Script types the browser runs; others (`application/ld+json`) are data. */
function isExecutableScript(element: HtmlElement): boolean {
  const type = (attr(element, 'type') ?? '').trim().toLowerCase();
  return type === '' || type === 'module' || type === 'text/javascript';
}

/** The page's own first requests for styles and scripts, before any module graph is followed. */
export function initialAssets(root: HtmlElement): { styles: string[]; scripts: string[] } {
  const styles: string[] = [];
  const scripts: string[] = [];
  for (const link of root.querySelectorAll('link[href]')) {
    const rel = (attr(link, 'rel') ?? '').toLowerCase().split(/\s+/);
    const as = (attr(link, 'as') ?? '').toLowerCase();
    const href = attr(link, 'href') ?? '';
    if (rel.includes('stylesheet') || (rel.includes('preload') && as === 'style')) {
      styles.push(href);
    } else if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')) {
      scripts.push(href);
    }
  }
  for (const script of root.querySelectorAll('script[src]')) {
    if (isExecutableScript(script)) scripts.push(attr(script, 'src') ?? '');
  }
  return { styles, scripts };
}

/** Static import specifiers of an ES module; `import()` is dynamic and left out. */
export function moduleImports(code: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /(?<![\w$.])import\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s+[\w$]+\s*|\{[^}]*\}\s*)?(?:from\s*)?["']([^"']+)["']/g,
    /(?<![\w$.])export\s*(?:\*\s*(?:as\s+[\w$]+\s*)?|\{[^}]*\}\s*)from\s*["']([^"']+)["']/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      if (match[1] !== undefined) specifiers.push(match[1]);
    }
  }
  return specifiers;
}

/** `@import` targets of a stylesheet. */
export function cssImports(code: string): string[] {
  const specifiers: string[] = [];
  for (const match of code.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/g)) {
    if (match[1] !== undefined) specifiers.push(match[1]);
  }
  return specifiers;
}

/** Reads a served file by URL path, or null when the build lacks it. */
export type LoadAsset = (urlPath: string) => Uint8Array | null;

const ORIGIN = 'http://site.invalid';

/** The URL path of a same-origin reference, or null for another origin (counted elsewhere). */
function sameOriginPath(reference: string, fromUrlPath: string): string | null {
  const url = new URL(reference, ORIGIN + fromUrlPath);
  return url.origin === ORIGIN ? url.pathname : null;
}

/** Weighs one built page; `pageUrlPath` is where it is served, for resolving relative URLs. */
export async function pageWeight(
  file: string,
  html: string,
  pageUrlPath: string,
  load: LoadAsset,
): Promise<PageWeight> {
  const root = await parseHtml(html);
  const initial = initialAssets(root);
  const seen = new Set<string>();
  const assets: string[] = [];
  const missing: string[] = [];
  let styles = 0;
  let scripts = 0;

  // Follows one asset and what it statically pulls in, each counted once.
  const visit = (reference: string, from: string, kind: 'style' | 'script'): void => {
    const path = sameOriginPath(reference, from);
    if (path === null || seen.has(path)) return;
    seen.add(path);
    const bytes = load(path);
    if (bytes === null) {
      missing.push(path);
      return;
    }
    assets.push(path);
    const size = gzipSize(bytes);
    const code = Buffer.from(bytes).toString('utf8');
    if (kind === 'style') {
      styles += size;
      for (const next of cssImports(code)) visit(next, path, 'style');
    } else {
      scripts += size;
      for (const next of moduleImports(code)) visit(next, path, 'script');
    }
  };

  for (const href of initial.styles) visit(href, pageUrlPath, 'style');
  for (const src of initial.scripts) visit(src, pageUrlPath, 'script');
  // Inline modules are in the HTML already, but what they import is fetched at load.
  for (const script of root.querySelectorAll('script[type="module"]')) {
    if (script.hasAttribute('src')) continue;
    for (const next of moduleImports(script.textContent)) visit(next, pageUrlPath, 'script');
  }
  for (const style of root.querySelectorAll('style')) {
    for (const next of cssImports(style.textContent)) visit(next, pageUrlPath, 'style');
  }

  const inline = root
    .querySelectorAll('script')
    .filter((script) => !script.hasAttribute('src') && isExecutableScript(script))
    .map((script) => script.textContent)
    .join('\n');
  const htmlSize = gzipSize(html);
  const text = gzipSize(bodyText(root));
  return {
    file,
    html: htmlSize,
    text,
    styles,
    scripts,
    inlineScripts: inline.trim() === '' ? 0 : gzipSize(inline),
    total: htmlSize + styles + scripts - text,
    assets,
    missing,
  };
}

/** Messages for every budget a page exceeds, naming the page; empty when it fits. */
export function budgetProblems(weight: PageWeight, budget = BUDGET): string[] {
  const problems: string[] = [];
  if (weight.total > budget.total) {
    problems.push(
      `${weight.file}: ${weight.total} B gzip (html ${weight.html} + css ${weight.styles} + js ${weight.scripts} − text ${weight.text}) exceeds ${budget.total} B`,
    );
  }
  const scripts = weight.scripts + weight.inlineScripts;
  if (scripts > budget.scripts) {
    problems.push(
      `${weight.file}: scripts before interaction ${scripts} B gzip (files ${weight.scripts} + inline ${weight.inlineScripts}) exceed ${budget.scripts} B`,
    );
  }
  for (const path of weight.missing) problems.push(`${weight.file}: loads missing ${path}`);
  return problems;
}
