import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { editSeed } from '../../scripts/bench/edit.ts';
import { ARTICLES_PER_CHAPTER, benchLaw } from '../../scripts/bench/laws.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import {
  CONTENT_COMPONENTS,
  STARLIGHT_VERSION,
  starlightFiles,
  starlightPage,
} from '../../scripts/bench/starlight.ts';
import {
  benchOptions,
  DEFAULT_SIZES,
  DEFAULT_STARLIGHT_SIZES,
  DEFAULT_WARM_SIZE,
  parseSizes,
  UsageError,
} from '../../scripts/bench/args.ts';
import {
  failedPhase,
  failureReason,
  phasePeaks,
  phasesFrom,
  phaseWindows,
  PHASE_MARKERS,
  type LogLine,
} from '../../scripts/bench/build.ts';
import { parentPid, residentMb } from '../../scripts/bench/memory.ts';
import { arrivalSeconds, LINKS } from '../../scripts/bench/phone.ts';
import { copiedEntry } from '../../scripts/bench/project.ts';
import {
  buildRow,
  growth,
  mergeResults,
  superlinear,
  phoneRows,
  starlightRow,
  summaryTable,
  type BuildRow,
  type Results,
  type LawRow,
} from '../../scripts/bench/results.ts';
import { baseFromHtml, pagesToWeigh, type DistSize } from '../../scripts/bench/site.ts';
import { growthExponent, median } from '../../scripts/bench/stats.ts';
import { probeSpeed, type Machine } from '../../scripts/bench/machine.ts';

const MACHINE: Machine = {
  cpu: 'Test CPU',
  cores: 2,
  memoryGb: 8,
  node: 'v20.0.0',
  os: 'Linux',
  date: '2026-01-01T00:00:00.000Z',
};

const DIST: DistSize = {
  files: 0,
  pages: 0,
  bytes: 0,
  htmlBytes: 0,
  pagefindBytes: 0,
  pagefindFragments: 0,
  assetBytes: 0,
};

/** A build row where size and time scale as given. */
function row(documents: number, seconds: number, pages = documents * 16): BuildRow {
  return buildRow(
    documents,
    { seconds, phases: { pages: seconds / 2 }, phasePeakMb: {}, peakMb: null },
    { ...DIST, pages, bytes: pages * 1000 },
    {
      pages,
      median: 10_000,
      largest: 20_000,
      largestPage: 'a/index.html',
      frameMedian: 5000,
      frameLargest: 8000,
      frameLargestPage: 'a/index.html',
    },
    { before: 0.5, after: 0.7 },
    { libraryBytes: 140_000, documentBytes: 110_000, query: 'dieu duong' },
    MACHINE.date,
  );
}

/** Results holding the given build rows. */
function results(builds: BuildRow[], machine = MACHINE): Results {
  return { machine, parse: [], builds, search: [] };
}

describe('benchmark options', () => {
  it('runs every size by default and a subset with --sizes', () => {
    expect(benchOptions([]).sizes).toEqual([...DEFAULT_SIZES]);
    expect(benchOptions(['--sizes', '10,1']).sizes).toEqual([1, 10]);
    expect(benchOptions(['--sizes=100']).sizes).toEqual([100]);
    expect(benchOptions(['--keep', '--skip-search']).skipSearch).toBe(true);
  });

  it('builds long laws only when asked, and then no library unless sizes are given too', () => {
    expect(benchOptions([]).laws).toEqual([]);
    expect(benchOptions(['--laws', '400,100'])).toMatchObject({ laws: [100, 400], sizes: [] });
    expect(benchOptions(['--laws', '100', '--sizes', '10'])).toMatchObject({
      laws: [100],
      sizes: [10],
    });
    expect(() => benchOptions(['--laws', 'many'])).toThrow(UsageError);
  });

  it('reads the heap limit and the folder to search without building', () => {
    expect(benchOptions([]).heapMb).toBeNull();
    expect(benchOptions(['--heap-mb', '8192']).heapMb).toBe(8192);
    expect(() => benchOptions(['--heap-mb', 'lots'])).toThrow(/positive whole number/);
    expect(benchOptions(['--search-only', '/tmp/x']).searchOnly).toBe('/tmp/x');
  });

  it('compares with Starlight at 100 documents and rebuilds warm at 1,000 unless told otherwise', () => {
    expect(benchOptions([]).starlight).toEqual([...DEFAULT_STARLIGHT_SIZES]);
    expect(benchOptions(['--starlight', '10,100']).starlight).toEqual([10, 100]);
    expect(benchOptions(['--skip-starlight']).starlight).toEqual([]);
    expect(benchOptions([]).warm).toBe(DEFAULT_WARM_SIZE);
    expect(benchOptions(['--warm', '100']).warm).toBe(100);
    expect(benchOptions(['--skip-warm']).warm).toBeNull();
  });

  it('rejects sizes that are not positive whole numbers, and unknown options', () => {
    expect(() => parseSizes('1,x')).toThrow(UsageError);
    expect(() => parseSizes('0')).toThrow(/positive whole numbers/);
    expect(() => parseSizes('1.5')).toThrow(UsageError);
    expect(() => benchOptions(['--size', '1'])).toThrow(UsageError);
  });
});

