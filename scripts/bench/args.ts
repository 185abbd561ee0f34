/** Command-line options of `npm run bench`. */
import { parseArgs } from 'node:util';

/** Document counts the full benchmark builds. */
export const DEFAULT_SIZES: readonly number[] = [10, 100, 1000, 10000];

/** Sites whose search quality and speed are measured: the real document among 999 others. */
export const SEARCH_SIZES: readonly number[] = [1000];

/** Sizes also built with Starlight, for comparison. */
export const DEFAULT_STARLIGHT_SIZES: readonly number[] = [100];

/** The size at which one seed is edited and the site rebuilt. */
export const DEFAULT_WARM_SIZE = 1000;

export interface BenchOptions {
  sizes: number[];
  /** Keep the temporary projects for inspection. */
  keep: boolean;
  /** Skip the parse figures. */
  skipParse: boolean;
  /** Skip the search figures. */
  skipSearch: boolean;
  /** Where the results go. */
  out: string;
  /** A project folder kept by an earlier `--keep` run: measure its search only, no build. */
  searchOnly: string | null;
  /** V8 old-space limit for the build (`--max-old-space-size`), or null for Node's default. */
  heapMb: number | null;
  /** Sizes also built with Starlight; empty to skip. */
  starlight: number[];
  /** The size at which a warm rebuild is measured, or null to skip. */
  warm: number | null;
  /** Numbers of articles of the long laws built one at a time; empty to skip. */
  laws: number[];
}

/** A bad option, reported as one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `1,10,100` → [1, 10, 100]; each a positive whole number. */
export function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((part) => part.trim());
  const numbers = sizes.map(Number);
  if (sizes.some((part) => !/^\d+$/.test(part)) || numbers.some((n) => n < 1)) {
    throw new UsageError(`--sizes ${text}: expected positive whole numbers such as 1,10,100`);
  }
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** A positive whole number given to an option. */
function positive(option: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`${option} ${text}: expected a positive whole number`);
  }
  return Number(text);
}

/** Reads the options; `--sizes 1,10` runs a subset. */
export function benchOptions(argv: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string' },
        keep: { type: 'boolean', default: false },
        'skip-parse': { type: 'boolean', default: false },
        'skip-search': { type: 'boolean', default: false },
        out: { type: 'string', default: 'bench/results.json' },
        'search-only': { type: 'string' },
        'heap-mb': { type: 'string' },
        starlight: { type: 'string' },
        'skip-starlight': { type: 'boolean', default: false },
        warm: { type: 'string' },
        'skip-warm': { type: 'boolean', default: false },
        laws: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const laws = values.laws === undefined ? [] : parseSizes(values.laws);
  return {
    // Asked for long laws alone, the benchmark builds no library.
    sizes:
      values.sizes !== undefined
        ? parseSizes(values.sizes)
        : laws.length > 0
          ? []
          : [...DEFAULT_SIZES],
    keep: values.keep,
    skipParse: values['skip-parse'],
    skipSearch: values['skip-search'],
    out: values.out,
    searchOnly: values['search-only'] ?? null,
    heapMb: values['heap-mb'] === undefined ? null : positive('--heap-mb', values['heap-mb']),
    starlight: values['skip-starlight']
      ? []
      : values.starlight === undefined
        ? [...DEFAULT_STARLIGHT_SIZES]
        : parseSizes(values.starlight),
    warm: values['skip-warm']
      ? null
      : values.warm === undefined
        ? DEFAULT_WARM_SIZE
        : positive('--warm', values.warm),
    laws,
  };
}
