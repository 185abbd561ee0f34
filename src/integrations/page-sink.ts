/**
 * Middleware of the build only: hands each page Astro renders, with its HTML, to the receiver
 * the search index integration sets (`setPageSink`, kept on `globalThis`, since the middleware
 * runs from Astro's bundle and the integration from its configuration), so that documents are
 * indexed while other pages are still being rendered and written, several at a time. The HTML
 * is given here rather than read back from `dist/`, where a page may not be written yet. Without
 * a receiver it does nothing.
 */
import type { MiddlewareHandler } from 'astro';

/** Where the search index integration puts the receiver of the pages. */
const PAGE_SINK = Symbol.for('nghi-quyet.page-sink');

/** Receives the pages Astro renders. */
export interface PageSink {
  /** A page starts rendering; true when its HTML is wanted once it is rendered. */
  started(pathname: string): boolean;
  /** A page is rendered: its HTML, as the bytes Astro writes, if it was wanted, else null. */
  rendered(pathname: string, html: Buffer | null): void;
}

/** Where the receiver lives: shared by this middleware and the integration that sets it. */
const holder = globalThis as { [PAGE_SINK]?: PageSink };

/** Sets, or with `undefined` removes, the receiver this middleware hands pages to. */
export function setPageSink(receiver: PageSink | undefined): void {
  if (receiver) holder[PAGE_SINK] = receiver;
  else delete holder[PAGE_SINK];
}

/** Hands over a rendered page; the page itself goes on unchanged. */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const receiver = holder[PAGE_SINK];
  if (!receiver) return next();
  const { pathname } = context.url;
  const wanted = receiver.started(pathname);
  const response = await next();
  if (!wanted || response.body === null) {
    receiver.rendered(pathname, null);
    return response;
  }
  // As bytes: decoding every page to text and back would cost more than rendering some.
  const html = Buffer.from(await response.arrayBuffer());
  receiver.rendered(pathname, html);
  const { status, statusText, headers } = response;
  return new Response(html, { status, statusText, headers });
};
