import { foldedKey, spelledLetters } from '../lib/text/fold';
import { WORD_SEPARATOR, wordParts } from './words';

/**
 * Cuts a Pagefind page fragment into clause sections the way Pagefind cuts sub-results: a
 * section runs from an element with an id and `data-pagefind-title` to the next such element.
 * We recompute them because ranking needs every word of a clause, not a 30-word excerpt.
 */

/** The fields of a Pagefind fragment (the value of `result.data()`) that we rely on. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  title?: string;
  location: number;
}

export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  anchors?: PagefindAnchor[];
  filters?: Record<string, string[]>;
}

/** A page's words with their match keys, computed once per page and reused across keystrokes. */
export interface PageWords {
  url: string;
  title: string;
  /** The resolution the page belongs to (Pagefind meta `vb`), named in library-wide results. */
  documentTitle: string;
  filters: Record<string, string[]>;
  raw: string[];
  keys: string[];
  parts: string[][];
  exact: string[];
  /** Position among words that have a letter or digit, so "sản - Kỳ" counts as adjacent. */
  ordinal: number[];
}

export interface Section {
  page: PageWords;
  /** The element id the result lands on; empty for text before the page's first clause. */
  id: string;
  url: string;
  /** The whole `data-pagefind-title`: "Điều 1 › 3.1 › điểm b — Phát triển dịch vụ…". */
  title: string;
  citation: string;
  heading: string;
  start: number;
  end: number;
}

/** Splits the title convention "<citation> — <short heading>" into its two halves. */
export function splitTitle(title: string): { citation: string; heading: string } {
  const at = title.indexOf(' — ');
  return at < 0
    ? { citation: title.trim(), heading: '' }
    : { citation: title.slice(0, at).trim(), heading: title.slice(at + 3).trim() };
}

/** Tokenises a page once: Pagefind's anchor locations index these whitespace-split words. */
export function pageWords(fragment: PagefindFragment): PageWords {
  const raw = fragment.content.replace(/\u200B/g, '').split(WORD_SEPARATOR);
  if (raw[0] === '') raw.shift();
  const keys = raw.map(foldedKey);
  let count = 0;
  return {
    url: fragment.url,
    title: fragment.meta['title'] ?? '',
    documentTitle: fragment.meta['vb'] ?? '',
    filters: fragment.filters ?? {},
    raw,
    keys,
    parts: raw.map(wordParts),
    exact: raw.map(spelledLetters),
    ordinal: keys.map((key) => (key ? count++ : count)),
  };
}

/** Pagefind's rule for an anchor that starts a sub-result: a title, or a heading with text. */
function startsSection(anchor: PagefindAnchor): boolean {
  if (anchor.title && /\S/.test(anchor.title)) return true;
  return /^h\d$/i.test(anchor.element) && Boolean(anchor.text && /\S/.test(anchor.text));
}

/** Joins a page URL and an element id the way a browser would resolve `#id`. */
export function anchorUrl(pageUrl: string, id: string): string {
  const base = pageUrl.replace(/#.*$/, '');
  return id ? `${base}#${encodeURIComponent(id)}` : base;
}

/** The clause sections of a page; the text before the first clause only when there is none. */
export function pageSections(page: PageWords, anchors: readonly PagefindAnchor[]): Section[] {
  const starts = anchors.filter(startsSection).sort((a, b) => a.location - b.location);
  const sections: Section[] = [];
  const first = starts[0];
  if (!first) {
    const { citation, heading } = splitTitle(page.title);
    sections.push({
      page,
      id: '',
      url: page.url,
      title: page.title,
      citation,
      heading,
      start: 0,
      end: page.raw.length,
    });
    return sections;
  }
  starts.forEach((anchor, index) => {
    // An element whose first child starts at once owns no words but stays, as an ancestor.
    const end = Math.max(anchor.location, starts[index + 1]?.location ?? page.raw.length);
    const title = anchor.title?.trim() || anchor.text?.trim() || anchor.id;
    const { citation, heading } = splitTitle(title);
    sections.push({
      page,
      id: anchor.id,
      url: anchorUrl(page.url, anchor.id),
      title,
      citation,
      heading,
      start: anchor.location,
      end,
    });
  });
  return sections;
}
