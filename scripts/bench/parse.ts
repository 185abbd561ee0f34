/** Parse speed: the seed, and the seed repeated to about 3 MB, timed over several runs. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../../src/lib/document/parse.ts';

export interface ParseFigure {
  input: string;
  bytes: number;
  nodes: number;
  medianMs: number;
  mbPerSecond: number;
}

/** Median of a list of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
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

/** The parse figures for the seed file and its 80-fold repetition. */
export function benchParse(seedPath = 'seeds/quang-ninh-ktxh-2026.txt'): ParseFigure[] {
  const seed = readFileSync(seedPath, 'utf8');
  return [time('seed', seed, 20), time('seed × 80', Array(80).fill(seed).join('\n'), 3)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(benchParse());
}
