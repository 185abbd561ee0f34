import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { renderedLibrary } from '../lib/site/library';
import { SITE_DATA_DIR, readKept } from '../lib/site/site-data';
import { indexUrl, runtimeUrl } from '../search/paths';
import { contentWritten } from './content-ready';
import { setPageSink } from './page-sink';
import type { IndexedDocument } from './search-index/documents';
import { helperCount, STREAMED_FROM, streamPages } from './search-index/helper';
import { indexLibrary } from './search-index/library';
import { documentSlugs } from './search-index/pages';

/**
 * Build step with side effects: indexes the built site with Pagefind's Node API. The site gets
 * one copy of Pagefind's script and WebAssembly (at `<base>pagefind/`, beside a one-word index
 * that only starts it), one index per document holding index data only (`<base><doc>/pagefind/`),
 * and a library index with one record per document (`<base>pagefind/library/`) that tells a
 * library-wide search which documents to open. The work is in `search-index/`: the service
 * (`service.ts`), the pages as Pagefind reads them (`pages.ts`), one document's index
 * (`documents.ts`) and what it gives search (`fragments.ts`), the library record
 * (`library-record.ts`), the stored form of an indexed document (`stored.ts`), the helper
 * process (`helper.ts`) and the whole library (`library.ts`).
 */

/**
 * The Astro integration: indexes the documents' pages as Astro writes them (from `STREAMED_FROM`
 * documents, in a helper, through the build's middleware `page-sink.ts`) and the rest of `dist/`
 * at `astro:build:done`, into the runtime and library index under `<base>pagefind/` and each
 * document's `<base><doc>/pagefind/`.
 */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  let outDir = '';
  let stream: ReturnType<typeof streamPages> | undefined;
  return {
    name: 'nghi-quyet-pagefind',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command !== 'build') return;
        addMiddleware({ entrypoint: new URL('./page-sink.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
        outDir = fileURLToPath(config.outDir);
      },
      // The bundles are made and the content step's files written; the pages come next.
      'astro:build:ssr': async () => {
        await contentWritten();
        const docs = new Set(renderedLibrary().map((entry) => entry.slug));
        if (docs.size < STREAMED_FROM) return;
        stream = streamPages(outDir, docs, base);
        setPageSink(stream.sink);
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        setPageSink(undefined);
        const early = (await stream?.finish()) ?? new Map<string, IndexedDocument>();
        const siteDir = fileURLToPath(dir);
        const kept = new Set(readKept(process.cwd()));
        const helpers = helperCount(documentSlugs(siteDir).length - kept.size - early.size);
        const savedDir = path.join(process.cwd(), SITE_DATA_DIR);
        const { library, documents } = await indexLibrary(siteDir, {
          helpers,
          kept,
          savedDir,
          indexed: early,
        });
        const pages = documents.reduce((sum, report) => sum + report.pageCount, 0);
        const during = early.size > 0 ? ` (${early.size} while the pages were written)` : '';
        logger.info(
          `indexed ${pages} pages of ${documents.length} documents${during} at ${indexUrl(base, '<doc>')}; library index of ${library.pageCount} documents at ${indexUrl(base)}; runtime at ${runtimeUrl(base)}`,
        );
      },
    },
  };
}
