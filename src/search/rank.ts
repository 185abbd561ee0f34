import type { QueryToken } from './query';
import type { Section } from './sections';
import { foldedKey, spelledLetters } from '../lib/text/fold';
import { wordParts } from './words';

/**
 * Our ranking of clause sections. Pagefind has no proximity and folds neither đ nor the
 * difference between a syllable and a syllable prefix, so we score what a reader notices:
 * every word found, the words standing together as typed, whole syllables, the typed marks.
 */

/** One query word found at one word position of a page. */
export interface Hit {
  position: number;
  token: number;
  quality: number;
}

export interface Scored {
  section: Section;
  score: number;
  hits: Hit[];
  /** First and last word position of the tightest stretch holding the most query words. */
  window: [number, number];
}

/** Completed syllables match whole; a longer foreign word ("logistic") may still be a prefix. */
const MIN_CLOSED_PREFIX = 4;

/** How well a word matches a query word: 0 none, up to 1.3 for the same syllable with its marks. */
export function matchQuality(
  token: QueryToken,
  key: string,
  parts: readonly string[],
  exact: string,
  open: boolean,
): number {
  let quality = 0;
  let sameWord = false;
  if (key === token.key) {
    quality = 1;
    sameWord = true;
  } else if (token.parts.length === 1 && parts.includes(token.key)) {
    quality = 0.9;
  } else if (key.startsWith(token.key) || parts.some((part) => part.startsWith(token.key))) {
    if (open) quality = 0.75;
    else if (token.key.length >= MIN_CLOSED_PREFIX) quality = 0.4;
  }
  if (quality === 0 || !token.marked) return quality;
  const typedAsWritten = sameWord ? exact === token.exact : exact.startsWith(token.exact);
  return typedAsWritten ? quality + 0.3 : quality - 0.2;
}

/** Words worth marking in an excerpt: whole matches, or prefixes long enough to mean something. */
export function isMarkable(hit: Hit, tokens: readonly QueryToken[]): boolean {
  return hit.quality >= 0.7 || (tokens[hit.token]?.key.length ?? 0) >= 3;
}

/** Every position in the section where a query word matches; the last word is open while typing. */
export function findHits(section: Section, tokens: readonly QueryToken[], open: boolean): Hit[] {
  const { page } = section;
  const hits: Hit[] = [];
  for (let position = section.start; position < section.end; position++) {
    const key = page.keys[position];
    if (!key) continue;
    const parts = page.parts[position] ?? [];
    const exact = page.exact[position] ?? '';
    tokens.forEach((token, index) => {
      const quality = matchQuality(token, key, parts, exact, open && index === tokens.length - 1);
      if (quality > 0) hits.push({ position, token: index, quality });
    });
  }
  return hits;
}

/** The shortest stretch of words that holds every distinct query word found, in ordinals. */
export function tightestWindow(hits: readonly Hit[], ordinal: readonly number[]): [number, number] {
  const first = hits[0];
  if (!first) return [0, 0];
  const wanted = new Set(hits.map((hit) => hit.token)).size;
  const counts = new Map<number, number>();
  let best: [number, number] = [first.position, hits[hits.length - 1]?.position ?? first.position];
  let bestSpan = Number.POSITIVE_INFINITY;
  let left = 0;
  for (const right of hits) {
    counts.set(right.token, (counts.get(right.token) ?? 0) + 1);
    while (counts.size === wanted) {
      const leftHit = hits[left];
      if (!leftHit) break;
      const span = (ordinal[right.position] ?? 0) - (ordinal[leftHit.position] ?? 0);
      if (span < bestSpan) {
        bestSpan = span;
        best = [leftHit.position, right.position];
      }
      const remaining = (counts.get(leftHit.token) ?? 1) - 1;
      if (remaining === 0) counts.delete(leftHit.token);
      else counts.set(leftHit.token, remaining);
      left++;
    }
  }
  return best;
}

/** Share of neighbouring query words (1–2, 2–3…) found next to each other, in the typed order. */
export function adjacency(
  hits: readonly Hit[],
  ordinal: readonly number[],
  tokenCount: number,
): number {
  if (tokenCount < 2) return hits.length > 0 ? 1 : 0;
  const at = new Set(hits.map((hit) => `${hit.token}@${ordinal[hit.position] ?? -1}`));
  let pairs = 0;
  for (let token = 0; token + 1 < tokenCount; token++) {
    const found = hits.some(
      (hit) => hit.token === token && at.has(`${token + 1}@${(ordinal[hit.position] ?? -2) + 1}`),
    );
    if (found) pairs++;
  }
  return pairs / (tokenCount - 1);
}

