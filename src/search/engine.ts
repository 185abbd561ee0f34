import { parseCitation, type Citation } from './citation';
import { buildExcerpt, type Segment } from './excerpt';
import { pagefindQueries, parseQuery, unaccentedQuery } from './query';
import { QUALITY } from './match';
import { adjacency, rankSections, type Scored } from './rank';
import { fold } from '../lib/text/fold';
import {
  pageSections,
  pageWords,
  splitTitle,
  type PageWords,
  type PagefindFragment,
  type Section,
} from './sections';

/**
 * The search layer over `pagefind.js`: Pagefind finds candidate pages for every d/đ spelling of
 * the query, we read those pages' clauses and rank the clauses ourselves. Pagefind is passed in,
 * so the same code runs in the browser and, in tests, against a real index in Node.
 */

export type Filters = Record<string, string[]>;

/** One page Pagefind found, with its fragment on demand. */
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

/** What Pagefind's `search` answers, as far as we use it. */
export interface PagefindResponse {
  results: PagefindResult[];
}

/** The part of Pagefind's search API this layer calls; a null term asks for every page. */
export interface PagefindApi {
  search(term: string | null, options?: { filters?: Filters }): Promise<PagefindResponse | null>;
}

export interface ClauseResult {
  id: string;
  url: string;
  pageUrl: string;
  pageTitle: string;
  /** The resolution holding the clause; empty for pages indexed without one. */
  documentTitle: string;
  citation: string;
  heading: string;
  score: number;
  excerpt: Segment[];
  /** Found because the query cites this unit, not by its words. */
  cited?: boolean;
  /** Every query word found as written (not as the start of a longer word), each next to the one typed after it. */
  together?: boolean;
}

/** What a citation found. */
export interface CitedOutcome {
  results: ClauseResult[];
  /** The document reference as typed, when it names no document of the library. */
  missing?: string;
}

/** What a search found, and what the reader should be told about it. */
export interface SearchOutcome {
  results: ClauseResult[];
  /**
   * Set when words typed with marks found nothing: the same query without marks, which the
   * page offers as a link rather than silently showing folded matches.
   */
  unaccented?: string;
  /** Set when the query was cut to its first words or characters. */
  truncated?: boolean;
  /** Set when the query holds no letter or digit to search for ("…", a lone quote). */
  noWords?: boolean;
  /** The document a citation named, as typed, when the library does not hold it. */
  missingDocument?: string;
  /** A library-wide search: the documents opened for it, as slugs, in order. */
  documents?: string[];
  /** A library-wide search: how many documents hold every word. */
  matchingDocuments?: number;
  /** A library-wide search: the next documents holding the words, read only when shown. */
  otherDocuments?: () => Promise<{ doc: string; title: string }[]>;
  /** A newer query started before this one finished; nothing should be shown for it. */
  stale?: boolean;
}

export interface SearchOptions {
  filters?: Filters;
  /** Resolves a query that reads as a citation to the units it names; none: no citations. */
  cite?: (citation: Citation) => Promise<CitedOutcome>;
  /**
   * False once a newer query has started: the search then stops before downloading pages, so
   * keystrokes typed faster than the network do not each fetch their own fragments.
   */
  isCurrent?: () => boolean;
  /** Pages whose fragments are read; bounds the bytes one query downloads on a large site. */
  maxPages?: number;
  limit?: number;
}

/** Pages read per query: enough for a resolution's sections, few enough for a phone. */
export const MAX_PAGES = 12;
/** Results shown; nobody reads past this in a list of clauses. */
export const MAX_RESULTS = 30;

/** Keeps tokenised pages across keystrokes; Pagefind re-sends fragments from its worker each time. */
export class PageCache {
  private readonly pages = new Map<string, { words: PageWords; sections: Section[] }>();

  /** The sections of a page seen before, without asking Pagefind for its fragment again. */
  known(id: string): Section[] | undefined {
    return this.pages.get(id)?.sections;
  }

  /** The sections of a fragment, tokenised on first sight. */
  sections(id: string, fragment: PagefindFragment): Section[] {
    let entry = this.pages.get(id);
    if (!entry) {
      const words = pageWords(fragment);
      entry = { words, sections: pageSections(words, fragment.anchors ?? []) };
      this.pages.set(id, entry);
    }
    return entry.sections;
  }
}

