import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import {
  discardUnkept,
  keepUnchanged,
  restoreKept,
  setAsideBuilt,
  stampPages,
} from '../lib/build/kept.ts';
import { siteStamp } from '../lib/build/stamp.ts';
import { library, pathsOf } from '../lib/site/library.ts';
import { absoluteUrl, docUrl, pageUrl } from '../lib/site/urls.ts';
import type { LibraryEntry } from '../lib/site/site-data.ts';
import { awaitedLater } from './awaited-later.ts';
import { contentWritten } from './content-ready.ts';

/**
 * Build steps that keep the built pages of unchanged documents (`src/lib/build/kept.ts`): before
 * Astro empties the output folder, the folders of the last build are set aside; once the content
 * step has written its stamps, those of unchanged documents are kept and the pages skip them,
 * the others removed; once the pages are written the kept ones are put back; when the build has
 * finished, every document's pages are stamped. `keep` goes before the integrations that read
 * the kept list or the finished folder, `stamp` after the last of them. The sitemap, which lists
 * the pages Astro rendered, is given the kept documents' pages through `urls`.
 */
export default function keptPages(urls: string[]): {
  keep: AstroIntegration;
  stamp: AstroIntegration;
} {
  const root = process.cwd();
  let outDir = '';
  let site = '';
  let building = false;
  let paths: Pick<AstroConfig, 'base' | 'site'> = { base: '/', site: undefined };
  let discarding: Promise<void> = Promise.resolve();
  return {
    keep: {
      name: 'nghi-quyet-kept-pages',
      hooks: {
        'astro:config:setup': ({ command }) => {
          building = command === 'build';
        },
        'astro:config:done': ({ config }) => {
          if (!building) return;
          outDir = fileURLToPath(config.outDir);
          paths = { base: config.base, site: config.site };
          site = siteStamp(root, outDir);
          setAsideBuilt(root, outDir);
        },
        // After the bundles, before the pages: the first moment the stamps can be read.
        'astro:build:ssr': async ({ logger }) => {
          await contentWritten();
          const entries = library();
          const kept = new Set(
            keepUnchanged(
              root,
              entries.map((entry) => entry.slug),
              site,
            ),
          );
          discarding = awaitedLater(discardUnkept(root, [...kept]));
          urls.splice(
            0,
            urls.length,
            ...entries
              .filter((entry) => kept.has(entry.slug))
              .flatMap((entry) => documentUrls(entry, paths.base))
              .map((path) => absoluteUrl(path, paths.site)),
          );
          if (kept.size > 0) {
            logger.info(`kept the built pages of ${kept.size} of ${entries.length} documents`);
          }
        },
        'astro:build:done': async () => {
          await discarding;
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

/** Every page of a document, as site paths under `base`, in the order the route gives them. */
export function documentUrls(entry: LibraryEntry, base: string): string[] {
  return pathsOf([entry]).map(({ params }) =>
    params.page === undefined ? docUrl(entry.slug, base) : pageUrl(entry.slug, params.page, base),
  );
}
