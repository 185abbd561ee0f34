/**
 * An indexed document in the form it is stored: a helper's answer line, or the record a build
 * saves beside a document's site data for a later build that keeps its index.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DocumentInfoSchema } from '../../search/info';
import { BUNDLE_DIR } from '../../search/paths';
import type { IndexedDocument } from './documents';

/** A pair of a word and how many times a document writes it. */
type WordCount = [string, number];

/** True for a word and a count of at least one. */
function isWordCount(pair: unknown): pair is WordCount {
  return (
    Array.isArray(pair) &&
    pair.length === 2 &&
    typeof pair[0] === 'string' &&
    Number.isInteger(pair[1]) &&
    (pair[1] as number) > 0
  );
}

/**
 * A document's words with their counts, checked pair by pair in one loop: a schema per pair
 * took a second and a half of the build's end at 1,000 documents.
 */
const WordCountsSchema = z.custom<WordCount[]>(
  (value) => Array.isArray(value) && value.every(isWordCount),
  'words: expected [word, count] pairs, each count a whole number from 1',
);

/**
 * An indexed document as it is stored: a helper's answer, or the record saved for a later build
 * that keeps the document's index. JSON has no maps, so its words are pairs.
 */
export const StoredDocumentSchema = z
  .object({
    doc: z.string(),
    filesRead: z.number().int().nonnegative(),
    pageCount: z.number().int().nonnegative(),
    info: DocumentInfoSchema.pick({ doc: true, title: true, number: true }),
    words: WordCountsSchema,
  })
  .strict();
type StoredDocument = z.infer<typeof StoredDocumentSchema>;

/** An indexed document in its stored form. */
function storedDocument({ report, info, record }: IndexedDocument): StoredDocument {
  const { doc, filesRead, pageCount } = report;
  return { doc, filesRead, pageCount, info, words: [...record.words] };
}

/** An indexed document from its stored form, its index under `siteDir`. */
export function fromStored(siteDir: string, stored: StoredDocument): IndexedDocument {
  const { doc, filesRead, pageCount, info, words } = stored;
  const outputPath = path.join(siteDir, doc, BUNDLE_DIR);
  return {
    report: { doc, filesRead, pageCount, outputPath },
    info,
    record: { doc, title: info.title, words: new Map(words) },
  };
}

/**
 * One line of a helper's answer: an indexed document in its stored form. A line per document
 * keeps a large library's answer from being one string, read and checked all at once.
 */
export function documentLine(indexed: IndexedDocument): string {
  return `${JSON.stringify(storedDocument(indexed))}\n`;
}

/** The file a document's stored search record is saved in, in its site-data folder. */
const SAVED_FILE = 'search-record.json';

/**
 * Saves what indexing a document gave, for a later build that keeps its index; a document
 * without a site-data folder (a site indexed outside a build) has nowhere to keep it.
 */
export function saveIndexed(savedDir: string, indexed: IndexedDocument): void {
  const folder = path.join(savedDir, indexed.report.doc);
  if (!existsSync(folder)) return;
  // Made here from typed values; it is checked where it is read back (`savedDocument`).
  writeFileSync(path.join(folder, SAVED_FILE), JSON.stringify(storedDocument(indexed)));
}

/**
 * A kept document as the build that indexed it saved it, or null when nothing readable was
 * saved (none, or a file that is not JSON or not a record): then it is indexed again from its
 * kept pages, and saved anew.
 */
export function savedDocument(
  siteDir: string,
  doc: string,
  savedDir: string,
): IndexedDocument | null {
  const file = path.join(savedDir, doc, SAVED_FILE);
  if (!existsSync(file)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const stored = StoredDocumentSchema.safeParse(data);
  return stored.success ? fromStored(siteDir, stored.data) : null;
}
