/**
 * From normalised text to logical lines: markdown and table debris removed, hard-wrapped lines
 * joined. The parser then reads one logical line at a time; nothing here decides structure
 * beyond "does this physical line start something new".
 */
import { isDelimiterRow, isPipeRow, splitCells } from './tables.ts';

/** One logical line of the source, with the physical line it starts on. */
export interface LogicalLine {
  text: string;
  line: number;
  /** True when it starts a block: after a blank line in blank-separated texts, always otherwise. */
  blockStart: boolean;
  /**
   * A heading label ("Điều 5.", "Chương II") inside a wrapped block, after a line that does not
   * end a sentence: a new unit if the numbering continues, else the wrapped rest of that line.
   */
  wrapped?: boolean;
  /** The cells of a table row (`text` is then the cells joined by a space). */
  cells?: string[];
  /** A table row followed by a Markdown delimiter row: the table's header. */
  header?: boolean;
}

/** Markers that only converted web pages carry: bold, headings, table pipes. */
function looksLikeMarkdown(text: string): boolean {
  return /\*\*[^*\n]+\*\*/.test(text) || /^#{1,6} \S/m.test(text) || /^\s*\|\s*$/m.test(text);
}

/** A line made only of rule characters, such as the "-------" under a masthead. */
const RULE_LINE = /^[-_=~.\s]{3,}$/;
/** A rule at the end of a masthead line: "HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ YÊN --------". */
const TRAILING_RULE = /\s+[-_=]{3,}\s*$/;

/** Removes markdown emphasis, heading hashes and table pipes: formatting, not words. */
export function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*+(?=\S)/g, '$1')
    .replace(/(\S)\*+(?=\s|$)/g, '$1')
    .replace(/(^|\s)\*+(?=\s|$)/g, '$1')
    .replace(/^\s*\|\s*/, '')
    .replace(/\s*\|\s*$/, '');
}

/** One physical line cleaned of formatting, with whitespace collapsed. */
export function cleanLine(raw: string, markdown: boolean): string {
  const text = (markdown ? stripMarkdown(raw) : raw).replace(/\s+/g, ' ').trim();
  if (RULE_LINE.test(text)) return '';
  return text.replace(TRAILING_RULE, '');
}

/**
 * A heading label that a wrapped block must not swallow: whether it starts a unit is for the
 * numbering to decide, which this module does not know.
 */
const HEADING_LABEL =
  /^(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Tiểu mục|TIỂU MỤC|Điều|ĐIỀU)\s+(?:[IVXLC]+|\d+)\b/u;

/** Labels that can start a unit; used only to decide where a wrapped block may break. */
const UNIT_START =
  /^(?:Phần\s+\S+|Chương\s+\S+|Mục\s+[\dIVXLC]+|Điều\s+\d+|[IVXLC]+\.\s|[A-Z]\.\s|\d{1,3}(?:\.\d{1,2})*\.\s|\d{1,3}(?:\.\d{1,2})+\s|[a-zđ]\)|\(\d{1,3}\)|Căn cứ|Xét\s|QUYẾT NGHỊ|Nơi nhận|Nghị quyết này|PHỤ LỤC|Nguồn)/u;
