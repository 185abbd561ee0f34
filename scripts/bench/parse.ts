/**
 * Parse speed in words per second: the seed, the largest real text at hand (the seed, the corpus
 * and the published files to import in `../shared`, read as the importer reads them), and that
 * text repeated, to show that the time grows with the length and no faster.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { readSource } from '../../src/lib/import/source.ts';
import { median } from './stats.ts';

export interface ParseFigure {
  input: string;
  bytes: number;
  words: number;
  nodes: number;
  medianMs: number;
  wordsPerSecond: number;
  mbPerSecond: number;
}

/** Words as the "nothing is lost" checks count them: runs of letters and digits. */
function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
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
  const words = countWords(text);
  const ms = median(samples);
  return {
    input,
    bytes,
    words,
    nodes,
    medianMs: Math.round(ms * 10) / 10,
    wordsPerSecond: Math.round(words / (ms / 1000)),
    mbPerSecond: Math.round((bytes / 1e6 / (ms / 1000)) * 10) / 10,
  };
}

/** Real texts in the shared folder beside the project: corpus texts, imported files and their truths. */
function sharedTexts(sharedDir: string): [string, string][] {
  const out: [string, string][] = [];
  const corpus = join(sharedDir, 'corpus');
  if (existsSync(corpus)) {
    for (const file of readdirSync(corpus).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(corpus, file), 'utf8');
      // The first line names the public source; it is not part of the document.
      out.push([`corpus/${file}`, text.slice(text.indexOf('\n') + 1)]);
    }
  }
  const imports = join(sharedDir, 'fixtures', 'import');
  if (existsSync(imports)) {
    for (const kind of readdirSync(imports)) {
      for (const file of readdirSync(join(imports, kind))) {
        // Published files (Word laws, PDF decrees, web pages) as the importer reads them: the
        // largest real texts at hand are among them.
        const path = join(imports, kind, file);
        out.push([
          `${kind}/${file}`,
          file.endsWith('.txt') ? readFileSync(path, 'utf8') : readSource(path).text,
        ]);
      }
    }
  }
  return out;
}

/** How many times the largest text is repeated: enough to see the time grow with length. */
const REPETITIONS = [4, 16, 64];

/** The parse figures: the seed, the largest real text, and that text repeated. */
export function benchParse(
  seedPath = 'seeds/quang-ninh-ktxh-2026.txt',
  sharedDir = resolve(process.env['SHARED_DIR'] ?? join(process.cwd(), '..', 'shared')),
): ParseFigure[] {
  const seed = readFileSync(seedPath, 'utf8');
  const texts: [string, string][] = [['seed', seed], ...sharedTexts(sharedDir)];
  const [name, largest] = texts.reduce((a, b) => (countWords(b[1]) > countWords(a[1]) ? b : a));
  const figures = [time('seed', seed, 20)];
  if (name !== 'seed') figures.push(time(name, largest, 20));
  for (const n of REPETITIONS) {
    figures.push(time(`${name} × ${n}`, Array(n).fill(largest).join('\n'), 3));
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(benchParse());
}
