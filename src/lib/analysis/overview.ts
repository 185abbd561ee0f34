/**
 * What the targets overview shows, computed from the tree: each target's card (short label and
 * figures written the Vietnamese way), the percentages to draw as bars (shares of a whole against
 * 100%, changes such as growth rates on a scale that fits them), a total split into its parts
 * ("74.000 = 56.500 + 17.500 tỷ đồng"), rates per population ("62 giường bệnh/1 vạn dân"), and
 * the commitments made outside the numbered targets. Pure, so the pages only lay out.
 *
 * Every number shown comes from an indicator, that is from the source text; the pictures only
 * turn those numbers into lengths. The one number they add is the end of a scale (100%, or a
 * round value just above the largest change), written as a scale mark, never as a figure.
 */
import type { DocNode, Document, Indicator } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { formatVietnameseNumber } from '../text/numbers.ts';
import { nodeIndicators, RANK_UNIT, withIndicators } from './indicators.ts';
import { alternation, LEXICON } from './lexicon.ts';

/** A figure as the page writes it: short for the eye, in words for screen readers. */
export interface Figure {
  /** "trên 12,5%", "≥ 11.800 USD", "12,5–13%". */
  visual: string;
  /** "trên 12,5%", "từ 11.800 USD trở lên", "từ 12,5% đến 13%". */
  spoken: string;
}

/** A number followed by its unit: "12,5%" (no space before %), "11.800 USD". */
function withUnit(value: string, unit: string | null): string {
  if (unit === null || unit === '') return value;
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/** Writes an indicator's figure with its comparator, the Vietnamese way. */
export function formatFigure(indicator: Indicator): Figure {
  const number = (value: number | null): string =>
    value === null ? '' : formatVietnameseNumber(value);
  const { comparator, unit } = indicator;
  if (unit === RANK_UNIT) {
    // A rank is a position: "at most 5" is the group of the five leaders.
    const words =
      comparator === 'lte'
        ? `nhóm ${number(indicator.value)} đứng đầu`
        : `hạng ${number(indicator.value)}`;
    return { visual: words, spoken: words };
  }
  if (comparator === 'range') {
    const low = number(indicator.min);
    const high = withUnit(number(indicator.max), unit);
    const lowSpoken = unit === '%' ? `${low}%` : low;
    return { visual: `${low}–${high}`, spoken: `từ ${lowSpoken} đến ${high}` };
  }
  const figure = withUnit(number(indicator.value), unit);
  switch (comparator) {
    case 'gt':
      return { visual: `trên ${figure}`, spoken: `trên ${figure}` };
    case 'gte':
      return { visual: `≥ ${figure}`, spoken: `từ ${figure} trở lên` };
    case 'lt':
      return { visual: `dưới ${figure}`, spoken: `dưới ${figure}` };
    case 'lte':
      return { visual: `≤ ${figure}`, spoken: `không quá ${figure}` };
    default:
      return { visual: figure, spoken: figure };
  }
}

/** One target as a card. */
export interface TargetCard {
  id: string;
  /** "7". */
  num: string | null;
  /** "(7)". */
  label: string | null;
  /** A few words naming what is measured. */
  title: string;
  figures: Array<Figure & { indicator: Indicator }>;
}

/** Longest short label, in characters, before it is cut at a word. */
const TITLE_LIMIT = 90;

/** Cuts text at a word boundary with an ellipsis when longer than `limit`. */
function clipWords(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(]+$/u, '')}…`;
}

/** Upper-cases the first letter, as a label starts a line. */
function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** A short label: the first figure's subject, else the words before it, else the text. */
export function shortTitle(target: DocNode, indicators: Indicator[]): string {
  const text = (target.text ?? target.heading ?? '').trim();
  const subject = indicators[0]?.subject;
  if (subject && subject.split(/\s+/).length >= 2)
    return capitalise(clipWords(subject, TITLE_LIMIT));
  const sentence = text.split(/(?<=[.;])\s/u)[0] ?? text;
  return capitalise(clipWords(sentence.replace(/[.;]$/u, ''), TITLE_LIMIT));
}

/** The card of one target (indicators read if the node does not carry them yet). */
export function targetCard(target: DocNode): TargetCard {
  const indicators = target.indicators ?? nodeIndicators(target);
  return {
    id: target.id,
    num: target.num,
    label: target.label,
    title: shortTitle(target, indicators),
    figures: indicators.map((indicator) => ({ ...formatFigure(indicator), indicator })),
  };
}

/** How a percentage reads: a share of a whole (0–100%) or a change (growth, decrease). */
export type PercentKind = 'share' | 'change';

/** A change named at the start of the subject ("Tốc độ tăng …") or at its end ("… giảm"). */
const CHANGE_AT_START = new RegExp(
  `^(?:${alternation(LEXICON.percentKinds.change)})(?![\\p{L}\\p{M}])`,
  'iu',
);
const CHANGE_AT_END = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${alternation(LEXICON.percentKinds.change)})$`,
  'iu',
);
/** A share named at the start of the subject ("Tỷ lệ …", "Tỷ trọng …", "Đóng góp …"). */
const SHARE_AT_START = new RegExp(
  `^(?:${alternation(LEXICON.percentKinds.share)})(?![\\p{L}\\p{M}])`,
  'iu',
);

