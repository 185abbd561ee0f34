/**
 * Where the site is published, read from the environment in one place so that the Astro
 * configuration and the content step (which writes links and absolute URLs into fragments and
 * downloads) always agree. See docs/deploy.md.
 */
import { publicSite } from '../export/links.ts';
import { normaliseBase } from '../site/urls.ts';

/** The published origin and base path. */
export interface Deploy {
  /** Origin for canonical URLs, Open Graph, the sitemap and the CSV's links. */
  site: string;
  /** Base path, beginning and ending with `/`. */
  base: string;
  /** The public origin the open data links to, or null: then its links are site-relative. */
  published: string | null;
}

/**
 * `SITE_URL` and `BASE_PATH`, or the local preview server's origin and `/`; a malformed
 * `SITE_URL` is a one-line error (`src/lib/export/links.ts`).
 */
export function deployOf(env: Readonly<Record<string, string | undefined>>): Deploy {
  return {
    site: env['SITE_URL'] || 'http://localhost:4321',
    base: normaliseBase(env['BASE_PATH'] || '/'),
    published: publicSite({ ...env })?.href ?? null,
  };
}
