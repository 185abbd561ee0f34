/**
 * Assembling a library built in shards (`docs/scaling.md`): each shard is a copy of the project
 * that built some of the seeds. Its finished documents (those whose pages were stamped when its
 * build finished, `kept.ts`) are copied into this project: the seed, `content/<doc>/`,
 * `.cache/site/<doc>/` and `dist/<doc>/`. The next `npm run build` here then keeps every copied
 * document and makes only what reads the whole library: the home and list pages, the search
 * page, the sitemap and the library-wide search index.
 */
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONTENT_DIR,
  SITE_DATA_DIR,
  SITE_FILES,
  SummarySchema,
  readJson,
} from '../site/site-data.ts';
import { InputError } from '../text/normalize.ts';

/** The built output folder of a project. */
const OUT_DIR = 'dist';

/** A finished document of a shard: its slug and seed file, relative to the shard. */
export interface ShardDocument {
  doc: string;
  seed: string;
}

/** The documents a shard finished building: a stamped page folder and built pages. */
export function finishedDocuments(shard: string): ShardDocument[] {
  const data = join(shard, SITE_DATA_DIR);
  if (!existsSync(data))
    throw new InputError(`${shard}: not a built project (no ${SITE_DATA_DIR}/)`);
  return readdirSync(data, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter(
      (doc) =>
        existsSync(join(data, doc, SITE_FILES.pagesStamp)) && existsSync(join(shard, OUT_DIR, doc)),
    )
    .sort()
    .map((doc) => ({
      doc,
      seed: readJson(join(data, doc, SITE_FILES.summary), SummarySchema).file,
    }));
}

/**
 * Copies every finished document of `shards` into the project at `root`; a document found in two
 * shards, or whose seed here differs from the shard's, is a one-line error before anything is
 * copied.
 * Returns the documents copied.
 */
export function assembleShards(root: string, shards: readonly string[]): ShardDocument[] {
  const found = new Map<string, { shard: string; document: ShardDocument }>();
  for (const shard of shards) {
    for (const document of finishedDocuments(shard)) {
      const other = found.get(document.doc);
      if (other) {
        throw new InputError(`${document.doc}: built by both ${other.shard} and ${shard}`);
      }
      const here = join(root, document.seed);
      if (
        existsSync(here) &&
        !readFileSync(here).equals(readFileSync(join(shard, document.seed)))
      ) {
        throw new InputError(`${document.seed}: this project's seed differs from ${shard}'s`);
      }
      found.set(document.doc, { shard, document });
    }
  }
  for (const { shard, document } of found.values()) {
    const { doc, seed } = document;
    cpSync(join(shard, seed), join(root, seed));
    for (const folder of [CONTENT_DIR, SITE_DATA_DIR, OUT_DIR]) {
      cpSync(join(shard, folder, doc), join(root, folder, doc), { recursive: true });
    }
  }
  return [...found.values()].map((each) => each.document);
}
