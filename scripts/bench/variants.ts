/**
 * Synthetic resolutions for build benchmarks: N documents made from the seed and the corpus
 * texts, each with its own slug, province, dates and figures, so 1, 10, 100 and 1,000 documents
 * can be built. Variant 0 is the seed itself, byte for byte, so every site the benchmark builds
 * contains the real document that search queries are written for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { slugify } from '../../src/lib/text/slug.ts';
import { numberPlan, rewriteNumbers } from './figures.ts';
import { PROVINCES, replacePlace } from './places.ts';
import { corpusNames, readCorpus } from '../../tests/support/shared.ts';

/** A real text that variants are made from. */
export interface BaseText {
  /** File name without `.txt`. */
  name: string;
  text: string;
  /** The issuing province as the parser reads it (`Quảng Ninh`), or null (`QUỐC HỘI`). */
  place: string | null;
}

/** One generated document, ready to be written as `seeds/<slug>.txt`. */
export interface Variant {
  index: number;
  slug: string;
  /** The base text's name. */
  base: string;
  /** The province that replaces the base's, or null when unchanged. */
  place: string | null;
  text: string;
}

/** A base text read from disk, its province taken from the parsed metadata. */
export function baseText(name: string, text: string): BaseText {
  return { name, text, place: parseDocument(text).document.meta.place };
}

/** The seed that the search queries are written for: variant 0 of every benchmark site. */
export const QUERY_SEED = 'quang-ninh-ktxh-2026';

/** The seeds, the query seed first, then the shared corpus texts without their source notes. */
export function loadBases(root: string): BaseText[] {
  const seeds = readdirSync(join(root, 'seeds'))
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) =>
      baseText(basename(file, '.txt'), readFileSync(join(root, 'seeds', file), 'utf8')),
    )
    .sort((a, b) => Number(b.name === QUERY_SEED) - Number(a.name === QUERY_SEED));
  return [...seeds, ...corpusNames().map((name) => baseText(name, readCorpus(name)))];
}

/** The short tag of a base in variant slugs: its last non-numeric segment (`ktxh`, `phi`). */
export function baseTag(name: string): string {
  const segments = name.split('-').filter((segment) => !/^\d+$/.test(segment));
  return segments.at(-1) ?? 'doc';
}

/**
 * Variant `index` of the bases. Bases take turns; within one base the n-th variant takes the
 * n-th province and, once every province is used, the next year, so no two variants of a base
 * share both issuer and year, as no two real resolutions do.
 */
export function makeVariant(bases: readonly BaseText[], index: number): Variant {
  const base = bases[index % bases.length];
  if (base === undefined) throw new Error('no base texts to make variants from');
  if (index === 0) {
    return { index, slug: base.name, base: base.name, place: null, text: base.text };
  }
  const round = Math.floor(index / bases.length);
  const candidates = PROVINCES.filter((name) => name !== base.place);
  const place = base.place === null ? null : (candidates[round % candidates.length] ?? null);
  const yearShift = 1 + Math.floor(round / candidates.length);
  const plan = numberPlan(index, base.place === null ? 1 + (round % 30) : yearShift);
  const renamed =
    base.place !== null && place !== null ? replacePlace(base.text, base.place, place) : base.text;
  const where = slugify(place ?? base.place ?? 'quoc-hoi');
  return {
    index,
    slug: `${where}-${baseTag(base.name)}-${String(index).padStart(4, '0')}`,
    base: base.name,
    place,
    text: rewriteNumbers(renamed, plan),
  };
}

/** The first `count` variants. */
export function makeVariants(bases: readonly BaseText[], count: number): Variant[] {
  return Array.from({ length: count }, (_, index) => makeVariant(bases, index));
}