/** Runs every spelling, keeps each page's best Pagefind score, and returns the best pages. */
async function candidatePages(
  pagefind: PagefindApi,
  variants: readonly string[],
  filters: Filters | undefined,
  maxPages: number,
) {
  const responses = await Promise.all(
    variants.map((variant) => pagefind.search(variant, filters ? { filters } : {})),
  );
  const best = new Map<string, PagefindResult>();
  for (const response of responses) {
    for (const result of response?.results ?? []) {
      const known = best.get(result.id);
      if (!known || result.score > known.score) best.set(result.id, result);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, maxPages);
}

/** Folded text for comparing a filter value with a title: "Xã hội" is in "… — Về xã hội". */
function folded(text: string): string {
  return fold(text).replace(/\s+/gu, ' ').trim();
}

/** The section and the titled sections of its page that contain it, outermost first. */
function chainOf(section: Section, pageSections: readonly Section[]): Section[] {
  const ancestors = pageSections.filter(
    (other) => other !== section && section.citation.startsWith(`${other.citation} › `),
  );
  return [...ancestors.sort((a, b) => a.citation.length - b.citation.length), section];
}

/**
 * The value of a filter a section belongs to on a page that holds several: the one named by the
 * outermost title in its chain, since groups contain clauses ("Về xã hội" holds target 14),
 * while a clause may mention another group's words ("năng suất lao động xã hội").
 */
export function groupOf(
  section: Section,
  pageSections: readonly Section[],
  values: readonly string[],
): string | undefined {
  for (const link of chainOf(section, pageSections)) {
    const heading = folded(splitTitle(link.title).heading);
    const named = values.filter((value) => heading.includes(folded(value)));
    if (named.length > 0) return named.sort((a, b) => b.length - a.length)[0];
  }
  return undefined;
}

/**
 * Pagefind filters pages, not clauses. A page holding several groups (the targets page holds
 * kinh tế, xã hội and môi trường) passes a group filter as a whole, so on such pages keep only
 * the clauses of the chosen group.
 */
export function refineByFilters(
  sections: readonly Section[],
  filters: Filters | undefined,
): Section[] {
  const active = Object.entries(filters ?? {}).filter(([, values]) => values.length > 0);
  if (active.length === 0) return [...sections];
  const byPage = new Map<PageWords, Section[]>();
  for (const section of sections) {
    const list = byPage.get(section.page);
    if (list) list.push(section);
    else byPage.set(section.page, [section]);
  }
  return sections.filter((section) =>
    active.every(([name, chosen]) => {
      const values = section.page.filters[name] ?? [];
      if (values.length < 2) return true;
      const group = groupOf(section, byPage.get(section.page) ?? [], values);
      return group !== undefined && chosen.some((value) => folded(value) === folded(group));
    }),
  );
}

/**
 * Searches clauses: a query that reads as a citation first lands on the units it names; then
 * Pagefind is asked for every accepted spelling of the words, its pages are merged, their
 * clauses ranked by the query's rules, and excerpts built.
 */
export async function searchClauses(
  pagefind: PagefindApi,
  text: string,
  options: SearchOptions = {},
  cache: PageCache = new PageCache(),
): Promise<SearchOutcome> {
  const citation = options.cite ? parseCitation(text) : null;
  const cited = citation && options.cite ? await options.cite(citation) : undefined;
  // A document the library lacks is still worth finding where the texts mention it.
  const words = cited?.missing ?? text;
  const found = await searchWords(pagefind, words, options, cache);
  const limit = options.limit ?? MAX_RESULTS;
  const first = cited?.results ?? [];
  const urls = new Set(first.map((result) => result.url));
  const results = [...first, ...found.results.filter((result) => !urls.has(result.url))];
  const outcome: SearchOutcome = { ...found, results: results.slice(0, limit) };
  // A citation that landed, or named a document the library lacks, is not a spelling problem.
  if (first.length > 0 || cited?.missing) delete outcome.unaccented;
  if (cited?.missing) outcome.missingDocument = cited.missing;
  return outcome;
}

/**
 * True when every query word stands in the clause as a written word (the start of a longer word
 * being typed does not count), each next to the one typed after it.
 */
function standTogether(scored: Scored, words: number): boolean {
  const whole = scored.hits.filter((hit) => hit.quality > QUALITY.typing);
  return adjacency(whole, scored.section.page.ordinal, words) === 1;
}

/** The text search: clauses holding the query's words, ranked. */
async function searchWords(
  pagefind: PagefindApi,
  text: string,
  options: SearchOptions,
  cache: PageCache,
): Promise<SearchOutcome> {
  const query = parseQuery(text);
  const truncated = query.truncated ? { truncated: true } : {};
  if (query.words.length === 0) return { results: [], noWords: true, ...truncated };
  const current = options.isCurrent ?? (() => true);
  if (!current()) return { results: [], stale: true };
  const pages = await candidatePages(
    pagefind,
    pagefindQueries(query),
    options.filters,
    options.maxPages ?? MAX_PAGES,
  );
  if (!current()) return { results: [], stale: true };
  // A page's fragment crosses from Pagefind's worker once; later keystrokes reuse its words.
  const perPage = await Promise.all(
    pages.map(async (page) => cache.known(page.id) ?? cache.sections(page.id, await page.data())),
  );
  const sections = perPage.flat();
  const results = rankSections(refineByFilters(sections, options.filters), query, query.open)
    .slice(0, options.limit ?? MAX_RESULTS)
    .map((scored) => ({
      id: scored.section.id,
      url: scored.section.url,
      pageUrl: scored.section.page.url,
      pageTitle: scored.section.page.title,
      documentTitle: scored.section.page.documentTitle,
      citation: scored.section.citation,
      heading: scored.section.heading,
      score: scored.score,
      excerpt: buildExcerpt(scored, query, query.open),
      together: standTogether(scored, query.words.length),
    }));
  const marked = query.words.some((word) => word.marked);
  const unaccented = results.length === 0 && marked ? { unaccented: unaccentedQuery(query) } : {};
  return { results, ...unaccented, ...truncated };
}
