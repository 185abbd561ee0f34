import { latestOnly, loadSearcher } from '../../search/client';
import type { ClauseResult, SearchOutcome } from '../../search/engine';
import { MAX_QUERY_WORDS } from '../../search/query';
import { resultHref, searchPageUrl } from '../../search/paths';
import { LABELS, outcomeStatus, quotedQuery, resultParts } from '../../search/render';

/**
 * The header search box: an ARIA 1.2 combobox whose listbox shows the best clauses as one types.
 * Loaded on the first focus or shortcut, never with the page. Focus stays in the input and the
 * active option is announced through aria-activedescendant, as screen readers expect.
 */

/** Options in the popup; the rest is one keystroke away on the search page. */
const SHOWN = 8;

interface Option {
  id: string;
  href: string;
}

/**
 * Where a listbox option leads: a clause with its words to highlight, then the search page, for
 * the query as typed or, when its marks found nothing, for the query without them.
 */
function optionsFor(
  outcome: SearchOutcome,
  query: string,
  base: string,
  prefix: string,
  doc: string | undefined,
): Option[] {
  const options = outcome.results.slice(0, SHOWN).map((result, index) => ({
    id: `${prefix}-${index}`,
    href: resultHref(result.url, query),
  }));
  options.push({
    id: `${prefix}-all`,
    href: searchPageUrl(base, outcome.unaccented ?? query, doc),
  });
  return options;
}

/** Places the popup under the input, inside the viewport even at 320 px. */
function place(popup: HTMLElement, input: HTMLElement): void {
  const box = input.getBoundingClientRect();
  const width = Math.min(576, window.innerWidth - 16);
  const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
  popup.style.top = `${Math.round(box.bottom + 4)}px`;
  popup.style.left = `${Math.round(left)}px`;
  popup.style.width = `${Math.round(width)}px`;
}

/** Wires the combobox; runs once per page. */
export function mountCombobox(form: HTMLFormElement, input: HTMLInputElement): void {
  const base = form.dataset['base'] ?? '/';
  // On a document's pages: that document's own bundle, and results need not name it.
  const doc = form.dataset['doc'] || undefined;
  const popup = form.querySelector<HTMLElement>('[data-search-popup]');
  const listbox = popup?.querySelector<HTMLElement>('[role="listbox"]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  if (!popup || !listbox || !status) return;
  const prefix = listbox.id || 'search-option';
  const run = latestOnly(async (isCurrent, query: string) =>
    (await loadSearcher(base, doc)).search(query, undefined, isCurrent),
  );
  let options: Option[] = [];
  let active = -1;

  const open = (): void => {
    place(popup, input);
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const close = (): void => {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const activate = (index: number): void => {
    active = index;
    listbox.querySelectorAll('[role="option"]').forEach((option, at) => {
      option.setAttribute('aria-selected', String(at === index));
    });
    const option = options[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      document.getElementById(option.id)?.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const go = (index: number): void => {
    const option = options[index];
    if (option) window.location.assign(option.href);
  };

  const render = (outcome: SearchOutcome, query: string): void => {
    const results: ClauseResult[] = outcome.results;
    options = optionsFor(outcome, query, base, prefix, doc);
    const items = results.slice(0, SHOWN).map((result, index) => {
      const item = document.createElement('li');
      item.id = options[index]?.id ?? '';
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      item.className = 'search-option';
      item.append(...resultParts(document, result, !doc));
      return item;
    });
    const all = document.createElement('li');
    all.id = `${prefix}-all`;
    all.setAttribute('role', 'option');
    all.setAttribute('aria-selected', 'false');
    all.className = 'search-option search-option--all';
    all.textContent =
      results.length > 0
        ? LABELS.more(results.length)
        : outcome.unaccented
          ? `${LABELS.tryUnaccented} ${outcome.unaccented}`
          : LABELS.none(quotedQuery(query));
    listbox.replaceChildren(...items, all);
    listbox.dataset['query'] = query;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const line = outcomeStatus(outcome, query, MAX_QUERY_WORDS);
    status.textContent =
      results.length > 0 || outcome.unaccented ? `${line} ${LABELS.navigate}` : line;
    open();
  };

  const update = async (): Promise<void> => {
    const query = input.value;
    if (!query.trim()) {
      close();
      status.textContent = '';
      return;
    }
    try {
      const outcome = await run(query);
      if (outcome.fresh && input.value === query) render(outcome.value, query);
    } catch {
      status.textContent = LABELS.unavailable;
    }
  };

  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (event) => {
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (popup.hidden) {
        if (count > 0) open();
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      activate(active < 0 && step < 0 ? count - 1 : (active + step + count) % count);
    } else if (event.key === 'Enter' && !popup.hidden && active >= 0) {
      event.preventDefault();
      go(active);
    } else if (event.key === 'Escape') {
      if (!popup.hidden) {
        event.preventDefault();
        close();
      } else if (input.value) {
        input.value = '';
      }
    }
  });
  // A click picks the option without stealing focus from the input first.
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = (event.target as Element).closest('[role="option"]');
    const index = options.findIndex((candidate) => candidate.id === option?.id);
    if (index >= 0) go(index);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && options.length > 0) open();
  });
  // The popup is fixed to the viewport, so it follows the input when the page moves.
  const follow = (): void => {
    if (!popup.hidden) place(popup, input);
  };
  window.addEventListener('resize', follow);
  window.addEventListener('scroll', follow, { passive: true });
  status.textContent = LABELS.loading;
  void loadSearcher(base, doc).then(
    () => {
      if (status.textContent === LABELS.loading) status.textContent = '';
    },
    () => {
      status.textContent = LABELS.unavailable;
    },
  );
  if (input.value.trim()) void update();
}
