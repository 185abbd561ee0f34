import { highlightWords } from '../../search/highlight';
import { HIGHLIGHT_PARAM } from '../../search/paths';

/**
 * On a page opened from a search result: marks the query's words inside the clause the link
 * points at (or the reading area when there is no fragment).
 */
export function highlightFromUrl(): number {
  const query = new URLSearchParams(window.location.search).get(HIGHLIGHT_PARAM) ?? '';
  if (!query.trim()) return 0;
  const id = decodeURIComponent(window.location.hash.slice(1));
  const scope =
    (id && document.getElementById(id)) ||
    document.querySelector('[data-pagefind-body]') ||
    document.querySelector('main');
  return scope ? highlightWords(scope, query) : 0;
}
