/**
 * Which documents can be indexed while Astro is still rendering pages, and with which pages.
 * The build's middleware hands over each page as Astro renders it, its HTML included, so
 * nothing waits for a page to be written. Astro starts a route's pages in the order of its
 * paths, document by document, several at a time (`build.concurrency`): once a page of another
 * document has started and every started page of a document is rendered, that document has all
 * the pages the route gives it. It is handed over then, if it has an indexed page (one holding
 * the element marked `data-pagefind-body`); one that gets an indexed page after it was handed
 * over is stale, and is indexed again once every page is written.
 */

/** A page's path below the site's base, without a leading slash: "/<base>/qn/dieu-1/" → "qn/dieu-1/". */
export function belowBase(pathname: string, base: string): string {
  const below = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return below.replace(/^\/+/u, '');
}

/** The first folder of a page's path below the site's base: its document, if it is one's. */
export function folderOf(pathname: string, base: string): string {
  return belowBase(pathname, base).split('/')[0] ?? '';
}

export interface PageStream<P> {
  /** A page Astro starts rendering, by its path; true when its document is followed. */
  started(pathname: string): boolean;
  /** A page rendered: what the index reads of it, or null when it holds nothing indexed. */
  rendered(pathname: string, page: P | null): void;
  /** Every page is rendered: hands over the documents left; gives the stale ones. */
  end(): Set<string>;
}

/**
 * Follows the pages of the documents `docs` as Astro renders them and calls `send` with each
 * document whose indexed pages are all rendered, and those pages in the order they came.
 */
export function pageStream<P>(
  docs: ReadonlySet<string>,
  base: string,
  send: (doc: string, pages: P[]) => void,
): PageStream<P> {
  const indexed = new Map<string, P[]>();
  const rendering = new Map<string, number>();
  const closed = new Set<string>();
  const sent = new Set<string>();
  const stale = new Set<string>();
  let current = '';
  const handOver = (doc: string): void => {
    const pages = indexed.get(doc);
    if (!closed.has(doc) || (rendering.get(doc) ?? 0) > 0) return;
    closed.delete(doc);
    if (pages === undefined || sent.has(doc)) return;
    sent.add(doc);
    indexed.delete(doc);
    send(doc, pages);
  };
  return {
    started(pathname) {
      const doc = folderOf(pathname, base);
      if (doc !== current) {
        closed.add(current);
        handOver(current);
        closed.delete(doc);
        current = doc;
      }
      if (!docs.has(doc)) return false;
      rendering.set(doc, (rendering.get(doc) ?? 0) + 1);
      return true;
    },
    rendered(pathname, page) {
      const doc = folderOf(pathname, base);
      if (!docs.has(doc)) return;
      rendering.set(doc, (rendering.get(doc) ?? 1) - 1);
      if (page !== null) {
        const pages = indexed.get(doc);
        if (sent.has(doc)) stale.add(doc);
        else if (pages) pages.push(page);
        else indexed.set(doc, [page]);
      }
      handOver(doc);
    },
    end() {
      closed.add(current);
      for (const doc of [...closed]) handOver(doc);
      return stale;
    },
  };
}
