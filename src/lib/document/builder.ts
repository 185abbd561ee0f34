/**
 * Tree building: one logical line at a time, the builder decides which zone of the document it
 * is in (before, inside or after the body), hands frame lines to the framing rules and labels to
 * the continuity check, and keeps the stack of open units. A document may be followed by
 * attached instruments, each read like a document of its own, and by appendices. Anything it
 * cannot place becomes a paragraph (with a warning), so no word is ever dropped.
 */
import { continues, counterStore, type Counters, type Verdict } from './continuity.ts';
import { labelDepth, ROOT_DEPTH } from './depth.ts';
import { draft, HEADED, readsAsHeading, type Draft } from './draft.ts';
import {
  FRAME_PATTERNS as P,
  isAuthority,
  isPersonName,
  isSignatureTitle,
  opensAppendix,
  opensForm,
  opensQuote,
  splitGazetteHeading,
  splitIssuerSession,
  splitMasthead,
  splitRecipients,
  splitSignature,
  startsSignature,
} from './frame.ts';
import { matchLabel, splitInlineTargets, type LabelMatch } from './labels.ts';
import { ENDS_SENTENCE, isUppercase, type LogicalLine } from './lines.ts';
import {
  closingLinesAhead,
  findInstruments,
  introducesQuote,
  isLegalText,
  quoteBalance,
  type InstrumentStart,
} from './lookahead.ts';
import { continuesQuoted, quotedLabel, readQuoted, type OpenQuote } from './quotes.ts';
import type { NodeKind, TextField } from './schema.ts';
import { looksLikeHeader } from './tables.ts';

/** A problem worth a person's attention, with its place in the source. */
export interface Warning {
  line: number;
  col: number;
  message: string;
}

type Zone = 'preamble' | 'body' | 'post';

/** A document or an attached instrument: what has its own zones. */
interface Container {
  node: Draft;
  zone: Zone;
  seenDocType: boolean;
}

/** Labels that start the body even before an enacting formula: the text has no "QUYẾT NGHỊ:". */
const BODY_OPENERS = new Set(['part', 'chapter', 'section', 'subsection', 'article']);

/** Units that never hold running text of their own lines: a paragraph goes to their parent. */
const LIST_KINDS = new Set(['target', 'item']);

/** Units whose headings are set in capitals and may run over two lines. */
const CAPITAL_HEADED = new Set(['part', 'chapter', 'section', 'subsection', 'appendix', 'form']);

/** Containers that frame lines (a title, a signature) inside an appendix or form belong to. */
const INNER_CONTAINERS = new Set(['appendix', 'form']);

/**
 * A line that stops on a word awaiting its object ("… theo quy định tại", "… tại khoản 3"):
 * the next line finishes the reference ("Điều 103 Luật Đất đai"), it does not start a unit.
 */
const AWAITS_OBJECT =
  /(?:^|\s)(?:tại|theo|của|và|hoặc|với|quy định|(?:khoản|điểm|tiết)\s+(?:\d+(?:\.\d+)*|[a-zđ](?:\.?\d+)?))$/u;

/** The longest ending AWAITS_OBJECT looks at: "quy định tại khoản 12.3". */
const OBJECT_TAIL = 32;

/** Whether a line stops on a word awaiting its object; only its last words matter. */
function awaitsObject(text: string): boolean {
  const from = text.length > OBJECT_TAIL ? text.lastIndexOf(' ', text.length - OBJECT_TAIL) : 0;
  return AWAITS_OBJECT.test(from > 0 ? text.slice(from) : text);
}

/** The mark that ends the text of a Vietnamese document: "… thi hành Quyết định này./." */
const END_MARK = /\.\/\.$/;

/** Unit labels that a wrapped reference can begin with. */
const REFERENCE_KINDS = new Set(['part', 'chapter', 'section', 'subsection', 'article', 'clause']);

/** A reference word at the start of a line without a label's full stop: "Điều 103 Luật …". */
const REFERENCE_START = /^(?:Điều|khoản|điểm|Chương|Mục)\s+\d/u;

