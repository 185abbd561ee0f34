import type { AstroIntegration } from 'astro';
import { escapeRegExp } from '../lib/text/pattern.ts';
import { DOWNLOAD_FOLDER } from '../lib/export/downloads.ts';
import { DOCUMENT_INFO_FILE } from '../search/paths.ts';

/**
 * A document's files served by routes of their own (`/<doc>/tim-kiem.json` and the downloads
 * `/<doc>/du-lieu/<file>`), as paths under the site's base. Astro's dev server asks a trailing
 * slash of such routes when their path has a parameter (`trailingSlash: 'always'`), where the
 * built site serves them as files without one.
 */
function fileRoute(base: string): RegExp {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const [at, info, downloads] = [prefix, DOCUMENT_INFO_FILE, DOWNLOAD_FOLDER].map(escapeRegExp);
  return new RegExp(`^${at}[^/]+/(?:${info}|${downloads}/[^/]+\\.[A-Za-z0-9]+)$`);
}

/** The URL the dev server routes for `url`: a document's file gets the slash, the rest as is. */
export function devFileUrl(url: string, base: string): string {
  const at = url.search(/[?#]/);
  const path = at === -1 ? url : url.slice(0, at);
  const rest = at === -1 ? '' : url.slice(at);
  return fileRoute(base).test(path) ? `${path}/${rest}` : url;
}

/**
 * Dev server only: serves a document's files at the URLs the pages link to and the built site
 * answers, without the trailing slash the dev server's routing would ask of them.
 */
export default function devFileUrls(): AstroIntegration {
  let base = '/';
  return {
    name: 'nghi-quyet-dev-file-urls',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, _response, next) => {
          if (request.url) request.url = devFileUrl(request.url, base);
          next();
        });
      },
    },
  };
}
