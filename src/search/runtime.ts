import type { Filters, PagefindApi, PagefindResponse } from './engine';
import { indexUrl, runtimeUrl, withSlash } from './paths';

/**
 * One Pagefind runtime per page, shared by every index it opens. Pagefind loads its WebAssembly
 * beside the first index an instance starts with, so the site keeps one copy with a one-word
 * starter index; documents' indexes and the library index hold index data only and are merged
 * (`mergeIndex`) into an instance when first needed, each marked with a synthetic filter so that
 * a search reads one of them at a time. Pagefind reads the words of every merged index before it
 * filters, so the library index and the documents live in two instances: asking the library
 * which documents hold a word never reads the documents' indexes.
 */

/** Filter values Pagefind knows, with page counts: `{ phan: { 'Chỉ tiêu': 1 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** A Pagefind instance: what `createInstance` returns, as far as we use it. */
export interface PagefindInstance {
  init(): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Filters }): Promise<PagefindResponse | null>;
  filters(): Promise<FilterCounts>;
  destroy(): Promise<void>;
}

/** The module `pagefind.js` exports, as far as we use it. */
export interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** Synthetic filters that tell the merged indexes apart; the search page never shows them. */
export const INDEX_FILTERS = {
  /** The document an index holds: `{ 'van-ban': [slug] }`. */
  document: 'van-ban',
  /** Which kind of index: the starter, or the library index of documents. */
  kind: 'chi-muc',
} as const;

/** Filter names that are ours, not the page's. */
export const SYNTHETIC_FILTERS: readonly string[] = Object.values(INDEX_FILTERS);

/**
 * At or below this many pages a document is read whole: its page fragments cost less than its
 * index chunk, and every page is a candidate anyway.
 */
export const WHOLE_DOCUMENT_PAGES = 12;

/**
 * Pagefind's ranking for the library index, whose records hold each word once, weighted by how
 * often the document writes it: the weights decide, and a long document is not ranked below a
 * short one for being long.
 */
export const LIBRARY_RANKING = { pageLength: 0, termFrequency: 1 } as const;

/** A document the library index names for a query; its slug is read only when needed. */
export interface RoutedDocument {
  /** The library record's id: stable for the page, so a document opened before is known. */
  id: string;
  score: number;
  slug(): Promise<string>;
  /** Its slug and name, for offering a search inside it. */
  describe(): Promise<{ doc: string; title: string }>;
}

/** The runtime of a page: Pagefind loaded once, an instance for documents and one for the library. */
export class Runtime {
  private readonly instances = new Map<'documents' | 'library', Promise<PagefindInstance>>();
  private readonly merged = new Map<string, Promise<void>>();

  /**
   * `base` is the site's base path, which result URLs keep; `origin` is put before index URLs
   * where relative ones cannot be fetched (Node), and is empty in the browser.
   */
  constructor(
    private readonly pagefind: PagefindModule,
    private readonly base: string,
    private readonly origin = '',
  ) {}

  /** An instance started on the starter index, once; a failed start may be retried. */
  private instance(role: 'documents' | 'library'): Promise<PagefindInstance> {
    let known = this.instances.get(role);
    if (!known) {
      known = (async () => {
        const instance = this.pagefind.createInstance({
          basePath: `${this.origin}${runtimeUrl(this.base)}`,
          baseUrl: withSlash(this.base),
          excerptLength: 0,
          noWorker: true,
        });
        await instance.init();
        return instance;
      })();
      this.instances.set(role, known);
      known.catch(() => this.instances.delete(role));
    }
    return known;
  }

  /** Merges an index into an instance once, marked with `filter`; a failed merge may be retried. */
  private async merge(
    role: 'documents' | 'library',
    url: string,
    filter: Filters,
  ): Promise<PagefindInstance> {
    const instance = await this.instance(role);
    let known = this.merged.get(url);
    if (!known) {
      known = instance.mergeIndex(`${this.origin}${url}`, {
        baseUrl: withSlash(this.base),
        mergeFilter: filter,
        ...(role === 'library' ? { ranking: LIBRARY_RANKING } : {}),
      });
      this.merged.set(url, known);
      known.catch(() => this.merged.delete(url));
    }
    await known;
    return instance;
  }

  /** Starts the instance a scope searches first, so the first keystroke finds it warm. */
  async start(doc?: string): Promise<void> {
    await this.instance(doc ? 'documents' : 'library');
  }

  /**
   * Pagefind limited to one document. A document of few pages answers with all of them, since
   * every page would be read anyway and its index chunk would cost more than its pages; a
   * larger one answers with the pages its index finds for the words.
   */
  document(doc: string): PagefindApi {
    return {
      search: async (term, options) => {
        const filter = { [INDEX_FILTERS.document]: [doc] };
        const instance = await this.merge('documents', indexUrl(this.base, doc), filter);
        const filters = { ...options?.filters, ...filter };
        const all = await instance.search(null, { filters });
        if (term === null || (all?.results.length ?? 0) <= WHOLE_DOCUMENT_PAGES) return all;
        return instance.search(term, { filters });
      },
    };
  }

  /** The documents whose words include every one of `words` (folded), best first. */
  async route(words: string): Promise<RoutedDocument[]> {
    const filter = { [INDEX_FILTERS.kind]: ['thu-vien'] };
    const instance = await this.merge('library', indexUrl(this.base), filter);
    const response = await instance.search(words, { filters: filter });
    return (response?.results ?? []).map((result) => ({
      id: result.id,
      score: result.score,
      slug: async () => slugOf((await result.data()).url),
      describe: async () => {
        const record = await result.data();
        return { doc: slugOf(record.url), title: record.meta['title'] ?? slugOf(record.url) };
      },
    }));
  }

  /** The values of the page's own filters, over the documents opened so far. */
  async filters(): Promise<FilterCounts> {
    const all = await (await this.instance('documents')).filters();
    return Object.fromEntries(
      Object.entries(all).filter(([name]) => !SYNTHETIC_FILTERS.includes(name)),
    );
  }

  /** Ends the instances, releasing what Pagefind holds. */
  async destroy(): Promise<void> {
    for (const instance of this.instances.values()) await (await instance).destroy();
  }
}

/** The document slug of a library record's URL: the last folder, "/nghi-quyet/qn/" → "qn". */
export function slugOf(url: string): string {
  return (
    url
      .replace(/[?#].*$/u, '')
      .replace(/\/+$/u, '')
      .split('/')
      .pop() ?? ''
  );
}
