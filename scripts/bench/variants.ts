/**
 * Synthetic resolutions for build benchmarks: N documents made from the seed and the corpus
 * texts, each with its own slug, province, dates and figures, and of varied length (some leave
 * out the last sub-clauses of a list), so 10 to 10,000 documents can be built. Variant 0 is the seed itself, byte for byte, so every site the benchmark builds
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
  /** How many sub-clauses at the end of the base's longest list were left out. */
  dropped: number;
  text: string;
}

/** A line that starts a numbered sub-clause: "3.2. …". */
const SUBCLAUSE = /^(\d+)\.(\d+)\.\s/;

/** A line that starts a unit above sub-clauses: an article, a chapter or part, a clause. */
const ABOVE = /^(?:\*\*)?(?:Điều \d+\.|Chương\b|Mục \d+\.|PHỤ LỤC|[IVXLC]+\.\s|\d+\.\s)/i;

/** Variants of a base leave out 0, 1, … up to this many sub-clauses minus one, in turn. */
const DROP_CYCLE = 7;

/**
 * The text without the last `count` sub-clauses of its longest list ("3.1." … "3.8."), each
 * with all it holds, so variants of one base differ in length; at least two sub-clauses stay.
 * Unchanged when the text has no such list. Numbering stays continuous, so the parser reads the
 * shorter text as it reads the base, minus those units.
 */
export function withoutLastSubclauses(text: string, count: number): string {
  const lines = text.split('\n');
  const lists: number[][] = [];
  let major: string | null = null;
  lines.forEach((line, index) => {
    const match = SUBCLAUSE.exec(line);
    if (match) {
      if (match[1] !== major || lists.length === 0) lists.push([]);
      major = match[1] ?? null;
      lists.at(-1)?.push(index);
    } else if (ABOVE.test(line)) {
      major = null;
    }
  });
  const longest = lists.reduce<number[]>((a, b) => (b.length > a.length ? b : a), []);
  const drop = Math.min(count, longest.length - 2);
  if (drop <= 0) return text;
  const from = longest[longest.length - drop] as number;
  const last = longest[longest.length - 1] as number;
  let to = last + 1;
  while (to < lines.length && !ABOVE.test(lines[to] ?? '')) to++;
  return [...lines.slice(0, from), ...lines.slice(to)].join('\n');
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
    return { index, slug: base.name, base: base.name, place: null, dropped: 0, text: base.text };
  }
  const round = Math.floor(index / bases.length);
  const candidates = PROVINCES.filter((name) => name !== base.place);
  const place = base.place === null ? null : (candidates[round % candidates.length] ?? null);
  const yearShift = 1 + Math.floor(round / candidates.length);
  const plan = numberPlan(index, base.place === null ? 1 + (round % 30) : yearShift);
  const dropped = round % DROP_CYCLE;
  const trimmed = withoutLastSubclauses(base.text, dropped);
  const renamed =
    base.place !== null && place !== null ? replacePlace(trimmed, base.place, place) : trimmed;
  const where = slugify(place ?? base.place ?? 'quoc-hoi');
  return {
    index,
    slug: `${where}-${baseTag(base.name)}-${String(index).padStart(4, '0')}`,
    base: base.name,
    place,
    dropped: trimmed === base.text ? 0 : dropped,
    text: rewriteNumbers(renamed, plan),
  };
}

/** The first `count` variants, made one at a time as they are asked for. */
export function* variantsOf(bases: readonly BaseText[], count: number): Generator<Variant> {
  for (let index = 0; index < count; index++) yield makeVariant(bases, index);
}

/** The first `count` variants. */
export function makeVariants(bases: readonly BaseText[], count: number): Variant[] {
  return [...variantsOf(bases, count)];
}
