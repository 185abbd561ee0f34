import { buildExcerpt, type Segment } from './excerpt';
import { expandQuery, parseQuery } from './query';
import { rankSections } from './rank';
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

/** The part of Pagefind's search API this layer calls. */
export interface PagefindApi {
  search(
    term: string,
    options?: { filters?: Filters },
  ): Promise<{
    results: { id: string; score: number; data(): Promise<PagefindFragment> }[];
  } | null>;
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
}

export interface SearchOptions {
  filters?: Filters;
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

/** True while the last word is still being typed, so it may be the start of a longer syllable. */
export function isOpen(query: string): boolean {
  return !/\s$/u.test(query);
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
  const best = new Map<string, { id: string; score: number; data(): Promise<PagefindFragment> }>();
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
    byPage.set(section.page, [...(byPage.get(section.page) ?? []), section]);
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

/** Searches clauses: expands d/đ, merges Pagefind's pages, ranks their clauses, builds excerpts. */
export async function searchClauses(
  pagefind: PagefindApi,
  query: string,
  options: SearchOptions = {},
  cache: PageCache = new PageCache(),
): Promise<ClauseResult[]> {
  const tokens = parseQuery(query);
  if (tokens.length === 0) return [];
  const pages = await candidatePages(
    pagefind,
    expandQuery(tokens),
    options.filters,
    options.maxPages ?? MAX_PAGES,
  );
  // A page's fragment crosses from Pagefind's worker once; later keystrokes reuse its words.
  const perPage = await Promise.all(
    pages.map(async (page) => cache.known(page.id) ?? cache.sections(page.id, await page.data())),
  );
  const sections = perPage.flat();
  return rankSections(refineByFilters(sections, options.filters), tokens, isOpen(query))
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
      excerpt: buildExcerpt(scored, tokens),
    }));
}
