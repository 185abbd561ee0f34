/**
 * Linking each numbered target to the task clauses that work toward it, by an automatic rule a
 * reader can check: the link shows the words the two share.
 *
 * Candidates: the nodes of the tasks part, that is the subtree of a clause or part whose heading
 * says "nhiệm vụ" or "giải pháp" ("3. Nhiệm vụ và giải pháp"), or, when a document has no such
 * heading, every body node outside the targets and their groups. Each candidate's heading and
 * text are compared with the target separately, so the link lands on the field holding the words.
 *
 * Rule 1, same figure: a count or an amount of the target ("trên 2.500 doanh nghiệp/năm") appears
 * in the task with the same value and unit ("trên 2.500 doanh nghiệp"; units compare by their
 * first two words, and a rate such as "/năm" is ignored). Percentages are too common ("100%") to link on their own and are not used.
 *
 * Rule 2, a shared key term: words are compared in lower case with their tone marks (folding
 * would merge "mới"/"môi" and "độ"/"đô"; old and new tone placement, "hoá"/"hóa", compare equal),
 * stop words ("và", "của", "các", "đạt", "trên"…) are dropped, and every two words standing side
 * by side form a pair. A pair found in at most a tenth of the candidates weighs 1, in at most a
 * quarter 0.5, more often 0 ("kinh tế", "đầu tư"); plan vocabulary ("tỷ lệ", "nâng cao", "phát
 * triển", "phấn đấu") weighs 0. A task links when it shares with the target a run of three words
 * or more ("kinh tế tư nhân", "xử lý nước thải", "chuẩn Quốc gia") weighing at least 1.5.
 *
 * Ranking: a link's score is the weight of all the pairs it shares (plus a bonus for a figure);
 * links under 60% of the best score of their target are dropped as weaker echoes, and at most
 * MAX_LINKS remain. `matched` lists the shared words as written in the task, `reason` the rule.
 */
import type { DocNode, Document, TextField } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { remembered, spellingKey, words } from '../text/fold.ts';
import { findIndicators, RANK_UNIT, type IndicatorMatch } from './indicators.ts';
import { escapeRegExp } from '../text/pattern.ts';
import { LEXICON } from './lexicon.ts';

/** Why a task clause is linked to a target. */
export type LinkReason = 'figure' | 'terms';

/** One task clause linked to a target. */
export interface TaskLink {
  /** Id of the task node. */
  nodeId: string;
  /** The field of the task node where the shared words are. */
  field: TextField;
  reason: LinkReason;
  /** The shared words as they appear in the task field, in order. */
  matched: string[];
  /** Rule 2 weight (figure links add 10), for ordering: higher is closer. */
  score: number;
}

/** A target and the task clauses linked to it, closest first. */
export interface TargetLinks {
  targetId: string;
  tasks: TaskLink[];
}

/** Rule 2: a shared run of three words or more must weigh at least this much. */
export const MIN_RUN_WEIGHT = 1.5;

/** A pair is rare in at most this share of the candidates, uncommon in at most the next. */
const RARE_SHARE = 0.1;
const UNCOMMON_SHARE = 0.25;

/** Links scoring under this share of a target's best link are dropped as weaker echoes. */
const RELATIVE_CUT = 0.6;

/** Added to the score of a figure link so that it comes first. */
const FIGURE_BONUS = 10;

/** At most this many task clauses per target, the closest ones, to keep links meaningful. */
const MAX_LINKS = 4;

/** Words that carry no topic, keyed as words are (marks kept, so "đạt" and "đất" stay apart). */
const STOP_WORDS = new Set(LEXICON.links.stopWords.map(spellingKey));

/** Word pairs of plan vocabulary that say nothing about a topic, keyed as pairs are. */
const PLAN_PAIR_KEYS = new Set(LEXICON.links.planPairs.map(spellingKey));

/** Words before a shared phrase that turn it into its opposite: "thu" and "chi ngân sách". */
const OPPOSITES = LEXICON.links.opposites.flatMap(([a, b]) => [
  [a, b],
  [b, a],
]);

/** A word of a text with its comparison key and its range in that text. */
interface Syllable {
  key: string;
  start: number;
  end: number;
}

/** A pair of words standing side by side in a text (nothing but spaces between them). */
interface Pair {
  key: string;
  start: number;
  end: number;
}

/**
 * A word's comparison key, or null for a stop word or a number: asked of every word of every
 * task and target, which repeat a few thousand words.
 */
const topicKey = remembered((word) => {
  const key = spellingKey(word);
  return /\p{L}/u.test(word) && !STOP_WORDS.has(key) ? key : null;
});

