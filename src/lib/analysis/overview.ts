/**
 * What the targets overview shows, computed from the tree: each target's card (short label and
 * figures written the Vietnamese way), the percentages to draw as bars against 100%, a total split
 * into its parts ("74.000 = 56.500 + 17.500 tỷ đồng"), rates per population ("62 giường bệnh/1 vạn
 * dân"), and the commitments made outside the numbered targets. Pure, so the pages only lay out.
 *
 * Every number shown comes from an indicator, that is from the source text; the pictures only
 * turn those numbers into lengths and never print a computed figure.
 */
import type { DocNode, Document, Indicator } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { formatVietnameseNumber } from '../text/numbers.ts';
import { nodeIndicators, RANK_UNIT, withIndicators } from './indicators.ts';

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
    const words = `nhóm ${number(indicator.value)} đứng đầu`;
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

/** One percentage drawn as a bar against 100%. */
export interface PercentBar extends Figure {
  targetId: string;
  label: string | null;
  title: string;
  /** Where the bar starts being uncertain (range) and where it ends, both within 0–100. */
  from: number;
  to: number;
  comparator: Indicator['comparator'];
}

/** Every percentage figure of the given targets, in order, as bars. */
export function percentBars(targets: DocNode[]): PercentBar[] {
  const bars: PercentBar[] = [];
  for (const target of targets) {
    const indicators = target.indicators ?? nodeIndicators(target);
    indicators.forEach((indicator) => {
      if (indicator.unit !== '%') return;
      const clamp = (value: number | null): number => Math.min(100, Math.max(0, value ?? 0));
      const to = clamp(indicator.comparator === 'range' ? indicator.max : indicator.value);
      const from = indicator.comparator === 'range' ? clamp(indicator.min) : to;
      bars.push({
        targetId: target.id,
        label: target.label,
        title: indicator.subject
          ? capitalise(clipWords(indicator.subject, TITLE_LIMIT))
          : shortTitle(target, indicators),
        from,
        to,
        comparator: indicator.comparator,
        ...formatFigure(indicator),
      });
    });
  }
  return bars;
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

/** Figures of one target given per the same population ("/1 vạn dân"). */
export interface PopulationRates {
  targetId: string;
  label: string | null;
  /** "1 vạn dân". */
  base: string;
  items: Array<{ noun: string; value: number; indicator: Indicator } & Figure>;
}

/** The rates of a target that share a population base, when it has two or more. */
export function populationRates(target: DocNode): PopulationRates | null {
  const byBase = new Map<string, PopulationRates['items']>();
  for (const indicator of target.indicators ?? nodeIndicators(target)) {
    const match = /^(.+?)\s*\/\s*(\d+\s+(?:vạn|nghìn|ngàn)?\s*dân)$/u.exec(indicator.unit ?? '');
    if (!match || indicator.value === null) continue;
    const base = (match[2] ?? '').replace(/\s+/g, ' ');
    const list = byBase.get(base) ?? [];
    list.push({
      noun: match[1] ?? '',
      value: indicator.value,
      indicator,
      ...formatFigure(indicator),
    });
    byBase.set(base, list);
  }
  const [best] = [...byBase].sort((a, b) => b[1].length - a[1].length);
  if (!best || best[1].length < 2) return null;
  return { targetId: target.id, label: target.label, base: best[0], items: best[1] };
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