/** Inverse document frequency over the candidate sections, so a rare word outweighs "phát triển". */
export function inverseFrequencies(hitLists: readonly Hit[][], tokenCount: number): number[] {
  const total = hitLists.length;
  return Array.from({ length: tokenCount }, (_, token) => {
    const containing = hitLists.filter((hits) => hits.some((hit) => hit.token === token)).length;
    return Math.log(1 + (total - containing + 0.5) / (containing + 0.5));
  });
}

/** BM25's saturation: the tenth mention of a word adds little, a long clause is slightly damped. */
function saturate(frequency: number, length: number, averageLength: number): number {
  const k = 1.2;
  const b = 0.5;
  return (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength));
}

/** How many query words a clause's own title carries, as a share of all query words. */
function titleShare(section: Section, tokens: readonly QueryToken[]): number {
  const words = section.title
    .split(/\s+/u)
    .map((word) => ({ key: foldedKey(word), parts: wordParts(word), exact: spelledLetters(word) }))
    .filter((word) => word.key.length > 0);
  const found = tokens.filter((token) =>
    words.some((word) => matchQuality(token, word.key, word.parts, word.exact, false) > 0),
  ).length;
  return tokens.length === 0 ? 0 : found / tokens.length;
}

/** Weights of the score's parts: finding every word dominates, then words standing together. */
export const WEIGHTS = {
  allFound: 4,
  coverage: 3,
  adjacency: 2.5,
  proximity: 1,
  frequency: 0.6,
  title: 0.4,
} as const;

/**
 * Scores every section that holds at least one query word and sorts them best first; when some
 * sections hold every query word, only those are kept.
 */
export function rankSections(
  sections: readonly Section[],
  tokens: readonly QueryToken[],
  open: boolean,
): Scored[] {
  if (tokens.length === 0) return [];
  const candidates = sections
    .map((section) => ({ section, hits: findHits(section, tokens, open) }))
    .filter((candidate) => candidate.hits.length > 0);
  const idf = inverseFrequencies(
    candidates.map((candidate) => candidate.hits),
    tokens.length,
  );
  const idfTotal = idf.reduce((sum, value) => sum + value, 0) || 1;
  const lengths = candidates.map(({ section }) => section.end - section.start);
  const averageLength = lengths.reduce((sum, value) => sum + value, 0) / (lengths.length || 1) || 1;
  const scored = candidates.map(({ section, hits }, order) => {
    const { ordinal } = section.page;
    const best = new Array<number>(tokens.length).fill(0);
    const frequency = new Array<number>(tokens.length).fill(0);
    for (const hit of hits) {
      best[hit.token] = Math.max(best[hit.token] ?? 0, hit.quality);
      frequency[hit.token] = (frequency[hit.token] ?? 0) + 1;
    }
    const found = best.filter((quality) => quality > 0).length;
    const coverage =
      best.reduce((sum, quality, token) => sum + quality * (idf[token] ?? 0), 0) / idfTotal;
    const window = tightestWindow(hits, ordinal);
    const span = (ordinal[window[1]] ?? 0) - (ordinal[window[0]] ?? 0) + 1;
    const tf =
      frequency.reduce(
        (sum, count, token) =>
          sum + (idf[token] ?? 0) * saturate(count, lengths[order] ?? 1, averageLength),
        0,
      ) / idfTotal;
    const score =
      (found === tokens.length ? WEIGHTS.allFound : 0) +
      WEIGHTS.coverage * coverage +
      WEIGHTS.adjacency * adjacency(hits, ordinal, tokens.length) +
      WEIGHTS.proximity * (found / span) +
      WEIGHTS.frequency * tf +
      WEIGHTS.title * titleShare(section, tokens);
    return { section, score, hits, window, order, complete: found === tokens.length };
  });
  // A clause that lacks a typed word is noise once some clauses hold them all ("du lich" must
  // not list clauses that only say "dự" or "đủ"); with no complete match, partial ones remain.
  const kept = scored.some((s) => s.complete) ? scored.filter((s) => s.complete) : scored;
  kept.sort((a, b) => b.score - a.score || a.order - b.order);
  return kept.map(({ section, score, hits, window }) => ({ section, score, hits, window }));
}
