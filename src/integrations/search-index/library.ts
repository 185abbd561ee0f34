/**
 * The whole library's search: Pagefind's runtime once for the site, an index per document (on
 * this process's service and on helpers'), the library index, and the list of documents.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { LibraryInfoSchema, type DocumentInfo } from '../../search/info';
import { BUNDLE_DIR, LIBRARY_INDEX_DIR, LIBRARY_INFO_PATH } from '../../search/paths';
import { indexDocuments, type IndexedDocument } from './documents';
import { indexInHelper, mergeShares, shareOut } from './helper';
import { writeLibraryIndex } from './library-record';
import { documentSlugs } from './pages';
import { writeRuntime, type IndexReport } from './service';
import { saveIndexed, savedDocument } from './stored';

export interface LibraryReport {
  /** The library index: one record per document. */
  library: IndexReport;
  documents: (IndexReport & { doc: string })[];
}

export interface IndexOptions {
  /**
   * Other processes to index documents beside this one, each on its own Pagefind service: one
   * service works on one index at a time, so a second core needs a second service.
   */
  helpers?: number;
  /**
   * Documents whose index an earlier build wrote and this one keeps: what that build saved in
   * `savedDir` is read rather than indexed again.
   */
  kept?: ReadonlySet<string>;
  /**
   * A folder of per-document folders (the site data's) where what a document's index gives the
   * library is saved when it is indexed, and read back for a kept document.
   */
  savedDir?: string;
  /** Documents already indexed while the pages were written (`streamPages`). */
  indexed?: ReadonlyMap<string, IndexedDocument>;
}

/** Writes the list of the library's documents beside the search page. */
function writeLibraryInfo(siteDir: string, documents: readonly DocumentInfo[]): void {
  const file = path.join(siteDir, ...LIBRARY_INFO_PATH);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(LibraryInfoSchema.parse({ documents })));
}

/**
 * Writes Pagefind's runtime at `<siteDir>/pagefind/`, one index per document at
 * `<siteDir>/<doc>/pagefind/` (index data only), the library index at
 * `<siteDir>/pagefind/library/`, and the documents' search information files, on one Pagefind
 * service that is closed in `finally`, and on `helpers` more in processes of their own. A reader
 * inside a document searches an index that grows with that document, not with the library; a
 * library-wide search first asks the library index which documents hold the words.
 */
export async function indexLibrary(
  siteDir: string,
  { helpers = 0, kept = new Set(), savedDir, indexed: early = new Map() }: IndexOptions = {},
): Promise<LibraryReport> {
  try {
    const runtimePath = path.join(siteDir, BUNDLE_DIR);
    rmSync(runtimePath, { recursive: true, force: true });
    await writeRuntime(runtimePath);
    const slugs = documentSlugs(siteDir);
    const known = new Map(
      savedDir === undefined
        ? []
        : slugs
            .filter((doc) => kept.has(doc))
            .flatMap((doc) => {
              const saved = savedDocument(siteDir, doc, savedDir);
              return saved ? [[doc, saved] as const] : [];
            }),
    );
    const shares = shareOut(
      slugs.filter((doc) => !known.has(doc) && !early.has(doc)),
      helpers + 1,
    );
    const [own = [], ...others] = shares;
    const results = await Promise.all([
      indexDocuments(siteDir, own),
      ...others.map((docs) => indexInHelper(siteDir, docs)),
    ]);
    const made = new Map([
      ...early,
      ...mergeShares(results).map((each) => [each.report.doc, each] as const),
    ]);
    if (savedDir !== undefined) for (const each of made.values()) saveIndexed(savedDir, each);
    const indexed = slugs.flatMap((doc) => known.get(doc) ?? made.get(doc) ?? []);
    const documents = indexed.map((each) => each.report);
    const described = indexed.map((each) => each.info);
    const records = indexed.map((each) => each.record);
    writeLibraryInfo(siteDir, described);
    const libraryPath = path.join(runtimePath, LIBRARY_INDEX_DIR);
    // A site without documents has nothing to search across; an empty index would not load.
    const library =
      records.length > 0
        ? await writeLibraryIndex(libraryPath, records)
        : { filesRead: 0, pageCount: 0, outputPath: libraryPath };
    return { library, documents };
  } finally {
    await pagefind.close();
  }
}
