/**
 * What a reader's browser downloads for a first search, on a built site of any size: typed in
 * the header on the home page (the library-wide search) and on a resolution's front page (that
 * resolution's own search). Measured in headless Chromium by the browser gates' own helper.
 */
import { join } from 'node:path';
import { launchChromium } from '../../tests/support/chromium.ts';
import { firstQueryBytes } from '../../tests/support/search.ts';
import { startPreview } from '../../tests/support/server.ts';

/** Compressed bytes of a first search. */
export interface FirstSearch {
  /** From the home page: the library-wide search. */
  libraryBytes: number;
  /** From one resolution's front page: its own search. */
  documentBytes: number;
  /** The query typed. */
  query: string;
}

/** The query typed for the figure: one the seed answers, with the `đ` the search layer expands. */
export const FIRST_QUERY = 'dieu duong';

/** First-search bytes of the site built in `dir` (its `dist/`), searching from document `doc`. */
export async function measureFirstSearch(dir: string, doc: string): Promise<FirstSearch> {
  const server = await startPreview(join(dir, 'dist'), dir);
  const browser = await launchChromium();
  try {
    const library = await firstQueryBytes(browser, server.url, FIRST_QUERY);
    const document = await firstQueryBytes(browser, `${server.url}${doc}/`, FIRST_QUERY);
    return { libraryBytes: library.total, documentBytes: document.total, query: FIRST_QUERY };
  } finally {
    await browser.close();
    await server.stop();
  }
}
