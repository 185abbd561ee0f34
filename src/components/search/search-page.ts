import { latestOnly, loadSearcher, type FilterCounts } from '../../search/client';
import type { ClauseResult, Filters, SearchOutcome } from '../../search/engine';
import { resultHref, SCOPE_PARAM, scopeFromParam, scopeInfoUrl } from '../../search/paths';
import { MAX_QUERY_WORDS } from '../../search/query';
import {
  LABELS,
  excerptNodes,
  outcomeStatus,
  resultPlace,
  resultTitle,
  span,
} from '../../search/render';

/**
 * The search page: the query, filters and scope live in the URL (`?q=…&phan=…&nhom=…&vb=…`), so
 * a search is a link one can share and the back button returns to it. Typing replaces the
 * current history entry; submitting or changing a filter adds one. With `vb` the page searches
 * that one document's bundle and says so, with a link to search every resolution.
 */

/** Filters offered on the page, in this order. */
const FILTER_NAMES = ['phan', 'nhom'] as const;

interface State {
  query: string;
  filters: Filters;
  /** The document searched; none: the whole library. */
  doc?: string | undefined;
}

/** The state a URL describes. */
export function stateFromUrl(search: string): State {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = [value];
  }
  return { query: params.get('q') ?? '', filters, doc: scopeFromParam(params.get(SCOPE_PARAM)) };
}

/** The URL query string for a state; empty parts are left out. */
export function urlForState(state: State): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query);
  for (const name of FILTER_NAMES) {
    const value = state.filters[name]?.[0];
    if (value) params.set(name, value);
  }
  if (state.doc) params.set(SCOPE_PARAM, state.doc);
  const query = params.toString();
  return query ? `?${query.replace(/\+/g, '%20')}` : '';
}

/** The name of a document from its small JSON file, or its slug when that cannot be read. */
async function documentName(base: string, doc: string): Promise<string> {
  try {
    const response = await fetch(scopeInfoUrl(base, doc));
    if (!response.ok) return doc;
    const info = (await response.json()) as { title?: unknown };
    return typeof info.title === 'string' && info.title ? info.title : doc;
  } catch {
    return doc;
  }
}

/** One result: a single link (citation and heading), its place, and the marked excerpt. */
function resultItem(result: ClauseResult, query: string, withDocument: boolean): HTMLLIElement {
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
    span(document, 'search-result__page', resultPlace(result, withDocument)),
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
  const scope = document.querySelector<HTMLElement>('[data-search-scope]');
  const scopeName = scope?.querySelector<HTMLElement>('[data-search-scope-name]');
  const scopeAll = scope?.querySelector<HTMLAnchorElement>('[data-search-scope-all]');
  const suggest = document.querySelector<HTMLElement>('[data-search-suggest]');
  const others = document.querySelector<HTMLElement>('[data-search-others]');
  if (!input || !status || !list) return;
  let doc = stateFromUrl(window.location.search).doc;
  const selects = new Map(
    FILTER_NAMES.map((name) => [
      name,
      form.querySelector<HTMLSelectElement>(`select[name="${name}"]`),
    ]),
  );
  const searcher = () => loadSearcher(base, doc);
  const run = latestOnly(async (isCurrent, query: string, filters: Filters) =>
    (await searcher()).search(query, filters, isCurrent),
  );
  let filterCounts: FilterCounts | undefined;

  const current = (): State => {
    const filters: Filters = {};
    for (const [name, select] of selects) if (select?.value) filters[name] = [select.value];
    return { query: input.value, filters, doc };
  };
  /** The line naming the searched resolution, and its link to the same search everywhere. */
  const showScope = (state: State): void => {
    if (!scope || !scopeName || !scopeAll) return;
    scope.hidden = !state.doc;
    scopeAll.href = `${window.location.pathname}${urlForState({ ...state, doc: undefined })}`;
  };
  const nameScope = async (): Promise<void> => {
    if (!doc || !scopeName) return;
    const asked = doc;
    scopeName.textContent = asked;
    const name = await documentName(base, asked);
    if (doc === asked) scopeName.textContent = name;
  };
  const show = (state: State): void => {
    if (state.doc !== doc) {
      doc = state.doc;
      filterCounts = undefined;
      void nameScope();
    }
    showScope(state);
    input.value = state.query;
    for (const [name, select] of selects) {
      if (select) fillSelect(select, filterCounts?.[name], state.filters[name]?.[0] ?? '');
    }
  };
  const loadFilters = async (): Promise<void> => {
    if (filterCounts) return;
    filterCounts = await (await searcher()).filters();
    show(current());
  };
  /** Offers the query without marks when the marks typed found nothing; hides the offer otherwise. */
  const offer = (unaccented: string | undefined, state: State): void => {
    if (!suggest) return;
    suggest.hidden = !unaccented;
    if (!unaccented) {
      suggest.replaceChildren();
      return;
    }
    const link = document.createElement('a');
    link.textContent = unaccented;
    link.href = `${window.location.pathname}${urlForState({ ...state, query: unaccented })}`;
    suggest.replaceChildren(`${LABELS.tryUnaccented} `, link);
  };
  /** Lists the other documents holding the words, each a link to the same search inside it. */
  const offerOthers = async (found: SearchOutcome, state: State): Promise<void> => {
    const list = others?.querySelector('ul');
    if (!others || !list) return;
    const named = !state.doc && found.results.length > 0 ? await found.otherDocuments?.() : [];
    if (current().query !== state.query) return;
    list.replaceChildren(
      ...(named ?? []).map(({ doc: other, title }) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.textContent = title;
        link.href = `${window.location.pathname}${urlForState({ ...state, doc: other })}`;
        item.append(link);
        return item;
      }),
    );
    others.hidden = list.childElementCount === 0;
  };
  const search = async (): Promise<void> => {
    const state = current();
    if (!state.query.trim()) {
      list.replaceChildren();
      list.dataset['query'] = '';
      status.textContent = LABELS.empty;
      offer(undefined, state);
      return;
    }
    if (list.childElementCount === 0) status.textContent = LABELS.loading;
    try {
      const outcome = await run(state.query, state.filters);
      if (!outcome.fresh) return;
      const found = outcome.value;
      list.replaceChildren(
        ...found.results.map((result) => resultItem(result, state.query, !state.doc)),
      );
      status.textContent = outcomeStatus(found, state.query, MAX_QUERY_WORDS);
      offer(found.unaccented, state);
      void offerOthers(found, state).catch(() => undefined);
      // Tells scripts and tests which query the list now answers.
      list.dataset['query'] = state.query;
      list.dataset['filters'] = JSON.stringify(state.filters);
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
    showScope(current());
    void search();
  });
  for (const select of selects.values()) {
    select?.addEventListener('change', () => {
      record('push');
      showScope(current());
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
  void nameScope();
  if (input.value.trim()) void search();
  else status.textContent = LABELS.empty;
}
