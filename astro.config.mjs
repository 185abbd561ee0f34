// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import openData from './src/integrations/open-data.ts';
import pagefind from './src/integrations/pagefind.ts';

/**
 * Where the site is published. `SITE_URL` (origin, e.g. https://nghiquyet.example.vn) makes
 * canonical URLs, Open Graph and the sitemap absolute; `BASE_PATH` (e.g. /doc-nghi-quyet/)
 * serves the whole site under a sub-path. See docs/deploy.md.
 */
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The source text is sacred: no typographic rewriting (smart quotes, dashes) and no GFM
  // (strikethrough, autolinks, tables) may reinterpret the words of a resolution.
  markdown: { gfm: false, smartypants: false, syntaxHighlight: false },
  integrations: [
    mdx({ gfm: false, smartypants: false, syntaxHighlight: false }),
    sitemap(),
    openData(),
    // Last, so it indexes the finished dist/ at astro:build:done.
    pagefind(),
  ],
  devToolbar: { enabled: false },
});
