import {
  PageCache,
  searchClauses,
  type Filters,
  type SearchOptions,
  type SearchOutcome,
} from './engine';
import { OpenedDocuments, searchLibrary } from './library';
import { runtimeUrl } from './paths';
import { Runtime, type FilterCounts, type PagefindModule } from './runtime';

/**
 * Starts Pagefind on first use. `pagefind.js` is fetched at run time from the site itself (never
 * bundled by Vite: it only exists after the build), so the pages pay nothing for search until
 * someone starts a search, and once for the whole site whichever indexes a page then opens.
 */

export type { FilterCounts } from './runtime';

export interface Searcher {
  /** Searches; `isCurrent` tells the search when a newer query has made it pointless. */
  search(query: string, filters?: Filters, isCurrent?: () => boolean): Promise<SearchOutcome>;
  filters(): Promise<FilterCounts>;
}

/** Imports a URL at run time; the indirection keeps bundlers from resolving it at build time. */
const importAtRunTime = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/** The page's one runtime, per base; a failed start may be retried. */
const runtimes = new Map<string, Promise<Runtime>>();

/** Starts Pagefind from the site's one copy of it. */
function startRuntime(base: string): Promise<Runtime> {
  const known = runtimes.get(base);
  if (known) return known;
  const started = (async () => {
    const pagefind = (await importAtRunTime(`${runtimeUrl(base)}pagefind.js`)) as PagefindModule;
    return new Runtime(pagefind, base);
  })();
  runtimes.set(base, started);
  started.catch(() => runtimes.delete(base));
  return started;
}

/** The citation resolver, loaded with its schemas only when a query reads as a citation. */
const citations = async () => {
  const { InfoFiles, resolveCitation } = await import('./cite');
  return { files: new InfoFiles(), resolveCitation };
};
let citing: ReturnType<typeof citations> | undefined;

/** One searcher per scope: the library, or one document. */
const searchers = new Map<string, Promise<Searcher>>();

/**
 * The searcher of the library, or with `doc` of that one document, created on first call; a
 * failed start may be retried.
 */
export function loadSearcher(base: string, doc?: string): Promise<Searcher> {
  const key = `${base}\n${doc ?? ''}`;
  const known = searchers.get(key);
  if (known) return known;
  const started = (async (): Promise<Searcher> => {
    const runtime = await startRuntime(base);
    await runtime.start(doc);
    const cache = new PageCache();
    const opened = new OpenedDocuments();
    const cite: SearchOptions['cite'] = async (citation) => {
      citing ??= citations();
      const { files, resolveCitation } = await citing;
      return resolveCitation(citation, { base, doc }, files);
    };
    return {
      search: (query, filters, isCurrent) => {
        const options: SearchOptions = { cite, ...(filters ? { filters } : {}) };
        if (isCurrent) options.isCurrent = isCurrent;
        return doc
          ? searchClauses(runtime.document(doc), query, options, cache)
          : searchLibrary(runtime, query, options, cache, opened);
      },
      filters: () => runtime.filters(),
    };
  })();
  searchers.set(key, started);
  started.catch(() => searchers.delete(key));
  return started;
}

/**
 * Runs searches as someone types and keeps only the newest answer, since an older, slower
 * query must never overwrite the results of the words now in the box. The runner is told when
 * it has become stale, so it can stop before downloading anything more.
 */
export function latestOnly<T, A extends unknown[]>(
  run: (isCurrent: () => boolean, ...args: A) => Promise<T>,
) {
  let ticket = 0;
  return async (...args: A): Promise<{ fresh: boolean; value: T }> => {
    const mine = ++ticket;
    const value = await run(() => mine === ticket, ...args);
    return { fresh: mine === ticket, value };
  };
}
