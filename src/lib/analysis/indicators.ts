/**
 * Reading quantified commitments ("đạt trên 12,5%", "từ 11.800 USD trở lên", "2 - 2,5 tỷ USD")
 * out of a node's text into `Indicator` records.
 *
 * The rules, in the order they apply to each number of a text:
 * 1. Numbers are read the Vietnamese way (`../text/numbers.ts`): `12,5` is 12.5, `74.000` is 74000.
 * 2. Numbers that are not quantities are skipped: years (four digits, 1900–2100, no separator),
 *    dates (`31/12/2026`, "ngày 16 tháng 12"), document numbers (`57-NQ/TW`), labels after
 *    "số", "Điều", "khoản", "giai đoạn", "thứ"…, and anything inside quotation marks (mottos such
 *    as "3 trước, 4 tại chỗ").
 * 3. Two numbers joined by a dash or "đến" are a range: "từ 12,5% - 13%", "2 - 2,5 tỷ USD".
 * 4. The unit follows the number: `%`, or up to four words (after an optional scale word such as
 *    "tỷ", "triệu"), ending at punctuation, at a linking word ("trở", "trong", "và", "tại"…) or
 *    right after a currency ("đồng", "USD"), plus a rate such as "/năm" or "/1 vạn dân".
 * 5. The comparator comes from the words around the figure: "trên", "hơn" → gt; "từ … trở lên",
 *    "ít nhất", "tối thiểu", "không dưới" → gte; "thấp hơn", "dưới" → lt; "tối đa", "không quá",
 *    "… trở xuống" → lte; a range → range; otherwise ("đạt 88%") eq. "nhóm 5 … đứng đầu" is a
 *    rank: lte 5 with the unit "hạng".
 * 6. `text` is the verbatim span from the comparator word to the end of the unit; the value's
 *    digits therefore always appear in the source, and nothing is computed or invented.
 * 7. The subject is the phrase before the figure in the same sentence part (after the previous
 *    figure, or ".", ";", ":", an unclosed "("), without linking words ("và", "trong đó",
 *    "phấn đấu", a trailing "đạt"); for a percentage followed by what it is a share of
 *    ("ít nhất 3% tổng chi ngân sách"), it is that following phrase.
 *
 * Targets are commitments by definition, so every quantity in a target is read ("target" mode).
 * Elsewhere ("commitment" mode) a figure counts only with a unit that measures something: a
 * percentage, money, a rank, a rate per period or population, or a counted noun from a short
 * list (lượt khách, việc làm, doanh nghiệp…), which keeps "02 cấp" or "2 chiều" out.
 */
import type { DocNode, Document, Indicator } from '../document/schema.ts';
import { fold } from '../text/fold.ts';
import { findNumbers, isYearLike, type NumberMatch } from '../text/numbers.ts';

/** "target": read every quantity; "commitment": only figures with a measuring unit. */
export type ReadMode = 'target' | 'commitment';

/** An indicator with the UTF-16 range of its `text` in the field it was read from. */
export interface IndicatorMatch extends Indicator {
  start: number;
  end: number;
}

/** The unit given to ranks ("nhóm 5 tỉnh, thành phố đứng đầu"): the figure is a position. */
export const RANK_UNIT = 'hạng';

/** Words right before a number that make it a label, a date part or an ordinal (lower case). */
const LABEL_WORDS = new Set([
  'ngày',
  'tháng',
  'năm',
  'số',
  'thứ',
  'khóa',
  'khoá',
  'kỳ',
  'kì',
  'điều',
  'khoản',
  'điểm',
  'chương',
  'mục',
  'phần',
  'đoạn',
  'lục',
  'lộ',
  'quý',
  'đợt',
  'họp',
]);

/** Scale words that belong to the unit ("tỷ đồng", "triệu lượt khách"). */
const SCALE_WORDS = new Set(['nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ', 'vạn']);

/** Currencies end a unit: "74.000 tỷ đồng, trong đó" stops after "đồng". */
const CURRENCIES = new Set(['đồng', 'usd', 'vnd', 'eur']);

