/**
 * `npm run bench`: parse speed, cold builds of 1, 10, 100 and 1,000 resolutions in a temporary
 * copy of the project, the size of each site and its page weight, and search figures for the
 * 1- and 1,000-document sites. Prints tables and merges the figures into `bench/results.json`.
 * `npm run bench -- --sizes 1,10` runs a subset; see docs/benchmarks.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as prettier from 'prettier';
import { benchOptions, SEARCH_SIZES, UsageError, type BenchOptions } from './bench/args.ts';
import { BuildFailure, runBuild } from './bench/build.ts';
import { currentLoad, describeMachine } from './bench/machine.ts';
import { benchParse } from './bench/parse.ts';
import { createProject, makeCold, removeProject } from './bench/project.ts';
import {
  buildRow,
  buildTable,
  kb,
  mergeResults,
  phaseTable,
  superlinear,
  type BuildRow,
  type FailedBuild,
  type Results,
  type SearchRow,
} from './bench/results.ts';
import { benchSearch } from './bench/search.ts';
import { distSize, weighPages } from './bench/site.ts';
import { loadBases, makeVariants, QUERY_SEED } from './bench/variants.ts';
import { startPreview } from '../tests/support/server.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Above this many documents, pages of a sample of documents are weighed, not all of them. */
const WEIGH_ALL_UP_TO = 100;
const WEIGH_SAMPLE = 40;

/** Prints a progress line with the time of day, so a long run can be followed. */
function progress(message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Search figures for one built project, served by `astro preview` from its folder. */
async function searchRow(dir: string, documents: number): Promise<SearchRow> {
  const server = await startPreview(join(dir, 'dist'), dir);
  try {
    // A reader of the seed searches from its pages, through its own bundle: the queries are
    // written for the seed, which every benchmark site holds as document 0.
    const figures = await benchSearch({ baseUrl: server.url, doc: QUERY_SEED });
    return { documents, date: new Date().toISOString(), figures: { ...figures } };
  } finally {
    await server.stop();
  }
}

/** Builds, measures and (for the search sizes) searches one site of `documents` resolutions. */
async function benchSize(
  documents: number,
  options: BenchOptions,
): Promise<{ build: BuildRow; search: SearchRow | null }> {
  const variants = makeVariants(loadBases(ROOT), documents);
  const dir = createProject(ROOT, variants);
  progress(`${documents} documents: building in ${dir}`);
  try {
    makeCold(dir);
    const loadBefore = currentLoad();
    const run = await runBuild(
      dir,
      (line) => {
        if (/^content:|Complete!|indexed \d+|error|heap/i.test(line.text)) {
          progress(`  ${line.at.toFixed(1)} s  ${line.text.trim()}`);
        }
      },
      options.heapMb,
    );
    const distDir = join(dir, 'dist');
    const size = distSize(distDir);
    progress(`  built ${size.pages} pages in ${run.seconds} s; weighing pages`);
    const weight = await weighPages(distDir, documents > WEIGH_ALL_UP_TO ? WEIGH_SAMPLE : Infinity);
    const date = new Date().toISOString();
    const build = buildRow(
      documents,
      { ...run, heapMb: options.heapMb },
      size,
      weight,
      loadBefore,
      date,
    );
    let search: SearchRow | null = null;
    if (!options.skipSearch && SEARCH_SIZES.includes(documents)) {
      progress(`  searching`);
      // A broken search must not cost the build figures: it is reported, and earlier search
      // figures in the results stay as they were.
      search = await searchRow(dir, documents).catch((error: unknown) => {
        const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        progress(`  search failed, not recorded: ${message}`);
        return null;
      });
    }
    return { build, search };
  } finally {
    if (options.keep) progress(`  kept ${dir}`);
    else removeProject(dir);
  }
}

/** Earlier results, or null when there are none yet. */
function readResults(file: string): Results | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Results) : null;
}

/** Runs the benchmark and writes the merged results. */
async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2));
  const machine = describeMachine();
  console.log(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`,
  );
  const parse =
    options.skipParse || options.searchOnly !== null
      ? []
      : benchParse(join(ROOT, 'seeds/quang-ninh-ktxh-2026.txt'));
  if (parse.length > 0) {
    console.log('\nParse');
    console.table(parse);
  }
  const builds: BuildRow[] = [];
  const searches: SearchRow[] = [];
  const failures: FailedBuild[] = [];
  if (options.searchOnly !== null) {
    const dir = resolve(options.searchOnly);
    const documents = readdirSync(join(dir, 'seeds')).filter((f) => f.endsWith('.txt')).length;
    progress(`${documents} documents: searching the build kept in ${dir}`);
    searches.push(await searchRow(dir, documents));
  } else {
    for (const documents of options.sizes) {
      const started = Date.now();
      try {
        const { build, search } = await benchSize(documents, options);
        builds.push(build);
        if (search) searches.push(search);
      } catch (error) {
        // A size that fails (out of memory at scale) is recorded; the other sizes still run.
        const message = error instanceof Error ? error.message : String(error);
        progress(`${documents} documents: build failed\n${message}`);
        const failure = error instanceof BuildFailure ? error : null;
        failures.push({
          documents,
          seconds: failure?.seconds ?? Math.round((Date.now() - started) / 100) / 10,
          heapMb: options.heapMb,
          phase: failure?.phase ?? 'after the build',
          error: failure?.reason ?? message.split('\n')[0] ?? message,
          date: new Date().toISOString(),
        });
      }
    }
  }
  const out = resolve(ROOT, options.out);
  const results = mergeResults(readResults(out), {
    machine,
    parse,
    builds,
    search: searches,
    failures,
  });
  mkdirSync(dirname(out), { recursive: true });
  // Formatted as the repository's formatter would, so the committed file passes its check.
  const config = (await prettier.resolveConfig(out)) ?? {};
  writeFileSync(
    out,
    await prettier.format(JSON.stringify(results, null, 2), { ...config, filepath: out }),
  );

  console.log('\nCold builds (this run)');
  console.table(buildTable(builds));
  console.log('Seconds per phase');
  console.table(phaseTable(builds));
  if (results.growth && results.growth.length > 0) {
    console.log('Growth exponents from 10 documents up, all recorded sizes (1 = linear)');
    console.table(results.growth);
  }
  const fast = superlinear(results.builds);
  console.log(
    fast.length === 0
      ? 'Nothing grows faster than the number of documents.'
      : `Faster than linear: ${fast.map((g) => `${g.figure} (${g.from}→${g.to}: n^${g.exponent})`).join('; ')}`,
  );
  if (results.phone && results.phone.length > 0) {
    console.log('On a phone: estimated seconds until it has arrived (bandwidth and round trips)');
    console.table(
      results.phone.map((row) => ({
        docs: row.documents,
        what: row.what,
        'KB gzip': kb(row.bytes),
        ...row.seconds,
      })),
    );
  }
  for (const failure of results.failures ?? []) {
    console.log(
      `Failed: ${failure.documents} documents, heap limit ${failure.heapMb ?? 'default'}, in ${failure.phase} after ${failure.seconds} s: ${failure.error}`,
    );
  }
  console.log(`\nWrote ${options.out}`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof UsageError ? `npm run bench: ${message}` : message);
  process.exitCode = 1;
});
