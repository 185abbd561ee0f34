/**
 * `npm run bench`: parse speed, cold builds of 1, 10, 100 and 1,000 resolutions in a temporary
 * copy of the project, the size of each site and its page weight, and search figures for the
 * 1- and 1,000-document sites. Prints tables and merges the figures into `bench/results.json`.
 * `npm run bench -- --sizes 1,10` runs a subset, `--laws 100,400` builds long laws one at a time;
 * see docs/benchmarks.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as prettier from 'prettier';
import { benchOptions, SEARCH_SIZES, UsageError, type BenchOptions } from './bench/args.ts';
import { BuildFailure, PHASE_MARKERS, runBuild, type BuildRun } from './bench/build.ts';
import { editSeed } from './bench/edit.ts';
import { measureFirstSearch, type FirstSearch } from './bench/first-search.ts';
import { currentLoad, describeMachine, probeSpeed } from './bench/machine.ts';
import { benchLaw } from './bench/laws.ts';
import { benchParse } from './bench/parse.ts';
import { createProject, makeCold, removeProject } from './bench/project.ts';
import {
  buildRow,
  buildTable,
  comparisonTable,
  conditionFields,
  kb,
  lawTable,
  type LawRow,
  mergeResults,
  phaseTable,
  superlinear,
  type BuildRow,
  type Conditions,
  type FailedBuild,
  type Results,
  starlightRow,
  summaryTable,
  type SearchRow,
  type StarlightRow,
  type WarmRow,
} from './bench/results.ts';
import { benchSearch } from './bench/search.ts';
import { distSize, weighPages } from './bench/site.ts';
import {
  installedVersion,
  installStarlight,
  STARLIGHT_VERSION,
  starlightProject,
} from './bench/starlight.ts';
import { loadBases, QUERY_SEED, variantsOf } from './bench/variants.ts';
import { startPreview } from '../tests/support/server.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Above this many documents, pages of a sample of documents are weighed, not all of them. */
const WEIGH_ALL_UP_TO = 100;
const WEIGH_SAMPLE = 40;

