/**
 * Word 2007+ (.docx) → seed text. Paragraphs in order with Word's automatic numbering rendered
 * as Word shows it, tracked changes as accepted, fields as their shown result, footnotes after
 * the paragraph that cites them, legacy-font runs (VNI, TCVN3) converted run by run, and tables
 * in the one text form of `blocks.ts`.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { InputError } from '../text/normalize.ts';
import { blocksToText, type Block } from './blocks.ts';
import { decodeLegacy, isUnicodeVietnamese, legacyOfFont, type Legacy } from './legacy.ts';
import {
  bulletText,
  formatNumber,
  ListCounters,
  type AbstractList,
  type Level,
  type ListInstance,
} from './numbering.ts';
import { attr, child, children, elements, flag, isW, parseXml, readZipParts, W } from './xml.ts';

/** Run formatting that changes what Word shows as text: the font (legacy encodings), hiding. */
interface RunLook {
  font: string | null;
  vanish: boolean | null;
}

/** A style: what it inherits, the numbering and run look it carries. */
interface Style {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  look: RunLook;
}

/** A piece of a paragraph's text, with the encoding its font implies. */
interface Segment {
  text: string;
  legacy: Legacy | null;
}

/** A complex field being read: its instruction is skipped, its shown result kept. */
interface Field {
  showing: boolean;
}

/** Everything the walk over the body needs, built once per file. */
interface Context {
  styles: Map<string, Style>;
  defaultParagraphStyle: string | null;
  defaultLook: RunLook;
  lists: ListCounters;
  /** Paragraph styles named by a list level (`w:lvl/w:pStyle`), with that list and level. */
  levelStyles: Map<string, { abstractId: string; ilvl: number }>;
  abstractToNum: Map<string, string>;
  notes: Map<string, { element: Element; kind: 'footnote' | 'endnote' }>;
  noteNumbers: { footnote: number; endnote: number };
  fields: Field[];
}

/** Reads a run look from an `rPr`. */
function lookOf(rPr: Element | null): RunLook {
  const fonts = child(rPr, 'rFonts');
  return {
    font: attr(fonts, 'hAnsi') ?? attr(fonts, 'ascii') ?? attr(fonts, 'cs'),
    vanish: flag(rPr, 'vanish'),
  };
}

/** A look whose unset fields come from another. */
function overlay(top: RunLook, under: RunLook): RunLook {
  return {
    font: top.font ?? under.font,
    vanish: top.vanish ?? under.vanish,
  };
}

/** The styles of `styles.xml`, with the document's default run look and paragraph style. */
function readStyles(root: Element | null): Pick<Context, 'styles' | 'defaultParagraphStyle' | 'defaultLook'> {
  const styles = new Map<string, Style>();
  let defaultParagraphStyle: string | null = null;
  const defaults = child(child(root, 'docDefaults'), 'rPrDefault');
  const defaultLook = lookOf(child(defaults, 'rPr'));
  for (const style of children(root, 'style')) {
    const id = attr(style, 'styleId');
    if (id === null) continue;
    if (attr(style, 'type') === 'paragraph' && ['1', 'true', 'on'].includes(attr(style, 'default') ?? '')) {
      defaultParagraphStyle = id;
    }
    const numPr = child(child(style, 'pPr'), 'numPr');
    const ilvl = attr(child(numPr, 'ilvl'), 'val');
    styles.set(id, {
      basedOn: attr(child(style, 'basedOn'), 'val'),
      numId: attr(child(numPr, 'numId'), 'val'),
      ilvl: ilvl === null ? null : Number(ilvl),
      look: lookOf(child(style, 'rPr')),
    });
  }
  return { styles, defaultParagraphStyle, defaultLook };
} // prettier-ignore

/** One `w:lvl` as a Level. */
function readLevel(lvl: Element): Level {
  const start = attr(child(lvl, 'start'), 'val');
  const restart = attr(child(lvl, 'lvlRestart'), 'val');
  const suffix = attr(child(lvl, 'suff'), 'val');
  return {
    start: start === null ? 0 : Number(start),
    format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
    text: attr(child(lvl, 'lvlText'), 'val') ?? '',
    restart: restart === null ? null : Number(restart),
    legal: flag(lvl, 'isLgl') ?? false,
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    style: attr(child(lvl, 'pStyle'), 'val'),
    font: attr(child(child(lvl, 'rPr'), 'rFonts'), 'ascii'),
  };
}

