import {
  PageCache,
  searchClauses,
  type Filters,
  type PagefindApi,
  type SearchOptions,
  type SearchOutcome,
} from './engine';
import { bundleUrl, withSlash } from './paths';

/**
 * Loads `pagefind.js` from the built bundle on first use. It is fetched at run time from the
 * site itself (never bundled by Vite: it only exists after the build), so the pages pay nothing
 * for search until someone starts a search.
 */

/** Filter values Pagefind knows, with page counts: `{ phan: { 'Chỉ tiêu': 1 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The module `pagefind.js` exports, as far as we use it. */
interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
}

export interface Searcher {
  search(query: string, filters?: Filters): Promise<SearchOutcome>;
  filters(): Promise<FilterCounts>;
}

/** One searcher per bundle: the header box and a scoped search page may use different ones. */
const loading = new Map<string, Promise<Searcher>>();

/** Imports a URL at run time; the indirection keeps bundlers from resolving it at build time. */
const importAtRunTime = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/** The citation resolver, loaded with its schemas only when a query reads as a citation. */
const citations = async () => {
  const { InfoFiles, resolveCitation } = await import('./cite');
  const files = new InfoFiles();
  return { files, resolveCitation };
};
let citing: ReturnType<typeof citations> | undefined;

/**
 * The searcher of the library, or with `doc` of that document's own bundle, created on first
 * call; a failed load may be retried.
 */
export function loadSearcher(base: string, doc?: string): Promise<Searcher> {
  const bundle = bundleUrl(base, doc);
  const known = loading.get(bundle);
  if (known) return known;
  const started = (async (): Promise<Searcher> => {
    const pagefind = (await importAtRunTime(`${bundle}pagefind.js`)) as PagefindModule;
    await pagefind.options({ baseUrl: withSlash(base), excerptLength: 0, noWorker: true });
    await pagefind.init();
    const cache = new PageCache();
    const cite: SearchOptions['cite'] = async (citation) => {
      citing ??= citations();
      const { files, resolveCitation } = await citing;
      return resolveCitation(citation, { base, doc }, files);
    };
    return {
      search: (query, filters) =>
        searchClauses(pagefind, query, filters ? { filters, cite } : { cite }, cache),
      filters: () => pagefind.filters(),
    };
  })();
  loading.set(bundle, started);
  started.catch(() => {
    loading.delete(bundle);
  });
  return started;
}

/**
 * Runs searches as someone types and keeps only the newest answer, since an older, slower
 * query must never overwrite the results of the words now in the box.
 */
export function latestOnly<T, A extends unknown[]>(run: (...args: A) => Promise<T>) {
  let ticket = 0;
  return async (...args: A): Promise<{ fresh: boolean; value: T }> => {
    const mine = ++ticket;
    const value = await run(...args);
    return { fresh: mine === ticket, value };
  };
}
