/**
 * The parser: logical lines → document tree. It reads as a person reads: a label starts a unit
 * only when its number continues the numbering around it; anything it cannot place becomes a
 * paragraph (with a warning), so no word is ever dropped.
 */
import { assignIds, type Unnamed } from './ids.ts';
import { matchLabel, splitInlineTargets, type LabelMatch } from './labels.ts';
import { toLogicalLines, type LogicalLine } from './lines.ts';
import { extractMeta } from './meta.ts';
import { nextPointLetter, ordinalValue, romanToNumber } from './numbering.ts';
import type { Document, NodeKind } from './schema.ts';
import { normalizeText } from '../text/normalize.ts';

/** A problem worth a person's attention, with its place in the source. */
export interface Warning {
  line: number;
  col: number;
  message: string;
}

/** A node while the tree is being built: counters remember the numbering seen so far. */
interface Draft {
  kind: NodeKind | 'root';
  num: string | null;
  label: string | null;
  heading: string | null;
  text: string | null;
  line: number;
  rank: number;
  style?: LabelMatch['style'];
  awaitingHeading?: boolean;
  children: Draft[];
  last: Partial<Record<string, string>>;
}

type Zone = 'preamble' | 'body' | 'post';

/** The continuity check's answer; `key` and `value` are the numbering to remember if accepted. */
interface Verdict {
  ok: boolean;
  /** A warning for an accepted (or rejected) break in the numbering. */
  gap?: string;
  key: string;
  value: string;
}

/** Depth of each unit; a new unit closes every open unit of equal or greater depth. */
const RANK: Record<string, number> = {
  appendix: 0.5,
  part: 1,
  chapter: 2,
  section: 3,
  article: 4,
  clause: 5,
  subclause: 5.1,
  point: 7,
  target: 8,
  item: 9,
};

/** Kinds whose rest of line may be a heading rather than running text. */
const HEADED = new Set(['part', 'chapter', 'section', 'article', 'clause', 'subclause', 'point']);

const PATTERNS = {
  motto:
    /^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do)/u,
  number: /^Số\s*:/u,
  placeDate: /^[^,]{2,60},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u,
  docType: /^(?:NGHỊ QUYẾT|QUYẾT ĐỊNH|CHỈ THỊ|KẾT LUẬN)$/u,
  recital: /^(?:Căn cứ|Xét|Theo đề nghị|Thực hiện)\s/u,
  enacting: /^QUYẾT NGHỊ\s*:?$|ban hành Nghị quyết|^Quyết nghị\s*:/u,
  issuer:
    /^(?:HỘI ĐỒNG NHÂN DÂN|QUỐC HỘI|ỦY BAN|UỶ BAN|CHÍNH PHỦ|THƯỜNG TRỰC|BAN THƯỜNG VỤ|BỘ CHÍNH TRỊ)/u,
  session: /^(?:KHÓA|KHOÁ)\s+[IVXLC]+/iu,
  sessionInside: /\s((?:KHÓA|KHOÁ)\s+[IVXLC]+.*)$/u,
  closing: /^Nghị quyết này\b.*\bthông qua\b/u,
  recipients: /^Nơi nhận\s*:/u,
  appendix: /^PHỤ LỤC(?:\s+([IVXLC]+|\d+))?\b/u,
  sourceNote: /^Nguồn(?:\s+tra cứu)?\s*:/u,
};