describe('benchmark build phases', () => {
  it('splits a build into phases at the first line of each marker', () => {
    const lines: LogLine[] = [
      { at: 0.1, text: '> build' },
      { at: 1.5, text: 'content: 11 pages written to content/' },
      { at: 4, text: '13:14:44 [build] Building static entrypoints...' },
      { at: 9, text: ' building client (vite) ' },
      { at: 9.5, text: ' generating static routes ' },
      { at: 12, text: '13:14:50 [@astrojs/sitemap] `sitemap-index.xml` created at `dist`' },
      { at: 14, text: '13:14:50 [nghi-quyet-pagefind] indexed 11 of 17 pages' },
    ];
    expect(phasesFrom(lines, 14.5)).toEqual({
      content: 1.5,
      'astro start + sync': 2.5,
      'server bundle': 5,
      'client bundle': 0.5,
      'pages + sitemap': 2.5,
      pagefind: 2,
      finish: 0.5,
    });
    expect(PHASE_MARKERS.length).toBe(6);
  });

  it('merges a phase whose marker never came into the next one', () => {
    const lines: LogLine[] = [
      { at: 2, text: 'content: 3 pages written to content/' },
      { at: 10, text: ' generating static routes ' },
    ];
    expect(phasesFrom(lines, 12)).toEqual({ content: 2, 'client bundle': 8, finish: 2 });
  });
});

describe('benchmark build failures', () => {
  it('names the phase a build died in and the line that says why', () => {
    const lines: LogLine[] = [
      { at: 60, text: 'content: 9250 pages written to content/' },
      { at: 100, text: '[build] Building static entrypoints...' },
      { at: 500, text: '<--- Last few GCs --->' },
      {
        at: 510,
        text: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      },
      { at: 510, text: ' 1: 0xb78db3 node::OOMErrorHandler(char const*) [node]' },
    ];
    expect(failedPhase(lines, 515)).toBe('server bundle');
    expect(failureReason(lines)).toBe(
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
    );
    expect(failedPhase([], 3)).toBe('content');
    expect(failureReason([{ at: 1, text: 'exit' }])).toBe('exit');
  });
});

describe('benchmark build memory', () => {
  it('reads the parent pid and resident set from /proc files', () => {
    expect(parentPid('1234 (node (worker) x) S 77 1234 1234 0 -1')).toBe(77);
    expect(residentMb('Name:\tnode\nVmRSS:\t  204800 kB\nThreads:\t7\n')).toBe(200);
    expect(residentMb('Name:\tkthreadd\n')).toBe(0);
  });

  it('finds the largest sample within each phase', () => {
    const lines: LogLine[] = [
      { at: 2, text: 'content: 3 pages written to content/' },
      { at: 10, text: ' generating static routes ' },
    ];
    const windows = phaseWindows(lines, 12);
    const samples = [
      { at: 1, mb: 100 },
      { at: 5, mb: 900 },
      { at: 9, mb: 700 },
    ];
    expect(phasePeaks(windows, samples)).toEqual({ content: 100, 'client bundle': 900 });
  });
});

