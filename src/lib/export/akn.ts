/**
 * The document as Akoma Ntoso 3.0 XML (OASIS LegalDocML), valid against `akomantoso30.xsd`.
 *
 * Mapping, kept simple and stable:
 * - `<act name="nghi-quyet">` with FRBR identification: the work is
 *   `/akn/vn/act/<type>/<issuer>/<date>/<doc>`, the expression adds `/vie@`, the manifestation
 *   `.akn`; authors are TLCOrganization references.
 * - Preface: place and date (`docDate`), document type (`docType`), title (`longTitle/docTitle`),
 *   issuer (`docProponent`), session (`session`), number (`docNumber`), motto.
 * - Preamble: "Căn cứ …" recitals are `citation`s, "Xét …" ones `recital`s, "QUYẾT NGHỊ:" the
 *   enacting `formula`.
 * - Body: part, chương → chapter, mục → section, điều → article, khoản → paragraph, "3.1." →
 *   subparagraph, điểm → point, a numbered target "(7)" → point, a "-" item → indent, an
 *   unlabelled paragraph → hcontainer name="doan", an appendix → hcontainer name="phu-luc".
 *   Labels are `num`, headings `heading`; text is `content` (a leaf) or `intro` (before children).
 * - Conclusions: the closing statement, the recipients (a `blockList`), the signature (`role`,
 *   `person`) and the source note.
 * - eIds come from `../vocabulary/eids.ts`, shared with the pages.
 * Text is written verbatim; whitespace between elements is indentation only (never inside text).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { DocNode, Document, NodeKind } from '../document/schema.ts';
import { slugify } from '../text/slug.ts';
import {
  aknEids,
  CONCLUSION_KINDS,
  isBodyNode,
  isConsideration,
  PREAMBLE_KINDS,
  PREFACE_KINDS,
} from '../vocabulary/eids.ts';
import { aknElement } from '../vocabulary/units.ts';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** The software that produced the file, named in the metadata. */
const PRODUCER = { eId: 'nghi-quyet-reader', showAs: 'Nghị quyết reader' };

/** Indentation helper: adds whitespace between elements, never inside text. */
class Writer {
  constructor(
    readonly node: XMLBuilder,
    readonly depth: number,
  ) {}

  /** Opens a child element on its own line. */
  child(name: string, attributes: Record<string, string> = {}): Writer {
    this.node.txt(`\n${'  '.repeat(this.depth + 1)}`);
    return new Writer(this.node.ele(AKN_NAMESPACE, name, attributes), this.depth + 1);
  }

  /** An empty child element on its own line. */
  empty(name: string, attributes: Record<string, string>): void {
    this.node.txt(`\n${'  '.repeat(this.depth + 1)}`);
    this.node.ele(AKN_NAMESPACE, name, attributes);
  }

  /** A `<p>` on its own line, returned raw so that inline content gets no added whitespace. */
  p(attributes: Record<string, string> = {}): XMLBuilder {
    this.node.txt(`\n${'  '.repeat(this.depth + 1)}`);
    return this.node.ele(AKN_NAMESPACE, 'p', attributes);
  }

  /** A child element holding only text. */
  text(name: string, text: string, attributes: Record<string, string> = {}): void {
    this.node.txt(`\n${'  '.repeat(this.depth + 1)}`);
    this.node.ele(AKN_NAMESPACE, name, attributes).txt(text);
  }

  /** Closes this element: its end tag on its own line. */
  close(): void {
    this.node.txt(`\n${'  '.repeat(this.depth)}`);
  }
}

/** Options of the export. */
export interface AknOptions {
  /** The document slug, last part of the work URI. */
  doc: string;
}

/** FRBR URIs of the work, expression and manifestation; throws one line when the text has no date. */
export function frbr(
  document: Document,
  doc: string,
): { work: string; expression: string; date: string } {
  const date = document.meta.date;
  if (date === null) throw new Error(`${doc}: no date in the document, cannot name the AKN work`);
  const type = slugify(document.meta.docType ?? '') || 'van-ban';
  const issuer = slugify(document.meta.issuer ?? '') || 'co-quan-ban-hanh';
  const work = `/akn/vn/act/${type}/${issuer}/${date}/${doc}`;
  return { work, expression: `${work}/vie@`, date };
}

