/**
 * The content step (`npm run content`): every seed → `content/<doc>/` and the site data, in
 * parallel, remaking only the documents whose stamp changed. A seed that fails is reported in
 * one line and left out; the library as a whole must still make sense (seeds exist, no two are
 * the same document) or nothing is handed to the pages.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeFoldersExcept } from '../mdx/write.ts';
import {
  CONTENT_DIR,
  SITE_DATA_DIR,
  SITE_FILES,
  LibrarySchema,
  SummarySchema,
  documentDataDir,
  readJson,
  type LibraryEntry,
  type Summary,
} from '../site/site-data.ts';
import { InputError } from '../text/normalize.ts';
import { deployOf } from './deploy.ts';
import { runTasks, type HeldCores } from './pool.ts';
import { listSeeds, sameDocument, type Seed } from './seeds.ts';
import { seedStamp, sharedStamp } from './stamp.ts';
import type { Task } from './task.ts';

/** Where the content step reads and writes, relative to the project root. */
export interface ContentOptions {
  root: string;
  seedsDir?: string;
  glossaryFile?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Worker threads; one per core when not given. */
  threads?: number;
  /** Cores another program holds at first (`npm run build`: Astro bundling the site). */
  held?: HeldCores;
}

/** What a run did. */
export interface ContentReport {
  documents: number;
  pages: number;
  /** Documents made in this run. */
  made: number;
  /** Documents whose outputs were kept from an earlier run. */
  unchanged: number;
  /** One line per seed that could not be made. */
  failures: string[];
  /** Parser warnings, one line each: `FILE:LINE:COL: warning: …`. */
  warnings: string[];
}

/** The summary of an earlier run, if it was made from exactly this stamp. */
function reusable(root: string, seed: Seed, stamp: string): Summary | null {
  const dir = documentDataDir(root, seed.slug);
  try {
    if (readFileSync(join(dir, SITE_FILES.stamp), 'utf8') !== stamp) return null;
    if (!existsSync(join(root, CONTENT_DIR, seed.slug, SITE_FILES.tree))) return null;
    return readJson(join(dir, SITE_FILES.summary), SummarySchema);
  } catch {
    return null;
  }
}

/** The list entry of a summary: what every page of lists may show. */
function entryOf(summary: Summary): LibraryEntry {
  return LibrarySchema.element.parse(summary);
}

/** Writes the list of documents the pages read, whole or not at all. */
export function writeLibrary(root: string, summaries: readonly Summary[]): void {
  const file = join(root, SITE_DATA_DIR, SITE_FILES.library);
  writeAtomically(file, `${JSON.stringify(summaries.map(entryOf))}\n`);
}

/** Writes a file whole or not at all. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Runs the content step; throws a one-line `InputError` when the library cannot be built. */
export async function runContent(
  options: ContentOptions,
  progress: (done: number, total: number) => void = () => {},
): Promise<ContentReport> {
  const root = options.root;
  const seedsDir = options.seedsDir ?? 'seeds';
  const glossaryFile = join(root, options.glossaryFile ?? join(CONTENT_DIR, 'glossary.json'));
  const dataDir = join(root, SITE_DATA_DIR);
  const libraryFile = join(dataDir, SITE_FILES.library);
  // Pages must never see a library that this run did not finish.
  rmSync(libraryFile, { force: true });

  const seeds = listSeeds(root, seedsDir);
  if (!existsSync(glossaryFile)) throw new InputError(`${glossaryFile}: the glossary is missing`);
  const deploy = deployOf(options.env ?? process.env);
  const shared = sharedStamp(root, glossaryFile, deploy);

  const summaries = new Map<string, Summary>();
  const tasks: Task[] = [];
  for (const seed of seeds) {
    const bytes = readFileSync(join(root, seed.file));
    const stamp = seedStamp(shared, bytes);
    const summary = reusable(root, seed, stamp);
    if (summary) summaries.set(seed.slug, summary);
    else {
      const { file, slug } = seed;
      tasks.push({ root, file, slug, stamp, bytes: bytes.length, glossaryFile, deploy });
    }
  }
  const failures: string[] = [];
  let done = 0;
  const results = await runTasks(
    tasks,
    () => progress(++done, tasks.length),
    options.threads,
    options.held,
  );
  for (const result of results) {
    if ('error' in result) failures.push(result.error);
    else summaries.set(result.slug, result.summary);
  }

  const made = seeds.flatMap((seed) => summaries.get(seed.slug) ?? []);
  const same = sameDocument(made);
  if (same) {
    throw new InputError(
      `${same.files.join(', ')}: both are document number ${same.number} of the same issuer and year`,
    );
  }
  // A failed seed keeps its earlier content folder (no text is lost) but leaves the site.
  removeFoldersExcept(join(root, CONTENT_DIR), new Set(seeds.map((seed) => seed.slug)));
  removeFoldersExcept(dataDir, new Set(made.map((s) => s.slug)), SITE_FILES.stamp);
  writeLibrary(root, made);

  return {
    documents: made.length,
    pages: made.reduce((sum, summary) => sum + summary.pages.length, 0),
    made: results.length - failures.length,
    unchanged: made.length - (results.length - failures.length),
    failures,
    warnings: made.flatMap((summary) =>
      summary.warnings.map((w) => `${summary.file}:${w.line}:${w.col}: warning: ${w.message}`),
    ),
  };
}