describe('benchmark comparisons', () => {
  it('gives Starlight the same MDX page, importing the components it names', () => {
    const mdx = '---\ntitle: "Điều 1"\n---\n<Clause id="dieu-1" kind="article">\n  a\n</Clause>\n';
    const page = starlightPage(mdx);
    expect(page.startsWith('---\ntitle: "Điều 1"\n---\n')).toBe(true);
    expect(page).toMatch(
      /^import \{ Abbr, Cite, Clause, .*Text \} from '\/src\/components\/content\.ts';$/m,
    );
    expect(page.endsWith('<Clause id="dieu-1" kind="article">\n  a\n</Clause>\n')).toBe(true);
    expect(() => starlightPage('<Clause />')).toThrow(/without frontmatter/);
    const files = starlightFiles();
    for (const name of CONTENT_COMPONENTS)
      expect(files[`src/components/content/${name}.astro`]).toBeDefined();
    expect(files['package.json']).toContain(`"@astrojs/starlight": "${STARLIGHT_VERSION}"`);
  });

  it('records how this project compares with Starlight', () => {
    const ours = row(100, 10);
    const compared = starlightRow(
      { ...ours, peakMb: 500 },
      { seconds: 40, peakMb: 1000, pages: 900, version: '0.37.7' },
      { before: 1, after: 2 },
      MACHINE.date,
    );
    expect(compared.ratio).toEqual({ time: 0.25, memory: 0.5 });
    expect(compared.ours).toEqual({ seconds: 10, peakMb: 500, pages: 1600 });
    expect(
      starlightRow(
        ours,
        { seconds: 40, peakMb: 1000, pages: 9, version: 'x' },
        { before: 1, after: 1 },
        '',
      ).ratio.memory,
    ).toBeNull();
  });

  it('edits one seed by moving its date, so it is made again', () => {
    const text = 'Quảng Ninh, ngày 28 tháng 12 năm 2025\nĐiều 1. …';
    expect(editSeed(text)).toBe('Quảng Ninh, ngày 1 tháng 12 năm 2025\nĐiều 1. …');
    expect(editSeed('ngày 3 tháng 4')).toBe('ngày 4 tháng 4');
    expect(editSeed('Điều 1.')).not.toBe('Điều 1.');
  });

  it('prints wall time, memory, pages, size, first-search bytes and load per size', () => {
    expect(summaryTable([row(10, 5)])[0]).toEqual({
      docs: 10,
      'wall s': 5,
      'peak MB': '',
      pages: 160,
      'dist MB': 0.2,
      'first search KB, library': 136.7,
      'first search KB, a document': 107.4,
      load: '0.5 → 0.7',
      'probe ms': '',
    });
    const probed = buildRow(
      10,
      { seconds: 5, phases: {}, phasePeakMb: {}, peakMb: null },
      DIST,
      row(10, 5).weight,
      { before: 0.5, after: 0.7, speed: { cpuMs: 480, filesMs: 95 } },
      null,
      MACHINE.date,
    );
    expect(probed.speedBefore).toEqual({ cpuMs: 480, filesMs: 95 });
    expect(summaryTable([probed])[0]?.['probe ms']).toBe('480 / 95');
  });

  it('times a fixed loop and fixed file writes, and leaves no files behind', () => {
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('nq-probe-'));
    const speed = probeSpeed();
    expect(Number.isInteger(speed.cpuMs) && speed.cpuMs > 0).toBe(true);
    expect(Number.isInteger(speed.filesMs) && speed.filesMs > 0).toBe(true);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('nq-probe-'))).toEqual(before);
  });
});

describe('benchmark project copy', () => {
  it('copies sources and configuration, not outputs, seeds or caches', () => {
    for (const name of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json']) {
      expect(copiedEntry(name), name).toBe(true);
    }
    for (const name of ['node_modules', 'dist', 'seeds', 'content', '.astro', '.git', 'tests']) {
      expect(copiedEntry(name), name).toBe(false);
    }
  });
});

describe('benchmark site figures', () => {
  it('reads the base path from asset URLs', () => {
    expect(baseFromHtml('<link rel="stylesheet" href="/_astro/a.css">')).toBe('/');
    expect(baseFromHtml('<script src="/nq/docs/_astro/a.js"></script>')).toBe('/nq/docs/');
    expect(baseFromHtml('<p>no assets</p>')).toBe('/');
  });

  it('weighs shared pages and every page of the first documents', () => {
    const pages = [
      '404.html',
      'index.html',
      'tim-kiem/index.html',
      'b/index.html',
      'b/toan-van/index.html',
      'a/index.html',
      'a/dieu-1/index.html',
      'a/toan-van/index.html',
    ];
    expect(pagesToWeigh(pages, 1)).toEqual([
      '404.html',
      'index.html',
      'tim-kiem/index.html',
      'a/index.html',
      'a/dieu-1/index.html',
      'a/toan-van/index.html',
    ]);
    expect(pagesToWeigh(pages, Infinity)).toHaveLength(pages.length);
  });
});

