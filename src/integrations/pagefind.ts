import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { bundleUrl } from '../search/paths';

/**
 * Build step with side effects: indexes the built site with Pagefind's Node API once Astro has
 * written every page. Each call's `errors` is checked, since the API reports failures there
 * rather than by throwing, and the Pagefind service is closed in `finally` so a failed build does
 * not leave its binary running.
 */

/** A Pagefind failure during the build, reported as one line. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** Throws with the step's name when Pagefind returned errors. */
function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0)
    throw new SearchIndexError(`Pagefind ${step} failed: ${errors.join('; ')}`);
}

export interface IndexReport {
  /** HTML files Pagefind read, including those it skipped for lacking `data-pagefind-body`. */
  filesRead: number;
  /** Pages in the written index, per its entry file. */
  pageCount: number;
  outputPath: string;
}

/** Pages actually indexed: `addDirectory` counts every file read, not the pages kept. */
function indexedPages(outputPath: string): number {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce(
    (sum, language) => sum + (language.page_count ?? 0),
    0,
  );
}

/** Indexes every HTML file under `siteDir` and writes the bundle to `outputPath`. */
export async function indexSite(siteDir: string, outputPath: string): Promise<IndexReport> {
  try {
    const created = await pagefind.createIndex({});
    check('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new SearchIndexError('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: siteDir });
    check(`addDirectory(${siteDir})`, added.errors);
    if (added.page_count === 0) {
      throw new SearchIndexError(`Pagefind found no pages to index in ${siteDir}`);
    }
    const written = await index.writeFiles({ outputPath });
    check(`writeFiles(${outputPath})`, written.errors);
    return {
      filesRead: added.page_count,
      pageCount: indexedPages(written.outputPath),
      outputPath: written.outputPath,
    };
  } finally {
    await pagefind.close();
  }
}

/** The Astro integration: indexes `dist/` at `astro:build:done` into `<base>pagefind/`. */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'nghi-quyet-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const siteDir = fileURLToPath(dir);
        const outputPath = path.join(siteDir, 'pagefind');
        const report = await indexSite(siteDir, outputPath);
        logger.info(
          `indexed ${report.pageCount} of ${report.filesRead} pages; search bundle at ${bundleUrl(base)}`,
        );
      },
    },
  };
}
