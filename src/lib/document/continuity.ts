/**
 * The continuity check: whether a label's number continues the numbering where it would go. This
 * is how a reader tells "Điều 2." that starts an article from "Điều 2." wrapped mid-sentence, so
 * every label passes here before it opens a unit.
 */
import type { LabelMatch } from './labels.ts';
import { nextPointLetter, ordinalValue, romanToNumber } from './numbering.ts';

/** Numbering remembered so far: the last number seen, by counter key. */
export type Counters = Partial<Record<string, string>>;

/** The continuity check's answer; `key` and `value` are the numbering to remember if accepted. */
export interface Verdict {
  ok: boolean;
  /** A warning for an accepted (or rejected) break in the numbering. */
  gap?: string;
  key: string;
  value: string;
}

/** Numbered units start here. */
const FIRST_NUMBER = 1;

/**
 * How far a number may jump and still be read as the next unit, when the line is free to start
 * one: a text that skips "3." (a deleted clause, a typo) still has a "4."; a larger jump is more
 * likely a number in running text.
 */
const MAX_ACCEPTED_JUMP = 3;

/**
 * Counters numbered across a whole document (or one appendix), not within their parent:
 * articles and targets, and chapters, which codes number on across their parts.
 */
const DOCUMENT_WIDE = new Set(['article', 'target', 'chapter']);

/** Where a counter lives: the document-wide scope or the parent's own counters. */
export function counterStore(key: string, scope: Counters, parent: Counters): Counters {
  return DOCUMENT_WIDE.has(key) ? scope : parent;
}

/** Where a label would go and what numbering surrounds it. */
export interface Place {
  /** The parent's kind and number: sub-clauses continue their own clause. */
  parentKind: string;
  parentNum: string | null;
  /** The parent's counters. */
  counters: Counters;
  /** Document-wide counters (articles, targets). */
  scope: Counters;
  /** Small gaps are allowed: the line begins a block or follows a full stop. */
  loose: boolean;
  /** Whether the parent holds running text of its own (where a lost first label would be). */
  parentHasText?: () => boolean;
}

/** An inserted article "2a" (or "2b" …): numbered after article 2, before article 3. */
const INSERTED_ARTICLE = /^(\d+)[a-z]$/;

/** Whether a number continues the counter `key`; `written` is the part of the number that counts. */
function ordinal(label: LabelMatch, key: string, at: Place, written: string): Verdict {
  const num = label.num ?? '';
  const prevText = counterStore(key, at.scope, at.counters)[key];
  const prev = prevText === undefined ? null : Number(prevText);
  const inserted = key === 'article' ? INSERTED_ARTICLE.exec(written) : null;
  if (inserted) {
    // "Điều 2a" follows "Điều 2" (or another "Điều 2x"); the counter stays at 2.
    const base = Number(inserted[1]);
    const ok = prev === base;
    const gap = ok ? undefined : `${label.label} does not follow Điều ${base}`;
    return { ok, ...(gap ? { gap } : {}), key, value: String(base) };
  }
  const value = ordinalValue(written);
  if (value === null) return { ok: false, key, value: num };
  if (prev === null) {
    if (value === FIRST_NUMBER) return { ok: true, key, value: String(value) };
    // A text may be an extract that starts at a later article; other units restart at 1,
    // except that a first "2." after the parent's own running text follows a "1." that an
    // import lost (Word numbering the text did not keep).
    const lostFirst = value === FIRST_NUMBER + 1 && at.parentHasText?.() === true;
    const ok = at.loose && (key === 'article' || (key !== 'target' && lostFirst));
    const gap = `${label.label} is the first, expected ${FIRST_NUMBER}`;
    return { ok, gap, key, value: String(value) };
  }
  if (value === prev + 1) return { ok: true, key, value: String(value) };
  const ok = at.loose && value > prev + 1 && value <= prev + MAX_ACCEPTED_JUMP;
  return { ok, gap: `numbering gap: ${label.label} after ${prev}`, key, value: String(value) };
}

/** "II." after "I.", or "B." after "A.": parts numbered by Roman numerals or capital letters. */
function partContinues(label: LabelMatch, counters: Counters): Verdict {
  const num = label.num ?? '';
  const prevLetter = counters['part-letter'];
  if (prevLetter !== undefined) {
    const ok = num.charCodeAt(0) === prevLetter.charCodeAt(0) + 1 && num.length === 1;
    if (ok) return { ok, key: 'part-letter', value: num };
  }
  const prevRoman = counters['part-roman'];
  const value = romanToNumber(num);
  if (value !== null && value === (prevRoman === undefined ? 1 : Number(prevRoman) + 1)) {
    return { ok: true, key: 'part-roman', value: String(value) };
  }
  // "A." starts lettered parts; "I." was handled as a Roman numeral above.
  if (prevLetter === undefined && prevRoman === undefined && num === 'A') {
    return { ok: true, key: 'part-letter', value: num };
  }
  return { ok: false, key: 'part', value: num };
}

/** "b)" after "a)": point letters follow the Vietnamese alphabet (see numbering.ts). */
function pointContinues(label: LabelMatch, at: Place): Verdict {
  const num = label.num ?? '';
  const prev = at.counters['point'];
  const expected = prev === undefined ? 'a' : nextPointLetter(prev);
  if (num === expected) return { ok: true, key: 'point', value: num };
  // One skipped letter is accepted where a unit may start, like a small numeric gap.
  const skip = expected ? nextPointLetter(expected) : null;
  const ok = at.loose && num === skip;
  return { ok, gap: `point ${num}) after ${prev ?? 'none'}`, key: 'point', value: num };
}

/** "a.2)" after "a.1)" inside point "a)": a tiết carries its point's letter and counts from 1. */
function subpointContinues(label: LabelMatch, at: Place): Verdict {
  const num = label.num ?? '';
  const m = /^([a-zđ])\.?(\d+)$/u.exec(num);
  if (!m || at.parentKind !== 'point' || at.parentNum !== m[1]) {
    return { ok: false, key: 'subpoint', value: num };
  }
  return ordinal(label, 'subpoint', at, m[2] ?? '');
}

/**
 * Whether a label continues the numbering where it would go; returns a warning for an accepted
 * gap, and the counter to update when the label is accepted.
 */
export function continues(label: LabelMatch, at: Place): Verdict {
  const num = label.num ?? '';
  switch (label.kind) {
    case 'article':
    case 'target':
    case 'chapter':
    case 'section':
    case 'clause':
      return ordinal(label, label.kind, at, num);
    case 'part':
      if (label.style === 'word') return ordinal(label, 'part-word', at, num);
      return partContinues(label, at.counters);
    case 'subclause': {
      // "3.2." continues only inside clause "3." (or sub-clause "3.") and after "3.1.".
      const parts = num.split('.');
      const prefix = parts.slice(0, -1).join('.');
      if (!['clause', 'subclause'].includes(at.parentKind) || at.parentNum !== prefix) {
        return { ok: false, key: 'subclause', value: num };
      }
      return ordinal(label, 'subclause', at, parts.at(-1) ?? '');
    }
    case 'subsection':
      return ordinal(label, 'subsection', at, num);
    case 'point':
      return pointContinues(label, at);
    case 'subpoint':
      return subpointContinues(label, at);
    default:
      return { ok: true, key: 'item', value: '' };
  }
}
