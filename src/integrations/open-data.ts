import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DOWNLOAD_FOLDER } from '../lib/export/downloads.ts';
import { publicSite, RELATIVE_LINKS_WARNING } from '../lib/export/links.ts';
import { documentDownloads, library } from '../lib/site/library.ts';
import { documentDataDir, readKept } from '../lib/site/site-data.ts';
import { awaitedLater } from './awaited-later.ts';
import { contentWritten } from './content-ready.ts';

/**
 * Copies every document's downloads, as the content step listed them, into
 * `<siteDir>/<doc>/du-lieu/`, byte for byte, and returns how many files it copied. The copies
 * are the file system's work, so they go on while Astro bundles and renders.
 */
export async function copyDownloads(
  root: string,
  siteDir: string,
  kept: ReadonlySet<string> = new Set(),
): Promise<number> {
  let copied = 0;
  for (const { slug } of library()) {
    // A kept document's folder already holds its downloads (`src/lib/build/kept.ts`).
    if (kept.has(slug)) continue;
    const from = join(documentDataDir(root, slug), DOWNLOAD_FOLDER);
    const to = join(siteDir, slug, DOWNLOAD_FOLDER);
    await mkdir(to, { recursive: true });
    const files = documentDownloads(slug);
    await Promise.all(files.map(({ file }) => copyFile(join(from, file), join(to, file))));
    copied += files.length;
  }
  return copied;
}

/**
 * Build step: checks, before any page is built, where the open data will link. A malformed
 * `SITE_URL` stops the build in one line; an unset one is said in one line, since the files
 * then carry site-relative links (`src/lib/export/links.ts`). The downloads are the content
 * step's files: a build copies them into the site while the pages are written (a copy costs a
 * fraction of rendering each file as a page), the dev server serves them from the same folder
 * (`download-route.ts`).
 */
export default function openData(
  env: Record<string, string | undefined> = process.env,
): AstroIntegration {
  let siteDir = '';
  let copying: Promise<number> | undefined;
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
      'astro:config:done': ({ config }) => {
        siteDir = fileURLToPath(config.outDir);
      },
      // The bundles are made and the content step's files written; the pages come next.
      'astro:build:ssr': async () => {
        await contentWritten();
        const root = process.cwd();
        copying = awaitedLater(copyDownloads(root, siteDir, new Set(readKept(root))));
      },
      'astro:build:done': async ({ logger }) => {
        const copied = await copying;
        logger.info(
          `copied ${copied ?? 0} downloads into the documents' ${DOWNLOAD_FOLDER}/ folders`,
        );
      },
    },
  };
}
