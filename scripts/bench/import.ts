/**
 * `npx tsx scripts/bench/import.ts`: how long importing takes, printed as figures (no pass or
 * fail). A 100-page .docx is made by repeating the body of a real law with automatic numbering
 * (`../shared/fixtures/import/docx/luat-84-2015-qh13.docx`) until it holds 50,000 words, about
 * 100 printed pages at 500 words a page; the real files of each format are timed as they are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { importBytes } from '../../src/lib/import/source.ts';

const FIXTURES = resolve(
  process.env['SHARED_DIR'] ?? resolve(import.meta.dirname, '..', '..', '..', 'shared'),
  'fixtures',
  'import',
);
const WORDS_PER_PAGE = 500;
const RUNS = 5;

/** A .docx whose body is the given one's repeated until it holds at least `words` words. */
function longDocx(bytes: Uint8Array, words: number): { bytes: Uint8Array; words: number } {
  const parts = unzipSync(bytes);
  const xml = strFromU8(parts['word/document.xml'] as Uint8Array);
  const open = xml.indexOf('<w:body>') + '<w:body>'.length;
  const close = xml.lastIndexOf('<w:sectPr');
  const body = xml.slice(open, close);
  const own = importBytes(bytes, 'x.docx').text.match(/[\p{L}\p{N}]+/gu)?.length ?? 1;
  const copies = Math.ceil(words / own);
  parts['word/document.xml'] = strToU8(xml.slice(0, open) + body.repeat(copies) + xml.slice(close));
  return { bytes: zipSync(parts), words: own * copies };
}

/** The median of some timings in milliseconds. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Imports bytes `RUNS` times and returns the median time. */
function time(bytes: Uint8Array, name: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    importBytes(bytes, name);
    times.push(performance.now() - start);
  }
  return median(times);
}

const law = readFileSync(join(FIXTURES, 'docx', 'luat-84-2015-qh13.docx'));
const long = longDocx(law, 100 * WORDS_PER_PAGE);
importBytes(long.bytes, 'warm-up.docx');
const ms = time(long.bytes, 'long.docx');
console.log(
  `import: 100-page .docx (${long.words} words, ${(long.bytes.length / 1024).toFixed(0)} KB): ${ms.toFixed(0)} ms (median of ${RUNS}; target under 2000 ms)`,
);
for (const kind of readdirSync(FIXTURES).sort()) {
  for (const file of readdirSync(join(FIXTURES, kind))
    .filter((f) => !f.endsWith('.truth.txt'))
    .sort()) {
    const bytes = readFileSync(join(FIXTURES, kind, file));
    console.log(
      `import: ${kind}/${file} (${(bytes.length / 1024).toFixed(0)} KB): ${time(bytes, file).toFixed(0)} ms`,
    );
  }
}
