import type { Server } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_QUERY } from '../../scripts/bench/first-search.ts';
import { loadBases, makeVariants } from '../../scripts/bench/variants.ts';
import { documentPages } from '../../src/integrations/search-index/fragments';
import {
  documentWords,
  writeLibraryIndex,
  type LibraryRecord,
} from '../../src/integrations/search-index/library-record';
import type { WordKeys } from '../../src/search/words';
import { routeWords } from '../../src/search/library';
import { Runtime, type PagefindModule } from '../../src/search/runtime';
import { LIBRARY_SHARE_BUDGET, isLibraryIndexFile } from '../support/search.ts';
import { PROJECT_ROOT } from '../support/server.ts';
import { serve } from './search-fixture';

/**
 * The library index at 1,000 documents: a library-wide search reads its metadata and the chunks
 * of the words typed, never the whole index, so its share of a first query stays within
 * `LIBRARY_SHARE_BUDGET`. The documents are the benchmark's generated resolutions (the seed and
 * the corpus texts under other provinces, dates and figures), their words taken by the build's
 * own code; the index is written by the build's own step and read by the browser's runtime.
 */

const DOCUMENTS = 1000;

let root: string;
let server: Server;
let url: string;
/** Site-relative paths served, with the bytes each would cost compressed. */
const served = new Map<string, number>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'search-library-weight-'));
  const known = new Map<string, WordKeys>();
  const records: LibraryRecord[] = makeVariants(loadBases(PROJECT_ROOT), DOCUMENTS).map(
    (variant) => {
      const fragment = { url: `/${variant.slug}/`, content: variant.text, meta: {}, anchors: [] };
      const title = variant.text.split('\n').find((line) => line.trim()) ?? variant.slug;
      return { doc: variant.slug, title, words: documentWords(documentPages([fragment], known)) };
    },
  );
  try {
    await writeLibraryIndex(join(root, 'pagefind', 'library'), records);
    // The runtime the site ships, written beside it the same way.
    const runtime = await pagefind.createIndex({});
    await runtime.index?.addCustomRecord({ url: '/', content: 'pagefind', language: 'vi' });
    await runtime.index?.writeFiles({ outputPath: join(root, 'pagefind') });
  } finally {
    await pagefind.close();
  }
  ({ server, url } = await serve(root, (path, bytes) => served.set(path, bytes)));
}, 300_000);

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The library files a fresh page reads routing `query` typed key by key, with their bytes. */
async function routedKeyByKey(query: string): Promise<{ files: string[]; bytes: number }> {
  served.clear();
  const file = `${pathToFileURL(join(root, 'pagefind', 'pagefind.js')).href}?${encodeURIComponent(query)}`;
  const runtime = new Runtime((await import(file)) as PagefindModule, '/', url.replace(/\/$/u, ''));
  try {
    let first: Promise<string> | undefined;
    for (let typed = 1; typed <= query.length; typed += 1) {
      const words = routeWords(query.slice(0, typed));
      if (!words) continue;
      const routed = await runtime.route(words);
      first = routed[0]?.slug();
    }
    expect(await first, 'the last keystroke names a document to open').toBeTruthy();
  } finally {
    await runtime.destroy();
  }
  const files = [...served.keys()].filter(isLibraryIndexFile);
  return { files, bytes: files.reduce((sum, path) => sum + (served.get(path) ?? 0), 0) };
}

describe(`a library index of ${DOCUMENTS} documents`, () => {
  it(`costs a first search of "${FIRST_QUERY}" at most its share of the budget`, async () => {
    const { files, bytes } = await routedKeyByKey(FIRST_QUERY);
    expect(files.some((path) => path.endsWith('.pf_meta'))).toBe(true);
    expect(files.some((path) => path.includes('/index/'))).toBe(true);
    expect(bytes, files.join('\n')).toBeLessThanOrEqual(LIBRARY_SHARE_BUDGET);
  });

  it('is read a few chunks at a time, never whole', async () => {
    const { files } = await routedKeyByKey(FIRST_QUERY);
    const read = files.filter((path) => path.includes('/index/')).length;
    const written = readdirSync(join(root, 'pagefind', 'library', 'index')).length;
    expect(read).toBeGreaterThan(0);
    expect(read * 4).toBeLessThan(written);
  });
});
