import type { AstroIntegration } from 'astro';
import { publicSite, RELATIVE_LINKS_WARNING } from '../lib/export/links.ts';

/**
 * Build step: checks, before any page is built, where the open data will link. A malformed
 * `SITE_URL` stops the build in one line; an unset one is said in one line, since the files
 * then carry site-relative links (`src/lib/export/links.ts`).
 */
export default function openData(
  env: Record<string, string | undefined> = process.env,
): AstroIntegration {
  return {
    name: 'nghi-quyet-open-data',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (publicSite(env) === null) logger.warn(RELATIVE_LINKS_WARNING);
      },
    },
  };
}
