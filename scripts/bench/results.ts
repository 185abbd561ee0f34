/**
 * The shape of `bench/results.json`, how a partial run (`--sizes 1,10`) merges into the figures
 * already there, and the rows printed as tables. Pure: no file or clock access here.
 */
import type { FirstSearch } from './first-search.ts';
import type { Machine, SpeedProbe } from './machine.ts';
import { sameMachine } from './machine.ts';
import type { ParseFigure } from './parse.ts';
import type { DistSize, WeightFigure } from './site.ts';
import { arrivalSeconds, FIRST_VISIT_ROUND_TRIPS, LINKS, SEARCH_ROUND_TRIPS } from './phone.ts';
import { growthExponent } from './stats.ts';

/** The load average before and after a build, and the machine's speed just before it. */
export interface Conditions {
  before: number;
  after: number;
  speed?: SpeedProbe;
}

/** A row's fields for the conditions of its build: the load, and the probe when there was one. */
export function conditionFields(load: Conditions): {
  loadBefore: number;
  loadAfter: number;
  speedBefore?: SpeedProbe;
} {
  return {
    loadBefore: load.before,
    loadAfter: load.after,
    ...(load.speed ? { speedBefore: load.speed } : {}),
  };
}

/** One cold build of a site with `documents` resolutions. */
export interface BuildRow {
  documents: number;
  /** HTML pages written. */
  pages: number;
  seconds: number;
  secondsPerDocument: number;
  msPerPage: number;
  phases: Record<string, number>;
  /** Largest resident set of any build process within each phase, in MB. */
  phasePeakMb: Record<string, number>;
  peakMb: number | null;
  /** The V8 old-space limit the build ran with, or null for Node's default. */
  heapMb: number | null;
  /** The one-minute load average before the build: other work slows it down. */
  loadBefore: number;
  /** The one-minute load average when the build ended. */
  loadAfter?: number;
  /** The speed probe just before the build (absent in older rows). */
  speedBefore?: SpeedProbe;
  dist: DistSize;
  weight: WeightFigure;
  /** Bytes of a first search on this site, or null when not measured. */
  firstSearch?: FirstSearch | null;
  date: string;
}

/** A build after one seed among the others was edited, everything else left from a cold build. */
export interface WarmRow {
  documents: number;
  /** The seed that was edited. */
  edited: string;
  seconds: number;
  peakMb: number | null;
  phases: Record<string, number>;
  /** The content step's own line: how many documents it made and kept. */
  content: string;
  loadBefore: number;
  loadAfter: number;
  speedBefore?: SpeedProbe;
  date: string;
}

/** The same generated content built with Starlight, and how this project compares. */
export interface StarlightRow {
  documents: number;
  /** The Starlight version npm installed. */
  version: string;
  pages: number;
  seconds: number;
  peakMb: number | null;
  loadBefore: number;
  loadAfter: number;
  speedBefore?: SpeedProbe;
  /** This project's cold build of the same documents, from the same run. */
  ours: { seconds: number; peakMb: number | null; pages: number };
  /** Ours divided by Starlight's: under 1 is faster or smaller. */
  ratio: { time: number; memory: number | null };
  date: string;
}

/** A cold build of one generated law alone: how a long document's pages weigh. */
export interface LawRow {
  articles: number;
  /** Pages of the law's own folder. */
  pages: number;
  /** HTML of the law's own pages. */
  htmlBytes: number;
  /** Everything in `dist/`. */
  distBytes: number;
  seconds: number;
  peakMb: number | null;
  loadBefore: number;
  loadAfter: number;
  speedBefore?: SpeedProbe;
  date: string;
}

/** Search figures for one site, as the search benchmark reports them. */
export interface SearchRow {
  documents: number;
  date: string;
  figures: Record<string, unknown>;
}

/** A build that did not finish, kept so a failure at scale is on record. */
export interface FailedBuild {
  documents: number;
  seconds: number;
  heapMb: number | null;
  /** The build phase that failed. */
  phase: string;
  /** The line of the build's output that says why. */
  error: string;
  date: string;
}