/** The lists of `numbering.xml`: definitions, instances and the styles their levels name. */
function readNumbering(root: Element | null): Pick<Context, 'lists' | 'levelStyles' | 'abstractToNum'> {
  const lists = new Map<string, AbstractList>();
  const links = new Map<string, string>();
  const styleLinks = new Map<string, string>();
  const levelStyles = new Map<string, { abstractId: string; ilvl: number }>();
  for (const abs of children(root, 'abstractNum')) {
    const id = attr(abs, 'abstractNumId') ?? '';
    const levels: AbstractList = new Map();
    for (const lvl of children(abs, 'lvl')) {
      const ilvl = Number(attr(lvl, 'ilvl') ?? 0);
      const level = readLevel(lvl);
      levels.set(ilvl, level);
      if (level.style) levelStyles.set(level.style, { abstractId: id, ilvl });
    }
    lists.set(id, levels);
    const numStyleLink = attr(child(abs, 'numStyleLink'), 'val');
    const styleLink = attr(child(abs, 'styleLink'), 'val');
    if (numStyleLink) links.set(id, numStyleLink);
    if (styleLink) styleLinks.set(styleLink, id);
  }
  // A list that only points at a numbering style takes its levels from the list defining that style.
  for (const [id, style] of links) {
    const target = styleLinks.get(style);
    const levels = target === undefined ? undefined : lists.get(target);
    if (levels && (lists.get(id)?.size ?? 0) === 0) lists.set(id, levels);
  }
  const instances = new Map<string, ListInstance>();
  const abstractToNum = new Map<string, string>();
  for (const num of children(root, 'num')) {
    const numId = attr(num, 'numId') ?? '';
    const abstractId = attr(child(num, 'abstractNumId'), 'val') ?? '';
    const starts = new Map<number, number>();
    const levels = new Map<number, Level>();
    for (const override of children(num, 'lvlOverride')) {
      const ilvl = Number(attr(override, 'ilvl') ?? 0);
      const start = attr(child(override, 'startOverride'), 'val');
      if (start !== null) starts.set(ilvl, Number(start));
      const lvl = child(override, 'lvl');
      if (lvl) levels.set(ilvl, readLevel(lvl));
    }
    instances.set(numId, { abstractId, starts, levels });
    if (!abstractToNum.has(abstractId)) abstractToNum.set(abstractId, numId);
  }
  return { lists: new ListCounters(lists, instances), levelStyles, abstractToNum };
} // prettier-ignore

/** Footnotes and endnotes by id, leaving out Word's separator notes. */
function readNotes(parts: (Element | null)[]): Context['notes'] {
  const notes: Context['notes'] = new Map();
  for (const root of parts) {
    for (const kind of ['footnote', 'endnote'] as const) {
      for (const note of children(root, kind)) {
        const type = attr(note, 'type');
        if (type !== null && type !== 'normal') continue;
        notes.set(`${kind}:${attr(note, 'id') ?? ''}`, { element: note, kind });
      }
    }
  }
  return notes;
}

/** The style chain of a style id, nearest first, guarded against loops. */
function styleChain(ctx: Context, id: string | null): Style[] {
  const chain: Style[] = [];
  const seen = new Set<string>();
  let current = id;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const style = ctx.styles.get(current);
    if (!style) break;
    chain.push(style);
    current = style.basedOn;
  }
  return chain;
}

/** The list and level a paragraph is numbered with, from its own `numPr` or its styles. */
function paragraphNumbering(ctx: Context, pPr: Element | null): { numId: string; ilvl: number } | null {
  const styleId = attr(child(pPr, 'pStyle'), 'val') ?? ctx.defaultParagraphStyle;
  const numPr = child(pPr, 'numPr');
  let numId = attr(child(numPr, 'numId'), 'val');
  const ownLevel = attr(child(numPr, 'ilvl'), 'val');
  let ilvl: number | null = ownLevel === null ? null : Number(ownLevel);
  for (const style of styleChain(ctx, styleId)) {
    numId ??= style.numId;
    ilvl ??= style.ilvl;
  }
  if (numId === null || numId === '0' || !ctx.lists.has(numId)) return null;
  if (ilvl === null && styleId !== null) {
    // A style named by a list level is numbered at that level.
    ilvl = ctx.levelStyles.get(styleId)?.ilvl ?? null;
  }
  return { numId, ilvl: ilvl ?? 0 };
} // prettier-ignore

