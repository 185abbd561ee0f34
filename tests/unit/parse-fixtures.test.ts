/**
 * Each input text beside its expected tree. `UPDATE=1 npm run test:unit` rewrites the expected
 * files; review the diff before committing it. The seed's ids are also kept as a plain list,
 * since they are public URLs: a change to any of them must be a deliberate one.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import { corpusBody, corpusNames, sharedPath } from '../support/shared.ts';

const UPDATE = process.env['UPDATE'] === '1';

/** Compares `actual` with the file at `path`, or writes it there in an update run. */
function expectFile(path: string, actual: string): void {
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`${path} is missing; run with UPDATE=1 to create it`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const cases: [string, string, string][] = [
  ['seeds/quang-ninh-ktxh-2026.txt', 'tests/fixtures/seed/quang-ninh-ktxh-2026', 'plain'],
  ...corpusNames().map((name): [string, string, string] => [
    sharedPath('corpus', `${name}.txt`),
    `tests/fixtures/corpus/${name}`,
    'corpus',
  ]),
  ...readdirSync('tests/fixtures/handmade')
    .filter((f) => f.endsWith('.txt'))
    .map((f): [string, string, string] => [
      `tests/fixtures/handmade/${f}`,
      `tests/fixtures/handmade/${f.replace(/\.txt$/, '')}`,
      'plain',
    ]),
];

describe('expected trees', () => {
  it.each(cases)('%s parses to its expected tree', (input, stem, kind) => {
    const raw = readFileSync(input, 'utf8');
    const { document, warnings } = parseDocument(kind === 'corpus' ? corpusBody(raw) : raw);
    expectFile(`${stem}.tree.json`, `${JSON.stringify({ document, warnings }, null, 2)}\n`);
  });

  it('keeps every id of the seed', () => {
    const { document } = parseDocument(readFileSync('seeds/quang-ninh-ktxh-2026.txt', 'utf8'));
    const ids = flatten(document.nodes).map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expectFile('tests/fixtures/seed/quang-ninh-ktxh-2026.ids.txt', `${ids.join('\n')}\n`);
  });
});