/** Builds the tree line by line; one instance per document. */
export class TreeBuilder {
  readonly root = draft('root', 1, { depth: ROOT_DEPTH });
  readonly warnings: Warning[] = [];
  private stack: Draft[] = [this.root];
  private containers: Container[] = [{ node: this.root, zone: 'preamble', seenDocType: false }];
  private lastFrame: Draft | null = null;
  /** The node whose text the last line went into: where a wrapped line continues. */
  private lastDraft: Draft | null = null;
  /** Where the previous line's words went, for a wrapped line that finishes them. */
  private sink: { node: Draft; field: TextField } | null = null;
  /** Numbering that runs through a whole document (or one appendix): articles and targets. */
  private scope: Counters = {};
  private quote: OpenQuote | null = null;
  private table: Draft | null = null;
  /** The instrument being opened, whose type and attachment lines are known ahead. */
  private instrument: InstrumentStart | null = null;
  private readonly instruments: Map<number, InstrumentStart>;
  private readonly closeAhead: (number | null)[];
  private readonly legal: boolean;

  constructor(private readonly lines: LogicalLine[]) {
    this.instruments = findInstruments(lines);
    this.closeAhead = closingLinesAhead(lines);
    this.legal = lines.length === 0 || isLegalText(lines);
  }

  /** Reads every line. */
  build(): void {
    if (!this.legal) {
      this.warn(
        this.lines[0]?.line ?? 1,
        'no masthead, document type, enacting formula or signature: not read as a legal document, every line kept as a paragraph',
      );
    }
    this.lines.forEach((l, i) => {
      this.feed(l, i);
    });
    if (this.quote) this.unclosedQuote('the end of the text');
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ line, col: 1, message });
  }

  private get top(): Draft {
    return this.stack[this.stack.length - 1] as Draft;
  }

  /** The document or instrument being read. */
  private get box(): Container {
    return this.containers[this.containers.length - 1] as Container;
  }

  private get zone(): Zone {
    return this.box.zone;
  }

  private set zone(zone: Zone) {
    this.box.zone = zone;
  }

  /** Remembers where a line's words went. */
  private stored(node: Draft, field: TextField = 'text'): void {
    this.sink = { node, field };
  }

  /** Adds a frame node (title, recital, signature…) to the open appendix, form or document. */
  private frame(kind: NodeKind, l: LogicalLine, fields: Partial<Draft> = {}): Draft {
    const node = draft(kind, l.line, { text: l.text, ...fields });
    const inner = this.stack.findLast((d) => INNER_CONTAINERS.has(d.kind));
    const target = kind === 'source-note' ? this.root : (inner ?? this.box.node);
    target.children.push(node);
    if (kind === 'paragraph') target.hasParagraph = true;
    if (!inner) this.stack = this.stack.slice(0, this.stack.indexOf(this.box.node) + 1);
    this.lastFrame = node;
    this.lastDraft = node;
    this.stored(node, fields.text === undefined || fields.text !== null ? 'text' : 'heading');
    return node;
  }

  private feed(l: LogicalLine, i: number): void {
    const previous = this.lines[i - 1];
    if (l.cells) {
      this.row(l);
      return;
    }
    this.table = null;
    if (!this.legal) {
      this.root.children.push(draft('paragraph', l.line, { text: l.text }));
      return;
    }
    if (this.quote && this.quoted(l, i)) return;
    if (P.sourceNote.test(l.text)) {
      this.frame('source-note', l);
      return;
    }
    const instrument = this.instruments.get(i);
    if (instrument && this.mayOpenInstrument(instrument, l)) this.openInstrument(instrument);
    if (this.instrument?.type === i) {
      this.instrumentType(l);
      return;
    }
    if (this.instrument?.attachment === i) {
      this.frame('attachment', l);
      this.zone = 'body';
      return;
    }
    const afterBody = this.zone === 'post' || this.stack.some((d) => INNER_CONTAINERS.has(d.kind));
    if (this.zone !== 'preamble' && opensAppendix(l.text, afterBody)) {
      this.openAppendix(l);
      return;
    }
    if (this.zone !== 'preamble' && opensForm(l.text) && this.mayOpenForm()) {
      this.openForm(l);
      return;
    }
    if (this.zone === 'preamble') this.preamble(l, i, previous);
    else if (this.zone === 'post') this.post(l);
    else this.body(l, i, previous);
  }

  private preamble(l: LogicalLine, i: number, previous: LogicalLine | undefined): void {
    const t = l.text;
    const last = this.lastFrame;
    const box = this.box;
    const label = matchLabel(t);
    if (label && BODY_OPENERS.has(label.kind)) {
      this.zone = 'body';
      this.body(l, i, previous);
      return;
    }
    const segments = splitMasthead(t);
    if (segments) {
      for (const s of segments) this.frame(s.kind, l, { text: s.text });
    } else if (P.motto.test(t)) {
      if (last?.kind === 'motto') {
        last.text = `${last.text} ${t}`;
        this.stored(last);
      } else this.frame('motto', l);
    } else if (P.number.test(t)) this.frame('number', l);
    else if (P.placeDate.test(t)) this.frame('place-date', l);
    else if (P.docType.test(t) && last?.kind === 'recital') {
      // "QUYẾT ĐỊNH" after the recitals is the enacting formula written without its colon.
      this.frame('enacting-formula', l);
      this.zone = 'body';
    } else if (P.docType.test(t)) {
      this.frame('doc-type', l);
      box.seenDocType = true;
    } else if (!box.seenDocType && this.gazetteHeading(l)) return;
    else if (P.recital.test(t)) this.frame('recital', l);
    else if (P.enacting.test(t) || P.enactingOther.test(t)) {
      this.frame('enacting-formula', l);
      this.zone = 'body';
    } else if (P.session.test(t)) this.frame('session', l);
    // Before the document type, upper-case lines are the masthead: the issuing body.
    else if (isAuthority(t) || (!box.seenDocType && isUppercase(t))) this.issuer(l);
    else if (box.seenDocType && (last?.kind === 'doc-type' || last?.kind === 'title')) {
      if (last.kind === 'title') {
        last.text = `${last.text} ${t}`;
        this.stored(last);
      } else this.frame('title', l);
    } else if (last?.kind === 'recital') {
      this.warn(l.line, 'line after the recitals taken as the enacting formula');
      this.frame('enacting-formula', l);
      this.zone = 'body';
    } else {
      this.warn(l.line, 'unrecognised line before the body, kept as a paragraph');
      this.frame('paragraph', l);
    }
  }

  /** "Nghị định của Chính phủ số 114/2003/NĐ-CP ngày …" and the title after it, if it is one. */
  private gazetteHeading(l: LogicalLine): boolean {
    const split = splitGazetteHeading(l.text);
    if (!split) return false;
    this.frame('doc-type', l, { text: split.heading });
    if (split.title) this.frame('title', l, { text: split.title });
    this.box.seenDocType = true;
    return true;
  }

  /** An issuing body line, split from a session written on the same line. */
  private issuer(l: LogicalLine): void {
    const split = splitIssuerSession(l.text);
    if (split) {
      this.frame('issuer', l, { text: split.issuer });
      this.frame('session', l, { text: split.session });
    } else this.frame('issuer', l);
  }

  private post(l: LogicalLine): void {
    const t = l.text;
    const last = this.lastFrame;
    const label = matchLabel(t);
    if (P.recipients.test(t)) {
      const { heading, rest } = splitRecipients(t);
      const node = this.frame('recipients', l, { heading, text: null });
      if (rest) this.listItem(node, { ...l, text: rest }, matchLabel(rest));
      return;
    }
    if (label?.kind === 'item' && last?.kind === 'recipients') {
      this.listItem(last, l, label);
      return;
    }
    if (P.closing.test(t)) {
      this.frame('closing', l);
      return;
    }
    if (last?.kind === 'signature' && this.signatureGoesOn(last, t)) return;
    const signature = splitSignature(t);
    if (isSignatureTitle(signature.title) || P.signaturePrefix.test(t)) {
      this.frame('signature', l, { heading: signature.title, text: signature.name });
      return;
    }
    this.warn(l.line, 'unrecognised line after the body, kept as a paragraph');
    this.frame('paragraph', l);
  }

  /**
   * A signature block runs over several lines: the titles ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ
   * TỊCH", "PHÓ CHỦ TỊCH"), "(Đã ký)", then the name. Returns false when `t` is not part of it.
   */
  private signatureGoesOn(node: Draft, t: string): boolean {
    const signed = node.text !== null && P.signedMark.test(node.text);
    if (node.text === null) {
      if (isUppercase(t) || P.signerTitle.test(t)) node.heading = `${node.heading} ${t}`;
      else node.text = t;
      this.stored(node, node.text === null ? 'heading' : 'text');
      return true;
    }
    if (signed && isPersonName(t)) {
      node.text = `${node.text} ${t}`;
      this.stored(node);
      return true;
    }
    return false;
  }

  /** A list item under `parent` (recipients), nested by bullet kind. */
  private listItem(parent: Draft, l: LogicalLine, label: LabelMatch | null): void {
    if (!label || label.kind !== 'item') {
      parent.text = parent.text ? `${parent.text} ${l.text}` : l.text;
      this.stored(parent);
      return;
    }
    const item = draft('item', l.line, { label: label.label, text: label.rest || null });
    const lastItem = parent.children[parent.children.length - 1];
    if (label.style === 'plus' && lastItem?.kind === 'item' && lastItem.label !== '+') {
      lastItem.children.push(item);
    } else parent.children.push(item);
    this.stored(item);
  }

  /**
   * Whether an instrument found ahead opens here: after the signature of the document (or of the
   * instrument before it), or, when its "Ban hành kèm theo …" line leaves no doubt, right after
   * a body whose signature was not recognised.
   */
  private mayOpenInstrument(found: InstrumentStart, l: LogicalLine): boolean {
    if (this.zone === 'post') return true;
    if (this.zone === 'body' && found.attachment !== null) {
      // Instruments end without a signature; a document ends with one.
      if (this.box.node === this.root) {
        this.warn(l.line, 'attached instrument after a body without a recognised signature');
      }
      return true;
    }
    return false;
  }

  /** Opens an attached instrument: a container with its own zones and numbering. */
  private openInstrument(found: InstrumentStart): void {
    const first = this.lines[found.start] as LogicalLine;
    const node = draft('instrument', first.line);
    this.root.children.push(node);
    this.containers.push({ node, zone: 'preamble', seenDocType: false });
    this.stack = [this.root, node];
    this.scope = {};
    this.lastFrame = null;
    this.instrument = found;
  }

  /** The type line of an instrument: "QUY CHẾ", or "QUY ĐỊNH VỀ …" with its title. */
  private instrumentType(l: LogicalLine): void {
    const type = P.instrumentType.exec(l.text)?.[0] ?? l.text;
    const rest = l.text.slice(type.length).trim();
    this.frame('doc-type', l, { text: type });
    if (rest) this.frame('title', l, { text: rest });
    this.box.seenDocType = true;
  }

  /** The container an appendix goes into: the document or the instrument being read. */
  private openAppendix(l: LogicalLine): void {
    const m = P.appendix.exec(l.text);
    const label = m?.[0] ?? 'PHỤ LỤC';
    const rest = l.text.slice(label.length).trim();
    const node = draft('appendix', l.line, {
      num: m?.[1] ?? null,
      label,
      text: rest || null,
      awaitingHeading: !rest,
    });
    const box = this.box.node;
    box.children.push(node);
    this.stack = [...this.stack.slice(0, this.stack.indexOf(box) + 1), node];
    // An appendix numbers its articles and targets afresh.
    this.scope = {};
    this.zone = 'body';
    this.lastFrame = node;
    this.stored(node);
  }

  /** Forms are model texts inside an appendix, or after the body of a document. */
  private mayOpenForm(): boolean {
    return this.zone === 'post' || this.stack.some((d) => INNER_CONTAINERS.has(d.kind));
  }

  /** Opens a form ("Mẫu số 01 …"): its model decision numbers its articles afresh. */
  private openForm(l: LogicalLine): void {
    const m = P.form.exec(l.text);
    const label = m?.[0] ?? l.text;
    const rest = l.text.slice(label.length).trim();
    const node = draft('form', l.line, {
      num: m?.[1] ?? null,
      label,
      text: rest || null,
      awaitingHeading: !rest,
    });
    const appendix = this.stack.findLast((d) => d.kind === 'appendix') ?? this.box.node;
    appendix.children.push(node);
    this.stack = [...this.stack.slice(0, this.stack.indexOf(appendix) + 1), node];
    this.scope = {};
    this.zone = 'body';
    this.lastFrame = node;
    this.stored(node);
  }

  private body(l: LogicalLine, i: number, previous: LogicalLine | undefined): void {
    const t = l.text;
    if (P.closing.test(t)) {
      this.frame('closing', l);
      this.zone = 'post';
      return;
    }
    if (P.recipients.test(t) || this.signatureStarts(i)) {
      this.zone = 'post';
      this.post(l);
      return;
    }
    if (previous && END_MARK.test(previous.text) && isPersonName(t)) {
      // A name alone after the closing "./." is the signer, whose title the copy left out.
      this.frame('signature', l, { heading: null, text: t });
      this.zone = 'post';
      return;
    }
    const open = this.top;
    if (open.awaitingHeading) {
      open.awaitingHeading = false;
      if (!matchLabel(t) && readsAsHeading(t)) {
        open.heading = t;
        this.stored(open, 'heading');
        return;
      }
    }
    if (this.continuesCapitalHeading(open, t)) {
      this.continueLast(l);
      return;
    }
    if (INNER_CONTAINERS.has(open.kind) && open.children.length === 0 && P.attachment.test(t)) {
      // "(Kèm theo Nghị quyết số …)" under an appendix's heading.
      this.frame('attachment', l);
      return;
    }
    if (this.opensQuotation(l, i, previous)) return;
    const label = matchLabel(t);
    const awaits = previous !== undefined && awaitsObject(previous.text);
    if (label) {
      const reference = awaits && REFERENCE_KINDS.has(label.kind);
      if (!reference && this.place(label, l, previous)) return;
      if (l.wrapped || reference) {
        this.continueLast(l);
        return;
      }
      // "… tại khoản 3\nĐiều 1. …": a rejected label after an unfinished sentence continues it.
      const last = this.lastDraft;
      if (previous && !ENDS_SENTENCE.test(previous.text) && last?.text) {
        last.text = `${last.text} ${t}`;
        this.stored(last);
        return;
      }
    } else if (l.wrapped || (awaits && REFERENCE_START.test(t))) {
      this.continueLast(l);
      return;
    }
    this.paragraph(l);
  }

  /**
   * Whether `t` is the second line of a heading in capitals ("CÁC ĐIỀU KIỆN BẢO ĐẢM ĐỂ" /
   * "PHÒNG, CHỐNG TÁC HẠI CỦA THUỐC LÁ"): the unit has nothing below its heading yet, the
   * heading is in capitals, and so is this line, which is no label and no sentence.
   */
  private continuesCapitalHeading(open: Draft, t: string): boolean {
    const sink = this.sink;
    if (!CAPITAL_HEADED.has(open.kind) || open.children.length > 0 || sink?.node !== open) {
      return false;
    }
    const heading = open[sink.field];
    return (
      heading !== null &&
      isUppercase(heading) &&
      isUppercase(t) &&
      !matchLabel(t) &&
      readsAsHeading(`${heading} ${t}`)
    );
  }

  /** Appends a wrapped line to where the previous line's words went. */
  private continueLast(l: LogicalLine): void {
    const sink = this.sink;
    if (!sink) {
      this.paragraph(l);
      return;
    }
    const before = sink.node[sink.field];
    sink.node[sink.field] = before ? `${before} ${l.text}` : l.text;
  }

  /**
   * Whether a signature block starts at line `i`: "TM. …", "KT. …", or a signer's title
   * followed by a name, "(Đã ký)" or another title line (or the end of the text).
   */
  private signatureStarts(i: number): boolean {
    const t = (this.lines[i] as LogicalLine).text;
    const next = this.lines[i + 1]?.text;
    // A consolidated text is certified under the consolidating body's name.
    if (next !== undefined && P.certification.test(next) && isAuthority(t)) return true;
    if (!startsSignature(t)) return false;
    if (P.signaturePrefix.test(t) || splitSignature(t).name !== null) return true;
    return (
      next === undefined || isPersonName(next) || P.signedMark.test(next) || startsSignature(next)
    );
  }

  /** Where a unit of `depth` would go: the deepest open node shallower than it. */
  private parentIndex(depth: number): number {
    let i = this.stack.length - 1;
    while (i > 0 && (this.stack[i] as Draft).depth >= depth) i--;
    return i;
  }

  /** The depth of a label at this point of the text. */
  private depthOf(label: LabelMatch): number {
    return labelDepth(
      label,
      this.stack.some((d) => d.kind === 'article'),
    );
  }

  /** The continuity verdict for a label here, without opening anything. */
  private verdict(label: LabelMatch, loose: boolean): { verdict: Verdict; index: number } {
    const index = this.parentIndex(this.depthOf(label));
    const parent = this.stack[index] as Draft;
    const verdict = continues(label, {
      parentKind: parent.kind,
      parentNum: parent.num,
      counters: parent.last,
      scope: this.scope,
      loose,
      parentHasText: () => parent.text !== null || parent.hasParagraph === true,
    });
    return { verdict, index };
  }

  /** Opens the unit for an accepted label; returns false when the label does not fit here. */
  private place(label: LabelMatch, l: LogicalLine, previous: LogicalLine | undefined): boolean {
    const depth = this.depthOf(label);
    if (label.kind === 'item') {
      // List items carry no numbering to check.
      this.stack = this.stack.slice(0, this.parentIndex(depth) + 1);
      const node = draft('item', l.line, { label: label.label, text: label.rest || null, depth });
      this.top.children.push(node);
      this.stack.push(node);
      this.stored(node);
      return true;
    }
    const loose = l.blockStart || previous === undefined || ENDS_SENTENCE.test(previous.text);
    const { verdict, index } = this.verdict(label, loose);
    const parent = this.stack[index] as Draft;
    if (!verdict.ok) {
      // A wrapped line is quietly the rest of the line before it, as it was before unwrapping.
      if (!l.wrapped && (verdict.gap || label.kind === 'article')) {
        this.warn(
          l.line,
          `"${label.label}" does not continue the numbering here; read as running text`,
        );
      }
      return false;
    }
    if (verdict.gap) this.warn(l.line, verdict.gap);
    counterStore(verdict.key, this.scope, parent.last)[verdict.key] = verdict.value;
    this.stack = this.stack.slice(0, index + 1);
    const node = draft(label.kind, l.line, {
      num: label.num,
      label: label.label,
      depth,
      style: label.style,
      awaitingHeading: label.rest === '' && HEADED.has(label.kind),
    });
    parent.children.push(node);
    this.stack.push(node);
    this.lastDraft = node;
    this.stored(node);
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
    this.stored(this.lastDraft);
    this.stack = [...this.stack.slice(0, depth + 1), this.lastDraft];
  }

  /** An unlabelled line: a paragraph of the deepest open unit that holds running text. */
  private paragraph(l: LogicalLine): void {
    let i = this.stack.length - 1;
    while (i > 0 && LIST_KINDS.has((this.stack[i] as Draft).kind)) i--;
    this.stack = this.stack.slice(0, i + 1);
    const parent = this.top;
    if (this.zone === 'preamble') {
      this.frame('paragraph', l);
      return;
    }
    const next = Number(this.scope['target'] ?? 0) + 1;
    const split = splitInlineTargets(l.text, next);
    if (split.lead) {
      parent.children.push(draft('paragraph', l.line, { text: split.lead }));
      parent.hasParagraph = true;
    }
    for (const t of split.targets) {
      const target = draft('target', l.line, { num: t.num, label: t.label, text: t.text || null });
      parent.children.push(target);
      this.scope['target'] = t.num;
    }
    this.lastDraft = parent.children.at(-1) ?? null;
    if (this.lastDraft) this.stored(this.lastDraft);
  }

  /**
   * Whether line `i` opens a quotation: it starts with an opening mark that it does not close,
   * or it follows an amendment's "như sau:" and is quoted (with its marks, or having lost the
   * opening one, which the closing mark ahead or the broken numbering gives away).
   */
  private opensQuotation(l: LogicalLine, i: number, previous: LogicalLine | undefined): boolean {
    const t = l.text;
    if (opensQuote(t)) {
      this.openQuote(l);
      return true;
    }
    if (!previous || !introducesQuote(previous.text)) return false;
    if (/^["“«]/.test(t)) {
      this.openQuote(l);
      return true;
    }
    const close = this.closeAhead[i] ?? null;
    const label = quotedLabel(t);
    const fits = label !== null && label.kind !== 'item' && this.verdict(label, true).verdict.ok;
    if (close === null && (label === null || fits)) return false;
    const end =
      close === null
        ? 'it is not closed either'
        : `read as quoted text up to line ${this.lines[close]?.line ?? l.line}`;
    this.warn(l.line, `quotation without its opening mark; ${end}`);
    this.openQuote(l, 1);
    return true;
  }

  /**
   * Opens a quotation inside the unit that introduces it, with `l` as its first line; `lost`
   * counts an opening mark the text lost, so that the quotation stays open until it closes.
   */
  private openQuote(l: LogicalLine, lost = 0): void {
    const node = draft('quote', l.line);
    this.top.children.push(node);
    this.quote = { node, line: l.line, balance: lost, inner: {} };
    this.quotedLine(l);
  }

  /** A line inside a quotation, verbatim; the quotation ends when its marks balance. */
  private quotedLine(l: LogicalLine): void {
    const quote = this.quote as OpenQuote;
    const last = quote.node.children.at(-1);
    if (last?.text && awaitsObject(last.text) && REFERENCE_START.test(l.text)) {
      // "… theo quy định tại" / "Điều 103 Luật …": one quoted line that the copy wrapped.
      last.text = `${last.text} ${l.text}`;
      readQuoted(quote, l.text);
      if (quote.balance <= 0) this.quote = null;
      return;
    }
    const node = draft('paragraph', l.line, { text: l.text });
    quote.node.children.push(node);
    this.stored(node);
    readQuoted(quote, l.text);
    if (quote.balance <= 0) this.quote = null;
  }

  /** Reads line `i` into the open quotation; false when the quotation ended before it. */
  private quoted(l: LogicalLine, i: number): boolean {
    if (this.endsQuotation(l, i)) {
      this.unclosedQuote(`line ${l.line}`);
      return false;
    }
    this.quotedLine(l);
    return true;
  }

  /**
   * Whether an unclosed quotation must have ended before line `i`: the document's closing,
   * recipients, signature, an appendix or instrument begins, or a label continues the amending
   * text's own numbering where it does not continue the quotation's.
   */
  private endsQuotation(l: LogicalLine, i: number): boolean {
    const t = l.text;
    if (P.closing.test(t) || P.recipients.test(t) || P.signaturePrefix.test(t)) return true;
    if (this.instruments.has(i) || (opensAppendix(t) && isUppercase(t))) return true;
    if (/^["“«]/.test(t)) return false;
    const label = matchLabel(t);
    if (!label || label.kind === 'item') return false;
    const { verdict } = this.verdict(label, false);
    if (!verdict.ok || verdict.gap) return false;
    const quote = this.quote as OpenQuote;
    return !continuesQuoted(quote.inner, label) || introducesQuote(t);
  }

  /** Closes a quotation that never got its closing mark, with a warning. */
  private unclosedQuote(where: string): void {
    const quote = this.quote as OpenQuote;
    this.warn(quote.line, `quotation not closed; it is taken to end before ${where}`);
    this.quote = null;
  }

  /** A table row: a new table, or the next row of the table just read. */
  private row(l: LogicalLine): void {
    const cells = l.cells ?? [];
    if (!this.table) {
      const parent = this.quote?.node ?? (this.zone === 'body' ? this.top : this.box.node);
      this.table = draft('table', l.line);
      parent.children.push(this.table);
    }
    const header =
      l.header === true || (this.table.children.length === 0 && looksLikeHeader(cells));
    const row = draft('row', l.line, {
      children: cells.map((c) =>
        draft('cell', l.line, header ? { heading: c || null } : { text: c || null }),
      ),
    });
    this.table.children.push(row);
    if (this.quote) {
      this.quote.balance += quoteBalance(l.text);
      if (this.quote.balance <= 0) this.quote = null;
    }
  }
}
