/**
 * One document's index: its pages written into `<doc>/pagefind/` (index data only), its citable
 * units added to its search information file, and its words kept for the library record.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentInfoSchema, type DocumentInfo, type UnitInfo } from '../../search/info';
import { BUNDLE_DIR, DOCUMENT_INFO_FILE } from '../../search/paths';
import { documentPages, readFragments, unitsOf, wordsMet } from './fragments';
import { documentWords, type LibraryRecord } from './library-record';
import { searchablePages, type IndexedPage } from './pages';
import {
  limiter,
  onLiveService,
  PARALLEL_DOCUMENTS,
  pruneBundle,
  SearchIndexError,
  writeDocumentIndex,
  type IndexReport,
} from './service';

/** What indexing one document gives: its report, its entry in the list, its library record. */
export interface IndexedDocument {
  report: IndexReport & { doc: string };
  info: DocumentInfo;
  record: LibraryRecord;
}

/** What indexing a document's pages gives, before its search information file is completed. */
export interface IndexedPages {
  report: IndexReport & { doc: string };
  units: UnitInfo[];
  words: Map<string, number>;
}

/**
 * Indexes one document's pages (`pages`, as rendered, or else its written files) into
 * `<siteDir>/<doc>/pagefind/` (index data only) on the running Pagefind service; reads nothing
 * the site writes after the document's pages.
 */
export async function indexPages(
  siteDir: string,
  doc: string,
  searchable: readonly IndexedPage[] = searchablePages(siteDir, doc),
): Promise<IndexedPages> {
  const outputPath = path.join(siteDir, doc, BUNDLE_DIR);
  rmSync(outputPath, { recursive: true, force: true });
  const report = await writeDocumentIndex(doc, outputPath, searchable);
  pruneBundle(outputPath, false);
  const fragments = readFragments(outputPath);
  const pages = documentPages(fragments, wordsMet());
  return {
    report: { doc, ...report },
    units: unitsOf(fragments, pages),
    words: documentWords(pages),
  };
}

/**
 * Adds an indexed document's citable units to its `tim-kiem.json`, which the site writes among
 * its last pages, and returns its library record.
 */
export function describeIndexed(siteDir: string, indexed: IndexedPages): IndexedDocument {
  const { report, units, words } = indexed;
  const info = describeDocument(siteDir, report.doc, units);
  return { report, info, record: { doc: report.doc, title: info.title, words } };
}

/**
 * Adds a document's citable units to its `tim-kiem.json` (written by the site with its name and
 * number) and returns the document's entry for the library list.
 */
function describeDocument(siteDir: string, doc: string, units: UnitInfo[]): DocumentInfo {
  const file = path.join(siteDir, doc, DOCUMENT_INFO_FILE);
  if (!existsSync(file)) {
    throw new SearchIndexError(`${file}: missing; the site writes it for every document`);
  }
  const info = DocumentInfoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const described: DocumentInfo = { ...info, units };
  writeFileSync(file, JSON.stringify(described));
  return { doc: info.doc, title: info.title, number: info.number };
}

/**
 * Indexes one document into `<siteDir>/<doc>/pagefind/` (index data only), adds its citable
 * units to its `tim-kiem.json` and returns its library record, on the running Pagefind service.
 */
export async function indexDocument(siteDir: string, doc: string): Promise<IndexedDocument> {
  return describeIndexed(siteDir, await indexPages(siteDir, doc));
}

/** Indexes `docs` on this process's Pagefind service, several at a time, in their order. */
export function indexDocuments(
  siteDir: string,
  docs: readonly string[],
): Promise<IndexedDocument[]> {
  const limit = limiter(PARALLEL_DOCUMENTS);
  return Promise.all(
    docs.map((doc) => limit(() => onLiveService(() => indexDocument(siteDir, doc), doc))),
  );
}