/** The side-by-side pairs of topic words of a text, in order (rule 2). */
function pairsOf(text: string): Pair[] {
  const syllables: Array<Syllable | null> = words(text).map((token) => {
    const key = topicKey(token.text);
    return key === null ? null : { key, start: token.start, end: token.end };
  });
  const out: Pair[] = [];
  for (let i = 1; i < syllables.length; i += 1) {
    const left = syllables[i - 1];
    const right = syllables[i];
    if (!left || !right || !/^[ \t]+$/.test(text.slice(left.end, right.start))) continue;
    out.push({ key: `${left.key} ${right.key}`, start: left.start, end: right.end });
  }
  return out;
}

/** A field of a task node, with its word pairs. */
interface Candidate {
  node: DocNode;
  field: TextField;
  text: string;
  pairs: Pair[];
}

/** True when a heading names the tasks part ("Nhiệm vụ và giải pháp"). */
function isTasksHeading(node: DocNode): boolean {
  const heading = (node.heading ?? '').toLowerCase();
  return heading.includes('nhiệm vụ') || heading.includes('giải pháp');
}

/** The candidate fields of the tasks part, in reading order. */
function candidatesOf(document: Document): Candidate[] {
  const withTargets = new Set<string>();
  walk(document.nodes, (node, ancestors) => {
    if (node.kind === 'target') for (const ancestor of ancestors) withTargets.add(ancestor.id);
  });
  const inTasks: DocNode[] = [];
  const inBody: DocNode[] = [];
  walk(document.nodes, (node, ancestors) => {
    if (node.kind === 'target' || withTargets.has(node.id)) return;
    if (ancestors.some((ancestor) => ancestor.kind === 'target')) return;
    const body = [...ancestors, node].some((n) => n.kind === 'article' || n.kind === 'appendix');
    if (!body) return;
    // Skip the container of the targets and anything under it (its groups "a) Về kinh tế:").
    if (ancestors.some((ancestor) => withTargets.has(ancestor.id) && isTargetGroup(ancestor))) {
      return;
    }
    inBody.push(node);
    if ([...ancestors, node].some(isTasksHeading)) inTasks.push(node);
  });
  const chosen = inTasks.length > 0 ? inTasks : inBody;
  return chosen.flatMap((node) =>
    (['heading', 'text'] as const).flatMap((field) => {
      const text = node[field];
      return text === null ? [] : [{ node, field, text, pairs: pairsOf(text) }];
    }),
  );
}

/** True for a node whose children include targets: a group such as "a) Về kinh tế:". */
function isTargetGroup(node: DocNode): boolean {
  return node.children.some((child) => child.kind === 'target');
}

/**
 * How telling each pair is: 1 when rare (in at most a tenth of the candidates, or two), 0.5 when
 * uncommon (at most a quarter), 0 when common or plan vocabulary.
 */