/** Ends a sentence or a lead-in: a unit may start on the next line. */
const ENDS_SENTENCE = /[.:;!?…]["”’»]?$|\.\/\.$/;

/** Letters-only uppercase test for masthead, title and signature lines. */
function isUppercase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** A line that opens a quotation it does not close: quoted articles are not this text's own. */
function opensQuote(text: string): boolean {
  if (!/^["“«]/.test(text)) return false;
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  const straight = count(/"/g);
  return count(/[“«]/g) > count(/[”»]/g) || straight % 2 === 1;
}

/** A fresh draft node. */
function draft(kind: Draft['kind'], line: number, fields: Partial<Draft> = {}): Draft {
  return {
    kind,
    num: null,
    label: null,
    heading: null,
    text: null,
    line,
    rank: RANK[kind] ?? 10,
    children: [],
    last: {},
    ...fields,
  };
}

/** Splits "CHỦ TỊCH     Huỳnh Tấn Việt" into the signer's title and name. */
export function splitSignature(text: string): { title: string; name: string | null } {
  const words = text.split(' ');
  let i = 0;
  while (i < words.length && isUppercase(words[i] as string)) i++;
  const rest = words.slice(i);
  const isName = rest.length >= 2 && rest.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w));
  if (i > 0 && isName) return { title: words.slice(0, i).join(' '), name: rest.join(' ') };
  return { title: text, name: null };
}

/** Builds the tree line by line; one instance per document. */
class TreeBuilder {
  readonly root = draft('root', 1, { rank: 0 });
  private stack: Draft[] = [this.root];
  private zone: Zone = 'preamble';
  private seenDocType = false;
  private quoteOpen = false;
  private lastFrame: Draft | null = null;
  /** The node whose text the last line went into: where a wrapped line continues. */
  private lastDraft: Draft | null = null;
  /** Numbering that runs through a whole document (or one appendix): articles and targets. */
  private scope: Partial<Record<string, string>> = {};
  readonly warnings: Warning[] = [];

  private warn(line: number, message: string): void {
    this.warnings.push({ line, col: 1, message });
  }

  private get top(): Draft {
    return this.stack[this.stack.length - 1] as Draft;
  }

  /** Adds a frame node (title, recital, signature…) at the root or the current appendix. */
  private frame(kind: NodeKind, l: LogicalLine, fields: Partial<Draft> = {}): Draft {
    const node = draft(kind, l.line, { text: l.text, ...fields });
    const appendix = this.stack.find((d) => d.kind === 'appendix');
    (kind === 'source-note' || !appendix ? this.root : appendix).children.push(node);
    if (!appendix) this.stack = [this.root];
    this.lastFrame = node;
    this.lastDraft = node;
    return node;
  }

  feed(l: LogicalLine, previous: LogicalLine | undefined): void {
    if (this.quoteOpen) {
      this.paragraph(l);
      if (/[”"»]/.test(l.text)) this.quoteOpen = false; // the quotation ends on this line
      return;
    }
    if (PATTERNS.sourceNote.test(l.text)) {
      this.frame('source-note', l);
      return;
    }
    if (
      PATTERNS.appendix.test(l.text) &&
      isUppercase(l.text.slice(0, 8)) &&
      this.zone !== 'preamble'
    ) {
      this.openAppendix(l);
      return;
    }
    if (this.zone === 'preamble') this.preamble(l, previous);
    else if (this.zone === 'post') this.post(l, previous);
    else this.body(l, previous);
  }

  private preamble(l: LogicalLine, previous: LogicalLine | undefined): void {
    const t = l.text;
    const last = this.lastFrame;
    const label = matchLabel(t);
    if (label && ['part', 'chapter', 'section', 'article'].includes(label.kind)) {
      this.zone = 'body';
      this.body(l, previous);
      return;
    }
    if (PATTERNS.motto.test(t)) {
      if (last?.kind === 'motto') last.text = `${last.text} ${t}`;
      else this.frame('motto', l);
    } else if (PATTERNS.number.test(t)) this.frame('number', l);
    else if (PATTERNS.placeDate.test(t)) this.frame('place-date', l);
    else if (PATTERNS.docType.test(t)) {
      this.frame('doc-type', l);
      this.seenDocType = true;
    } else if (PATTERNS.recital.test(t)) this.frame('recital', l);
    else if (PATTERNS.enacting.test(t)) {
      this.frame('enacting-formula', l);
      this.zone = 'body';
    } else if (PATTERNS.session.test(t)) this.frame('session', l);
    else if (PATTERNS.issuer.test(t) || (!this.seenDocType && isUppercase(t))) this.issuer(l);
    else if (this.seenDocType && (last?.kind === 'doc-type' || last?.kind === 'title')) {
      if (last.kind === 'title') last.text = `${last.text} ${t}`;
      else this.frame('title', l);
    } else if (last?.kind === 'recital') {
      this.warn(l.line, 'line after the recitals taken as the enacting formula');
      this.frame('enacting-formula', l);
      this.zone = 'body';
    } else {
      this.warn(l.line, 'unrecognised line before the body, kept as a paragraph');
      this.frame('paragraph', l);
    }
  }

  /** An issuing body line, split from a session written on the same line. */
  private issuer(l: LogicalLine): void {
    const m = PATTERNS.sessionInside.exec(l.text);
    if (m?.[1] && m.index > 0) {
      this.frame('issuer', l, { text: l.text.slice(0, m.index).trim() });
      this.frame('session', l, { text: m[1].trim() });
    } else this.frame('issuer', l);
  }

  private post(l: LogicalLine, _previous: LogicalLine | undefined): void {
    const t = l.text;
    const last = this.lastFrame;
    const label = matchLabel(t);
    if (PATTERNS.recipients.test(t)) {
      const heading = /^Nơi nhận\s*:/u.exec(t)?.[0] ?? t;
      const rest = t.slice(heading.length).trim();
      const node = this.frame('recipients', l, { heading, text: null });
      if (rest) this.listItem(node, { ...l, text: rest }, matchLabel(rest));
      return;
    }
    if (label?.kind === 'item' && last?.kind === 'recipients') {
      this.listItem(last, l, label);
      return;
    }
    if (PATTERNS.closing.test(t)) {
      this.frame('closing', l);
      return;
    }
    if (last?.kind === 'signature' && last.text === null) {
      if (isUppercase(t)) last.heading = `${last.heading} ${t}`;
      else last.text = t;
      return;
    }
    const signature = splitSignature(t);
    if (isUppercase(signature.title) && signature.title.length <= 80) {
      this.frame('signature', l, { heading: signature.title, text: signature.name });
      return;
    }
    this.warn(l.line, 'unrecognised line after the body, kept as a paragraph');
    this.frame('paragraph', l);
  }

  /** A list item under `parent` (recipients), nested by bullet kind. */
  private listItem(parent: Draft, l: LogicalLine, label: LabelMatch | null): void {
    if (!label || label.kind !== 'item') {
      parent.text = parent.text ? `${parent.text} ${l.text}` : l.text;
      return;
    }
    const item = draft('item', l.line, { label: label.label, text: label.rest || null });
    const lastItem = parent.children[parent.children.length - 1];
    if (label.style === 'plus' && lastItem?.kind === 'item' && lastItem.label !== '+') {
      lastItem.children.push(item);
    } else parent.children.push(item);
  }

  private openAppendix(l: LogicalLine): void {
    const m = PATTERNS.appendix.exec(l.text);
    const label = m?.[0] ?? 'PHỤ LỤC';
    const rest = l.text.slice(label.length).trim();
    const node = draft('appendix', l.line, {
      num: m?.[1] ?? null,
      label,
      text: rest || null,
      awaitingHeading: !rest,
    });
    this.root.children.push(node);
    this.stack = [this.root, node];
    this.scope = {};
    this.zone = 'body';
    this.lastFrame = node;
  }

  private body(l: LogicalLine, previous: LogicalLine | undefined): void {
    const t = l.text;
    if (PATTERNS.closing.test(t)) {
      this.frame('closing', l);
      this.zone = 'post';
      return;
    }
    if (PATTERNS.recipients.test(t)) {
      this.zone = 'post';
      this.post(l, previous);
      return;
    }
    const open = this.top;
    if (open.awaitingHeading) {
      open.awaitingHeading = false;
      if (!matchLabel(t) && !ENDS_SENTENCE.test(t) && t.length <= 250) {
        open.heading = t;
        return;
      }
    }
    if (opensQuote(t)) {
      this.quoteOpen = true;
      this.paragraph(l);
      return;
    }
    const label = matchLabel(t);
    if (label) {
      if (this.place(label, l, previous)) return;
      // "… tại khoản 3\nĐiều 1. …": a rejected label after an unfinished sentence continues it.
      const last = this.lastDraft;
      if (previous && !ENDS_SENTENCE.test(previous.text) && last?.text) {
        last.text = `${last.text} ${t}`;
        return;
      }
    }
    this.paragraph(l);
  }

  /** Where a label would go: the deepest open node shallower than it. */
  private parentIndex(rank: number): number {
    let i = this.stack.length - 1;
    while (i > 0 && (this.stack[i] as Draft).rank >= rank) i--;
    return i;
  }

  /** The rank of a label here; Roman parts inside an article sit between article and clause. */
  private rankOf(label: LabelMatch): number {
    if (label.kind === 'part' && label.style !== 'word') {
      return this.stack.some((d) => d.kind === 'article') ? 4.5 : 1;
    }
    if (label.kind === 'subclause') return 5 + 0.1 * ((label.num ?? '').split('.').length - 1);
    if (label.kind === 'item') return label.style === 'plus' ? 9.5 : 9;
    return RANK[label.kind] ?? 10;
  }

  /**
   * Whether a label continues the numbering where it would go; returns a warning for an
   * accepted gap. `loose` allows small gaps: the line begins a block or follows a full stop.
   */
  private continues(label: LabelMatch, parent: Draft, loose: boolean): Verdict {
    const num = label.num ?? '';
    // Numbered units start at 1 and go up by one; `written` is the part of the number that counts.
    const ordinal = (key: string, written = num): Verdict => {
      const first = 1;
      const value = ordinalValue(written);
      const store = key === 'article' || key === 'target' ? this.scope : parent.last;
      const prev = store[key] === undefined ? null : Number(store[key]);
      if (value === null) return { ok: false, key, value: num };
      if (prev === null) {
        if (value === first) return { ok: true, key, value: String(value) };
        const ok = loose && key === 'article';
        return {
          ok,
          gap: `${label.label} is the first, expected ${first}`,
          key,
          value: String(value),
        };
      }
      if (value === prev + 1) return { ok: true, key, value: String(value) };
      const ok = loose && value > prev + 1 && value <= prev + 3;
      return { ok, gap: `numbering gap: ${label.label} after ${prev}`, key, value: String(value) };
    };
    switch (label.kind) {
      case 'article':
        return ordinal('article');
      case 'target':
        return ordinal('target');
      case 'chapter':
      case 'section':
      case 'clause':
        return ordinal(label.kind);
      case 'part':
        if (label.style === 'word') return ordinal('part-word');
        return this.partContinues(label, parent);
      case 'subclause': {
        const parts = num.split('.');
        const prefix = parts.slice(0, -1).join('.');
        if (!['clause', 'subclause'].includes(parent.kind) || parent.num !== prefix) {
          return { ok: false, key: 'subclause', value: num };
        }
        return ordinal('subclause', parts.at(-1));
      }
      case 'point': {
        const prev = parent.last['point'];
        const expected = prev === undefined ? 'a' : nextPointLetter(prev);
        if (num === expected) return { ok: true, key: 'point', value: num };
        const skip = expected ? nextPointLetter(expected) : null;
        const ok = loose && num === skip;
        return { ok, gap: `point ${num}) after ${prev ?? 'none'}`, key: 'point', value: num };
      }
      default:
        return { ok: true, key: 'item', value: '' };
    }
  }

  /** "II." after "I.", or "B." after "A.": parts numbered by Roman numerals or capital letters. */
  private partContinues(label: LabelMatch, parent: Draft): Verdict {
    const num = label.num ?? '';
    const prevLetter = parent.last['part-letter'];
    if (prevLetter !== undefined) {
      const ok = num.charCodeAt(0) === prevLetter.charCodeAt(0) + 1 && num.length === 1;
      if (ok) return { ok, key: 'part-letter', value: num };
    }
    const prevRoman = parent.last['part-roman'];
    const value = romanToNumber(num);
    if (value !== null && value === (prevRoman === undefined ? 1 : Number(prevRoman) + 1)) {
      return { ok: true, key: 'part-roman', value: String(value) };
    }
    if (prevLetter === undefined && prevRoman === undefined && num === 'A') {
      return { ok: true, key: 'part-letter', value: num };
    }
    return { ok: false, key: 'part', value: num };
  }

  /** Opens the unit for an accepted label; returns false when the label does not fit here. */
  private place(label: LabelMatch, l: LogicalLine, previous: LogicalLine | undefined): boolean {
    if (label.kind === 'item') {
      const index = this.parentIndex(this.rankOf(label));
      this.stack = this.stack.slice(0, index + 1);
      const parent = this.top;
      const node = draft('item', l.line, {
        label: label.label,
        text: label.rest || null,
        rank: this.rankOf(label),
      });
      parent.children.push(node);
      this.stack.push(node);
      return true;
    }
    const rank = this.rankOf(label);
    const index = this.parentIndex(rank);
    const parent = this.stack[index] as Draft;
    const loose = l.blockStart || previous === undefined || ENDS_SENTENCE.test(previous.text);
    const verdict = this.continues(label, parent, loose);
    if (!verdict.ok) {
      if (verdict.gap || label.kind === 'article') {
        this.warn(
          l.line,
          `"${label.label}" does not continue the numbering here; read as running text`,
        );
      }
      return false;
    }
    if (verdict.gap) this.warn(l.line, verdict.gap);
    const store = verdict.key === 'article' || verdict.key === 'target' ? this.scope : parent.last;
    store[verdict.key] = verdict.value;
    this.stack = this.stack.slice(0, index + 1);
    const node = draft(label.kind, l.line, {
      num: label.num,
      label: label.label,
      rank,
      style: label.style,
      awaitingHeading: label.rest === '' && HEADED.has(label.kind),
    });
    parent.children.push(node);
    this.stack.push(node);
    this.lastDraft = node;
    this.fill(node, label.rest, l.line);
    return true;
  }

  /** Puts a line's text on `node`, splitting off inline targets "(1) … (2) …". */
  private fill(node: Draft, rest: string, line: number): void {
    const next =
      node.kind === 'target' ? Number(node.num) + 1 : Number(this.scope['target'] ?? 0) + 1;
    const split = splitInlineTargets(rest, next);
    node.text = split.lead || null;
    if (split.targets.length === 0) return;
    // Targets after the first on a target's line are its siblings; after a group's lead, its children.
    const depth = node.kind === 'target' ? this.stack.length - 2 : this.stack.length - 1;
    const container = this.stack[depth] as Draft;
    for (const t of split.targets) {
      const target = draft('target', line, { num: t.num, label: t.label, text: t.text || null });
      container.children.push(target);
      this.scope['target'] = t.num;
    }
    this.lastDraft = container.children.at(-1) as Draft;
    this.stack = [...this.stack.slice(0, depth + 1), this.lastDraft];
  }

  /** An unlabelled line: a paragraph of the deepest open unit that holds running text. */
  private paragraph(l: LogicalLine): void {
    let i = this.stack.length - 1;
    while (i > 0 && ['target', 'item'].includes((this.stack[i] as Draft).kind)) i--;
    this.stack = this.stack.slice(0, i + 1);
    const parent = this.top;
    if (this.zone === 'preamble') {
      this.frame('paragraph', l);
      return;
    }
    const next = Number(this.scope['target'] ?? 0) + 1;
    const split = splitInlineTargets(l.text, next);
    if (split.lead) parent.children.push(draft('paragraph', l.line, { text: split.lead }));
    for (const t of split.targets) {
      const target = draft('target', l.line, { num: t.num, label: t.label, text: t.text || null });
      parent.children.push(target);
      this.scope['target'] = t.num;
    }
    this.lastDraft = parent.children.at(-1) ?? null;
  }
}

/** Decides, once a unit is complete, whether its first line was a heading or running text. */
function settleHeading(node: Draft): void {
  if (!HEADED.has(node.kind) || node.text === null || node.heading !== null) return;
  const t = node.text;
  if (t.endsWith(':')) return;
  const hasBody = node.children.some((c) => c.kind !== 'target');
  const noEnding = !ENDS_SENTENCE.test(t) && t.length <= 250;
  // One sentence without a colon: a title-like lead ("c) Phát triển nông nghiệp …."), not a value.
  const oneSentence = t.length <= 300 && !/[.;!?]\s+\p{Lu}/u.test(t) && !/:\s/.test(t);
  if (noEnding || (hasBody && oneSentence)) {
    node.heading = t;
    node.text = null;
  }
}

/** Draft → public node, depth first. */
function finish(node: Draft): Unnamed {
  settleHeading(node);
  return {
    kind: node.kind as NodeKind,
    num: node.num,
    label: node.label,
    heading: node.heading,
    text: node.text,
    line: node.line,
    children: node.children.map(finish),
  };
}

/** Parses the text of a resolution into its document tree, with warnings for what it guessed. */
export function parseDocument(text: string): { document: Document; warnings: Warning[] } {
  const lines = toLogicalLines(normalizeText(text));
  const builder = new TreeBuilder();
  lines.forEach((line, i) => builder.feed(line, lines[i - 1]));
  const nodes = assignIds(builder.root.children.map(finish));
  return { document: { format: 1, meta: extractMeta(nodes), nodes }, warnings: builder.warnings };
}