export interface Results {
  machine: Machine;
  parse: ParseFigure[];
  builds: BuildRow[];
  search: SearchRow[];
  /** Builds that failed; a later build of that size with the same heap limit removes it. */
  failures?: FailedBuild[];
  /** Warm rebuilds after editing one seed. */
  warm?: WarmRow[];
  /** Starlight builds of the same content. */
  starlight?: StarlightRow[];
  /** Builds of single long laws, by their number of articles. */
  laws?: LawRow[];
  /** Growth exponents between successive sizes from 10 documents up, derived from `builds`. */
  growth?: Growth[];
  /** Estimated arrival times on slow mobile links, derived from `builds` and `search`. */
  phone?: PhoneRow[];
}

/** A build row from a timed build and the measured site. */
export function buildRow(
  documents: number,
  run: {
    seconds: number;
    phases: Record<string, number>;
    phasePeakMb: Record<string, number>;
    peakMb: number | null;
    heapMb?: number | null;
  },
  dist: DistSize,
  weight: WeightFigure,
  load: Conditions,
  firstSearch: FirstSearch | null,
  date: string,
): BuildRow {
  return {
    documents,
    pages: dist.pages,
    seconds: run.seconds,
    secondsPerDocument: Math.round((run.seconds / documents) * 1000) / 1000,
    msPerPage: dist.pages > 0 ? Math.round((run.seconds * 1000) / dist.pages) : 0,
    phases: run.phases,
    phasePeakMb: run.phasePeakMb,
    peakMb: run.peakMb,
    heapMb: run.heapMb ?? null,
    ...conditionFields(load),
    dist,
    weight,
    firstSearch,
    date,
  };
}

/** Rounds a ratio to hundredths. */
function ratio(ours: number, theirs: number): number {
  return Math.round((ours / theirs) * 100) / 100;
}

/** A Starlight row, compared with this project's cold build of the same documents. */
export function starlightRow(
  ours: BuildRow,
  theirs: { seconds: number; peakMb: number | null; pages: number; version: string },
  load: Conditions,
  date: string,
): StarlightRow {
  return {
    documents: ours.documents,
    version: theirs.version,
    pages: theirs.pages,
    seconds: theirs.seconds,
    peakMb: theirs.peakMb,
    ...conditionFields(load),
    ours: { seconds: ours.seconds, peakMb: ours.peakMb, pages: ours.pages },
    ratio: {
      time: ratio(ours.seconds, theirs.seconds),
      memory:
        ours.peakMb === null || theirs.peakMb === null ? null : ratio(ours.peakMb, theirs.peakMb),
    },
    date,
  };
}

/** Rows of `next` replace those of `previous` with the same document count; the rest stay. */
function mergeRows<T extends { documents: number }>(previous: T[], next: T[]): T[] {
  return mergeBy(previous, next, (row) => row.documents);
}

/** Rows of a run replace earlier rows with the same key; sorted by the key. */
function mergeBy<T>(previous: T[], next: T[], key: (row: T) => number): T[] {
  const replaced = new Set(next.map(key));
  return [...previous.filter((row) => !replaced.has(key(row))), ...next].sort(
    (a, b) => key(a) - key(b),
  );
}

/**
 * Merges a run into earlier results. Figures from other hardware are dropped rather than mixed;
 * parse figures are kept when this run did not measure them.
 */