/** The `<meta>` block: FRBR identification and the references it points to. */
function writeMeta(act: Writer, document: Document, doc: string): void {
  const { work, expression, date } = frbr(document, doc);
  const issuer = slugify(document.meta.issuer ?? '') || 'co-quan-ban-hanh';
  const meta = act.child('meta');
  const identification = meta.child('identification', { source: `#${PRODUCER.eId}` });
  const levels: Array<[string, string, string, string]> = [
    ['FRBRWork', `${work}/!main`, work, issuer],
    ['FRBRExpression', `${expression}/!main`, expression, issuer],
    ['FRBRManifestation', `${expression}/!main.xml`, `${expression}.akn`, PRODUCER.eId],
  ];
  for (const [level, self, uri, author] of levels) {
    const element = identification.child(level);
    element.empty('FRBRthis', { value: self });
    element.empty('FRBRuri', { value: uri });
    element.empty('FRBRdate', {
      date,
      name: level === 'FRBRManifestation' ? 'chuyen-doi' : 'thong-qua',
    });
    element.empty('FRBRauthor', { href: `#${author}` });
    if (level === 'FRBRWork') {
      element.empty('FRBRcountry', { value: 'vn' });
      element.empty('FRBRsubtype', { value: slugify(document.meta.docType ?? '') || 'van-ban' });
      if (document.meta.number) element.empty('FRBRnumber', { value: document.meta.number });
      const name = [document.meta.docType, document.meta.title].filter(Boolean).join(' ');
      if (name) element.empty('FRBRname', { value: name });
    }
    if (level === 'FRBRExpression') element.empty('FRBRlanguage', { language: 'vie' });
    if (level === 'FRBRManifestation') {
      element.empty('FRBRformat', { value: 'application/akn+xml' });
    }
    element.close();
  }
  identification.close();
  const references = meta.child('references', { source: `#${PRODUCER.eId}` });
  references.empty('TLCOrganization', {
    eId: issuer,
    href: `/ontology/organization/vn/${issuer}`,
    showAs: document.meta.issuer ?? 'Cơ quan ban hành',
  });
  references.empty('TLCOrganization', {
    eId: PRODUCER.eId,
    href: `/ontology/organization/${PRODUCER.eId}`,
    showAs: PRODUCER.showAs,
  });
  if (document.meta.signer) {
    references.empty('TLCPerson', {
      eId: 'nguoi-ky',
      href: `/ontology/person/vn/${slugify(document.meta.signer)}`,
      showAs: document.meta.signer,
    });
  }
  if (document.meta.signerTitle) {
    references.empty('TLCRole', {
      eId: 'chuc-vu-nguoi-ky',
      href: `/ontology/role/vn/${slugify(document.meta.signerTitle)}`,
      showAs: document.meta.signerTitle,
    });
  }
  references.close();
  meta.close();
}

/** The words of a frame node as paragraphs: heading, then text. */
function framePieces(node: DocNode): string[] {
  return [node.heading, node.text].filter((part): part is string => part !== null && part !== '');
}

/** One preface node as a `<p>` (or `<longTitle>`) with the inline element that names it. */
function writePrefaceNode(preface: Writer, node: DocNode, document: Document): void {
  const text = framePieces(node).join(' ');
  const inline: Partial<Record<NodeKind, string>> = {
    'doc-type': 'docType',
    issuer: 'docProponent',
    session: 'session',
    number: 'docNumber',
  };
  if (node.kind === 'title') {
    const title = preface.child('longTitle');
    title.p().ele(AKN_NAMESPACE, 'docTitle').txt(text);
    title.close();
    return;
  }
  const name = node.kind === 'place-date' && document.meta.date ? 'docDate' : inline[node.kind];
  if (!name) {
    preface.text('p', text, { class: node.kind });
    return;
  }
  const attributes = name === 'docDate' ? { date: document.meta.date ?? '' } : {};
  preface.p({ class: node.kind }).ele(AKN_NAMESPACE, name, attributes).txt(text);
}

/** The preamble: citations and recitals in their runs, then the enacting formula. */
function writePreamble(act: Writer, nodes: DocNode[], eIds: Map<string, string>): void {
  if (nodes.length === 0) return;
  const preamble = act.child('preamble');
  const groups: Array<{ kind: string; nodes: DocNode[] }> = [];
  for (const node of nodes) {
    const kind =
      node.kind === 'enacting-formula'
        ? 'formula'
        : isConsideration(node)
          ? 'recitals'
          : 'citations';
    const last = groups[groups.length - 1];
    if (last && last.kind === kind && kind !== 'formula') last.nodes.push(node);
    else groups.push({ kind, nodes: [node] });
  }
  for (const group of groups) {
    const first = eIds.get(group.nodes[0]?.id ?? '') ?? '';
    if (group.kind === 'formula') {
      const formula = preamble.child('formula', { name: 'enactingFormula', eId: first });
      for (const piece of group.nodes.flatMap(framePieces)) formula.text('p', piece);
      formula.close();
      continue;
    }
    const container = preamble.child(group.kind, { eId: first.split('__')[0] ?? first });
    for (const node of group.nodes) {
      const name = group.kind === 'recitals' ? 'recital' : 'citation';
      const item = container.child(name, { eId: eIds.get(node.id) ?? '' });
      for (const piece of framePieces(node)) item.text('p', piece);
      item.close();
    }
    container.close();
  }
  preamble.close();
}

