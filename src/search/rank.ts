import { matchQuality, WHOLE } from './match';
import { wordKeys } from './words';
import type { ParsedQuery } from './query';
import type { Section } from './sections';

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

/** Every position in the section where a query word matches; the last word is open while typing. */
export function findHits(section: Section, query: ParsedQuery, open: boolean): Hit[] {
  const { page } = section;
  const last = query.words.length - 1;
  const hits: Hit[] = [];
  for (let position = section.start; position < section.end; position++) {
    const keys = page.keys[position];
    if (!keys?.folded) continue;
    query.words.forEach((word, index) => {
      const quality = matchQuality(word, keys, open && index === last);
      if (quality > 0) hits.push({ position, token: index, quality });
    });
  }
  return hits;
}

/**
 * True when every quoted phrase stands in the section: its words at consecutive word positions
 * (punctuation between them does not count), each a whole-word match.
 */
export function holdsPhrases(
  hits: readonly Hit[],
  ordinal: readonly number[],
  query: ParsedQuery,
): boolean {
  const at = new Map<string, boolean>();
  for (const hit of hits) {
    if (hit.quality >= WHOLE) at.set(`${hit.token}@${ordinal[hit.position] ?? -1}`, true);
  }
  return query.phrases.every((phrase) => {
    const [first] = phrase;
    return hits.some(
      (hit) =>
        hit.token === first &&
        hit.quality >= WHOLE &&
        phrase.every((token, k) => at.has(`${token}@${(ordinal[hit.position] ?? -1) + k}`)),
    );
  });
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
function titleShare(section: Section, query: ParsedQuery): number {
  const words = section.title
    .split(/\s+/u)
    .map(wordKeys)
    .filter((word) => word.folded.length > 0);
  const found = query.words.filter((queryWord) =>
    words.some((word) => matchQuality(queryWord, word, false) >= WHOLE),
  ).length;
  return query.words.length === 0 ? 0 : found / query.words.length;
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
 * Scores every section that holds at least one query word and sorts them best first. When some
 * sections hold every query word and every quoted phrase, only those are kept. When none does,
 * sections holding some words remain, unless the query asked for exact spellings or phrases:
 * then nothing is kept, since showing near misses would hide that the words typed are absent.
 */
export function rankSections(
  sections: readonly Section[],
  query: ParsedQuery,
  open: boolean,
): Scored[] {
  const count = query.words.length;
  if (count === 0) return [];
  const candidates = sections
    .map((section) => ({ section, hits: findHits(section, query, open) }))
    .filter((candidate) => candidate.hits.length > 0);
  const idf = inverseFrequencies(
    candidates.map((candidate) => candidate.hits),
    count,
  );
  const idfTotal = idf.reduce((sum, value) => sum + value, 0) || 1;
  const lengths = candidates.map(({ section }) => section.end - section.start);
  const averageLength = lengths.reduce((sum, value) => sum + value, 0) / (lengths.length || 1) || 1;
  const scored = candidates.map(({ section, hits }, order) => {
    const { ordinal } = section.page;
    const best = new Array<number>(count).fill(0);
    const frequency = new Array<number>(count).fill(0);
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
        (sum, seen, token) =>
          sum + (idf[token] ?? 0) * saturate(seen, lengths[order] ?? 1, averageLength),
        0,
      ) / idfTotal;
    const complete = found === count && holdsPhrases(hits, ordinal, query);
    const score =
      (complete ? WEIGHTS.allFound : 0) +
      WEIGHTS.coverage * coverage +
      WEIGHTS.adjacency * adjacency(hits, ordinal, count) +
      WEIGHTS.proximity * (found / span) +
      WEIGHTS.frequency * tf +
      WEIGHTS.title * titleShare(section, query);
    return { section, score, hits, window, order, complete };
  });
  // A clause that lacks a typed word is noise once some clauses hold them all ("du lich" must
  // not list clauses that only say "dự" or "đủ").
  const strict = query.words.some((word) => word.marked) || query.phrases.length > 0;
  const kept = scored.some((s) => s.complete) || strict ? scored.filter((s) => s.complete) : scored;
  kept.sort((a, b) => b.score - a.score || a.order - b.order);
  return kept.map(({ section, score, hits, window }) => ({ section, score, hits, window }));
}