/**
 * Whether a percentage is a share or a change, from its subject: "Tốc độ tăng trưởng …" and
 * "Tỷ lệ hộ nghèo giảm" are changes; a share word ("Tỷ lệ", "Tỷ trọng", "Đóng góp") or no word
 * at all reads as a share, unless the figure passes 100%, which no share can.
 */
export function percentKind(indicator: Indicator): PercentKind {
  const subject = (indicator.subject ?? '').trim();
  if (SHARE_AT_START.test(subject) && !CHANGE_AT_END.test(subject)) {
    return (indicator.max ?? indicator.value ?? 0) > 100 ? 'change' : 'share';
  }
  if (CHANGE_AT_START.test(subject) || CHANGE_AT_END.test(subject)) return 'change';
  return (indicator.max ?? indicator.value ?? 0) > 100 ? 'change' : 'share';
}

/** One percentage drawn as a bar on its chart's scale. */
export interface PercentBar extends Figure {
  targetId: string;
  label: string | null;
  /** What the bar measures, shown beside it, so that two bars of one target differ. */
  title: string;
  /** Where the bar starts being uncertain (range) and where it ends, within the scale. */
  from: number;
  to: number;
  comparator: Indicator['comparator'];
}

/** Percentages of one kind on one scale, from 0 to `max`. */
export interface PercentChart {
  kind: PercentKind;
  /** The end of the scale: 100 for shares, a round value above the largest change. */
  max: number;
  bars: PercentBar[];
}

/** The round value at or above `value` on the 1, 2, 2.5, 5, 10 ladder: 13 → 15, 51 → 100. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

/** Every percentage figure of the given targets, in order, as bars, with its kind. */
function percentFigures(targets: DocNode[]): Array<{ kind: PercentKind; bar: PercentBar }> {
  const found: Array<{ kind: PercentKind; bar: PercentBar }> = [];
  for (const target of targets) {
    const indicators = target.indicators ?? nodeIndicators(target);
    for (const indicator of indicators) {
      if (indicator.unit !== '%') continue;
      const to = Math.max(
        0,
        (indicator.comparator === 'range' ? indicator.max : indicator.value) ?? 0,
      );
      const from = indicator.comparator === 'range' ? Math.max(0, indicator.min ?? 0) : to;
      found.push({
        kind: percentKind(indicator),
        bar: {
          targetId: target.id,
          label: target.label,
          title: indicator.subject
            ? capitalise(clipWords(indicator.subject, TITLE_LIMIT))
            : shortTitle(target, indicators),
          from,
          to,
          comparator: indicator.comparator,
          ...formatFigure(indicator),
        },
      });
    }
  }
  return found;
}