/** The run look of a run: its own formatting over its character style, paragraph style and defaults. */
function runLook(ctx: Context, rPr: Element | null, paragraphLook: RunLook): RunLook {
  let look = lookOf(rPr);
  for (const style of styleChain(ctx, attr(child(rPr, 'rStyle'), 'val')))
    look = overlay(look, style.look);
  return overlay(look, paragraphLook);
}

/** Collects the text of a paragraph, and the blocks (notes, text boxes) that follow it. */
class ParagraphReader {
  readonly segments: Segment[] = [];
  readonly after: Block[] = [];

  constructor(
    private readonly ctx: Context,
    private readonly look: RunLook,
  ) {}

  /** Adds text as Word shows it with a run look. */
  private add(text: string, look: RunLook): void {
    if (text === '' || look.vanish) return;
    if (this.ctx.fields.some((f) => !f.showing)) return;
    const legacy = legacyOfFont(look.font);
    this.segments.push({
      text,
      legacy: legacy && !isUnicodeVietnamese(text) ? legacy : null,
    });
  }

  /** Inline content: runs and the wrappers around them. */
  inline(node: Node): void {
    for (const el of elements(node)) {
      if (el.namespaceURI === W) {
        switch (el.localName) {
          case 'r':
            this.run(el);
            break;
          case 'del':
          case 'moveFrom':
          case 'pPr':
          case 'rPr':
            break;
          case 'sdt':
            this.inline(child(el, 'sdtContent') ?? el);
            break;
          default:
            // ins, moveTo, hyperlink, fldSimple, smartTag, customXml, dir, bdo: their runs show.
            this.inline(el);
        }
      } else if (el.localName === 'oMath' || el.localName === 'oMathPara') {
        this.add(mathText(el), this.look);
      } else if (el.localName === 'AlternateContent') {
        const choice = elements(el)[0];
        if (choice) this.inline(choice);
      }
    }
  }

  /** One run: text, tabs, breaks, field characters, note references, text boxes. */
  private run(r: Element): void {
    const look = runLook(this.ctx, child(r, 'rPr'), this.look);
    for (const el of elements(r)) {
      if (el.namespaceURI !== W) {
        if (el.localName === 'AlternateContent') this.drawings(elements(el)[0] ?? el);
        continue;
      }
      switch (el.localName) {
        case 't':
          this.add(el.textContent ?? '', look);
          break;
        case 'tab':
        case 'ptab':
          this.add('\t', look);
          break;
        case 'br':
        case 'cr':
          this.add('\n', look);
          break;
        case 'noBreakHyphen':
          this.add('-', look);
          break;
        case 'sym':
          this.add(symbolText(attr(el, 'char')), { ...look, font: null });
          break;
        case 'fldChar':
          this.fieldChar(attr(el, 'fldCharType'));
          break;
        case 'footnoteReference':
        case 'endnoteReference':
          this.noteReference(el, look);
          break;
        case 'footnoteRef':
        case 'endnoteRef':
          this.add(`[${noteMark(this.ctx, el.localName === 'footnoteRef' ? 'footnote' : 'endnote')}]`, look);
          break;
        case 'drawing':
        case 'pict':
        case 'object':
          this.drawings(el);
          break;
        default:
        // rPr, instrText, delText, lastRenderedPageBreak, softHyphen…: nothing Word shows as text.
      }
    }
  } // prettier-ignore

  /** Field characters: the instruction between begin and separate is hidden, the result shows. */
  private fieldChar(type: string | null): void {
    const fields = this.ctx.fields;
    if (type === 'begin') fields.push({ showing: false });
    else if (type === 'separate') {
      const top = fields[fields.length - 1];
      if (top) top.showing = true;
    } else if (type === 'end') fields.pop();
  }

