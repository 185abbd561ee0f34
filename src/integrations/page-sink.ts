/**
 * Middleware of the build only: tells the function the search index integration sets
 * (`setPageSink`, kept on `globalThis`, since the middleware runs from Astro's bundle and the
 * integration from its configuration) about each page Astro renders, so that documents are
 * indexed while other pages are still being written. Without that function it does nothing.
 * Whether a page is indexed is what the page says (`Astro.locals.searchIndexed`), which costs
 * nothing, where reading every page's HTML again would.
 */
import type { MiddlewareHandler } from 'astro';

/** Where the search index integration puts the function that receives the pages. */
const PAGE_SINK = Symbol.for('nghi-quyet.page-sink');

/** Receives a rendered page: its path and whether it holds what Pagefind indexes. */
export type PageSink = (pathname: string, indexed: boolean) => void;

/** Where the function lives: shared by this middleware and the integration that sets it. */
const holder = globalThis as { [PAGE_SINK]?: PageSink };

/** The function set by the integration, if any. */
function sink(): PageSink | undefined {
  return holder[PAGE_SINK];
}

/** Sets, or with `undefined` removes, the function this middleware hands pages to. */
export function setPageSink(receive: PageSink | undefined): void {
  if (receive) holder[PAGE_SINK] = receive;
  else delete holder[PAGE_SINK];
}

/** Hands over a rendered page's path and mark; the page itself goes on unchanged. */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  sink()?.(context.url.pathname, context.locals.searchIndexed === true);
  return response;
};
