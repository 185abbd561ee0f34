/**
 * Tree building: one logical line at a time, the builder decides which zone of the document it
 * is in (before, inside or after the body), hands frame lines to the framing rules and labels to
 * the continuity check, and keeps the stack of open units. Anything it cannot place becomes a
 * paragraph (with a warning), so no word is ever dropped.
 */
import { continues, counterStore } from './continuity.ts';
import { labelDepth, ROOT_DEPTH } from './depth.ts';
import { draft, HEADED, readsAsHeading, type Draft } from './draft.ts';
import {
  closesQuote,
  FRAME_PATTERNS as P,
  isSignatureTitle,
  opensAppendix,
  opensQuote,
  splitIssuerSession,
  splitRecipients,
  splitSignature,
} from './frame.ts';
import { matchLabel, splitInlineTargets, type LabelMatch } from './labels.ts';
import { ENDS_SENTENCE, isUppercase, type LogicalLine } from './lines.ts';
import type { NodeKind } from './schema.ts';

/** A problem worth a person's attention, with its place in the source. */
export interface Warning {
  line: number;
  col: number;
  message: string;
}

type Zone = 'preamble' | 'body' | 'post';

/** Labels that start the body even before an enacting formula: the text has no "QUYẾT NGHỊ:". */
const BODY_OPENERS = new Set(['part', 'chapter', 'section', 'article']);

/** Units that never hold running text of their own lines: a paragraph goes to their parent. */
const LIST_KINDS = new Set(['target', 'item']);

/** Builds the tree line by line; one instance per document. */
export class TreeBuilder {
  readonly root = draft('root', 1, { depth: ROOT_DEPTH });
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
      if (closesQuote(l.text)) this.quoteOpen = false;
      return;
    }
    if (P.sourceNote.test(l.text)) {
      this.frame('source-note', l);
      return;
    }
    if (this.zone !== 'preamble' && opensAppendix(l.text)) {
      this.openAppendix(l);
      return;
    }
    if (this.zone === 'preamble') this.preamble(l, previous);
    else if (this.zone === 'post') this.post(l);
    else this.body(l, previous);
  }

  private preamble(l: LogicalLine, previous: LogicalLine | undefined): void {
    const t = l.text;
    const last = this.lastFrame;
    const label = matchLabel(t);
    if (label && BODY_OPENERS.has(label.kind)) {
      this.zone = 'body';
      this.body(l, previous);
      return;
    }
    if (P.motto.test(t)) {
      if (last?.kind === 'motto') last.text = `${last.text} ${t}`;
      else this.frame('motto', l);
    } else if (P.number.test(t)) this.frame('number', l);
    else if (P.placeDate.test(t)) this.frame('place-date', l);
    else if (P.docType.test(t)) {
      this.frame('doc-type', l);
      this.seenDocType = true;
    } else if (P.recital.test(t)) this.frame('recital', l);
    else if (P.enacting.test(t)) {
      this.frame('enacting-formula', l);
      this.zone = 'body';
    } else if (P.session.test(t)) this.frame('session', l);
    // Before the document type, upper-case lines are the masthead: the issuing body.
    else if (P.issuer.test(t) || (!this.seenDocType && isUppercase(t))) this.issuer(l);
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
    // A signer's title on its own line: the name follows, or more of the title does.
    if (last?.kind === 'signature' && last.text === null) {
      if (isUppercase(t)) last.heading = `${last.heading} ${t}`;
      else last.text = t;
      return;
    }
    const signature = splitSignature(t);
    if (isSignatureTitle(signature.title)) {
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
    const m = P.appendix.exec(l.text);
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
    // An appendix numbers its articles and targets afresh.
    this.scope = {};
    this.zone = 'body';
    this.lastFrame = node;
  }

  private body(l: LogicalLine, previous: LogicalLine | undefined): void {
    const t = l.text;
    if (P.closing.test(t)) {
      this.frame('closing', l);
      this.zone = 'post';
      return;
    }
    if (P.recipients.test(t)) {
      this.zone = 'post';
      this.post(l);
      return;
    }
    const open = this.top;
    if (open.awaitingHeading) {
      open.awaitingHeading = false;
      if (!matchLabel(t) && readsAsHeading(t)) {
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

  /** Opens the unit for an accepted label; returns false when the label does not fit here. */
  private place(label: LabelMatch, l: LogicalLine, previous: LogicalLine | undefined): boolean {
    const depth = this.depthOf(label);
    const index = this.parentIndex(depth);
    if (label.kind === 'item') {
      // List items carry no numbering to check.
      this.stack = this.stack.slice(0, index + 1);
      const node = draft('item', l.line, { label: label.label, text: label.rest || null, depth });
      this.top.children.push(node);
      this.stack.push(node);
      return true;
    }
    const parent = this.stack[index] as Draft;
    const loose = l.blockStart || previous === undefined || ENDS_SENTENCE.test(previous.text);
    const verdict = continues(label, {
      parentKind: parent.kind,
      parentNum: parent.num,
      counters: parent.last,
      scope: this.scope,
      loose,
    });
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
    while (i > 0 && LIST_KINDS.has((this.stack[i] as Draft).kind)) i--;
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
