/**
 * Reading quantified commitments ("đạt trên 12,5%", "từ 11.800 USD trở lên", "2 - 2,5 tỷ USD")
 * out of a node's text into `Indicator` records. The words each rule looks for are data, in
 * `lexicon.json` (`./lexicon.ts`), so that another resolution's wording can be added there.
 *
 * The rules, in the order they apply to each number of a text:
 * 1. Numbers are read the Vietnamese way (`../text/numbers.ts`): `12,5` is 12.5, `74.000` is 74000.
 * 2. Numbers that are not quantities are skipped: years (four digits, 1900–2100, no separator),
 *    dates (`31/12/2026`, "ngày 16 tháng 12"), document numbers (`57-NQ/TW`), labels after
 *    `labelWords` ("số", "Điều", "khoản", "thứ"…), and anything inside quotation marks (mottos
 *    such as "3 trước, 4 tại chỗ").
 * 2a. A rank is a position, not a quantity: after a `rank.group` word ("top 10"), after a
 *    `rank.groupWithLeader` word with a leader word later ("nhóm 5 tỉnh, thành phố đứng đầu cả
 *    nước") → lte N; after a `rank.ordinal` phrase ("đứng thứ 3") → eq N; the unit is "hạng".
 * 2b. A population base is a unit, not a quantity: "trên 10.000 dân" (a `perWords` word, a power
 *    of ten, a `populations` word) followed only by linking verbs and the next figure ("Số bác sĩ
 *    trên 10.000 dân đạt 13 bác sĩ") is not read on its own; it joins that figure's unit.
 * 3. Two numbers joined by a dash or "đến" are a range: "từ 12,5% - 13%", "2 - 2,5 tỷ USD".
 * 4. The unit follows the number: `%`, or up to four words (after an optional scale word such as
 *    "tỷ", "triệu"), ending at punctuation, at a linking word (`unitStops`) or right after a
 *    currency ("đồng", "USD"), plus a rate such as "/năm". A population base, after the unit
 *    ("/1 vạn dân", "trên 10.000 dân") or before the figure (2b), is written after a slash:
 *    "bác sĩ/10.000 dân".
 * 5. The comparator comes from the words around the figure (`comparators`): "trên", "hơn" → gt;
 *    "từ … trở lên", "ít nhất", "tối thiểu", "không dưới" → gte; "thấp hơn", "dưới" → lt; "tối
 *    đa", "không quá", "… trở xuống" → lte; a range → range; otherwise ("đạt 88%") eq.
 * 6. `text` is the verbatim span from the comparator word to the end of the unit; the value's
 *    digits therefore always appear in the source, and nothing is computed or invented.
 * 7. The subject is the phrase before the figure in the same sentence part (after the previous
 *    figure, or ".", ";", ":", an unclosed "("), without linking words (`subjectLead`,
 *    `subjectTail`); for a percentage followed by what it is a share of ("ít nhất 3% tổng chi
 *    ngân sách"), it is that following phrase.
 *
 * Targets are commitments by definition, so every quantity in a target is read ("target" mode).
 * Elsewhere ("commitment" mode) a figure counts only with a unit that measures something: a
 * percentage, money, a rank, a rate per period or population, or a counted noun
 * (`countedUnits`: lượt khách, việc làm, doanh nghiệp, ha…), which keeps "02 cấp" or "2 chiều"
 * out.
 */
import type { DocNode, Document, Indicator } from '../document/schema.ts';
import { findNumbers, isYearLike, type NumberMatch } from '../text/numbers.ts';
import { alternation, LEXICON, type Lexicon } from './lexicon.ts';

/** "target": read every quantity; "commitment": only figures with a measuring unit. */
export type ReadMode = 'target' | 'commitment';

/** An indicator with the UTF-16 range of its `text` in the field it was read from. */
export interface IndicatorMatch extends Indicator {
  start: number;
  end: number;
}

/** The unit given to ranks ("nhóm 5 tỉnh, thành phố đứng đầu", "đứng thứ 3"): a position. */
export const RANK_UNIT = 'hạng';

