import { wordKeys, type WordKeys } from './words';

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
  keys: WordKeys[];
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
  /** Starts at an element with a search title: a unit a citation can name. */
  titled: boolean;
}

/** Splits the title convention "<citation> — <short heading>" into its two halves. */
export function splitTitle(title: string): { citation: string; heading: string } {
  const at = title.indexOf(' — ');
  return at < 0
    ? { citation: title.trim(), heading: '' }
    : { citation: title.slice(0, at).trim(), heading: title.slice(at + 3).trim() };
}

/** Pagefind splits page content on this; anchor locations count words split the same way. */
export const WORD_SEPARATOR = /[^\S\uFEFF]+/u;

/**
 * Tokenises a page once: Pagefind's anchor locations index these whitespace-split words. `known`
 * shares the keys of written words between pages of one document.
 */
export function pageWords(
  fragment: PagefindFragment,
  known: Map<string, WordKeys> = new Map(),
): PageWords {
  const raw = fragment.content.replace(/\u200B/g, '').split(WORD_SEPARATOR);
  if (raw[0] === '') raw.shift();
  // A page says "phát triển" many times: each written form is keyed once.
  const keys = raw.map((word) => {
    let keyed = known.get(word);
    if (!keyed) {
      keyed = wordKeys(word);
      known.set(word, keyed);
    }
    return keyed;
  });
  let count = 0;
  return {
    url: fragment.url,
    title: fragment.meta['title'] ?? '',
    documentTitle: fragment.meta['vb'] ?? '',
    filters: fragment.filters ?? {},
    raw,
    keys,
    ordinal: keys.map((key) => (key.folded ? count++ : count)),
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

/**
 * The words before a page's first clause (a document's title block and its recitals, "Căn cứ
 * …"), cut at the elements with ids that hold them, so they are found and land where they are;
 * one section landing on the page when no element has an id.
 */
function leadingSections(
  page: PageWords,
  anchors: readonly PagefindAnchor[],
  end: number,
): Section[] {
  const { citation, heading } = splitTitle(page.title);
  const plain = { page, title: page.title, citation, heading, titled: false };
  const starts = anchors
    .filter((anchor) => anchor.id && anchor.location < end)
    .sort((a, b) => a.location - b.location)
    .filter(
      (anchor, index, all) => index === 0 || anchor.location > (all[index - 1]?.location ?? -1),
    );
  if (starts.length === 0) return [{ ...plain, id: '', url: page.url, start: 0, end }];
  return starts.map((anchor, index) => ({
    ...plain,
    id: anchor.id,
    url: anchorUrl(page.url, anchor.id),
    start: index === 0 ? 0 : anchor.location,
    end: starts[index + 1]?.location ?? end,
  }));
}

/** The clause sections of a page, and the words before its first clause. */
export function pageSections(page: PageWords, anchors: readonly PagefindAnchor[]): Section[] {
  const starts = anchors.filter(startsSection).sort((a, b) => a.location - b.location);
  const lead = starts[0]?.location ?? page.raw.length;
  const sections = lead > 0 ? leadingSections(page, anchors, lead) : [];
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
      titled: true,
    });
  });
  return sections;
}