/** Linking words that end a unit or a following phrase (lower case). */
const UNIT_STOPS = new Set([
  'trở',
  'trong',
  'và',
  'tại',
  'cho',
  'của',
  'so',
  'để',
  'với',
  'từ',
  'trên',
  'dưới',
  'đến',
  'hoặc',
  'gồm',
  'theo',
  'nhằm',
  'vào',
  'ở',
  'là',
  'đạt',
  'thì',
  'khi',
  'như',
  'nhất',
]);

/** Counted nouns that make a figure outside a target a commitment (lower-case unit prefixes). */
const COUNTED_UNITS = [
  'lượt',
  'khách',
  'việc làm',
  'doanh nghiệp',
  'hộ',
  'người',
  'lao động',
  'giường bệnh',
  'bác sĩ',
  'dược sĩ',
  'điều dưỡng',
  'học sinh',
  'sinh viên',
  'ha',
  'km',
  'mw',
  'tấn',
];

/** Periods and populations after a slash that make a rate ("lần/năm", "bác sĩ/1 vạn dân"). */
const RATE_BASES = /^(?:\d+\s+)?(?:năm|ngày|tháng|tuần|quý|giờ|vạn dân|nghìn dân|dân|người)$/u;

/** Comparator words before a figure, longest first; matched at the end of the preceding text. */
const BEFORE_COMPARATOR =
  /(?:^|[^\p{L}])(không thấp hơn|không dưới|ít nhất|tối thiểu|không vượt quá|không quá|không cao hơn|tối đa|thấp hơn|nhỏ hơn|ít hơn|dưới|cao hơn|lớn hơn|nhiều hơn|hơn|trên|từ)\s+$/iu;

/** Comparators of the words above, by folded phrase. */
const COMPARATOR_OF: Record<string, Indicator['comparator']> = {
  'khong thap hon': 'gte',
  'khong duoi': 'gte',
  'it nhat': 'gte',
  'toi thieu': 'gte',
  'khong vuot qua': 'lte',
  'khong qua': 'lte',
  'khong cao hon': 'lte',
  'toi da': 'lte',
  'thap hon': 'lt',
  'nho hon': 'lt',
  'it hon': 'lt',
  duoi: 'lt',
  'cao hon': 'gt',
  'lon hon': 'gt',
  'nhieu hon': 'gt',
  hon: 'gt',
  tren: 'gt',
};