/** A number as written in a base: "1", "10.000". */
const BASE_NUMBER = String.raw`\d{1,3}(?:\.\d{3})*`;

/** The sets and patterns the rules read, compiled from one lexicon. */
function compile(words: Lexicon) {
  return {
    /** Words right before a number that make it a label, a date part or an ordinal (lower case). */
    labelWords: new Set(words.labelWords),

    /** Scale words that belong to the unit ("tỷ đồng", "triệu lượt khách"). */
    scaleWords: new Set(words.scaleWords),

    /** Currencies end a unit: "74.000 tỷ đồng, trong đó" stops after "đồng". */
    currencies: new Set(words.currencies),

    /** Linking words that end a unit or a following phrase (lower case). */
    unitStops: new Set(words.unitStops),

    /** Counted nouns that make a figure outside a target a commitment (lower-case unit prefixes). */
    countedUnits: Object.values(words.countedUnits).flat(),

    /** Periods and populations after a slash that make a rate ("lần/năm", "bác sĩ/1 vạn dân"). */
    rateBases: new RegExp(
      `^(?:${BASE_NUMBER}\\s+)?(?:${alternation([...words.periods, ...words.populations])})$`,
      'u',
    ),

    /** A population base after a figure's unit: " trên 10.000 dân", " mỗi 1 vạn dân", "/1 vạn dân". */
    baseAfter: new RegExp(
      `^\\s*(?:${alternation(words.perWords)})\\s*(${BASE_NUMBER})\\s+(${alternation(words.populations)})(?![\\p{L}\\p{M}])`,
      'iu',
    ),

    /** The same base written before the figure: "Số bác sĩ trên 10.000 dân đạt 13 bác sĩ". */
    baseBefore: new RegExp(
      `(?:^|[^\\p{L}])(?:${alternation(words.perWords.filter((word) => word !== '/'))})\\s+$`,
      'iu',
    ),
    populationAfter: new RegExp(`^\\s+(${alternation(words.populations)})(?![\\p{L}\\p{M}])`, 'iu'),

    /** Comparator words before a figure, longest first; matched at the end of the preceding text. */
    beforeComparator: new RegExp(
      `(?:^|[^\\p{L}])(${alternation([...Object.keys(words.comparators), 'từ'])})\\s+$`,
      'iu',
    ),

    /** Words between a population base and its figure: linking verbs, then a comparator. */
    baseToFigure: new RegExp(
      `^[\\s,]*(?:(?:${alternation(words.linkingVerbs)})\\s+)*(?:(?:${alternation(Object.keys(words.comparators))})\\s+)?$`,
      'iu',
    ),

    /** Linking words around a subject that are not part of it (rule 7). */
    subjectLead: new RegExp(`^(?:[\\s,;:(]|(?:${alternation(words.subjectLead)}):?\\s)+`, 'iu'),
    subjectTail: new RegExp(
      `(?:[\\s,]|\\s(?:${alternation(words.subjectTail)}))+$|^(?:${alternation(words.subjectTail)})$`,
      'iu',
    ),

    /** Rank phrases before a number (rule 2a). */
    rankGroup: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(words.rank.group)})\\s+$`, 'iu'),
    rankGroupLeader: new RegExp(
      `(?:^|[^\\p{L}])(?:${alternation(words.rank.groupWithLeader)})\\s+$`,
      'iu',
    ),
    rankOrdinal: new RegExp(`(?:^|[^\\p{L}])(?:${alternation(words.rank.ordinal)})\\s+$`, 'iu'),
    /** The leader words after a group's number, within the same sentence part, and their scope. */
    /** What each comparator word means. */
    comparators: words.comparators,
    rankLeader: new RegExp(
      `^[^.;:]{0,60}?(?:${alternation(words.rank.leaders)})(?:\\s+(?:${alternation(words.rank.scopes)}))?(?![\\p{L}\\p{M}])`,
      'iu',
    ),
  };
}

/** Compiled rules; compiled once per lexicon. */
type Rules = ReturnType<typeof compile>;
const compiled = new WeakMap<Lexicon, Rules>();

/** The rules of a lexicon, compiled on first use. */
function rulesOf(lexicon: Lexicon): Rules {
  let rules = compiled.get(lexicon);
  if (!rules) {
    rules = compile(lexicon);
    compiled.set(lexicon, rules);
  }
  return rules;
}

/** Lower case in NFC: how words are compared with the lists above (folding would merge "đạt"/"đất"). */
function lower(word: string): string {
  return word.normalize('NFC').toLowerCase();
}

/** A phrase as the lexicon keys it: lower case, single spaces. */
function phraseKey(text: string): string {
  return lower(text).replace(/\s+/g, ' ').trim();
}

/** Half-open ranges of text inside quotation marks, where numbers are words of a motto. */
function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/"[^"]*"|“[^”]*”/g)) {
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/** The lower-case word right before `position`, skipping spaces; '' at the start. */
function previousWord(text: string, position: number): string {
  const match = /([\p{L}\p{M}]+)\s*$/u.exec(text.slice(Math.max(0, position - 30), position));
  return match ? lower(match[1] ?? '') : '';
}

/** True when a number is a label, a date part, a year or a document number, not a quantity. */
function isNotQuantity(rules: Rules, text: string, number: NumberMatch): boolean {
  if (isYearLike(number.text)) return true;
  const after = text.slice(number.end, number.end + 3);
  const before = text.slice(Math.max(0, number.start - 2), number.start);
  if (/^[/-]\s*[\p{L}\d]/u.test(after)) return true; // 57-NQ/TW, 4585/TTr, 31/12
  if (/\/\s*$|\p{L}-$/u.test(before)) return true; // the 12 of 31/12, HĐ-10
  return rules.labelWords.has(previousWord(text, number.start));
}

/** True for 1, 10, 100, 1.000…: the sizes a population base is given in. */
function isPowerOfTen(value: number): boolean {
  return value >= 1 && Number.isInteger(Math.log10(value));
}

/** A population base ("10.000 dân") read around a number, and where its words end. */
interface PopulationBase {
  base: string;
  end: number;
}

/** Rule 2b: the number at `number` is a population base for the figure `next`, not a figure. */
function baseBefore(
  rules: Rules,
  text: string,
  number: NumberMatch,
  next: NumberMatch | undefined,
): PopulationBase | null {
  if (!next || !isPowerOfTen(number.value)) return null;
  if (!rules.baseBefore.test(text.slice(Math.max(0, number.start - 12), number.start))) return null;
  const population = rules.populationAfter.exec(text.slice(number.end));
  if (!population) return null;
  const end = number.end + population[0].length;
  if (!rules.baseToFigure.test(text.slice(end, next.start))) return null;
  return { base: `${number.text} ${(population[1] ?? '').replace(/\s+/g, ' ')}`, end };
}

/** A population base written after a unit ("trên 10.000 dân", "/1 vạn dân"), if any. */
function baseAfter(rules: Rules, text: string, position: number): PopulationBase | null {
  const match = rules.baseAfter.exec(text.slice(position));
  if (!match || !isPowerOfTen(Number((match[1] ?? '').replaceAll('.', '')))) return null;
  return {
    base: `${match[1] ?? ''} ${(match[2] ?? '').replace(/\s+/g, ' ')}`,
    end: position + match[0].length,
  };
}

/** A unit read after a number, with where it ends. */
interface UnitMatch {
  unit: string | null;
  end: number;
}

/** Reads the unit that follows a number at `position` (rule 4). */
function readUnit(rules: Rules, text: string, position: number): UnitMatch {
  const percent = /^\s?%/.exec(text.slice(position));
  if (percent) return { unit: '%', end: position + percent[0].length };
  let end = position;
  let counted = 0;
  const word = /^[ \t]+([\p{L}\p{M}]+)/u;
  for (;;) {
    const match = word.exec(text.slice(end));
    if (!match) break;
    const written = lower(match[1] ?? '');
    if (rules.unitStops.has(written)) break;
    const isScale = rules.scaleWords.has(written) && end === position;
    if (!isScale && counted === 4) break;
    end += match[0].length;
    if (!isScale) counted += 1;
    if (rules.currencies.has(written)) return { unit: text.slice(position, end).trim(), end };
  }
  const noun = text.slice(position, end).trim();
  const base = baseAfter(rules, text, end);
  if (base) return { unit: `${noun}/${base.base}`, end: base.end };
  if (end > position) end = readRate(rules, text, end);
  const unit = text.slice(position, end).trim();
  return { unit: unit === '' ? null : unit, end };
}

/** Extends a unit over a rate that follows it: "/năm", "/1 vạn dân". */
function readRate(rules: Rules, text: string, position: number): number {
  const rate = /^\/\s*(?:\d[\d.]*\s+)?[\p{L}\p{M}]+(?:[ \t]+[\p{L}\p{M}]+){0,2}/u.exec(
    text.slice(position),
  );
  if (!rate) return position;
  // Drop trailing linking words a greedy match took ("/năm trong" → "/năm").
  const kept = rate[0].split(/[ \t]+/);
  while (kept.length > 1 && rules.unitStops.has(lower(kept[kept.length - 1] ?? ''))) kept.pop();
  return position + kept.join(' ').length;
}

/** True when a unit measures something, so that a figure outside a target is a commitment. */
export function isMeasuringUnit(unit: string | null, lexicon: Lexicon = LEXICON): boolean {
  const rules = rulesOf(lexicon);
  if (unit === null) return false;
  if (unit === '%' || unit === RANK_UNIT) return true;
  const folded = phraseKey(unit);
  const slash = folded.indexOf('/');
  if (slash >= 0 && rules.rateBases.test(folded.slice(slash + 1).trim())) return true;
  const parts = folded.split(' ');
  if (rules.scaleWords.has(parts[0] ?? '')) parts.shift();
  const base = parts.join(' ').split('/')[0]?.trim() ?? '';
  if (rules.currencies.has(parts[parts.length - 1] ?? '')) return true;
  return rules.countedUnits.some((noun) => base === noun || base.startsWith(`${noun} `));
}

/** Where the sentence part holding `position` begins: after ".", ";", ":" or an unclosed "(". */
function partStart(text: string, floor: number, position: number): number {
  let start = floor;
  let depth = 0;
  for (let i = position - 1; i >= floor; i -= 1) {
    const char = text[i];
    if (char === ')') depth += 1;
    else if (char === '(' && depth > 0) depth -= 1;
    else if (char === '(' || char === ';' || char === ':') {
      start = i + 1;
      break;
    } else if (char === '.' && !/\d/.test(text[i + 1] ?? '')) {
      start = i + 1;
      break;
    }
  }
  return start;
}

/** Trims linking words off a candidate subject; null when nothing is left. */
function cleanSubject(rules: Rules, raw: string): string | null {
  let subject = ` ${raw.replace(/\s+/g, ' ')} `;
  for (;;) {
    const next = subject.replace(rules.subjectLead, '').replace(rules.subjectTail, '');
    if (next === subject) break;
    subject = next;
  }
  subject = subject.trim();
  return subject === '' ? null : subject;
}

/** The phrase a percentage is a share of ("3% tổng chi ngân sách hằng năm cho…"), if any. */
function shareOf(rules: Rules, text: string, position: number): string | null {
  const match = /^[ \t]+([\p{L}\p{M}\d]+(?:[ \t]+[\p{L}\p{M}\d]+){0,11})/u.exec(
    text.slice(position),
  );
  if (!match) return null;
  const kept: string[] = [];
  for (const written of (match[1] ?? '').split(/[ \t]+/)) {
    if (rules.unitStops.has(lower(written))) break;
    kept.push(written);
  }
  return kept.length > 0 ? kept.join(' ') : null;
}

/** A rank read around a number: its span and comparator (rule 2a). */
interface RankMatch {
  start: number;
  end: number;
  comparator: Indicator['comparator'];
}

/** Reads a rank: "nhóm 5 tỉnh, thành phố đứng đầu cả nước", "top 10", "đứng thứ 3". */
function readRank(rules: Rules, text: string, number: NumberMatch): RankMatch | null {
  const before = text.slice(Math.max(0, number.start - 20), number.start);
  const leader = rules.rankLeader.exec(text.slice(number.end));
  const lead = (pattern: RegExp): number | null => {
    const match = pattern.exec(before);
    if (!match) return null;
    const word = match[0].replace(/^[^\p{L}]/u, '');
    return number.start - word.length;
  };
  const group = lead(rules.rankGroup);
  if (group !== null) {
    return { start: group, end: number.end + (leader?.[0].length ?? 0), comparator: 'lte' };
  }
  const withLeader = lead(rules.rankGroupLeader);
  if (withLeader !== null && leader) {
    return { start: withLeader, end: number.end + leader[0].length, comparator: 'lte' };
  }
  const ordinal = lead(rules.rankOrdinal);
  if (ordinal === null) return null;
  // "xếp thứ 15 trở lên": fifteenth or better, that is a position of at most 15.
  const better = /^\s+trở\s+lên/iu.exec(text.slice(number.end));
  if (better) return { start: ordinal, end: number.end + better[0].length, comparator: 'lte' };
  return { start: ordinal, end: number.end, comparator: 'eq' };
}

/** Finds the quantified commitments in one text field, in reading order. */
export function findIndicators(
  text: string,
  mode: ReadMode,
  lexicon: Lexicon = LEXICON,
): IndicatorMatch[] {
  const rules = rulesOf(lexicon);
  const quoted = quotedRanges(text);
  const numbers = findNumbers(text).filter(
    (number) =>
      (readRank(rules, text, number) !== null || !isNotQuantity(rules, text, number)) &&
      !quoted.some(([from, to]) => number.start >= from && number.start < to),
  );
  const found: IndicatorMatch[] = [];
  let floor = 0;
  let base: PopulationBase | null = null;
  for (let i = 0; i < numbers.length; i += 1) {
    const first = numbers[i];
    if (!first || first.start < floor) continue;
    const asBase = readRank(rules, text, first)
      ? null
      : baseBefore(rules, text, first, numbers[i + 1]);
    if (asBase) {
      base = asBase;
      continue;
    }
    const indicator = readOne(rules, text, first, numbers[i + 1], floor, base);
    base = null;
    if (!indicator) continue;
    if (mode === 'commitment' && !isMeasuringUnit(indicator.unit, lexicon)) continue;
    found.push(indicator);
    floor = indicator.end;
  }
  return found;
}

/**
 * Reads the indicator starting at `first`, taking `next` too when the two form a range; `base`
 * is a population base written before it (rule 2b).
 */
function readOne(
  rules: Rules,
  text: string,
  first: NumberMatch,
  next: NumberMatch | undefined,
  floor: number,
  base: PopulationBase | null,
): IndicatorMatch | null {
  const beginning = partStart(text, floor, first.start);
  const rank = readRank(rules, text, first);
  if (rank) {
    return {
      text: text.slice(rank.start, rank.end),
      value: first.value,
      min: null,
      max: null,
      comparator: rank.comparator,
      unit: RANK_UNIT,
      subject: cleanSubject(rules, text.slice(beginning, rank.start)),
      start: rank.start,
      end: rank.end,
    };
  }
  const joint = /^(\s?%)?\s*(?:[-–]|đến)\s*/u.exec(text.slice(first.end));
  const isRange =
    joint !== null && next !== undefined && next.start === first.end + joint[0].length;
  const last = isRange && next ? next : first;
  const read = readUnit(rules, text, last.end);
  if (isRange && joint?.[1] && read.unit !== '%') return null;
  const unit = base && !read.unit?.includes('/') ? `${read.unit ?? ''}/${base.base}` : read.unit;
  let end = read.end;
  let comparator: Indicator['comparator'] = isRange ? 'range' : 'eq';
  const bound = /^\s+trở\s+(lên|xuống)/iu.exec(text.slice(end));
  if (bound && !isRange) {
    comparator = lower(bound[1] ?? '') === 'lên' ? 'gte' : 'lte';
    end += bound[0].length;
  }
  let start = first.start;
  const lead = rules.beforeComparator.exec(
    text.slice(Math.max(beginning, base?.end ?? 0), first.start),
  );
  if (lead?.[1]) {
    const phrase = phraseKey(lead[1]);
    const leadStart = first.start - lead[0].length + lead[0].indexOf(lead[1]);
    // "từ" only compares inside "từ A - B" or "từ A … trở lên"; other words never join a range.
    if (phrase === 'từ') {
      if (isRange || bound) start = leadStart;
    } else if (!isRange && !bound) {
      comparator = rules.comparators[phrase] ?? 'eq';
      start = leadStart;
    }
  }
  const share = unit === '%' ? shareOf(rules, text, end) : null;
  return {
    text: text.slice(start, end),
    value: isRange ? null : first.value,
    min: isRange ? first.value : null,
    max: isRange ? last.value : null,
    comparator,
    unit,
    subject: share ?? cleanSubject(rules, text.slice(beginning, start)),
    start,
    end,
  };
}

/** Strips the offsets off a match, leaving the schema's `Indicator`. */
function toIndicator(match: IndicatorMatch): Indicator {
  const { text, value, min, max, comparator, unit, subject } = match;
  return { text, value, min, max, comparator, unit, subject };
}

/** The indicators of a node: every quantity of a target, the commitments of any other node. */
export function nodeIndicators(node: DocNode, lexicon: Lexicon = LEXICON): Indicator[] {
  const mode: ReadMode = node.kind === 'target' ? 'target' : 'commitment';
  return [node.heading, node.text]
    .flatMap((field) => (field === null ? [] : findIndicators(field, mode, lexicon)))
    .map(toIndicator);
}

/** Node kinds that hold body text where commitments are made. */
const BODY_TEXT_KINDS = new Set<DocNode['kind']>([
  'part',
  'chapter',
  'section',
  'article',
  'clause',
  'subclause',
  'point',
  'target',
  'item',
  'paragraph',
]);

/**
 * A copy of the tree in which every target carries its indicators (an empty list when it has
 * no figure, such as "không còn hộ nghèo"), and every other body node inside an article or an
 * appendix carries the commitments found in it, when there are any.
 */
export function withIndicators(document: Document, lexicon: Lexicon = LEXICON): Document {
  if (lexicon !== LEXICON) return readIndicators(document, lexicon);
  let read = withDefaultLexicon.get(document);
  if (!read) {
    read = readIndicators(document, lexicon);
    withDefaultLexicon.set(document, read);
  }
  return read;
}

/** Documents already read with the project's lexicon: exports and pages ask more than once. */
const withDefaultLexicon = new WeakMap<Document, Document>();

/** The document with its indicators read, as `withIndicators` returns it. */
function readIndicators(document: Document, lexicon: Lexicon): Document {
  const visit = (node: DocNode, inBody: boolean): DocNode => {
    const body = inBody || node.kind === 'article' || node.kind === 'appendix';
    const children = node.children.map((child) => visit(child, body));
    const copy: DocNode = { ...node, children };
    delete copy.indicators;
    if (node.kind === 'target') copy.indicators = nodeIndicators(node, lexicon);
    else if (body && BODY_TEXT_KINDS.has(node.kind)) {
      const indicators = nodeIndicators(node, lexicon);
      if (indicators.length > 0) copy.indicators = indicators;
    }
    return copy;
  };
  return { ...document, nodes: document.nodes.map((node) => visit(node, false)) };
}