describe('benchmark results', () => {
  it('computes per-document and per-page figures', () => {
    const built = row(10, 50, 160);
    expect(built.secondsPerDocument).toBe(5);
    expect(built.msPerPage).toBe(313);
  });

  it('measures growth as an exponent of the number of documents', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
    expect(growthExponent(10, 5, 100, 50)).toBeCloseTo(1);
    expect(growthExponent(10, 5, 100, 500)).toBeCloseTo(2);
    expect(growthExponent(10, 0, 100, 5)).toBeNull();
    const rows = [row(1, 10), row(10, 20), row(100, 400)];
    const seconds = growth(rows).filter((g) => g.figure === 'build seconds');
    expect(seconds.map((g) => [g.from, g.to])).toEqual([
      [1, 10],
      [10, 100],
    ]);
    expect(superlinear(rows).map((g) => g.figure)).toEqual(['build seconds', 'phase: pages']);
  });

  it('merges a partial run into earlier figures from the same machine', () => {
    const earlier = results([row(1, 10), row(10, 20), row(1000, 900)]);
    const merged = mergeResults(earlier, results([row(10, 25)]));
    expect(merged.builds.map((b) => [b.documents, b.seconds])).toEqual([
      [1, 10],
      [10, 25],
      [1000, 900],
    ]);
  });

  it('keeps a failed build on record until that size builds', () => {
    const failure = {
      documents: 1000,
      seconds: 600,
      heapMb: null,
      phase: 'server bundle',
      error: 'heap',
      date: '',
    };
    const failed = mergeResults(results([row(10, 20)]), { ...results([]), failures: [failure] });
    expect(failed.failures).toEqual([failure]);
    expect(failed.builds).toHaveLength(1);
    expect(mergeResults(failed, results([row(1000, 900)])).failures).toEqual([]);
    const raised = { ...row(1000, 900), heapMb: 12288 };
    expect(mergeResults(failed, results([raised])).failures).toEqual([failure]);
  });

  it('merges long-law rows by their number of articles', () => {
    const law = (articles: number, seconds: number): LawRow => ({
      articles,
      pages: articles + 5,
      htmlBytes: 1000,
      distBytes: 2000,
      seconds,
      peakMb: 300,
      loadBefore: 0,
      loadAfter: 0,
      date: '',
    });
    const earlier = { ...results([]), laws: [law(100, 9), law(800, 20)] };
    const merged = mergeResults(earlier, { ...results([]), laws: [law(400, 15), law(100, 8)] });
    expect(merged.laws?.map((l) => [l.articles, l.seconds])).toEqual([
      [100, 8],
      [400, 15],
      [800, 20],
    ]);
  });

  it('drops figures from other hardware instead of mixing them', () => {
    const earlier = results([row(1000, 900)], { ...MACHINE, cpu: 'Other CPU' });
    expect(mergeResults(earlier, results([row(10, 25)])).builds).toHaveLength(1);
    expect(mergeResults(null, results([row(10, 25)])).builds).toHaveLength(1);
  });
});

describe('benchmark phone estimates', () => {
  it('adds round trips to the time the bytes take on the link', () => {
    const link = { name: 'test', kbps: 800, rttMs: 100 };
    expect(arrivalSeconds(0, link, 5)).toBe(0.5);
    expect(arrivalSeconds(100_000, link, 5)).toBe(1.5);
    expect(LINKS.length).toBeGreaterThanOrEqual(2);
  });

  it('gives each site its median page, largest page and first search', () => {
    const search = [{ documents: 10, date: '', figures: { firstQueryBytes: 50_000 } }];
    const rows = phoneRows([row(10, 20)], search);
    expect(rows.map((r) => r.what)).toEqual([
      'median page',
      'largest page (a/index.html)',
      'first search query',
    ]);
    expect(rows[2]?.bytes).toBe(50_000);
    expect(Object.keys(rows[0]?.seconds ?? {})).toEqual(LINKS.map((link) => link.name));
    expect(phoneRows([row(10, 20)], [{ documents: 10, date: '', figures: {} }])).toHaveLength(2);
  });
});

describe('benchmark laws', () => {
  it('are laws of the articles asked for, in chapters, that parse without a warning', () => {
    const law = benchLaw(2 * ARTICLES_PER_CHAPTER);
    expect(law.slug).toBe(`luat-${2 * ARTICLES_PER_CHAPTER}-dieu`);
    expect(law.articles).toBe(2 * ARTICLES_PER_CHAPTER);
    // A number between whole chapters gets the next whole chapter, and says so.
    expect(benchLaw(ARTICLES_PER_CHAPTER + 1).articles).toBe(2 * ARTICLES_PER_CHAPTER);
    const { document, warnings } = parseDocument(law.text);
    expect(warnings).toEqual([]);
    const nodes = flatten(document.nodes);
    expect(nodes.filter((n) => n.kind === 'chapter').map((n) => n.label)).toEqual([
      'Chương I',
      'Chương II',
    ]);
    const articles = nodes.filter((n) => n.kind === 'article');
    expect(articles.map((n) => n.num)).toEqual(
      Array.from({ length: 2 * ARTICLES_PER_CHAPTER }, (_, i) => String(i + 1)),
    );
    expect(articles.every((n) => n.children.length === 2)).toBe(true);
  });
});
