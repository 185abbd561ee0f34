/**
 * Quotations in amending documents: "Sửa đổi Điều 5 như sau: “Điều 5. …”". The quoted text is
 * the amended document's, not this one's: it is kept verbatim, line by line, and its labels are
 * only watched so that an unclosed quotation can be told from the amending text that follows it.
 */
import type { Counters } from './continuity.ts';
import type { Draft } from './draft.ts';
import { matchLabel, type LabelMatch } from './labels.ts';
import { quoteBalance } from './lookahead.ts';
import { nextPointLetter, ordinalValue } from './numbering.ts';

/** A quotation being read. */
export interface OpenQuote {
  node: Draft;
  /** The line it opened on, for warnings. */
  line: number;
  /** Opening minus closing marks so far: the quotation ends when it comes back to zero. */
  balance: number;
  /** Numbering seen inside the quotation: article, clause, point. */
  inner: Counters;
}

/** Leading quotation marks, which sit before a quoted label: “Điều 5. */
const LEADING_MARKS = /^["“«]+\s*/;

/** The label of a quoted line, behind its opening mark. */
export function quotedLabel(text: string): LabelMatch | null {
  return matchLabel(text.replace(LEADING_MARKS, ''));
}

/** Remembers the numbering of a quoted line and its quotation marks. */
export function readQuoted(quote: OpenQuote, text: string): void {
  quote.balance += quoteBalance(text);
  const label = quotedLabel(text);
  if (!label?.num) return;
  const inner = quote.inner;
  if (label.kind === 'article') {
    inner['article'] = label.num.replace(/[a-z]$/, '');
    delete inner['clause'];
    delete inner['point'];
  } else if (label.kind === 'clause') {
    inner['clause'] = label.num;
    delete inner['point'];
  } else if (label.kind === 'point') inner['point'] = label.num;
}

/** Whether a label continues the numbering inside the quotation. */
export function continuesQuoted(inner: Counters, label: LabelMatch): boolean {
  const num = label.num ?? '';
  const next = (key: string): boolean => {
    const prev = inner[key];
    const value = ordinalValue(num);
    return value !== null && value === (prev === undefined ? 1 : Number(prev) + 1);
  };
  switch (label.kind) {
    case 'article':
      // An article is quoted whole or not at all: another one continues only after a first.
      return inner['article'] !== undefined && (next('article') || /[a-z]$/.test(num));
    case 'clause':
      return next('clause');
    case 'point': {
      const prev = inner['point'];
      return num === (prev === undefined ? 'a' : nextPointLetter(prev));
    }
    default:
      return false;
  }
}
