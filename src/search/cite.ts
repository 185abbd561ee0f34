import { citedDocument, matchUnits, type Citation } from './citation';
import type { CitedOutcome, ClauseResult } from './engine';
import { DocumentInfoSchema, LibraryInfoSchema, type DocumentInfo, type LibraryInfo } from './info';
import { libraryInfoUrl, scopeInfoUrl, withSlash } from './paths';

/**
 * Resolves a citation to the units it names, from the small search information files: the
 * library's list of documents (for a citation naming one) and the document's list of units.
 * Loaded only when a query reads as a citation.
 */

/** Where the search runs: the site's base, and the one document it is scoped to, if any. */
export interface CitationScope {
  base: string;
  doc?: string | undefined;
}

/** Reads JSON files once per page, since every keystroke of a citation needs the same ones. */
export class InfoFiles {
  private readonly loaded = new Map<string, Promise<unknown>>();

  constructor(private readonly fetchJson: (url: string) => Promise<unknown> = defaultFetch) {}

  /** The parsed JSON at a URL; a failed read may be retried. */
  read(url: string): Promise<unknown> {
    let known = this.loaded.get(url);
    if (!known) {
      known = this.fetchJson(url);
      this.loaded.set(url, known);
      known.catch(() => this.loaded.delete(url));
    }
    return known;
  }

  library(base: string): Promise<LibraryInfo> {
    return this.read(libraryInfoUrl(base)).then((json) => LibraryInfoSchema.parse(json));
  }

  document(base: string, doc: string): Promise<DocumentInfo> {
    return this.read(scopeInfoUrl(base, doc)).then((json) => DocumentInfoSchema.parse(json));
  }
}

/** Fetches JSON from the site itself. */
async function defaultFetch(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/** A site-root URL ("/qn/dieu-1/#dieu-1") under the site's base. */
function underBase(base: string, url: string): string {
  return `${withSlash(base).slice(0, -1)}${url}`;
}

/**
 * The document a citation is about: the one it names, else the one searched, else the library's
 * only document; undefined when a citation naming no document meets a library of several.
 */
async function documentOf(
  citation: Citation,
  scope: CitationScope,
  files: InfoFiles,
): Promise<string | { missing: string } | undefined> {
  if (citation.document) {
    const { documents } = await files.library(scope.base);
    const found = citedDocument(citation.document, documents);
    return found ? found.doc : { missing: citation.document.text };
  }
  if (scope.doc) return scope.doc;
  const { documents } = await files.library(scope.base);
  return documents.length === 1 ? documents[0]?.doc : undefined;
}

/** The units a citation names, as results that come before any text match. */
export async function resolveCitation(
  citation: Citation,
  scope: CitationScope,
  files: InfoFiles,
): Promise<CitedOutcome> {
  const doc = await documentOf(citation, scope, files);
  if (doc === undefined) return { results: [] };
  if (typeof doc !== 'string') return { results: [], missing: doc.missing };
  const info = await files.document(scope.base, doc);
  const results = matchUnits(citation, info.units ?? []).map((unit): ClauseResult => ({
    id: unit.id,
    url: underBase(scope.base, unit.url),
    pageUrl: underBase(scope.base, unit.url.replace(/#.*$/u, '')),
    pageTitle: unit.page,
    documentTitle: info.title,
    citation: unit.citation,
    heading: unit.heading,
    score: Number.POSITIVE_INFINITY,
    excerpt: [{ text: unit.excerpt, mark: false }],
    cited: true,
  }));
  return { results };
}
