/**
 * Sizes of a built site: the `dist/` folder by kind of file, and page weight as a phone pays it
 * on a first visit. Weight is computed by the browser gates' own module
 * (`tests/support/weight.ts`), so the benchmark and the budget test agree on what a page costs.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assetLoader, htmlFiles, listFiles } from '../../tests/support/dist.ts';
import { urlPathForFile } from '../../tests/support/links.ts';
import { pageWeight } from '../../tests/support/weight.ts';
import { median } from './stats.ts';

export interface DistSize {
  files: number;
  pages: number;
  bytes: number;
  htmlBytes: number;
  /** The search bundle and index under `pagefind/`. */
  pagefindBytes: number;
  /** Fragment files: one per indexed page, fetched when a result shows. */
  pagefindFragments: number;
  /** Bundled styles and scripts under `_astro/`. */
  assetBytes: number;
}

export interface WeightFigure {
  /** Pages weighed. */
  pages: number;
  /** gzip(HTML + CSS + JS before interaction): what a phone downloads before it can show the page. */
  median: number;
  largest: number;
  largestPage: string;
  /** The same minus gzip(the page's own text): the frame's cost, which the budget test holds. */
  frameMedian: number;
  frameLargest: number;
  frameLargestPage: string;
}

/** Astro's `base` as the build wrote it into asset URLs (`/x/_astro/…` → `/x/`). */
export function baseFromHtml(html: string): string {
  const match = /(?:href|src)="((?:\/[^"/]+)*\/)_astro\//.exec(html);
  return match?.[1] ?? '/';
}

/** Sizes of every file of a build, grouped by what they are. */
export function distSize(distDir: string): DistSize {
  const files = listFiles(distDir);
  const size: DistSize = {
    files: files.size,
    pages: 0,
    bytes: 0,
    htmlBytes: 0,
    pagefindBytes: 0,
    pagefindFragments: 0,
    assetBytes: 0,
  };
  for (const file of files) {
    const bytes = statSync(join(distDir, file)).size;
    size.bytes += bytes;
    if (file.endsWith('.html')) {
      size.pages += 1;
      size.htmlBytes += bytes;
    } else if (file.startsWith('pagefind/')) {
      size.pagefindBytes += bytes;
      if (file.startsWith('pagefind/fragment/')) size.pagefindFragments += 1;
    } else if (file.startsWith('_astro/')) {
      size.assetBytes += bytes;
    }
  }
  return size;
}

/**
 * Pages to weigh: every page outside documents' folders (home, search, lists that may grow with
 * the number of documents), and every page of the first `perDocument` documents in slug order.
 * Variants share their base's structure, so the sample keeps the median and the largest page.
 */
export function pagesToWeigh(pages: readonly string[], documents: number): string[] {
  const all = new Set(pages);
  const folders = new Map<string, string[]>();
  const shared: string[] = [];
  for (const page of pages) {
    const slash = page.indexOf('/');
    const folder = slash === -1 ? '' : page.slice(0, slash);
    if (!all.has(`${folder}/toan-van/index.html`)) shared.push(page);
    else if (folders.has(folder)) folders.get(folder)?.push(page);
    else folders.set(folder, [page]);
  }
  const chosen = [...folders.keys()].sort().slice(0, documents);
  return [...shared, ...chosen.flatMap((folder) => folders.get(folder) ?? [])];
}

/** Median and largest page weight over the chosen pages of a build. */
export async function weighPages(distDir: string, documents = Infinity): Promise<WeightFigure> {
  const files = listFiles(distDir);
  const pages = htmlFiles(files);
  const base = baseFromHtml(readFileSync(join(distDir, 'index.html'), 'utf8'));
  const load = assetLoader(distDir, base, files);
  const chosen = pagesToWeigh(pages, documents);
  const transfer: { file: string; bytes: number }[] = [];
  const frame: { file: string; bytes: number }[] = [];
  for (const file of chosen) {
    const html = readFileSync(join(distDir, file), 'utf8');
    const weight = await pageWeight(file, html, urlPathForFile(file, base), load);
    transfer.push({ file, bytes: weight.html + weight.styles + weight.scripts });
    frame.push({ file, bytes: weight.total });
  }
  const largest = (list: { file: string; bytes: number }[]) =>
    list.reduce((a, b) => (b.bytes > a.bytes ? b : a), { file: '', bytes: 0 });
  return {
    pages: chosen.length,
    median: median(transfer.map((entry) => entry.bytes)),
    largest: largest(transfer).bytes,
    largestPage: largest(transfer).file,
    frameMedian: median(frame.map((entry) => entry.bytes)),
    frameLargest: largest(frame).bytes,
    frameLargestPage: largest(frame).file,
  };
}
