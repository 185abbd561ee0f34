/**
 * Recognising the label at the start of a logical line. Recognition is syntax only; whether the
 * label is accepted as a new unit is the parser's continuity check.
 */
import type { BodyKind } from './schema.ts';

/** Kinds that a label opens: every body kind but the unlabelled ones. */
export type LabelKind = Exclude<BodyKind, 'paragraph' | 'quote' | 'table' | 'row' | 'cell'>;

/** A label found at the start of a line. */
export interface LabelMatch {
  kind: LabelKind;
  /** "Roman" or "letter" for parts numbered "II." or "B."; the bullet for items. */
  style: 'roman' | 'letter' | 'word' | 'bullet' | 'plus' | 'number';
  num: string | null;
  /** The label exactly as written, e.g. "Điều 1.", "3.1.", "a)", "(7)", "-". */
  label: string;
  /** The rest of the line after the label and its spaces. */
  rest: string;
}

interface Rule {
  kind: LabelMatch['kind'];
  style: LabelMatch['style'];
  pattern: RegExp;
}

/** Order matters: "3.1." before "3.", "Điều 1." before anything numeric. */
const RULES: Rule[] = [
  {
    kind: 'part',
    style: 'word',
    pattern: /^(Phần|PHẦN)\s+(thứ\s+\p{L}+|THỨ\s+\p{L}+|[IVXLC]+|\d+)\b\.?:?/u,
  },
  { kind: 'chapter', style: 'word', pattern: /^(Chương|CHƯƠNG)\s+([IVXLC]+|\d+)\b\.?:?/u },
  { kind: 'section', style: 'word', pattern: /^(Mục|MỤC)\s+([IVXLC]+|\d+)\b\.?:?/u },
  // "Tiểu mục" divides a section in codes and long laws.
  { kind: 'subsection', style: 'word', pattern: /^(Tiểu mục|TIỂU MỤC)\s+(\d+)\b\.?:?/u },
  {
    kind: 'article',
    style: 'word',
    // "Điều 2a." is an inserted article; consolidated texts mark amended articles with a note
    // number or stars ("Điều 8[7].", "Điều 16***."): the marks stay in the label.
    pattern: /^(Điều|ĐIỀU)\s+(\d+[a-z]?)(?:\[\d+\]|\*+)?(?:\s*[.:](?!\d)|(?=\s*$))/u,
  },
  { kind: 'part', style: 'roman', pattern: /^()([IVXLC]+)\.(?=\s)/ },
  { kind: 'part', style: 'letter', pattern: /^()([A-Z])\.(?=\s)/ },
  { kind: 'subclause', style: 'number', pattern: /^()(\d{1,3}(?:\.\d{1,2})+)\.?(?=\s)/ },
  { kind: 'clause', style: 'number', pattern: /^()(\d{1,3})\.(?=\s|$)/ },
  // A "tiết" divides a point: "a.1)", "a1)" or "a.1." under point "a)".
  { kind: 'subpoint', style: 'letter', pattern: /^()([a-zđ]\.?\d{1,2})\)(?=\s|$)/u },
  { kind: 'subpoint', style: 'letter', pattern: /^()([a-zđ]\.\d{1,2})\.(?=\s)/u },
  { kind: 'point', style: 'letter', pattern: /^()([a-zđ])\)(?=\s|$)/u },
  { kind: 'target', style: 'number', pattern: /^()\((\d{1,3})\)(?=\s|$)/ },
  { kind: 'item', style: 'bullet', pattern: /^()([-•–])(?=\s)/ },
  { kind: 'item', style: 'plus', pattern: /^()(\+)(?=\s)/ },
];

/** The label at the start of `text`, if any. */
export function matchLabel(text: string): LabelMatch | null {
  for (const rule of RULES) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    const label = m[0];
    const num = rule.kind === 'item' ? null : (m[2] ?? null);
    return {
      kind: rule.kind,
      style: rule.style,
      num,
      label,
      rest: text.slice(label.length).trim(),
    };
  }
  return null;
}

/** Inline targets "(1) … (2) …" written on one line, split where the numbering continues. */
export interface InlineSplit {
  lead: string;
  targets: { num: string; label: string; text: string }[];
}

/**
 * Splits a line at target markers that continue the numbering from `next`: a marker counts only
 * at the start or after a sentence end, so "(i)" or a "(3)" inside a sentence stays text.
 */
export function splitInlineTargets(text: string, next: number): InlineSplit {
  const marker = /(^|[.:;]\s+|[.:;](?=\())\((\d{1,3})\)(?=\s|$)/g;
  const cuts: { at: number; end: number; num: number }[] = [];
  let expected = next;
  for (const m of text.matchAll(marker)) {
    if (Number(m[2]) !== expected) continue;
    const at = (m.index ?? 0) + (m[1] ?? '').length;
    cuts.push({ at, end: at + `(${m[2]})`.length, num: expected });
    expected++;
  }
  if (cuts.length === 0) return { lead: text, targets: [] };
  const targets = cuts.map((cut, i) => ({
    num: String(cut.num),
    label: `(${cut.num})`,
    text: text.slice(cut.end, cuts[i + 1]?.at ?? text.length).trim(),
  }));
  return { lead: text.slice(0, cuts[0]?.at ?? 0).trim(), targets };
}