  /** A footnote or endnote reference: its mark in the text, its text after the paragraph. */
  private noteReference(el: Element, look: RunLook): void {
    const kind = el.localName === 'footnoteReference' ? 'footnote' : 'endnote';
    const note = this.ctx.notes.get(`${kind}:${attr(el, 'id') ?? ''}`);
    if (!note) return;
    this.ctx.noteNumbers[kind] += 1;
    // A custom mark (an asterisk…) is the text of the next run; the number is not shown.
    if (attr(el, 'customMarkFollows') !== '1' && attr(el, 'customMarkFollows') !== 'true') {
      this.add(`[${noteMark(this.ctx, kind)}]`, look);
    }
    const saved = this.ctx.fields.splice(0);
    this.after.push(...bodyBlocks(this.ctx, note.element));
    this.ctx.fields.push(...saved);
  }

  /** Text boxes inside drawings: their paragraphs follow the paragraph that anchors them. */
  private drawings(el: Element): void {
    for (const box of descendants(el, 'txbxContent')) this.after.push(...bodyBlocks(this.ctx, box));
  }

  /**
   * The paragraph's text: legacy runs decoded together. Letters stay as typed: capitals that
   * only a format (w:caps) or a capitals-only font (.VnTimeH) draws are not written in, as
   * copying the text out of Word would not write them either.
   */
  text(): string {
    let out = '';
    let i = 0;
    while (i < this.segments.length) {
      const first = this.segments[i] as Segment;
      let raw = first.text;
      let j = i + 1;
      // Adjacent runs of one legacy font are decoded together: a VNI mark may sit in the next run.
      while (j < this.segments.length) {
        const s = this.segments[j] as Segment;
        if (s.legacy !== first.legacy) break;
        raw += s.text;
        j++;
      }
      out += first.legacy ? decodeLegacy(raw, first.legacy) : raw;
      i = j;
    }
    return out;
  }
}

/** The mark of the latest note of a kind: footnotes 1, 2, 3…; endnotes i, ii, iii… */
function noteMark(ctx: Context, kind: 'footnote' | 'endnote'): string {
  const n = ctx.noteNumbers[kind];
  return formatNumber(n, kind === 'footnote' ? 'decimal' : 'lowerRoman');
}

/** A `w:sym` character: symbol-font bullets as the characters they draw. */
function symbolText(code: string | null): string {
  const n = code === null ? NaN : parseInt(code, 16);
  return Number.isFinite(n) ? bulletText(String.fromCodePoint(n)) : '';
}

/** The text of an Office Math element (its `m:t` runs). */
function mathText(el: Element): string {
  return descendants(el, 't', null)
    .map((t) => t.textContent ?? '')
    .join('');
}

/** Every descendant element with a local name (in any namespace when ns is null, else W). */
function descendants(el: Element, name: string, ns: string | null = W): Element[] {
  const out: Element[] = [];
  const visit = (node: Element): void => {
    for (const c of elements(node)) {
      if (c.localName === name && (ns === null || c.namespaceURI === ns)) out.push(c);
      else visit(c);
    }
  };
  visit(el);
  return out;
}

/** One paragraph: its number label (if Word numbers it), its text, and the blocks that follow. */
function readParagraph(ctx: Context, p: Element): { text: string; after: Block[]; joinNext: boolean } {
  const pPr = child(p, 'pPr');
  const styleId = attr(child(pPr, 'pStyle'), 'val') ?? ctx.defaultParagraphStyle;
  let look: RunLook = ctx.defaultLook;
  for (const style of styleChain(ctx, styleId).reverse()) look = overlay(style.look, look);
  const reader = new ParagraphReader(ctx, look);
  reader.inline(p);
  const markRun = child(pPr, 'rPr');
  const markDeleted = isW(child(markRun, 'del'), 'del');
  const numbering = markDeleted ? null : paragraphNumbering(ctx, pPr);
  let text = reader.text();
  if (numbering) {
    const level = ctx.lists.level(numbering.numId, numbering.ilvl);
    const label = ctx.lists.next(numbering.numId, numbering.ilvl);
    if (label !== null) {
      text = `${label.trimEnd()}${level.suffix === 'nothing' && !/\s$/.test(label) ? '' : ' '}${text}`;
    }
  }
  return { text, after: reader.after, joinNext: markDeleted };
} // prettier-ignore

