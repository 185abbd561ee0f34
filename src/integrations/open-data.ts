import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DOWNLOAD_FOLDER } from '../lib/export/files.ts';
import { publicSite, RELATIVE_LINKS_WARNING } from '../lib/export/links.ts';
import { documentDownloads, library } from '../lib/site/library.ts';
import { documentDataDir, readKept } from '../lib/site/site-data.ts';

/**
 * Copies every document's downloads, as the content step listed them, into
 * `<siteDir>/<doc>/du-lieu/`, byte for byte, and returns how many files it copied.
 */
export function copyDownloads(
  root: string,
  siteDir: string,
  kept: ReadonlySet<string> = new Set(),
): number {
  let copied = 0;
  for (const { slug } of library()) {
    // A kept document's folder already holds its downloads (`src/lib/build/kept.ts`).
    if (kept.has(slug)) continue;
    const from = join(documentDataDir(root, slug), DOWNLOAD_FOLDER);
    const to = join(siteDir, slug, DOWNLOAD_FOLDER);
    mkdirSync(to, { recursive: true });
    for (const { file } of documentDownloads(slug)) {
      copyFileSync(join(from, file), join(to, file));
      copied += 1;
    }
  }
  return copied;
}

/**
 * Build step: checks, before any page is built, where the open data will link. A malformed
 * `SITE_URL` stops the build in one line; an unset one is said in one line, since the files
 * then carry site-relative links (`src/lib/export/links.ts`). The downloads are the content
 * step's files: a build copies them into the site (a copy costs a fraction of rendering each
 * file as a page), the dev server serves them from the same folder (`download-route.ts`).
 */
export default function openData(
  env: Record<string, string | undefined> = process.env,
): AstroIntegration {
  return {
    name: 'nghi-quyet-open-data',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') {
          injectRoute({
            pattern: `/[doc]/${DOWNLOAD_FOLDER}/[file]`,
            entrypoint: new URL('./download-route.ts', import.meta.url),
          });
        }
      },
      'astro:build:start': ({ logger }) => {
        if (publicSite(env) === null) logger.warn(RELATIVE_LINKS_WARNING);
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = process.cwd();
        const copied = copyDownloads(root, fileURLToPath(dir), new Set(readKept(root)));
        logger.info(`copied ${copied} downloads into the documents' ${DOWNLOAD_FOLDER}/ folders`);
      },
    },
  };
}
