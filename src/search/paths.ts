/**
 * Where the search bundle and page live under Astro's `base`, in one place for the build step
 * and the browser, so that deploying under a sub-path moves both together.
 */

/** Adds the trailing slash Astro's `base` may lack: "/docs" and "/docs/" both give "/docs/". */
export function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * Name of the folder of Pagefind files: at the site's root (the runtime, with the library index
 * in `library/`) and in every document's folder (that document's index).
 */
export const BUNDLE_DIR = 'pagefind';

/** Folder of the library index inside the runtime folder. */
export const LIBRARY_INDEX_DIR = 'library';

/** The URL folder of Pagefind's script and WebAssembly, one copy for the whole site. */
export function runtimeUrl(base: string): string {
  return `${withSlash(base)}${BUNDLE_DIR}/`;
}

/**
 * The URL folder of an index: with `doc`, the one that indexes only that document, so a reader
 * of one resolution downloads an index the size of it; without, the library index, one record
 * per document.
 */
export function indexUrl(base: string, doc?: string): string {
  return doc
    ? `${withSlash(base)}${doc}/${BUNDLE_DIR}/`
    : `${runtimeUrl(base)}${LIBRARY_INDEX_DIR}/`;
}

/** The search-page parameter naming the one document (văn bản) a search is scoped to. */
export const SCOPE_PARAM = 'vb';

/**
 * The search page's URL for a query; the query lives in `?q=` so a search is a shareable link,
 * and `?vb=` keeps a search started inside a document scoped to it.
 */
export function searchPageUrl(base: string, query: string, doc?: string): string {
  const page = `${withSlash(base)}tim-kiem/`;
  const params: string[] = [];
  if (query.trim()) params.push(`q=${encodeURIComponent(query.trim())}`);
  if (doc) params.push(`${SCOPE_PARAM}=${encodeURIComponent(doc)}`);
  return params.length > 0 ? `${page}?${params.join('&')}` : page;
}

/** Name of a document's search information file, beside its pages: `<doc>/tim-kiem.json`. */
export const DOCUMENT_INFO_FILE = 'tim-kiem.json';

/** The small JSON file naming a document and its citable units: `<doc>/tim-kiem.json`. */
export function scopeInfoUrl(base: string, doc: string): string {
  return `${withSlash(base)}${doc}/${DOCUMENT_INFO_FILE}`;
}

/** Folder and name of the list of the library's documents, beside the search page. */
export const LIBRARY_INFO_PATH = ['tim-kiem', 'van-ban.json'] as const;

/** The list of the library's documents with their numbers, for citations that name one. */
export function libraryInfoUrl(base: string): string {
  return `${withSlash(base)}${LIBRARY_INFO_PATH.join('/')}`;
}

/** A document slug from a URL parameter, or undefined when it could not name a folder. */
export function scopeFromParam(value: string | null | undefined): string | undefined {
  return value && /^[\w-][\w.-]*$/.test(value) ? value : undefined;
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