/** A table as rows of cells of paragraph texts; nested tables become pipe rows in their cell. */
function readTable(ctx: Context, tbl: Element): Block {
  const rows: string[][][] = [];
  for (const tr of unwrap(tbl, 'tr')) {
    if (child(child(tr, 'trPr'), 'del')) continue;
    const cells: string[][] = [];
    for (const tc of unwrap(tr, 'tc')) {
      const lines: string[] = [];
      for (const block of bodyBlocks(ctx, tc)) {
        // A table inside a cell: its cells' words in order, one inner row per line.
        if (block.kind === 'paragraph') lines.push(block.text);
        else lines.push(...block.rows.map((r) => r.map((c) => c.join(' ')).join(' ')));
      }
      cells.push(lines);
      // A cell spanning several grid columns is followed by empty ones, so columns line up.
      const span = Number(attr(child(child(tc, 'tcPr'), 'gridSpan'), 'val') ?? 1);
      for (let i = 1; i < span; i++) cells.push([]);
    }
    rows.push(cells);
  }
  return { kind: 'table', rows };
}

/** Children with a name, looking through content controls and custom XML around them. */
function unwrap(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const el of elements(parent)) {
    if (isW(el, name)) out.push(el);
    else if (isW(el, 'sdt')) out.push(...unwrap(child(el, 'sdtContent') ?? el, name));
    else if (isW(el, 'customXml') || isW(el, 'ins') || isW(el, 'moveTo'))
      out.push(...unwrap(el, name));
  }
  return out;
}

/** The blocks of a body, cell, note or text box, in order. */
function bodyBlocks(ctx: Context, container: Element): Block[] {
  const blocks: Block[] = [];
  let carried = '';
  for (const el of elements(container)) {
    if (isW(el, 'p')) {
      const { text, after, joinNext } = readParagraph(ctx, el);
      if (joinNext) {
        // A deleted paragraph mark: accepted, this paragraph runs on into the next.
        carried += text;
      } else {
        blocks.push({ kind: 'paragraph', text: carried + text });
        carried = '';
      }
      blocks.push(...after);
    } else if (isW(el, 'tbl')) {
      if (carried) blocks.push({ kind: 'paragraph', text: carried });
      carried = '';
      blocks.push(readTable(ctx, el));
    } else if (isW(el, 'sdt')) {
      blocks.push(...bodyBlocks(ctx, child(el, 'sdtContent') ?? el));
    } else if (isW(el, 'customXml') || isW(el, 'ins') || isW(el, 'moveTo')) {
      blocks.push(...bodyBlocks(ctx, el));
    }
  }
  if (carried) blocks.push({ kind: 'paragraph', text: carried });
  return blocks;
}

/** The main document part's name, from the package relationships. */
function mainPart(parts: Map<string, Uint8Array>, file: string): string {
  const rels = parts.get('_rels/.rels');
  if (rels) {
    for (const rel of elements(parseXml(rels, '_rels/.rels', file))) {
      if ((rel.getAttribute('Type') ?? '').endsWith('/officeDocument')) {
        return (rel.getAttribute('Target') ?? '').replace(/^\//, '');
      }
    }
  }
  return 'word/document.xml';
}

/** Parts read: relationships, the main document, styles, numbering and notes. */
const TEXT_PARTS =
  /(?:^|\/)(?:_rels\/\.rels|[^/]*document[^/]*\.xml|styles\.xml|numbering\.xml|footnotes\.xml|endnotes\.xml)$/;

/** The text of a .docx file, in the seed form of `blocks.ts`. */
export function docxToText(bytes: Uint8Array, file: string): string {
  // Only the parts that carry text are decompressed; media and other parts stay packed.
  const parts = readZipParts(bytes, file, (name) => TEXT_PARTS.test(name));
  const main = mainPart(parts, file);
  const documentXml = parts.get(main);
  if (!documentXml)
    throw new InputError(`${file}: not a Word document (no ${main} inside the zip)`);
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const part = (name: string): Element | null => {
    const data = parts.get(`${dir}${name}`);
    return data ? parseXml(data, `${dir}${name}`, file) : null;
  };
  const root = parseXml(documentXml, main, file);
  const ctx: Context = {
    ...readStyles(part('styles.xml')),
    ...readNumbering(part('numbering.xml')),
    notes: readNotes([part('footnotes.xml'), part('endnotes.xml')]),
    noteNumbers: { footnote: 0, endnote: 0 },
    fields: [],
  };
  const body = child(root, 'body');
  if (!body) throw new InputError(`${file}: ${main} has no body`);
  return blocksToText(bodyBlocks(ctx, body));
}