/** The percentages of some targets as charts: shares against 100%, then changes on their scale. */
export function percentCharts(targets: DocNode[]): PercentChart[] {
  const figures = percentFigures(targets);
  const charts: PercentChart[] = [];
  for (const kind of ['share', 'change'] as const) {
    const bars = figures.filter((figure) => figure.kind === kind).map((figure) => figure.bar);
    if (bars.length === 0) continue;
    const largest = Math.max(...bars.map((bar) => bar.to));
    charts.push({ kind, max: kind === 'share' ? 100 : niceCeiling(largest), bars });
  }
  return charts;
}

/** A total and the parts it is split into, all in one unit, read from one target. */
export interface PartsOfWhole {
  targetId: string;
  label: string | null;
  unit: string;
  total: Indicator & Figure;
  parts: Array<Indicator & Figure>;
}

/**
 * A target whose first figure is the sum of the others, in the same unit: "trên 74.000 tỷ đồng,
 * trong đó … trên 56.500 tỷ đồng, … 17.500 tỷ đồng". Null for any other target.
 */
export function partsOfWhole(target: DocNode): PartsOfWhole | null {
  const indicators = (target.indicators ?? nodeIndicators(target)).filter(
    (indicator) => indicator.value !== null && indicator.comparator !== 'range',
  );
  const [total, ...parts] = indicators;
  if (!total || parts.length < 2 || total.unit === null || total.unit === '%') return null;
  if (parts.some((part) => part.unit !== total.unit)) return null;
  const sum = parts.reduce((acc, part) => acc + (part.value ?? 0), 0);
  const whole = total.value ?? 0;
  if (whole <= 0 || Math.abs(sum - whole) > whole * 0.005) return null;
  return {
    targetId: target.id,
    label: target.label,
    unit: total.unit,
    total: { ...total, ...formatFigure(total) },
    parts: parts.map((part) => ({ ...part, ...formatFigure(part) })),
  };
}

/** Figures given per the same population ("/1 vạn dân", "/10.000 dân"), from one or more targets. */
export interface PopulationRates {
  /** "1 vạn dân", "10.000 dân". */
  base: string;
  items: Array<
    {
      targetId: string;
      label: string | null;
      noun: string;
      value: number;
      indicator: Indicator;
    } & Figure
  >;
}

/** A unit per a population: "bác sĩ/10.000 dân" → noun "bác sĩ", base "10.000 dân". */
const PER_POPULATION = new RegExp(
  `^(.*?)\\s*\\/\\s*(\\d{1,3}(?:\\.\\d{3})*\\s+(?:${alternation(LEXICON.populations)}))$`,
  'iu',
);

/**
 * The figures of the given targets that share a population base, one entry per base with two
 * figures or more (a single rate is clearer as a card than as a chart), largest first.
 */
export function populationRates(targets: DocNode[]): PopulationRates[] {
  const byBase = new Map<string, PopulationRates['items']>();
  for (const target of targets) {
    for (const indicator of target.indicators ?? nodeIndicators(target)) {
      const match = PER_POPULATION.exec(indicator.unit ?? '');
      if (!match || indicator.value === null) continue;
      const base = (match[2] ?? '').replace(/\s+/g, ' ');
      const list = byBase.get(base) ?? [];
      list.push({
        targetId: target.id,
        label: target.label,
        noun: match[1] || (indicator.subject ?? ''),
        value: indicator.value,
        indicator,
        ...formatFigure(indicator),
      });
      byBase.set(base, list);
    }
  }
  return [...byBase]
    .filter(([, items]) => items.length >= 2)
    .sort((a, b) => b[1].length - a[1].length)
    .map(([base, items]) => ({ base, items }));
}

/** A node outside the targets with the commitments read from it. */
export interface Commitment {
  node: DocNode;
  ancestors: DocNode[];
  figures: Array<Indicator & Figure>;
}

/** Quantified commitments made outside the numbered targets, in reading order. */
export function otherCommitments(document: Document): Commitment[] {
  const found: Commitment[] = [];
  walk(withIndicators(document).nodes, (node, ancestors) => {
    if (node.kind === 'target' || !node.indicators?.length) return;
    found.push({
      node,
      ancestors,
      figures: node.indicators.map((indicator) => ({ ...indicator, ...formatFigure(indicator) })),
    });
  });
  return found;
}
