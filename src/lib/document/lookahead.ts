/**
 * What a reader sees by glancing ahead before reading line by line: whether the text is a legal
 * document at all, where an attached instrument begins (its type line, title and "Ban hành kèm
 * theo …" line), and where a quotation whose opening mark was lost is closed.
 */
import {
  FRAME_PATTERNS as P,
  isMastheadLine,
  opensAppendix,
  opensForm,
  startsSignature,
} from './frame.ts';
import { matchLabel } from './labels.ts';
import { ENDS_SENTENCE, isUppercase, type LogicalLine } from './lines.ts';

/** An attached instrument found ahead: where it starts, its type line, its attachment line. */
export interface InstrumentStart {
  /** The first line: its masthead, or the type line when it has none. */
  start: number;
  /** The type line: "QUY CHẾ", "QUY ĐỊNH …". */
  type: number;
  /** The "(Ban hành kèm theo …)" line, or null when the title leads straight to the body. */
  attachment: number | null;
}

/**
 * How many lines an instrument's title may take between its type line and its attachment line
 * (or its first chapter or article): titles run to three or four lines of print.
 */
export const MAX_TITLE_LINES = 5;

/** How many masthead lines (issuer, motto, number, place and date) an instrument may repeat. */
export const MAX_MASTHEAD_LINES = 6;

/** The longest masthead line in capitals: an issuing body's name ("ỦY BAN NHÂN DÂN TỈNH …"). */
const MAX_MASTHEAD_LINE = 70;

/** The longest type line: "QUY CHẾ" with a title of a few lines on the same line. */
const MAX_TYPE_LINE = 300;

/**
 * Labels that begin the body of a document or an instrument. "I." counts only as the first
 * part of a plan; "Điều 1", "Chương I" and "Phần thứ nhất" count anywhere.
 */
function opensBody(text: string): boolean {
  const label = matchLabel(text);
  if (!label) return false;
  if (label.kind === 'article' || label.kind === 'chapter') return true;
  if (label.kind === 'part') return label.style === 'word' || label.num === 'I';
  return false;
}

/** The first label of a text, if it opens a body with number one: an extract of a law. */
function startsWithFirstUnit(text: string): boolean {
  const label = matchLabel(text);
  if (!label) return false;
  const first = ['1', 'I', 'thứ nhất', 'THỨ NHẤT'];
  return (
    ['part', 'chapter', 'section', 'article'].includes(label.kind) &&
    first.includes(label.num ?? '')
  );
}

/**
 * Whether a text is a legal document: it has a masthead, a type line, an enacting formula, a
 * closing statement, recipients or a signature, or it starts at its first article or chapter.
 * A page that only quotes provisions ("Theo Điều 5 Nghị định …: Điều 5. …") has none of these.
 */
export function isLegalText(lines: LogicalLine[]): boolean {
  const first = lines[0];
  if (first && startsWithFirstUnit(first.text)) return true;
  return lines.some((l) => {
    const t = l.text;
    return (
      P.motto.test(t) ||
      P.number.test(t) ||
      P.placeDate.test(t) ||
      P.docType.test(t) ||
      P.gazetteHeading.test(t) ||
      P.enacting.test(t) ||
      P.enactingOther.test(t) ||
      P.closing.test(t) ||
      P.recipients.test(t) ||
      P.signaturePrefix.test(t)
    );
  });
}

/** Whether a line is an instrument's type line: "QUY CHẾ" or "QUY ĐỊNH VỀ …" in capitals. */
function isTypeLine(text: string): boolean {
  return P.instrumentType.test(text) && isUppercase(text) && text.length <= MAX_TYPE_LINE;
}

/** Whether the type line at `i` is the title of an appendix or form heading just above it. */
function titlesAppendix(lines: LogicalLine[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const t = (lines[k] as LogicalLine).text;
    if (opensAppendix(t) || opensForm(t)) return true;
  }
  return false;
}

/** The instrument whose type line is at `i`, if the lines after it read as one. */
function instrumentAt(lines: LogicalLine[], i: number): InstrumentStart | null {
  const line = lines[i] as LogicalLine;
  if (!isTypeLine(line.text) || titlesAppendix(lines, i)) return null;
  let attachment: number | null = null;
  let body = false;
  for (let j = i + 1; j < Math.min(lines.length, i + 1 + MAX_TITLE_LINES); j++) {
    const t = (lines[j] as LogicalLine).text;
    if (P.attachment.test(t)) {
      attachment = j;
      break;
    }
    if (opensBody(t)) {
      body = true;
      break;
    }
    // A title does not end a sentence; a line that does is body text, not a title.
    if (ENDS_SENTENCE.test(t) && !t.endsWith(':')) break;
  }
  if (attachment === null && !body) return null;
  let start = i;
  while (start > 0 && i - start < MAX_MASTHEAD_LINES) {
    const t = (lines[start - 1] as LogicalLine).text;
    // The masthead names the issuer over two lines ("ỦY BAN NHÂN DÂN" / "TỈNH …"); the
    // signature above it is upper case too, but starts with its own words.
    const masthead = isMastheadLine(t) || (isUppercase(t) && t.length <= MAX_MASTHEAD_LINE);
    if (!masthead || startsSignature(t)) break;
    start--;
  }
  return { start, type: i, attachment };
}

/** Every attached instrument candidate, by the index of its first line. */
export function findInstruments(lines: LogicalLine[]): Map<number, InstrumentStart> {
  const found = new Map<number, InstrumentStart>();
  lines.forEach((_, i) => {
    const candidate = instrumentAt(lines, i);
    if (candidate) found.set(candidate.start, candidate);
  });
  return found;
}

/** Opening minus closing quotation marks on a line; straight quotes count by their side. */
export function quoteBalance(text: string): number {
  let balance = 0;
  for (const m of text.matchAll(/[“”«»"]/g)) {
    const mark = m[0];
    const at = m.index ?? 0;
    if (mark === '“' || mark === '«') balance++;
    else if (mark === '”' || mark === '»') balance--;
    else {
      // A straight quote opens at the start of a word and closes at its end.
      const before = text[at - 1];
      const opens = before === undefined || /[\s(]/.test(before);
      balance += opens ? 1 : -1;
    }
  }
  return balance;
}

/**
 * Whether a line introduces quoted replacement text: an amendment ending in "như sau:" or
 * "sau đây:" ("Điều 5 được sửa đổi như sau:", "Bổ sung khoản 3 như sau:").
 */
export function introducesQuote(text: string): boolean {
  return (
    text.endsWith(':') &&
    /(?:như sau|sau đây)\s*:$/iu.test(text) &&
    /(?:sửa đổi|bổ sung|thay thế|sửa lại|viết lại|thay cụm từ)/iu.test(text)
  );
}

/**
 * For each line, the nearest line at or after it that closes a quotation opened before it
 * (more closing marks than opening ones), unless a new quotation or a new amendment comes
 * first: where a quotation that lost its opening mark ends.
 */
export function closingLinesAhead(lines: LogicalLine[]): (number | null)[] {
  const ahead: (number | null)[] = new Array<number | null>(lines.length).fill(null);
  let next: number | null = null;
  for (let j = lines.length - 1; j >= 0; j--) {
    const t = (lines[j] as LogicalLine).text;
    const balance = quoteBalance(t);
    if (balance < 0) next = j;
    else if (balance > 0 || introducesQuote(t)) next = null;
    ahead[j] = next;
  }
  return ahead;
}
