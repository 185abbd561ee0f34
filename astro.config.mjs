// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { deployOf } from './src/lib/build/deploy.ts';
import contentReady from './src/integrations/content-ready.ts';
import devFileUrls from './src/integrations/dev-file-urls.ts';
import keptPages from './src/integrations/kept-pages.ts';
import openData from './src/integrations/open-data.ts';
import pagefind from './src/integrations/pagefind.ts';

// The project's commands send nothing to third parties: Astro's anonymous usage reports are off
// for every command that reads this file (Astro checks the variable after loading it). Set it
// to an empty value to send them.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

/**
 * Where the site is published. `SITE_URL` (origin, e.g. https://nghiquyet.example.vn) makes
 * canonical URLs, Open Graph and the sitemap absolute; `BASE_PATH` (e.g. /doc-nghi-quyet/)
 * serves the whole site under a sub-path. See docs/deploy.md.
 */
const { site, base } = deployOf(process.env);

/** The pages of documents whose built pages the build keeps, which the sitemap must list too. */
/** @type {string[]} */
const keptUrls = [];
const kept = keptPages(keptUrls);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Two pages at a time: one is written while the next renders (the same time as one at a time
  // on two busy cores, docs/scaling.md; the search index takes pages in any order).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  // Scripts are files that a reader's browser keeps from page to page: Vite would copy a script
  // under 4 kB into every page that loads it, and the site's own (SiteScript.astro, 3 kB) was
  // an eighth of the pages' HTML.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  // The pages place HTML that the content step rendered from the MDX in `content/`
  // (`npm run content`, `src/lib/html/`); Astro compiles no MDX itself.
  integrations: [
    // Before all: `npm run build` starts Astro while the content step is still running; the
    // pages wait for it, the bundles do not.
    contentReady(),
    // First of the steps, so that the last build's folders are set aside before dist/ is emptied,
    // the kept list is written before the steps that read it, and the kept folders are put back
    // before anything reads the finished dist/.
    kept.keep,
    sitemap({ customPages: keptUrls }),
    openData(),
    // The dev server: a document's files at the URLs the built site serves them.
    devFileUrls(),
    // Indexes documents as their pages are rendered (its middleware), the rest once every page
    // and download is written, at astro:build:done.
    pagefind(),
    // Last: the pages are stamped once everything is written.
    kept.stamp,
  ],
  devToolbar: { enabled: false },
});