/** One body node and its subtree as an AKN hierarchical element. */
function writeBodyNode(parent: Writer, node: DocNode, eIds: Map<string, string>): void {
  const spec = aknElement(node.kind);
  const attributes: Record<string, string> = { eId: eIds.get(node.id) ?? '' };
  if (spec.element === 'hcontainer') attributes['name'] = spec.name ?? node.kind;
  if (node.kind === 'target') attributes['class'] = 'chi-tieu';
  const element = parent.child(spec.element, attributes);
  if (node.label !== null) element.text('num', node.label);
  if (node.heading !== null) element.text('heading', node.heading);
  if (node.children.length === 0) {
    const content = element.child('content');
    content.text('p', node.text ?? '');
    content.close();
  } else {
    if (node.text !== null) {
      const intro = element.child('intro');
      intro.text('p', node.text);
      intro.close();
    }
    for (const child of node.children) writeBodyNode(element, child, eIds);
  }
  element.close();
}

/** The conclusions: closing, recipients, signature, source note, in source order. */
function writeConclusions(
  act: Writer,
  nodes: DocNode[],
  document: Document,
  eIds: Map<string, string>,
): void {
  if (nodes.length === 0) return;
  const conclusions = act.child('conclusions');
  for (const node of nodes) {
    const eId = eIds.get(node.id) ?? '';
    if (node.kind === 'recipients') {
      const block = conclusions.child('blockContainer', { eId, class: node.kind });
      if (node.heading) block.text('heading', node.heading);
      if (node.text) block.text('p', node.text);
      if (node.children.length > 0) {
        const list = block.child('blockList', { eId: `${eId}__list_1` });
        for (const child of node.children) {
          const item = list.child('item', { eId: eIds.get(child.id) ?? '' });
          if (child.label) item.text('num', child.label);
          for (const piece of framePieces(child)) item.text('p', piece);
          item.close();
        }
        list.close();
      }
      if (node.children.length === 0 && !node.text) block.text('p', '');
      block.close();
    } else if (node.kind === 'signature') {
      const block = conclusions.child('blockContainer', { eId, class: node.kind });
      writeSigner(block.p().ele(AKN_NAMESPACE, 'signature'), node, document, eId);
      block.close();
    } else {
      for (const piece of framePieces(node)) conclusions.text('p', piece, { class: node.kind });
    }
  }
  conclusions.close();
}

/** The signer's title and name inside `<signature>`, linked to the references when known. */
function writeSigner(signature: XMLBuilder, node: DocNode, document: Document, eId: string): void {
  const parts: Array<[string, string, Record<string, string>]> = [];
  if (node.heading) {
    parts.push(
      document.meta.signerTitle
        ? ['role', node.heading, { refersTo: '#chuc-vu-nguoi-ky', eId: `${eId}__role_1` }]
        : ['span', node.heading, {}],
    );
  }
  if (node.text) {
    const person: Record<string, string> = { refersTo: '#nguoi-ky', eId: `${eId}__person_1` };
    if (document.meta.signerTitle) person['as'] = '#chuc-vu-nguoi-ky';
    parts.push(document.meta.signer ? ['person', node.text, person] : ['span', node.text, {}]);
  }
  parts.forEach(([name, text, attributes], i) => {
    if (i > 0) signature.txt(' ');
    signature.ele(AKN_NAMESPACE, name, attributes).txt(text);
  });
}

/** Serialises a document as Akoma Ntoso 3.0 XML. */
export function toAkomaNtoso(document: Document, options: AknOptions): string {
  const eIds = aknEids(document);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(AKN_NAMESPACE, 'akomaNtoso');
  const top = new Writer(root, 0);
  const act = top.child('act', {
    name: slugify(document.meta.docType ?? '') || 'van-ban',
    contains: 'originalVersion',
  });
  writeMeta(act, document, options.doc);
  const preface = document.nodes.filter((node) => PREFACE_KINDS.has(node.kind));
  if (preface.length > 0) {
    const writer = act.child('preface');
    for (const node of preface) writePrefaceNode(writer, node, document);
    writer.close();
  }
  writePreamble(
    act,
    document.nodes.filter((node) => PREAMBLE_KINDS.has(node.kind)),
    eIds,
  );
  const body = act.child('body');
  for (const node of document.nodes.filter(isBodyNode)) writeBodyNode(body, node, eIds);
  body.close();
  writeConclusions(
    act,
    document.nodes.filter((node) => CONCLUSION_KINDS.has(node.kind)),
    document,
    eIds,
  );
  act.close();
  top.close();
  // The declaration gets its own line; everything else is laid out by Writer.
  return `${root.end({ prettyPrint: false }).replace(/^(<\?xml[^>]*\?>)/, '$1\n')}\n`;
}
