import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import {
  baseTag,
  loadBases,
  makeVariant,
  makeVariants,
  withoutLastSubclauses,
  type BaseText,
  type Variant,
} from '../../scripts/bench/variants.ts';
import { replacePlace } from '../../scripts/bench/places.ts';
import { words } from '../support/words.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const SEED = 'seeds/quang-ninh-ktxh-2026.txt';
const bases = loadBases(ROOT);
const thousand = makeVariants(bases, 1000);

/** The base a variant was made from. */
function baseOf(name: string): BaseText {
  const base = bases.find((candidate) => candidate.name === name);
  if (!base) throw new Error(`no base ${name}`);
  return base;
}

/** Words with every number and both province names masked: what a variant must keep. */
function maskedWords(text: string, places: (string | null)[]): string[] {
  let masked = text.replace(/\d+(?:[.,]\d+)*/g, '0');
  for (const place of places) if (place !== null) masked = replacePlace(masked, place, 'Nơi');
  return words(masked);
}

/** The ids and kinds of a parsed tree, in document order. */
function shape(text: string): string[] {
  return flatten(parseDocument(text).document.nodes).map((node) => `${node.kind}:${node.id}`);
}

/** The base text a variant keeps: its base without the sub-clauses it leaves out. */
function keptOf(variant: Variant): string {
  return withoutLastSubclauses(baseOf(variant.base).text, variant.dropped);
}

/** Variants of every base, early and late in the sequence. */
const SAMPLE = [...thousand.slice(1, 25), ...thousand.slice(-8)];

describe('benchmark variants', () => {
  it('reads the seed and the corpus texts without their source notes', () => {
    expect(bases.map((base) => base.name)).toContain('quang-ninh-ktxh-2026');
    expect(bases.length).toBeGreaterThanOrEqual(4);
    for (const base of bases) expect(base.text.startsWith('# source:')).toBe(false);
  });

  it('starts with the seed itself, byte for byte', () => {
    const first = makeVariant(bases, 0);
    expect(first.slug).toBe('quang-ninh-ktxh-2026');
    expect(first.text).toBe(readFileSync(`${ROOT}/${SEED}`, 'utf8'));
  });

  it('keeps every word of what it keeps of its base, in order, changing only numbers and the province', () => {
    for (const variant of SAMPLE) {
      const base = baseOf(variant.base);
      const places = [base.place, variant.place];
      expect(maskedWords(variant.text, places), variant.slug).toEqual(
        maskedWords(keptOf(variant), places),
      );
    }
  });

  it('parses into the tree of its base without the sub-clauses it leaves out', () => {
    for (const variant of SAMPLE) {
      expect(shape(variant.text), variant.slug).toEqual(shape(keptOf(variant)));
    }
    const seed = baseOf('quang-ninh-ktxh-2026').text;
    const full = shape(seed);
    const short = shape(withoutLastSubclauses(seed, 2));
    const left = full.filter((node) => !short.includes(node));
    expect(left.length).toBeGreaterThan(2);
    for (const node of left) expect(node).toMatch(/:dieu-1\.khoan-3-[78]\b/);
  });

  it('varies in length: variants of one base leave out different numbers of sub-clauses', () => {
    const lengths = new Set(
      thousand.filter((v) => v.base === 'quang-ninh-ktxh-2026').map((v) => v.text.length),
    );
    expect(lengths.size).toBeGreaterThan(20);
    const dropped = new Set(thousand.map((v) => v.dropped));
    expect([...dropped].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(withoutLastSubclauses('Điều 1. Một dòng.\nĐiều 2. Hai.', 3)).toBe(
      'Điều 1. Một dòng.\nĐiều 2. Hai.',
    );
  });

  it('changes the figures, the dates and the province', () => {
    for (const variant of SAMPLE) {
      const base = baseOf(variant.base);
      const before = parseDocument(base.text).document.meta;
      const after = parseDocument(variant.text).document.meta;
      expect(variant.text).not.toBe(base.text);
      expect(after.date, variant.slug).not.toBe(before.date);
      if (base.place !== null) {
        expect(after.place).toBe(variant.place);
        expect(after.issuer).not.toBe(before.issuer);
      }
      const numbers = (text: string): string[] => text.match(/\d+(?:[.,]\d+)*/g) ?? [];
      expect(numbers(variant.text)).not.toEqual(numbers(base.text));
    }
  });

  it('gives 1,000 documents distinct slugs and distinct texts', () => {
    const slugs = thousand.map((variant) => variant.slug);
    expect(new Set(slugs).size).toBe(1000);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(thousand.map((variant) => variant.text)).size).toBe(1000);
  });

  it('never gives two variants of a provincial base the same issuer and year', () => {
    const seen = new Set<string>();
    for (const variant of thousand.slice(1)) {
      const base = baseOf(variant.base);
      if (base.place === null) continue;
      const year = /năm (\d{4})/.exec(variant.text)?.[1];
      const key = `${variant.base}|${variant.place}|${year}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('names variants after their province and base', () => {
    expect(baseTag('quang-ninh-ktxh-2026')).toBe('ktxh');
    expect(baseTag('hanoi-2025-66-nq-hdnd-phi')).toBe('phi');
    const variant = makeVariant(bases, 4);
    expect(variant.slug).toMatch(/-ktxh-0004$/);
    expect(variant.text).toContain(`TỈNH ${variant.place?.toUpperCase()}`);
  });
});
