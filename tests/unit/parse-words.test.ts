import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { toPlainText } from '../../src/lib/document/serialize.ts';
import { corpusNames, readCorpus, truthTexts } from '../support/shared.ts';
import { firstDifference, words } from '../support/words.ts';

const SEED = readFileSync('seeds/quang-ninh-ktxh-2026.txt', 'utf8');
const CORPUS = corpusNames().map((name) => [name, readCorpus(name)] as const);
const HANDMADE = readdirSync('tests/fixtures/handmade')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => [f, readFileSync(`tests/fixtures/handmade/${f}`, 'utf8')] as const);
const TRUTH = truthTexts().map(([name, path]) => [name, readFileSync(path, 'utf8')] as const);

/** Whitespace is not content: collapse it for a character-exact comparison. */
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('nothing is lost', () => {
  it('rebuilds the seed character for character, whitespace aside', () => {
    const rebuilt = toPlainText(parseDocument(SEED).document);
    expect(squash(rebuilt)).toBe(squash(SEED.normalize('NFC')));
  });

  it.each([['seed', SEED] as const, ...CORPUS, ...HANDMADE, ...TRUTH])(
    'gives back every word of %s in order',
    (_name, text) => {
      const rebuilt = toPlainText(parseDocument(text).document);
      expect(firstDifference(words(text), words(rebuilt))).toBeNull();
    },
  );

  it('has a corpus and imported texts to test against', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(3);
    expect(TRUTH.length).toBeGreaterThanOrEqual(4);
  });
});