/** Prints a progress line with the time of day, so a long run can be followed. */
function progress(message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Removes a benchmark's project folder once measured, or keeps it with `--keep` and says where. */
function leaveProject(dir: string, options: BenchOptions): void {
  if (options.keep) progress(`  kept ${dir}`);
  else removeProject(dir);
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

/** What one size gives: its cold build, and the figures measured on that build. */
interface SizeFigures {
  build: BuildRow;
  search: SearchRow | null;
  warm: WarmRow | null;
  starlight: StarlightRow | null;
}

/** The content step's summary line of a build's log. */
function contentLine(run: BuildRun): string {
  return run.lines.find((line) => /^content: /.test(line.text))?.text.trim() ?? '';
}

/**
 * Runs one build in `dir`, printing its milestones, with the load before and after it and the
 * machine's speed just before it.
 */
async function timedBuild(
  dir: string,
  heapMb: number | null,
): Promise<{ run: BuildRun; load: Conditions }> {
  const speed = probeSpeed();
  progress(`  speed probe: loop ${speed.cpuMs} ms, files ${speed.filesMs} ms`);
  const before = currentLoad();
  const run = await runBuild(
    dir,
    (line) => {
      // Each phase's first line too, so a long build can be followed and a stopped one shows
      // how far it got.
      const milestone = PHASE_MARKERS.some(([, marker]) => marker.test(line.text));
      if (milestone || /^content:|Complete!|indexed \d+|error|heap|failed/i.test(line.text)) {
        progress(`  ${line.at.toFixed(1)} s  ${line.text.trim()}`);
      }
    },
    heapMb,
  );
  return { run, load: { before, after: currentLoad(), speed } };
}

/** Edits one seed of a built project and builds again: the warm rebuild. */
async function warmRebuild(
  dir: string,
  documents: number,
  options: BenchOptions,
): Promise<WarmRow> {
  const seeds = readdirSync(join(dir, 'seeds')).filter((file) => file !== `${QUERY_SEED}.txt`);
  const edited = seeds[Math.floor(seeds.length / 2)] ?? `${QUERY_SEED}.txt`;
  const file = join(dir, 'seeds', edited);
  writeFileSync(file, editSeed(readFileSync(file, 'utf8')));
  progress(`${documents} documents: rebuilding after editing seeds/${edited}`);
  const { run, load } = await timedBuild(dir, options.heapMb);
  return {
    documents,
    edited: edited.replace(/\.txt$/, ''),
    seconds: run.seconds,
    peakMb: run.peakMb,
    phases: run.phases,
    content: contentLine(run),
    ...conditionFields(load),
    date: new Date().toISOString(),
  };
}

/** Builds the project's generated MDX with Starlight and compares it with our cold build. */
async function starlightBuild(
  dir: string,
  ours: BuildRow,
  install: string,
  options: BenchOptions,
): Promise<StarlightRow> {
  const project = starlightProject(install, join(dir, 'content'));
  progress(`${ours.documents} documents: building the same MDX with Starlight in ${project}`);
  try {
    const { run, load } = await timedBuild(project, options.heapMb);
    const pages = distSize(join(project, 'dist')).pages;
    const version = installedVersion(install);
    return starlightRow(ours, { ...run, pages, version }, load, new Date().toISOString());
  } finally {
    leaveProject(project, options);
  }
}

/** Builds, measures and compares one site of `documents` resolutions. */
async function benchSize(
  documents: number,
  options: BenchOptions,
  starlight: () => string,
): Promise<SizeFigures> {
  const dir = createProject(ROOT, variantsOf(loadBases(ROOT), documents), String(documents));
  progress(`${documents} documents: building in ${dir}`);
  try {
    makeCold(dir);
    const { run, load } = await timedBuild(dir, options.heapMb);
    const distDir = join(dir, 'dist');
    const size = distSize(distDir);
    progress(`  built ${size.pages} pages in ${run.seconds} s; weighing pages`);
    const weight = await weighPages(distDir, documents > WEIGH_ALL_UP_TO ? WEIGH_SAMPLE : Infinity);
    let firstSearch: FirstSearch | null = null;
    let search: SearchRow | null = null;
    if (!options.skipSearch) {
      progress(`  first search`);
      // A broken search must not cost the build figures: it is reported, and earlier search
      // figures in the results stay as they were.
      const failed = (error: unknown): null => {
        const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        progress(`  search failed, not recorded: ${message}`);
        return null;
      };
      firstSearch = await measureFirstSearch(dir, QUERY_SEED).catch(failed);
      if (SEARCH_SIZES.includes(documents)) {
        progress(`  searching`);
        search = await searchRow(dir, documents).catch(failed);
      }
    }
    const build = buildRow(
      documents,
      { ...run, heapMb: options.heapMb },
      size,
      weight,
      load,
      firstSearch,
      new Date().toISOString(),
    );
    const compared = options.starlight.includes(documents)
      ? await starlightBuild(dir, build, starlight(), options)
      : null;
    const warm = options.warm === documents ? await warmRebuild(dir, documents, options) : null;
    return { build, search, warm, starlight: compared };
  } finally {
    leaveProject(dir, options);
  }
}

/** Builds one generated law of at least `articles` articles alone, and weighs its pages. */
async function lawBuild(articles: number, options: BenchOptions): Promise<LawRow> {
  const law = benchLaw(articles);
  const dir = createProject(ROOT, [law], `law-${articles}`);
  progress(`a law of ${articles} articles: building in ${dir}`);
  try {
    makeCold(dir);
    const { run, load } = await timedBuild(dir, options.heapMb);
    const own = distSize(join(dir, 'dist', law.slug));
    return {
      articles: law.articles,
      pages: own.pages,
      htmlBytes: own.htmlBytes,
      distBytes: distSize(join(dir, 'dist')).bytes,
      seconds: run.seconds,
      peakMb: run.peakMb,
      ...conditionFields(load),
      date: new Date().toISOString(),
    };
  } finally {
    leaveProject(dir, options);
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
  const warm: WarmRow[] = [];
  const starlight: StarlightRow[] = [];
  const laws: LawRow[] = [];
  let install: string | null = null;
  // Starlight is installed from the npm registry once per run, when a size needs it.
  const starlightInstall = (): string => {
    if (install === null) {
      progress(`installing Starlight ${STARLIGHT_VERSION} from the npm registry`);
      install = installStarlight();
    }
    return install;
  };
  if (options.searchOnly !== null) {
    const dir = resolve(options.searchOnly);
    const documents = readdirSync(join(dir, 'seeds')).filter((f) => f.endsWith('.txt')).length;
    progress(`${documents} documents: searching the build kept in ${dir}`);
    searches.push(await searchRow(dir, documents));
  } else {
    for (const documents of options.sizes) {
      const started = Date.now();
      try {
        const figures = await benchSize(documents, options, starlightInstall);
        builds.push(figures.build);
        if (figures.search) searches.push(figures.search);
        if (figures.warm) warm.push(figures.warm);
        if (figures.starlight) starlight.push(figures.starlight);
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
  if (options.searchOnly === null) {
    for (const articles of options.laws) laws.push(await lawBuild(articles, options));
  }
  const out = resolve(ROOT, options.out);
  const results = mergeResults(readResults(out), {
    machine,
    parse,
    builds,
    search: searches,
    failures,
    warm,
    starlight,
    laws,
  });
  if (install !== null && !options.keep) removeProject(install);
  mkdirSync(dirname(out), { recursive: true });
  // Formatted as the repository's formatter would, so the committed file passes its check.
  const config = (await prettier.resolveConfig(out)) ?? {};
  writeFileSync(
    out,
    await prettier.format(JSON.stringify(results, null, 2), { ...config, filepath: out }),
  );

  if (builds.length > 0) {
    console.log('\nCold builds (this run)');
    console.table(summaryTable(builds));
  }
  if (warm.length + starlight.length > 0) {
    console.log('Warm rebuild and Starlight (this run)');
    console.table(comparisonTable(warm, starlight));
  }
  if (laws.length > 0) {
    console.log('Long laws, one at a time (this run)');
    console.table(lawTable(laws));
  }
  if (builds.length > 0) {
    console.log('Details');
    console.table(buildTable(builds));
    console.log('Seconds per phase');
    console.table(phaseTable(builds));
  }
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
