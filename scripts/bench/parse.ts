/** Parse speed: the seed, and the seed repeated to about 3 MB, timed over several runs. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { median } from './stats.ts';

export interface ParseFigure {
  input: string;
  bytes: number;
  nodes: number;
  medianMs: number;
  mbPerSecond: number;
}

/** Times `parseDocument` on `text`, `runs` times after one warm-up. */
function time(input: string, text: string, runs: number): ParseFigure {
  const count = (nodes: { children: unknown[] }[]): number =>
    nodes.reduce((n, c) => n + 1 + count(c.children as { children: unknown[] }[]), 0);
  const nodes = count(parseDocument(text).document.nodes);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    parseDocument(text);
    samples.push(performance.now() - start);
  }
  const bytes = Buffer.byteLength(text);
  const ms = median(samples);
  return {
    input,
    bytes,
    nodes,
    medianMs: Math.round(ms * 10) / 10,
    mbPerSecond: Math.round((bytes / 1e6 / (ms / 1000)) * 10) / 10,
  };
}

/** Bytes of the large input: a long resolution with appendices is well under this. */
const LARGE_BYTES = 3_000_000;

/** The parse figures for the seed file and the seed repeated to 3 MB. */
export function benchParse(seedPath = 'seeds/quang-ninh-ktxh-2026.txt'): ParseFigure[] {
  const seed = readFileSync(seedPath, 'utf8');
  const copies = Math.ceil(LARGE_BYTES / Buffer.byteLength(seed));
  return [time('seed', seed, 20), time(`seed × ${copies}`, Array(copies).fill(seed).join('\n'), 3)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(benchParse());
}
