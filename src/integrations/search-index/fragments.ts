/**
 * What a written document index gives search: its page fragments read back, tokenised once
 * with the browser's own code, and the citable units cut from them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { UnitInfo } from '../../search/info';
import type { WordKeys } from '../../search/words';
import {
  pageSections,
  pageWords,
  type PagefindFragment,
  type PageWords,
} from '../../search/sections';
import { SearchIndexError } from './service';

/** The first bytes of every decompressed Pagefind file, before its JSON. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/**
 * The page fragments of a written bundle, read back from its `fragment/` files (gzip, then the
 * signature, then JSON: one fragment, or a group of them keyed by page hash).
 */
export function readFragments(outputPath: string): PagefindFragment[] {
  const folder = path.join(outputPath, 'fragment');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .flatMap((file) => {
      const text = gunzipSync(readFileSync(path.join(folder, file))).toString('utf8');
      if (!text.startsWith(PAGEFIND_SIGNATURE)) {
        throw new SearchIndexError(`${path.join(folder, file)}: not a Pagefind fragment`);
      }
      const data = JSON.parse(text.slice(PAGEFIND_SIGNATURE.length)) as
        PagefindFragment | Record<string, PagefindFragment>;
      return typeof data.url === 'string'
        ? [data as PagefindFragment]
        : Object.values(data as Record<string, PagefindFragment>);
    });
}

/** Written words keyed so far in this process, shared by its documents, which repeat one another's words. */
const knownWords = new Map<string, WordKeys>();

/** Written forms kept at most: past it the keys start afresh, so numbers and codes do not pile up. */
const WORDS_KEPT = 200_000;

/** The keys of written words met so far in this process, emptied when they grow past `WORDS_KEPT`. */
export function wordsMet(): Map<string, WordKeys> {
  if (knownWords.size > WORDS_KEPT) knownWords.clear();
  return knownWords;
}

/** Words of a unit shown as its excerpt when a citation finds it. */
const UNIT_EXCERPT_WORDS = 24;

/**
 * A document's pages as search reads them, tokenised once with keys shared between pages (and,
 * given `known`, between documents).
 */
export function documentPages(
  fragments: readonly PagefindFragment[],
  known: Map<string, WordKeys> = new Map(),
): PageWords[] {
  return [...fragments]
    .sort((a, b) => a.url.localeCompare(b.url))
    .map((fragment) => pageWords(fragment, known));
}

/**
 * The citable units of a document's pages, cut from the indexed fragments by the same code the
 * browser ranks with, so a citation result and a text result of the same unit agree.
 */
export function unitsOf(
  fragments: readonly PagefindFragment[],
  pages: readonly PageWords[] = documentPages(fragments),
): UnitInfo[] {
  const anchors = new Map(fragments.map((fragment) => [fragment.url, fragment.anchors ?? []]));
  return pages.flatMap((page) =>
    pageSections(page, anchors.get(page.url) ?? [])
      .filter((section) => section.titled)
      .map((section) => {
        const words = page.raw.slice(section.start, section.end);
        const cut = words.length > UNIT_EXCERPT_WORDS;
        return {
          id: section.id,
          url: section.url,
          citation: section.citation,
          heading: section.heading,
          page: page.title,
          excerpt: `${words.slice(0, UNIT_EXCERPT_WORDS).join(' ')}${cut ? ' …' : ''}`,
        };
      }),
  );
}
