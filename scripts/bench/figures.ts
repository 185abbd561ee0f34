/**
 * Rewriting the numbers of a resolution for a synthetic variant: years shift, dates move and
 * figures scale, while every number that is structure (labels such as `Điều 1.`, `3.1.`, `(7)`,
 * references such as `khoản 3 Điều 1`) stays as it is, so the variant parses into the same tree.
 * Nothing but digits changes: every word of the source is kept, in order.
 */

/** How one variant changes the numbers of its source. */
export interface NumberPlan {
  /** Added to every year (1900–2100). */
  yearShift: number;
  /** Moves every day of month forward, wrapping within 1–28 so every date exists. */
  dayShift: number;
  /** Moves every month forward, wrapping within 1–12. */
  monthShift: number;
  /** Multiplies every other figure; never 1, so figures differ from the source. */
  factor: number;
}

/** A number as Vietnamese texts write it: `12`, `12,5`, `11.800`, `3.790.000`. */
const NUMBER = /(?<![\p{L}\p{N}])\d+(?:[.,]\d+)*(?![\p{L}\p{N}])/gu;

/** A date written `29/11/2016`, rewritten as one unit so day and month stay valid. */
const SLASH_DATE = /(?<![\p{L}\p{N}/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\p{N}/])/gu;

/**
 * Numbers that are structure, not figures: a unit's own label and references to units. Their
 * whole run is kept (`khoản 1, 2 và 3`, `Điều 5`, `Phụ lục 01, 03`), so cross-references and the
 * parser's numbering continuity are untouched.
 */
const REFERENCE =
  /(?<![\p{L}])(?:điều|chương|mục|phần|khoản|điểm|tiết|phụ lục)\s+(?:\*+\s*)?\d+(?:[.,]\d+)*(?:\s*(?:,|và|hoặc|đến|-|–)\s*\d+(?:[.,]\d+)*)*/giu;

/** A target label in running text: `(7)`. */
const TARGET_LABEL = /\(\s*\d+\s*\)/gu;

/** Markup and list marks that may stand before a line's label: `**`, `#`, `|`, `-`, `>`. */
const LINE_START_NUMBER = /^[\s*#>|_\-–]*\d+(?:[.,]\d+)*/u;

/** The plan for variant number `index` (≥ 1): deterministic, so a benchmark can be rerun. */
export function numberPlan(index: number, yearShift: number): NumberPlan {
  const percent = 80 + ((index * 37) % 41);
  return {
    yearShift,
    dayShift: (index * 11) % 28,
    monthShift: (index * 7) % 12,
    factor: (percent === 100 ? 107 : percent) / 100,
  };
}

/** Character ranges `[start, end)` of a line that hold structural numbers. */
export function protectedRanges(line: string): [number, number][] {
  const ranges: [number, number][] = [];
  const start = LINE_START_NUMBER.exec(line);
  if (start) ranges.push([0, start[0].length]);
  for (const pattern of [REFERENCE, TARGET_LABEL]) {
    for (const match of line.matchAll(pattern)) {
      ranges.push([match.index, match.index + match[0].length]);
    }
  }
  return ranges;
}

/** True when `[start, end)` lies inside one of the ranges. */
function inside(ranges: [number, number][], start: number, end: number): boolean {
  return ranges.some(([from, to]) => start >= from && end <= to);
}

/** Pads like the source did (`06` stays two digits). */
function padLike(source: string, value: number): string {
  const text = String(value);
  return source.startsWith('0') ? text.padStart(source.length, '0') : text;
}

/** A day of month moved forward within 1–28. */
export function shiftDay(day: string, plan: NumberPlan): string {
  const value = Number(day);
  if (value < 1 || value > 31) return day;
  return padLike(day, ((value - 1 + plan.dayShift) % 28) + 1);
}

/** A month moved forward within 1–12. */
export function shiftMonth(month: string, plan: NumberPlan): string {
  const value = Number(month);
  if (value < 1 || value > 12) return month;
  return padLike(month, ((value - 1 + plan.monthShift) % 12) + 1);
}

/** Inserts `.` between groups of three digits, as Vietnamese writes thousands. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A figure scaled by the plan's factor, written in the source's style (thousands dots, decimal
 * comma, same decimals, zero padding). Tokens that are not plain figures (`4.0`, `3.1`) are kept.
 */
export function scaleFigure(token: string, plan: NumberPlan, percent = false): string {
  const [whole = '', decimals, ...rest] = token.split(',');
  if (rest.length > 0) return token;
  const groups = whole.split('.');
  if (groups.slice(1).some((group) => group.length !== 3)) return token;
  const digits = groups.join('');
  const places = decimals?.length ?? 0;
  const value = Number(`${digits}.${decimals ?? '0'}`);
  let scaled = value * plan.factor;
  if (percent && value <= 100) scaled = Math.min(scaled, 100);
  const unit = 10 ** places;
  let rounded = Math.round(scaled * unit) / unit;
  if (value > 0 && rounded === 0) rounded = 1 / unit;
  const [intPart = '0', fraction] = rounded.toFixed(places).split('.');
  const integer = groups.length > 1 ? groupThousands(intPart) : padLike(whole, Number(intPart));
  return fraction === undefined ? integer : `${integer},${fraction}`;
}

/** A year moved by the plan's shift, when the token is one. */
function shiftYear(token: string, plan: NumberPlan): string | null {
  if (!/^\d{4}$/.test(token)) return null;
  const year = Number(token);
  return year >= 1900 && year <= 2100 ? String(year + plan.yearShift) : null;
}

/** The new text of one number, read in its context on the line. */
function rewriteNumber(token: string, before: string, after: string, plan: NumberPlan): string {
  const year = shiftYear(token, plan);
  if (year !== null) return year;
  if (/(?:^|[^\p{L}])ngày\s+$/iu.test(before)) return shiftDay(token, plan);
  if (/(?:^|[^\p{L}])tháng\s+$/iu.test(before)) return shiftMonth(token, plan);
  return scaleFigure(token, plan, /^\s*%/u.test(after));
}

/** One line with its figures rewritten and its structural numbers kept. */
export function rewriteLine(line: string, plan: NumberPlan): string {
  const ranges = protectedRanges(line);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const match of line.matchAll(SLASH_DATE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inside(ranges, start, end)) continue;
    const [, day = '', month = '', year = ''] = match;
    const text = `${shiftDay(day, plan)}/${shiftMonth(month, plan)}/${shiftYear(year, plan) ?? year}`;
    edits.push({ start, end, text });
    ranges.push([start, end]);
  }
  for (const match of line.matchAll(NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inside(ranges, start, end)) continue;
    const text = rewriteNumber(match[0], line.slice(0, start), line.slice(end), plan);
    edits.push({ start, end, text });
  }
  edits.sort((a, b) => b.start - a.start);
  let result = line;
  for (const edit of edits)
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** A whole text with its figures rewritten, line by line (labels live at line starts). */
export function rewriteNumbers(text: string, plan: NumberPlan): string {
  return text
    .split('\n')
    .map((line) => rewriteLine(line, plan))
    .join('\n');
}