export function mergeResults(previous: Results | null, next: Results): Results {
  const merged =
    previous === null || !sameMachine(previous.machine, next.machine)
      ? next
      : {
          machine: next.machine,
          parse: next.parse.length > 0 ? next.parse : previous.parse,
          builds: mergeRows(previous.builds, next.builds),
          search: mergeRows(previous.search, next.search),
          failures: mergeRows(previous.failures ?? [], next.failures ?? []),
          warm: mergeRows(previous.warm ?? [], next.warm ?? []),
          starlight: mergeRows(previous.starlight ?? [], next.starlight ?? []),
          laws: mergeBy(previous.laws ?? [], next.laws ?? [], (row) => row.articles),
        };
  // A failure stays on record until the same size builds with the same heap limit: a build that
  // only succeeded with a raised limit does not erase the failure with Node's default.
  const failures = (merged.failures ?? []).filter(
    (failure) =>
      !next.builds.some(
        (row) => row.documents === failure.documents && row.heapMb === failure.heapMb,
      ),
  );
  return {
    ...merged,
    failures,
    growth: growth(merged.builds).filter((entry) => entry.from >= 10),
    phone: phoneRows(merged.builds, merged.search),
  };
}

/** How a figure grows between successive build sizes: exponent 1 is linear. */
export interface Growth {
  from: number;
  to: number;
  figure: string;
  exponent: number;
}

/** Figures of a build row that should grow at most linearly with the number of documents. */
function scaledFigures(row: BuildRow): Record<string, number> {
  const figures: Record<string, number> = {
    'build seconds': row.seconds,
    pages: row.pages,
    'dist bytes': row.dist.bytes,
    'pagefind bytes': row.dist.pagefindBytes,
    'largest page gzip': row.weight.largest,
  };
  for (const [phase, seconds] of Object.entries(row.phases)) figures[`phase: ${phase}`] = seconds;
  if (row.peakMb !== null) figures['peak memory MB'] = row.peakMb;
  return figures;
}

/**
 * Growth exponents between successive sizes. Fixed costs (start-up, bundling) flatten small
 * sizes, so only steps from 10 documents up say much about scaling.
 */
export function growth(rows: readonly BuildRow[]): Growth[] {
  const sorted = [...rows].sort((a, b) => a.documents - b.documents);
  const result: Growth[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as BuildRow;
    const b = sorted[i] as BuildRow;
    const before = scaledFigures(a);
    for (const [figure, value] of Object.entries(scaledFigures(b))) {
      const exponent = growthExponent(a.documents, before[figure] ?? 0, b.documents, value);
      if (exponent !== null) {
        result.push({
          from: a.documents,
          to: b.documents,
          figure,
          exponent: Math.round(exponent * 100) / 100,
        });
      }
    }
  }
  return result;
}

/** Growth figures above linear by a margin that timing noise does not explain. */
export function superlinear(rows: readonly BuildRow[], margin = 0.15): Growth[] {
  return growth(rows).filter((entry) => entry.from >= 10 && entry.exponent > 1 + margin);
}

/** Kilobytes with one decimal, for tables. */
export function kb(bytes: number): number {
  return Math.round(bytes / 102.4) / 10;
}

/** The summary table: documents → wall, peak memory, pages, `dist/`, first-search bytes, load. */
export function summaryTable(rows: readonly BuildRow[]): Record<string, string | number>[] {
  return rows.map((row) => ({
    docs: row.documents,
    'wall s': row.seconds,
    'peak MB': row.peakMb ?? '',
    pages: row.pages,
    'dist MB': Math.round(row.dist.bytes / 1e5) / 10,
    'first search KB, library': row.firstSearch ? kb(row.firstSearch.libraryBytes) : '',
    'first search KB, a document': row.firstSearch ? kb(row.firstSearch.documentBytes) : '',
    load: `${row.loadBefore} → ${row.loadAfter ?? '?'}`,
    'probe ms': speedText(row.speedBefore),
  }));
}

/** The speed probe as a table shows it: loop and files, in ms. */
export function speedText(speed: SpeedProbe | undefined): string {
  return speed ? `${speed.cpuMs} / ${speed.filesMs}` : '';
}