/** Bullets of a list item. */
const ITEM_START = /^[-+•–]\s/;
/** A line that ends a sentence or a lead-in, after which a new unit may begin. */
export const ENDS_SENTENCE = /[.:;!?…]["”’»]?$|\.\/\.$/;

/**
 * The longest upper-case line still read as a signer's title ("TM. HỘI ĐỒNG NHÂN DÂN"): after it,
 * a line in ordinary case starts anew (the signer's name), even inside a wrapped block.
 */
const MAX_TITLE_LINE = 60;

/**
 * A line shorter than this share of the wrap width ended on purpose (a paragraph's last line);
 * wrapped lines fill most of the width, and justified or wider words rarely leave 40% empty.
 */
const SHORT_LINE_SHARE = 0.6;

/**
 * The wrap width is the length that 90% of lines do not exceed: the longest lines are the few
 * that overflow (URLs, tables), the shortest are paragraph ends, and most wrapped lines are near
 * the width.
 */
const WRAP_WIDTH_PERCENTILE = 0.9;

/** The width assumed for an empty text: a typical plain-text wrap. */
const DEFAULT_WRAP_WIDTH = 80;

/**
 * A text is blank-separated when it has at least this many blank gaps, and gaps on at least this
 * share of its lines: a few stray blank lines (around a masthead) do not make a hard-wrapped PDF
 * copy read block by block.
 */
const MIN_BLANK_GAPS = 3;
const MIN_BLANK_GAP_SHARE = 0.05;

/** Letters-only uppercase test: a masthead, title or signature line. */
export function isUppercase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** A lone heading word whose number was wrapped onto the next line: "Chương\nIII". */
const LONE_HEADING_WORD = /^(?:Phần|Chương|Mục|Điều|PHẦN|CHƯƠNG|MỤC|ĐIỀU)$/;

/**
 * "(Ban hành kèm theo Quyết định số …)" under a title: a line of its own, never the title's
 * wrapped end, though the title before it does not end a sentence.
 */
const ATTACHMENT_START = /^\(\s*(?:Ban hành\s+)?kèm\s+theo\s/iu;

/** Whether, inside a block of hard-wrapped lines, `current` starts a new logical line. */
function startsNewLine(previous: string, current: string, wrapWidth: number): boolean {
  if (LONE_HEADING_WORD.test(previous)) return false;
  if (ATTACHMENT_START.test(current)) return true;
  if ((UNIT_START.test(current) || ITEM_START.test(current)) && ENDS_SENTENCE.test(previous)) {
    return true;
  }
  const upperBefore = isUppercase(previous);
  const upperNow = isUppercase(current);
  // A short uppercase title line followed by ordinary text: a signature title and its name.
  if (previous.length <= MAX_TITLE_LINE && upperBefore && !upperNow) return true;
  // A line that stops well short of the wrap width ended on purpose, if a sentence starts next.
  const short = previous.length < wrapWidth * SHORT_LINE_SHARE;
  const startsSentence = /^\p{Lu}/u.test(current) || UNIT_START.test(current);
  return short && startsSentence && !(upperBefore && upperNow) && !/[,-]$/.test(previous);
}

/** The width a text was wrapped at: most wrapped lines come close to it. */
function wrapWidthOf(lines: string[]): number {
  const lengths = lines
    .filter((l) => l !== '')
    .map((l) => l.length)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * WRAP_WIDTH_PERCENTILE)] ?? DEFAULT_WRAP_WIDTH;
}

/** A point or tiết label, which starts in lower case but starts a line: "a)", "a.1)", "a.1.". */
const POINT_START = /^[a-zđ](?:\.?\d{1,2})?\)|^[a-zđ]\.\d{1,2}\.\s/u;

/** Whether a line of an unwrapped text continues the line before it (it starts in lower case). */
function continuesLine(previous: string, current: string): boolean {
  if (LONE_HEADING_WORD.test(previous)) return true;
  return /^\p{Ll}/u.test(current) && !POINT_START.test(current);
}

/** Texts whose paragraphs are separated by blank lines are read block by block. */
function isBlockSeparated(lines: string[]): boolean {
  const filled = lines.filter((l) => l !== '').length;
  // Gaps are runs of blank lines between two lines of text; leading and trailing ones don't count.
  const gaps = lines.filter((l, i) => l === '' && i > 0 && lines[i - 1] !== '').length;
  const trailing = lines.at(-1) === '' ? 1 : 0;
  return gaps - trailing >= MIN_BLANK_GAPS && gaps - trailing >= filled * MIN_BLANK_GAP_SHARE;
}

/** A table row as a logical line: never joined with its neighbours. */
function rowLine(raw: string, index: number, markdown: boolean): LogicalLine {
  const cells = splitCells(raw).map((cell) => cleanLine(cell, markdown));
  return { text: cells.filter(Boolean).join(' '), line: index + 1, blockStart: true, cells };
}

/** Splits normalised text into logical lines, joining hard-wrapped ones. */
export function toLogicalLines(text: string): LogicalLine[] {
  const markdown = looksLikeMarkdown(text);
  const raws = text.split('\n');
  const cleaned = raws.map((raw) => cleanLine(raw, markdown));
  const blocks = isBlockSeparated(cleaned);
  const wrapWidth = wrapWidthOf(cleaned);
  const out: LogicalLine[] = [];
  let previous = '';
  let afterBlank = true;
  cleaned.forEach((current, index) => {
    const raw = raws[index] ?? '';
    if (isPipeRow(raw)) {
      out.push(rowLine(raw, index, markdown));
      previous = '';
      afterBlank = false;
      return;
    }
    if (isDelimiterRow(raw)) {
      // No words: it only says that the row above is the table's header.
      const last = out[out.length - 1];
      if (last?.cells) last.header = true;
      return;
    }
    if (current === '') {
      afterBlank = true;
      previous = '';
      return;
    }
    const last = out[out.length - 1];
    const join =
      last !== undefined &&
      previous !== '' &&
      (blocks ? !startsNewLine(previous, current, wrapWidth) : continuesLine(previous, current));
    if (join && last && blocks && HEADING_LABEL.test(current)) {
      out.push({ text: current, line: index + 1, blockStart: false, wrapped: true });
    } else if (join && last) {
      last.text = `${last.text} ${current}`;
    } else {
      out.push({ text: current, line: index + 1, blockStart: blocks ? afterBlank : true });
    }
    previous = current;
    afterBlank = false;
  });
  return out;
}
