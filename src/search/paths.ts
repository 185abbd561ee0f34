/**
 * Where the search bundle and page live under Astro's `base`, in one place for the build step
 * and the browser, so that deploying under a sub-path moves both together.
 */

/** Adds the trailing slash Astro's `base` may lack: "/docs" and "/docs/" both give "/docs/". */
export function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** The URL folder of Pagefind's bundle for a site built with this `base`. */
export function bundleUrl(base: string): string {
  return `${withSlash(base)}pagefind/`;
}

/** The search page's URL for a query; the query lives in `?q=` so a search is a shareable link. */
export function searchPageUrl(base: string, query: string): string {
  const page = `${withSlash(base)}tim-kiem/`;
  return query.trim() ? `${page}?q=${encodeURIComponent(query.trim())}` : page;
}

/** Name of the landing-page parameter that carries the words to highlight. */
export const HIGHLIGHT_PARAM = 'hl';

/** A result link that also tells the landing page which words to highlight. */
export function resultHref(url: string, query: string): string {
  const hash = url.indexOf('#');
  const path = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const words = query.trim();
  if (!words) return url;
  const joiner = path.includes('?') ? '&' : '?';
  return `${path}${joiner}${HIGHLIGHT_PARAM}=${encodeURIComponent(words)}${fragment}`;
}