function pairWeights(candidates: Candidate[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const candidate of candidates) {
    for (const key of new Set(candidate.pairs.map((pair) => pair.key))) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const rare = Math.max(2, candidates.length * RARE_SHARE);
  const uncommon = Math.max(rare, candidates.length * UNCOMMON_SHARE);
  const weights = new Map<string, number>();
  for (const [key, count] of counts) {
    const weight = count <= rare ? 1 : count <= uncommon ? 0.5 : 0;
    weights.set(key, PLAN_PAIR_KEYS.has(key) ? 0 : weight);
  }
  return weights;
}

/** The unit a figure is compared by: its first two words, lower case, without a rate. */
function unitBase(unit: string | null): string {
  const base = (unit ?? '').toLowerCase().split('/')[0] ?? '';
  return base.trim().split(/\s+/).slice(0, 2).join(' ');
}

/** The figures read in each candidate's text, read once for all the targets that ask. */
const candidateFigures = new WeakMap<Candidate, IndicatorMatch[]>();

/** The figures of a candidate's text, as a target's are read. */
function figuresOf(candidate: Candidate): IndicatorMatch[] {
  let figures = candidateFigures.get(candidate);
  if (!figures) {
    figures = findIndicators(candidate.text, 'target');
    candidateFigures.set(candidate, figures);
  }
  return figures;
}

/** A target's figures that rule 1 compares: counts and amounts, not percentages or ranks. */
function countedFigures(figures: IndicatorMatch[]): IndicatorMatch[] {
  return figures.filter(
    (figure) => figure.unit !== '%' && figure.unit !== RANK_UNIT && unitBase(figure.unit) !== '',
  );
}

/** The figures of a task field that repeat one of a target's counted figures (rule 1). */
function sharedFigures(counted: IndicatorMatch[], candidate: Candidate): IndicatorMatch[] {
  if (counted.length === 0) return [];
  return figuresOf(candidate).filter((found) =>
    counted.some(
      (figure) =>
        unitBase(figure.unit) === unitBase(found.unit) &&
        figure.value === found.value &&
        figure.min === found.min &&
        figure.max === found.max,
    ),
  );
}

/** The weight of the heaviest run of shared pairs of three words or more (side by side). */
function heaviestRun(
  pairs: Pair[],
  shared: ReadonlySet<Pair>,
  weights: Map<string, number>,
): number {
  let best = 0;
  let run = 0;
  let length = 0;
  let previous: Pair | undefined;
  for (const pair of pairs) {
    const continues = previous !== undefined && shared.has(previous) && pair.start < previous.end;
    if (!shared.has(pair)) {
      run = 0;
      length = 0;
    } else {
      run = (continues ? run : 0) + (weights.get(pair.key) ?? 0);
      length = continues ? length + 1 : 1;
      if (length >= 2) best = Math.max(best, run);
    }
    previous = pair;
  }
  return best;
}

/** Shared pairs worth showing: telling ones, and plain ones that extend a telling run. */
function shownPairs(
  pairs: Pair[],
  shared: ReadonlySet<Pair>,
  weights: Map<string, number>,
): Pair[] {
  const telling = (pair: Pair | undefined): boolean =>
    pair !== undefined && shared.has(pair) && (weights.get(pair.key) ?? 0) > 0;
  return pairs.filter((pair, i) => {
    if (!shared.has(pair)) return false;
    if (telling(pair)) return true;
    const before = pairs[i - 1];
    const after = pairs[i + 1];
    return (
      (telling(before) && before !== undefined && before.end > pair.start) ||
      (telling(after) && after !== undefined && pair.end > after.start)
    );
  });
}

/** The pattern of words ending with a phrase, made once per phrase (a few opposites in all). */
const endingPatterns = new Map<string, RegExp>();

/** True when the words right before `position` end with `phrase` ("… thu" before "ngân sách"). */
function endsWith(text: string, position: number, phrase: string): boolean {
  let pattern = endingPatterns.get(phrase);
  if (!pattern) {
    pattern = new RegExp(`(?:^|[^\\p{L}\\p{M}])${escapeRegExp(phrase)}[\\s,]+$`, 'iu');
    endingPatterns.set(phrase, pattern);
  }
  return pattern.test(text.slice(Math.max(0, position - 40), position));
}

/** A target's text with its word pairs, and those pairs by key. */
interface TargetWords {
  text: string;
  pairs: Pair[];
  byKey: Map<string, Pair[]>;
  /** For a pair's key, the words of `OPPOSITES` that stand right before it in the target. */
  preceding: (key: string) => ReadonlySet<string>;
}

/** The second words of `OPPOSITES`, each once: what may stand before a pair in a target. */
const OPPOSED = [...new Set(OPPOSITES.map(([, theirs]) => theirs ?? ''))];

/** A target's words as every candidate is compared with them. */
function targetWords(text: string): TargetWords {
  const pairs = pairsOf(text);
  const byKey = new Map<string, Pair[]>();
  for (const pair of pairs) byKey.set(pair.key, [...(byKey.get(pair.key) ?? []), pair]);
  // Asked for by every candidate that shares the pair, worked out once per key.
  const before = new Map<string, ReadonlySet<string>>();
  const preceding = (key: string): ReadonlySet<string> => {
    let words = before.get(key);
    if (!words) {
      const occurrences = byKey.get(key) ?? [];
      words = new Set(
        OPPOSED.filter((word) => occurrences.some((pair) => endsWith(text, pair.start, word))),
      );
      before.set(key, words);
    }
    return words;
  };
  return { text, pairs, byKey, preceding };
}

/**
 * The pairs of a task field shared with the target, by occurrence. A run of shared pairs does
 * not count when the word before it in the task is the opposite of the word before the same
 * pair in the target: "chi ngân sách nhà nước" (spending) is not "thu ngân sách nhà nước"
 * (revenue), though they share three words.
 */
function sharedPairs(candidate: Candidate, target: TargetWords): Set<Pair> {
  const inTarget = target.byKey;
  // The target's side first: a pair seldom follows one of the opposites there.
  const contradicts = (pair: Pair): boolean => {
    const preceding = target.preceding(pair.key);
    return (
      preceding.size > 0 &&
      OPPOSITES.some(
        ([mine, theirs]) =>
          preceding.has(theirs ?? '') && endsWith(candidate.text, pair.start, mine ?? ''),
      )
    );
  };
  const shared = new Set<Pair>();
  let previous: Pair | undefined;
  let dropped = false;
  for (const pair of candidate.pairs) {
    const isShared = inTarget.has(pair.key);
    const continues =
      isShared && previous !== undefined && inTarget.has(previous.key) && pair.start < previous.end;
    if (isShared) {
      dropped = continues ? dropped : contradicts(pair);
      if (!dropped) shared.add(pair);
    }
    previous = pair;
  }
  return shared;
}

/** The candidates holding each pair, so that a target meets only those that share a pair. */
function candidatesByPair(candidates: Candidate[]): Map<string, Set<Candidate>> {
  const holders = new Map<string, Set<Candidate>>();
  for (const candidate of candidates) {
    for (const pair of candidate.pairs) {
      let set = holders.get(pair.key);
      if (!set) {
        set = new Set();
        holders.set(pair.key, set);
      }
      set.add(candidate);
    }
  }
  return holders;
}

/** The candidates sharing at least one pair with a target: the only ones rule 2 can link. */
function sharingCandidates(
  target: TargetWords,
  holders: Map<string, Set<Candidate>>,
): Set<Candidate> {
  const sharing = new Set<Candidate>();
  for (const key of target.byKey.keys()) {
    for (const candidate of holders.get(key) ?? []) sharing.add(candidate);
  }
  return sharing;
}

/** No shared pairs: what a candidate sharing none with the target has. */
const NO_PAIRS: ReadonlySet<Pair> = new Set();

/**
 * Links one target to the candidates by rules 1 and 2, before the relative cut. A candidate
 * that shares no pair with the target is looked at only for a figure, and only when the target
 * has one to compare.
 */
function linkTarget(
  target: DocNode,
  candidates: Candidate[],
  weights: Map<string, number>,
  holders: Map<string, Set<Candidate>>,
): TaskLink[] {
  const text = [target.heading, target.text].filter((t): t is string => t !== null).join(' ');
  const own = targetWords(text);
  const counted = countedFigures(findIndicators(text, 'target'));
  const sharing = sharingCandidates(own, holders);
  const links: TaskLink[] = [];
  for (const candidate of candidates) {
    const shares = sharing.has(candidate);
    if (!shares && counted.length === 0) continue;
    const shared = shares ? sharedPairs(candidate, own) : NO_PAIRS;
    const byTerms = heaviestRun(candidate.pairs, shared, weights) >= MIN_RUN_WEIGHT;
    const sameFigures = sharedFigures(counted, candidate);
    if (!byTerms && sameFigures.length === 0) continue;
    const keys = new Set([...shared].map((pair) => pair.key));
    const score = [...keys].reduce((sum, key) => sum + (weights.get(key) ?? 0), 0);
    const spans = [...shownPairs(candidate.pairs, shared, weights), ...sameFigures].sort(
      (a, b) => a.start - b.start,
    );
    const words = mergeSpans(spans).map(({ start, end }) => candidate.text.slice(start, end));
    links.push({
      nodeId: candidate.node.id,
      field: candidate.field,
      reason: sameFigures.length > 0 ? 'figure' : 'terms',
      matched: words.filter(
        (word, i) => words.findIndex((w) => spellingKey(w) === spellingKey(word)) === i,
      ),
      score: Math.round((score + (sameFigures.length > 0 ? FIGURE_BONUS : 0)) * 100) / 100,
    });
  }
  links.sort((a, b) => b.score - a.score);
  const best = links[0]?.score ?? 0;
  return links.filter((link) => link.score >= best * RELATIVE_CUT).slice(0, MAX_LINKS);
}

/** Merges overlapping spans so that no word is shown twice. */
function mergeSpans(
  spans: Array<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const linked = new WeakMap<Document, TargetLinks[]>();

/**
 * For every target of the document, in order, the task clauses that work toward it. Worked out
 * once per document: the pages, the tables and their field notes all ask for the same links.
 */
export function linkTargetsToTasks(document: Document): TargetLinks[] {
  let links = linked.get(document);
  if (!links) {
    links = findLinks(document);
    linked.set(document, links);
  }
  return links;
}

/** The links of `linkTargetsToTasks`, worked out. */
function findLinks(document: Document): TargetLinks[] {
  const candidates = candidatesOf(document);
  const weights = pairWeights(candidates);
  const holders = candidatesByPair(candidates);
  const result: TargetLinks[] = [];
  walk(document.nodes, (node) => {
    if (node.kind === 'target') {
      result.push({ targetId: node.id, tasks: linkTarget(node, candidates, weights, holders) });
    }
  });
  return result;
}

/** The same links seen from the tasks: task node id → the targets linked to it, in order. */
export function targetsByTask(links: TargetLinks[]): Map<string, string[]> {
  const byTask = new Map<string, string[]>();
  for (const { targetId, tasks } of links) {
    for (const task of tasks) {
      const list = byTask.get(task.nodeId) ?? [];
      if (!list.includes(targetId)) list.push(targetId);
      byTask.set(task.nodeId, list);
    }
  }
  return byTask;
}
