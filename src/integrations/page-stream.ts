/**
 * Which documents can be indexed while Astro is still writing pages. Astro writes one page at a
 * time (`build.concurrency` 1), each finished before the next is rendered, and renders a route's
 * pages document by document; so once a page of another document comes, the pages a document
 * has so far are on disk. A document is handed over when that happens, if it has an indexed
 * page (one holding the element marked `data-pagefind-body`), with the number of them; one that
 * gets an indexed page after it was handed over is stale, and is indexed again once every page
 * is written.
 */

/** The first folder of a page's path below the site's base: its document, if it is one's. */
export function folderOf(pathname: string, base: string): string {
  const below = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return below.replace(/^\/+/u, '').split('/')[0] ?? '';
}

export interface PageStream {
  /** A page Astro rendered, by its path, before it is written. */
  page(pathname: string, indexed: boolean): void;
  /** Every page is written: hands over the last document; gives the stale ones. */
  end(): Set<string>;
}

/**
 * Follows the pages of the documents `docs` as Astro renders them and calls `send` with each
 * document whose indexed pages are all written, and how many they are.
 */
export function pageStream(
  docs: ReadonlySet<string>,
  base: string,
  send: (doc: string, pages: number) => void,
): PageStream {
  const indexed = new Map<string, number>();
  const sent = new Set<string>();
  const stale = new Set<string>();
  let current = '';
  const handOver = (doc: string): void => {
    const pages = indexed.get(doc);
    if (pages === undefined || sent.has(doc)) return;
    sent.add(doc);
    send(doc, pages);
  };
  return {
    page(pathname, isIndexed) {
      const doc = folderOf(pathname, base);
      if (doc !== current) handOver(current);
      current = doc;
      if (!docs.has(doc) || !isIndexed) return;
      if (sent.has(doc)) stale.add(doc);
      else indexed.set(doc, (indexed.get(doc) ?? 0) + 1);
    },
    end() {
      handOver(current);
      return stale;
    },
  };
}
