import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { keepUnchanged, restoreKept, stampPages } from '../lib/build/kept.ts';
import { siteStamp } from '../lib/build/stamp.ts';
import { library } from '../lib/site/library.ts';
import { absoluteUrl, docUrl, documentPageUrl, pageUrl } from '../lib/site/urls.ts';
import type { LibraryEntry } from '../lib/site/site-data.ts';

/**
 * Build steps that keep the built pages of unchanged documents (`src/lib/build/kept.ts`): before
 * Astro empties the output folder, the kept documents' folders are moved aside and the pages
 * skip them; once the pages are written they are put back; when the build has finished, every
 * document's pages are stamped. `keep` goes before the integrations that read the finished
 * folder, `stamp` after the last of them. The sitemap, which lists the pages Astro rendered,
 * is given the kept documents' pages through `urls`.
 */
export default function keptPages(urls: string[]): {
  keep: AstroIntegration;
  stamp: AstroIntegration;
} {
  const root = process.cwd();
  let outDir = '';
  let site = '';
  let building = false;
  return {
    keep: {
      name: 'nghi-quyet-kept-pages',
      hooks: {
        'astro:config:setup': ({ command }) => {
          building = command === 'build';
        },
        'astro:config:done': ({ config, logger }) => {
          if (!building) return;
          outDir = fileURLToPath(config.outDir);
          site = siteStamp(root, outDir);
          const entries = library();
          const kept = new Set(
            keepUnchanged(
              root,
              outDir,
              entries.map((entry) => entry.slug),
              site,
            ),
          );
          urls.splice(
            0,
            urls.length,
            ...entries
              .filter((entry) => kept.has(entry.slug))
              .flatMap((entry) => documentPaths(entry, config.base))
              .map((path) => absoluteUrl(path, config.site)),
          );
          if (kept.size > 0) {
            logger.info(`kept the built pages of ${kept.size} of ${entries.length} documents`);
          }
        },
        'astro:build:done': () => {
          restoreKept(root, outDir);
        },
      },
    },
    stamp: {
      name: 'nghi-quyet-kept-pages-stamp',
      hooks: {
        'astro:build:done': () => {
          stampPages(
            root,
            outDir,
            library().map((entry) => entry.slug),
            site,
          );
        },
      },
    },
  };
}

/** Every page of a document, as site paths under `base`: its front page, sections, own pages. */
export function documentPaths(entry: LibraryEntry, base: string): string[] {
  return [
    docUrl(entry.slug, base),
    ...entry.pages.map((page) => pageUrl(entry.slug, page, base)),
    ...entry.ownPages.map((key) => documentPageUrl(entry.slug, key, undefined, base)),
  ];
}