/** Lower case in NFC: how words are compared with the lists above (folding would merge "đạt"/"đất"). */
function lower(word: string): string {
  return word.normalize('NFC').toLowerCase();
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
function isNotQuantity(text: string, number: NumberMatch): boolean {
  if (isYearLike(number.text)) return true;
  const after = text.slice(number.end, number.end + 3);
  const before = text.slice(Math.max(0, number.start - 2), number.start);
  if (/^[/-]\s*[\p{L}\d]/u.test(after)) return true; // 57-NQ/TW, 4585/TTr, 31/12
  if (/\/\s*$|\p{L}-$/u.test(before)) return true; // the 12 of 31/12, HĐ-10
  return LABEL_WORDS.has(previousWord(text, number.start));
}

/** A unit read after a number, with where it ends. */
interface UnitMatch {
  unit: string | null;
  end: number;
}

/** Reads the unit that follows a number at `position` (rule 4). */
function readUnit(text: string, position: number): UnitMatch {
  const percent = /^\s?%/.exec(text.slice(position));
  if (percent) return { unit: '%', end: position + percent[0].length };
  let end = position;
  let counted = 0;
  const words = /^[ \t]+([\p{L}\p{M}]+)/u;
  for (;;) {
    const match = words.exec(text.slice(end));
    if (!match) break;
    const word = lower(match[1] ?? '');
    if (UNIT_STOPS.has(word)) break;
    const isScale = SCALE_WORDS.has(word) && end === position;
    if (!isScale && counted === 4) break;
    end += match[0].length;
    if (!isScale) counted += 1;
    if (CURRENCIES.has(word)) return { unit: text.slice(position, end).trim(), end };
  }
  if (end > position) end = readRate(text, end);
  const unit = text.slice(position, end).trim();
  return { unit: unit === '' ? null : unit, end };
}

/** Extends a unit over a rate that follows it: "/năm", "/1 vạn dân". */
function readRate(text: string, position: number): number {
  const rate = /^\/\s*(?:\d+\s+)?[\p{L}\p{M}]+(?:[ \t]+[\p{L}\p{M}]+){0,2}/u.exec(
    text.slice(position),
  );
  if (!rate) return position;
  // Drop trailing linking words a greedy match took ("/năm trong" → "/năm").
  const kept = rate[0].split(/[ \t]+/);
  while (kept.length > 1 && UNIT_STOPS.has(lower(kept[kept.length - 1] ?? ''))) kept.pop();
  return position + kept.join(' ').length;
}

/** True when a unit measures something, so that a figure outside a target is a commitment. */
export function isMeasuringUnit(unit: string | null): boolean {
  if (unit === null) return false;
  if (unit === '%' || unit === RANK_UNIT) return true;
  const folded = lower(unit).replace(/\s+/g, ' ');
  const slash = folded.indexOf('/');
  if (slash >= 0 && RATE_BASES.test(folded.slice(slash + 1).trim())) return true;
  const words = folded.split(' ');
  if (SCALE_WORDS.has(words[0] ?? '')) words.shift();
  const base = words.join(' ').split('/')[0]?.trim() ?? '';
  if (CURRENCIES.has(words[words.length - 1] ?? '')) return true;
  return COUNTED_UNITS.some((noun) => base === noun || base.startsWith(`${noun} `));
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

/** Linking words around a subject that are not part of it. */
const SUBJECT_LEAD = /^(?:[\s,;:(]|và\s|trong đó:?\s|phấn đấu\s|đồng thời\s)+/iu;
const SUBJECT_TAIL =
  /(?:[\s,]|\sđạt|\sở mức|\sở|\slà|\skhoảng|\sphấn đấu|\scả năm|\strong năm)+$|^(?:đạt|ở mức|ở|là)$/iu;

/** Trims linking words off a candidate subject; null when nothing is left. */
function cleanSubject(raw: string): string | null {
  let subject = ` ${raw.replace(/\s+/g, ' ')} `;
  for (;;) {
    const next = subject.replace(SUBJECT_LEAD, '').replace(SUBJECT_TAIL, '');
    if (next === subject) break;
    subject = next;
  }
  subject = subject.trim();
  return subject === '' ? null : subject;
}

/** The phrase a percentage is a share of ("3% tổng chi ngân sách hằng năm cho…"), if any. */
function shareOf(text: string, position: number): string | null {
  const match = /^[ \t]+([\p{L}\p{M}\d]+(?:[ \t]+[\p{L}\p{M}\d]+){0,11})/u.exec(
    text.slice(position),
  );
  if (!match) return null;
  const words = (match[1] ?? '').split(/[ \t]+/);
  const kept: string[] = [];
  for (const word of words) {
    if (UNIT_STOPS.has(lower(word))) break;
    kept.push(word);
  }
  return kept.length > 0 ? kept.join(' ') : null;
}

/** Reads a rank: "nhóm 5 tỉnh, thành phố đứng đầu cả nước" (rule 5). */
function readRank(text: string, number: NumberMatch): { start: number; end: number } | null {
  const before = /nhóm\s+$/iu.exec(text.slice(Math.max(0, number.start - 12), number.start));
  if (!before) return null;
  const after = /^[^.;:]{0,60}?(?:đứng đầu|dẫn đầu)(?:\s+cả nước)?/iu.exec(text.slice(number.end));
  if (!after) return null;
  return { start: number.start - before[0].length, end: number.end + after[0].length };
}

/** Finds the quantified commitments in one text field, in reading order. */
export function findIndicators(text: string, mode: ReadMode): IndicatorMatch[] {
  const quoted = quotedRanges(text);
  const numbers = findNumbers(text).filter(
    (number) =>
      !isNotQuantity(text, number) &&
      !quoted.some(([from, to]) => number.start >= from && number.start < to),
  );
  const found: IndicatorMatch[] = [];
  let floor = 0;
  for (let i = 0; i < numbers.length; i += 1) {
    const first = numbers[i];
    if (!first || first.start < floor) continue;
    const indicator = readOne(text, first, numbers[i + 1], floor);
    if (!indicator) continue;
    if (mode === 'commitment' && !isMeasuringUnit(indicator.unit)) continue;
    found.push(indicator);
    floor = indicator.end;
  }
  return found;
}

/** Reads the indicator starting at `first`, taking `next` too when the two form a range. */
function readOne(
  text: string,
  first: NumberMatch,
  next: NumberMatch | undefined,
  floor: number,
): IndicatorMatch | null {
  const beginning = partStart(text, floor, first.start);
  const rank = readRank(text, first);
  if (rank) {
    return {
      text: text.slice(rank.start, rank.end),
      value: first.value,
      min: null,
      max: null,
      comparator: 'lte',
      unit: RANK_UNIT,
      subject: cleanSubject(text.slice(beginning, rank.start)),
      start: rank.start,
      end: rank.end,
    };
  }
  const joint = /^(\s?%)?\s*(?:[-–]|đến)\s*/u.exec(text.slice(first.end));
  const isRange =
    joint !== null && next !== undefined && next.start === first.end + joint[0].length;
  const last = isRange && next ? next : first;
  const { unit, end: unitEnd } = readUnit(text, last.end);
  if (isRange && joint?.[1] && unit !== '%') return null;
  let end = unitEnd;
  let comparator: Indicator['comparator'] = isRange ? 'range' : 'eq';
  const bound = /^\s+trở\s+(lên|xuống)/iu.exec(text.slice(end));
  if (bound && !isRange) {
    comparator = fold(bound[1] ?? '') === 'len' ? 'gte' : 'lte';
    end += bound[0].length;
  }
  let start = first.start;
  const lead = BEFORE_COMPARATOR.exec(text.slice(beginning, first.start));
  if (lead?.[1]) {
    const phrase = fold(lead[1]);
    const leadStart = first.start - lead[0].length + lead[0].indexOf(lead[1]);
    // "từ" only compares inside "từ A - B" or "từ A … trở lên"; other words never join a range.
    if (phrase === 'tu') {
      if (isRange || bound) start = leadStart;
    } else if (!isRange && !bound) {
      comparator = COMPARATOR_OF[phrase] ?? 'eq';
      start = leadStart;
    }
  }
  const share = unit === '%' ? shareOf(text, end) : null;
  return {
    text: text.slice(start, end),
    value: isRange ? null : first.value,
    min: isRange ? first.value : null,
    max: isRange ? last.value : null,
    comparator,
    unit,
    subject: share ?? cleanSubject(text.slice(beginning, start)),
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
export function nodeIndicators(node: DocNode): Indicator[] {
  const mode: ReadMode = node.kind === 'target' ? 'target' : 'commitment';
  return [node.heading, node.text]
    .flatMap((field) => (field === null ? [] : findIndicators(field, mode)))
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
export function withIndicators(document: Document): Document {
  const visit = (node: DocNode, inBody: boolean): DocNode => {
    const body = inBody || node.kind === 'article' || node.kind === 'appendix';
    const children = node.children.map((child) => visit(child, body));
    const copy: DocNode = { ...node, children };
    delete copy.indicators;
    if (node.kind === 'target') copy.indicators = nodeIndicators(node);
    else if (body && BODY_TEXT_KINDS.has(node.kind)) {
      const indicators = nodeIndicators(node);
      if (indicators.length > 0) copy.indicators = indicators;
    }
    return copy;
  };
  return { ...document, nodes: document.nodes.map((node) => visit(node, false)) };
}