/** The warm rebuilds and Starlight comparisons as printed. */
export function comparisonTable(
  warm: readonly WarmRow[],
  starlight: readonly StarlightRow[],
): Record<string, string | number>[] {
  return [
    ...warm.map((row) => ({
      what: `warm rebuild, ${row.documents} docs, 1 edited`,
      'wall s': row.seconds,
      'peak MB': row.peakMb ?? '',
      ratio: '',
      load: `${row.loadBefore} → ${row.loadAfter}`,
      'probe ms': speedText(row.speedBefore),
    })),
    ...starlight.map((row) => ({
      what: `Starlight ${row.version}, ${row.documents} docs (${row.pages} pages)`,
      'wall s': row.seconds,
      'peak MB': row.peakMb ?? '',
      ratio: `ours/theirs: time ${row.ratio.time}, memory ${row.ratio.memory ?? '?'}`,
      load: `${row.loadBefore} → ${row.loadAfter}`,
      'probe ms': speedText(row.speedBefore),
    })),
  ];
}

/** The build table as printed: one row per size. */
export function buildTable(rows: readonly BuildRow[]): Record<string, string | number>[] {
  return rows.map((row) => ({
    docs: row.documents,
    pages: row.pages,
    'build s': row.seconds,
    's/doc': row.secondsPerDocument,
    'ms/page': row.msPerPage,
    'peak MB': row.peakMb ?? '',
    'heap limit MB': row.heapMb ?? 'default',
    'dist MB': Math.round(row.dist.bytes / 1e5) / 10,
    'pagefind MB': Math.round(row.dist.pagefindBytes / 1e5) / 10,
    'page KB gz median': kb(row.weight.median),
    'page KB gz max': kb(row.weight.largest),
    'largest page': row.weight.largestPage,
    load: row.loadBefore,
  }));
}

/** The phase table: seconds and peak memory (MB) per phase and per size. */
export function phaseTable(rows: readonly BuildRow[]): Record<string, string | number>[] {
  return rows.map((row) => {
    const cells: Record<string, string | number> = { docs: row.documents };
    for (const [phase, seconds] of Object.entries(row.phases)) {
      const mb = row.phasePeakMb[phase];
      cells[phase] = mb === undefined ? `${seconds} s` : `${seconds} s, ${mb} MB`;
    }
    return cells;
  });
}

/** Seconds until something arrives on each slow link. */
export interface PhoneRow {
  documents: number;
  what: string;
  bytes: number;
  seconds: Record<string, number>;
}

/** Reads a numeric search figure, whatever else the search module reports. */
function searchBytes(row: SearchRow): number | null {
  const bytes = row.figures['firstQueryBytes'];
  return typeof bytes === 'number' ? bytes : null;
}

/** First-visit times of the median and largest page, and of the first search, per site size. */
export function phoneRows(builds: readonly BuildRow[], search: readonly SearchRow[]): PhoneRow[] {
  const row = (documents: number, what: string, bytes: number, trips: number): PhoneRow => ({
    documents,
    what,
    bytes,
    seconds: Object.fromEntries(
      LINKS.map((link) => [link.name, arrivalSeconds(bytes, link, trips)]),
    ),
  });
  const rows: PhoneRow[] = [];
  for (const build of builds) {
    rows.push(row(build.documents, 'median page', build.weight.median, FIRST_VISIT_ROUND_TRIPS));
    rows.push(
      row(
        build.documents,
        `largest page (${build.weight.largestPage})`,
        build.weight.largest,
        FIRST_VISIT_ROUND_TRIPS,
      ),
    );
    const searched = search.find((entry) => entry.documents === build.documents);
    const bytes = searched ? searchBytes(searched) : null;
    if (bytes !== null) {
      rows.push(row(build.documents, 'first search query', bytes, SEARCH_ROUND_TRIPS));
    }
  }
  return rows;
}

/** The long-law builds as a printed table. */
export function lawTable(rows: readonly LawRow[]): Record<string, string | number>[] {
  return rows.map((row) => ({
    articles: row.articles,
    pages: row.pages,
    'HTML KB': kb(row.htmlBytes),
    'KB a page': kb(row.htmlBytes / row.pages),
    'dist KB': kb(row.distBytes),
    seconds: row.seconds,
    'peak MB': row.peakMb ?? '',
    speed: speedText(row.speedBefore),
  }));
}
