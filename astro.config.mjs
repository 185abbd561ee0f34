// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { deployOf } from './src/lib/build/deploy.ts';
import openData from './src/integrations/open-data.ts';
import pagefind from './src/integrations/pagefind.ts';

/**
 * Where the site is published. `SITE_URL` (origin, e.g. https://nghiquyet.example.vn) makes
 * canonical URLs, Open Graph and the sitemap absolute; `BASE_PATH` (e.g. /doc-nghi-quyet/)
 * serves the whole site under a sub-path. See docs/deploy.md.
 */
const { site, base } = deployOf(process.env);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The pages place HTML that the content step rendered from the MDX in `content/`
  // (`npm run content`, `src/lib/html/`); Astro compiles no MDX itself.
  integrations: [
    sitemap(),
    openData(),
    // Last, so it indexes the finished dist/ at astro:build:done.
    pagefind(),
  ],
  devToolbar: { enabled: false },
});
