/**
 * The library index: one record per document, each of its words once, weighted by how often
 * the document writes it, so a library-wide search learns which documents to open.
 */
import { foldedKey } from '../../lib/text/fold';
import type { PageWords } from '../../search/sections';
import { check, indexedPages, pruneBundle, withIndex, type IndexReport } from './service';

/**
 * Escapes text for an HTML text node: only `&`, `<` and `>`. Not `escapeText` (`lib/html`):
 * Pagefind ends each paragraph of its stored text with a full stop, but not one whose HTML
 * ends in `&quot;`, so quotes written as references would change the stored record.
 */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Every word of a document, folded and in one spelling, as the library index holds it (a whole
 * written word, "57nqtw", and the words inside it, "57", "nq", "tw"), with how many times it is
 * written.
 */
export function documentWords(pages: readonly PageWords[]): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (key: string): void => {
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const page of pages) {
    for (const { folded, parts } of page.keys) {
      count(folded);
      // Each key once per written word: a part that repeats the word, or an earlier part, is not new.
      parts.forEach((part, i) => {
        if (part !== folded && parts.indexOf(part) === i) count(part);
      });
    }
  }
  return counts;
}

/** Pagefind's highest `data-pagefind-weight`. */
const MAX_WEIGHT = 10;

/**
 * The weight of a word written `count` times: 1, and one more each time the count doubles, so a
 * document that is about a word ranks above one that mentions it once.
 */
export function wordWeight(count: number): number {
  return Math.min(MAX_WEIGHT, 1 + Math.floor(Math.log2(Math.max(1, count))));
}

/**
 * How many mentions a word of the title counts for: a document named for a word ranks as one
 * that writes it often, without a title word outweighing a document that is about the query.
 */
const TITLE_MENTIONS = 8;

/**
 * The library index's record of a document: its name as the result's title (metadata, not
 * indexed), then each of its words once, in paragraphs weighted by how often the document writes
 * them, a title word counting `TITLE_MENTIONS` more. One record per document, each word once,
 * keeps the index's metadata, which every library search loads, small.
 */
export function libraryRecord(title: string, words: ReadonlyMap<string, number>): string {
  const counts = new Map(words);
  for (const word of new Set(title.split(/\s+/u).map(foldedKey).filter(Boolean))) {
    counts.set(word, (counts.get(word) ?? 0) + TITLE_MENTIONS);
  }
  const byWeight = new Map<number, string[]>();
  for (const [word, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const weight = wordWeight(count);
    const list = byWeight.get(weight);
    if (list) list.push(word);
    else byWeight.set(weight, [word]);
  }
  const paragraphs = [...byWeight]
    .sort(([a], [b]) => b - a)
    .map(
      ([weight, list]) => `<p data-pagefind-weight="${weight}">${escapeHtml(list.join(' '))}</p>`,
    )
    .join('');
  const name = escapeHtml(title).replace(/"/g, '&quot;');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${name}</title><meta data-pagefind-meta="title[content]" content="${name}"></head><body>${paragraphs}</body></html>`;
}

/** A document as the library index records it. */
export interface LibraryRecord {
  doc: string;
  title: string;
  /** Its words, folded, with how many times each is written. */
  words: ReadonlyMap<string, number>;
}

/** Writes the library index: one record per document at `/<doc>/`. */
export async function writeLibraryIndex(
  outputPath: string,
  documents: readonly LibraryRecord[],
): Promise<IndexReport> {
  const { written } = await withIndex(outputPath, async (index) => {
    for (const { doc, title, words } of documents) {
      const added = await index.addHTMLFile({
        url: `/${doc}/`,
        content: libraryRecord(title, words),
      });
      check(`addHTMLFile(library record of ${doc})`, added.errors);
    }
  });
  pruneBundle(outputPath, false);
  return { filesRead: documents.length, pageCount: indexedPages(written), outputPath: written };
}
