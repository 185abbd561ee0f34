import { latestOnly, loadSearcher, type FilterCounts } from '../../search/client';
import type { ClauseResult, Filters } from '../../search/engine';
import { resultHref } from '../../search/paths';
import { LABELS, excerptNodes, resultTitle, span } from '../../search/render';

/**
 * The search page: the query and filters live in the URL (`?q=…&phan=…&nhom=…`), so a search is
 * a link one can share and the back button returns to it. Typing replaces the current history
 * entry; submitting or changing a filter adds one.
 */

/** Filters offered on the page, in this order. */
const FILTER_NAMES = ['phan', 'nhom'] as const;

interface State {
  query: string;
  filters: Filters;
}

/** The state a URL describes. */
export function stateFromUrl(search: string): State {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = [value];
  }
  return { query: params.get('q') ?? '', filters };
}

/** The URL query string for a state; empty parts are left out. */
export function urlForState(state: State): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query);
  for (const name of FILTER_NAMES) {
    const value = state.filters[name]?.[0];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query.replace(/\+/g, '%20')}` : '';
}

/** One result: a single link (citation and heading), its page, and the marked excerpt. */
function resultItem(result: ClauseResult, query: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const link = document.createElement('a');
  link.href = resultHref(result.url, query);
  link.className = 'search-result__title';
  link.textContent = resultTitle(result);
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(...excerptNodes(document, result.excerpt));
  item.append(
    link,
    span(document, 'search-result__page', LABELS.onPage(result.pageTitle)),
    excerpt,
  );
  return item;
}

/** Fills a filter's select with the values the index knows, keeping the chosen one. */
function fillSelect(
  select: HTMLSelectElement,
  counts: Record<string, number> | undefined,
  chosen: string,
): void {
  const values = Object.keys(counts ?? {}).sort((a, b) =>
    a.localeCompare(b, 'vi', { numeric: true }),
  );
  if (chosen && !values.includes(chosen)) values.push(chosen);
  const all = new Option(LABELS.filterAll, '');
  select.replaceChildren(all, ...values.map((value) => new Option(value, value)));
  select.value = chosen;
  select.disabled = values.length === 0;
}

/** Wires the search page. */
export function mountSearchPage(form: HTMLFormElement): void {
  const base = form.dataset['base'] ?? '/';
  const input = form.querySelector<HTMLInputElement>('[data-search-page-input]');
  const status = document.querySelector<HTMLElement>('[data-search-page-status]');
  const list = document.querySelector<HTMLElement>('[data-search-results]');
  if (!input || !status || !list) return;
  const selects = new Map(
    FILTER_NAMES.map((name) => [
      name,
      form.querySelector<HTMLSelectElement>(`select[name="${name}"]`),
    ]),
  );
  const run = latestOnly(async (query: string, filters: Filters) =>
    (await loadSearcher(base)).search(query, filters),
  );
  let filterCounts: FilterCounts | undefined;

  const current = (): State => {
    const filters: Filters = {};
    for (const [name, select] of selects) if (select?.value) filters[name] = [select.value];
    return { query: input.value, filters };
  };
  const show = (state: State): void => {
    input.value = state.query;
    for (const [name, select] of selects) {
      if (select) fillSelect(select, filterCounts?.[name], state.filters[name]?.[0] ?? '');
    }
  };
  const loadFilters = async (): Promise<void> => {
    if (filterCounts) return;
    filterCounts = await (await loadSearcher(base)).filters();
    show(current());
  };
  const search = async (): Promise<void> => {
    const state = current();
    if (!state.query.trim()) {
      list.replaceChildren();
      list.dataset['query'] = '';
      status.textContent = LABELS.empty;
      return;
    }
    if (list.childElementCount === 0) status.textContent = LABELS.loading;
    try {
      const outcome = await run(state.query, state.filters);
      if (!outcome.fresh) return;
      list.replaceChildren(...outcome.value.map((result) => resultItem(result, state.query)));
      // Tells scripts and tests which query the list now answers.
      list.dataset['query'] = state.query;
      list.dataset['filters'] = JSON.stringify(state.filters);
      status.textContent =
        outcome.value.length > 0
          ? LABELS.count(outcome.value.length, state.query)
          : LABELS.none(state.query);
      void loadFilters();
    } catch {
      status.textContent = LABELS.unavailable;
    }
  };
  const record = (mode: 'push' | 'replace'): void => {
    const url = `${window.location.pathname}${urlForState(current())}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };

  input.addEventListener('input', () => {
    record('replace');
    void search();
  });
  for (const select of selects.values()) {
    select?.addEventListener('change', () => {
      record('push');
      void search();
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    record('push');
    void search();
  });
  window.addEventListener('popstate', () => {
    show(stateFromUrl(window.location.search));
    void search();
  });
  show(stateFromUrl(window.location.search));
  if (input.value.trim()) void search();
  else status.textContent = LABELS.empty;
}
