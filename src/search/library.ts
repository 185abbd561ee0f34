import {
  PageCache,
  searchClauses,
  type PagefindApi,
  type SearchOptions,
  type SearchOutcome,
} from './engine';
import { parseQuery } from './query';
import type { RoutedDocument } from './runtime';

/**
 * Search across the library in two steps: the library index (one record per document, each of
 * its words once) names the documents that hold every word, then the best of them are searched
 * clause by clause like a single document. A library of a thousand resolutions then costs a
 * query the library index's small metadata and one document, not the metadata of every page.
 */

/** What the library search needs from Pagefind. */
export interface LibraryIndex {
  /** The documents whose words include every one of `words` (folded keys), best first. */
  route(words: string): Promise<RoutedDocument[]>;
  /** Pagefind limited to one document. */
  document(doc: string): PagefindApi;
}

/** Documents opened in turn until one holds the query as typed (marks, phrases). */
export const OPENED_DOCUMENTS = 3;

/**
 * A document already opened keeps its place while it scores at least this share of the best:
 * the next keystroke then reads pages it has, instead of a new document that scores the same.
 */
export const KEEP_OPENED = 0.9;

/** The library records of the documents opened so far, by id, with their slugs. */
export class OpenedDocuments {
  private readonly slugs = new Map<string, string>();

  /** The routed documents to open, in order: an opened one scoring near the best first. */
  order(routed: readonly RoutedDocument[]): RoutedDocument[] {
    const best = routed[0]?.score ?? 0;
    const kept = routed.find((doc) => this.slugs.has(doc.id) && doc.score >= best * KEEP_OPENED);
    return kept ? [kept, ...routed.filter((doc) => doc !== kept)] : [...routed];
  }

  /** The slug of a routed document, remembered as opened. */
  async open(doc: RoutedDocument): Promise<string> {
    const known = this.slugs.get(doc.id);
    if (known) return known;
    const slug = await doc.slug();
    this.slugs.set(doc.id, slug);
    return slug;
  }
}

/** Other documents holding the words, offered for a search inside each. */
export const OTHER_DOCUMENTS = 5;

/** Answers nothing: a search over no document still says why it found nothing. */
const NOWHERE: PagefindApi = { search: () => Promise.resolve({ results: [] }) };

/**
 * A word of fewer letters than this does not route: one letter ("d" while "duong" is being
 * typed, "a" of "điểm a") names words in many chunks of the library index and narrows the
 * documents hardly at all. The documents opened still must hold it.
 */
export const MIN_ROUTED_LETTERS = 2;

/** The words the library index is asked for: each query word folded, once, short ones left out. */
export function routeWords(text: string): string {
  const words = parseQuery(text).words.flatMap((word) => word.parts);
  return [...new Set(words.filter((word) => word.length >= MIN_ROUTED_LETTERS))].join(' ');
}

/** True when a search's best clause is a cited unit or holds the words as they were typed. */
function answersAsTyped(outcome: SearchOutcome): boolean {
  const best = outcome.results[0];
  return best !== undefined && (best.cited === true || best.together !== false);
}

/**
 * Searches the library: the documents the library index names, in its order (at most
 * `OPENED_DOCUMENTS`), until one answers with a clause holding the words together as typed; the
 * first that answers at all is kept when none does, since the library index knows which
 * documents hold the words, not which hold them side by side. The outcome offers the other
 * documents named, those opened without an answer left out.
 */
export async function searchLibrary(
  library: LibraryIndex,
  text: string,
  options: SearchOptions = {},
  cache: PageCache = new PageCache(),
  opened: OpenedDocuments = new OpenedDocuments(),
): Promise<SearchOutcome> {
  const words = routeWords(text);
  const current = options.isCurrent ?? (() => true);
  const routed = words && current() ? opened.order(await library.route(words)) : [];
  const documents: string[] = [];
  const unanswered = new Set<RoutedDocument>();
  let chosen: { doc: RoutedDocument; outcome: SearchOutcome } | undefined;
  let last: SearchOutcome | undefined;
  for (const doc of routed.slice(0, OPENED_DOCUMENTS)) {
    if (!current()) break;
    const slug = await opened.open(doc);
    documents.push(slug);
    last = await searchClauses(library.document(slug), text, options, cache);
    if (last.stale) break;
    if (last.results.length === 0) unanswered.add(doc);
    else if (answersAsTyped(last)) {
      chosen = { doc, outcome: last };
      break;
    } else chosen ??= { doc, outcome: last };
  }
  const outcome =
    (last?.stale ? last : chosen?.outcome) ??
    last ??
    (await searchClauses(NOWHERE, text, options, cache));
  const others = routed
    .filter((doc) => doc !== chosen?.doc && !unanswered.has(doc))
    .slice(0, OTHER_DOCUMENTS);
  return {
    ...outcome,
    documents,
    matchingDocuments: routed.length,
    otherDocuments: () => Promise.all(others.map((doc) => doc.describe())),
  };
}
