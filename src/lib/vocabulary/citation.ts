/**
 * How a unit is cited, in the words of the units table. Readers see the Vietnamese citation,
 * small to big: "điểm b mục 3.2 khoản 3 Điều 1", followed by the document when it leaves the
 * page ("… Nghị quyết số 66/2025/NQ-HĐND ngày 16/12/2025 của Hội đồng nhân dân tỉnh …").
 * Navigation walks the other way, big to small: "Điều 1 › khoản 3 › 3.2 › điểm b".
 */
import { BODY_KINDS, type DocNode, type NodeKind } from '../document/schema.ts';
import { ui } from './strings.ts';
import { UNITS } from './units.ts';

const BODY = new Set<NodeKind>(BODY_KINDS);

/** Containers with their own numbering: a citation of a unit inside one names it too. */
const NUMBERING_CONTAINERS = new Set<NodeKind>(['instrument', 'appendix', 'form']);

/**
 * An attached instrument by its own kind, as a sentence writes it: "QUY CHẾ" → "Quy chế". The
 * kind words hold no proper names, so lower case after the first letter is right.
 */
export function instrumentName(node: DocNode): string {
  const type = node.children.find((c) => c.kind === 'doc-type')?.text ?? ui.attachedInstrument;
  const lower = type.replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** How a node is named in navigation ("khoản 3", "3.2"); null for nodes a citation skips. */
export function citationPart(node: DocNode): string | null {
  if (node.kind === 'instrument') return instrumentName(node);
  const unit = UNITS[node.kind];
  if (!unit || unit.word === null) return null;
  if (node.num === null && unit.unnumbered !== null) return unit.unnumbered;
  const num = node.num ?? '';
  return unit.bareInNavigation ? num : `${unit.word} ${num}`;
}

/**
 * How a node is named in a Vietnamese citation ("mục 3.2"); null for nodes it skips. An attached
 * instrument is named as issued with the document that follows the citation: "Điều 5 Quy chế
 * ban hành kèm theo" + "Quyết định số …".
 */
export function unitName(node: DocNode): string | null {
  if (node.kind === 'instrument') return `${instrumentName(node)} ${ui.issuedWith}`;
  const unit = UNITS[node.kind];
  if (!unit || unit.word === null) return null;
  if (node.num === null && unit.unnumbered !== null) return unit.unnumbered;
  return `${unit.word} ${node.num ?? ''}`;
}

/**
 * The units a citation names, smallest first. Articles are numbered through the whole text, so
 * the parts, chapters and sections above an article are not named ("khoản 2 Điều 5", never
 * "khoản 2 Điều 5 Chương II"); a chapter or part is named only when it is what is cited.
 */
function citedChain(node: DocNode, ancestors: DocNode[]): DocNode[] {
  const chain = [...ancestors, node];
  const article = chain.findIndex((n) => n.kind === 'article');
  if (article <= 0) return chain.reverse();
  // Articles restart in an attached instrument, appendix or form, so the citation names it:
  // "Điều 1 Mẫu số 01 Phụ lục II", "khoản 2 Điều 5 Quy chế ban hành kèm theo".
  const containers = chain.slice(0, article).filter((n) => NUMBERING_CONTAINERS.has(n.kind));
  return [...chain.slice(article).reverse(), ...containers.reverse()];
}

/** The Vietnamese citation of a unit, small to big: "điểm b mục 3.2 khoản 3 Điều 1". */
export function readerCitation(node: DocNode, ancestors: DocNode[]): string {
  return citedChain(node, ancestors)
    .map(unitName)
    .filter((p): p is string => p !== null)
    .join(' ');
}

/**
 * A node's Vietnamese citation as the page shows it. Units a citation does not name say where
 * they sit: a paragraph starts with "đoạn N", a list item takes the words of the unit that holds
 * it, a part around the body its name ("Căn cứ (2)").
 */
export function displayReaderCitation(node: DocNode, ancestors: DocNode[]): string {
  const base = readerCitation(node, ancestors);
  if (node.kind === 'paragraph') {
    const n = /\.doan-(\d+)$/.exec(node.id)?.[1];
    return [n ? `đoạn ${n}` : '', base || frameName(ancestors.at(-1))].filter((s) => s).join(' ');
  }
  if (base !== '') return base;
  if (!BODY.has(node.kind)) return frameName(node);
  const holder = [...ancestors].reverse().find((a) => a.heading ?? a.text);
  return (holder?.heading ?? holder?.text ?? '').replace(/[\s:]+$/u, '');
}

/** The citation of a node, "Điều 1 › khoản 3 › 3.2 › điểm b", from its ancestors and itself. */
export function citation(node: DocNode, ancestors: DocNode[]): string {
  return [...ancestors, node]
    .map(citationPart)
    .filter((p): p is string => p !== null)
    .join(' › ');
}

/**
 * A node's citation as the page shows it: "Điều 1 › khoản 3 › 3.2 › điểm b". Units that a
 * citation does not name say where they sit: a paragraph adds "đoạn N", a list item takes the
 * heading of the part that holds it ("Nơi nhận").
 */
export function displayCitation(node: DocNode, ancestors: DocNode[]): string {
  const base = citation(node, ancestors);
  if (node.kind === 'paragraph') {
    const n = /\.doan-(\d+)$/.exec(node.id)?.[1];
    return [base || frameName(ancestors.at(-1)), n ? `đoạn ${n}` : ''].filter((s) => s).join(' › ');
  }
  if (base !== '') return base;
  if (!BODY.has(node.kind)) return frameName(node);
  const holder = [...ancestors].reverse().find((a) => a.heading ?? a.text);
  return (holder?.heading ?? holder?.text ?? '').replace(/[\s:]+$/u, '');
}

/** The name of a part around the body, numbered when there are several ("Căn cứ (2)"). */
function frameName(node: DocNode | undefined): string {
  if (!node) return '';
  const name = ui.frameNames[node.kind] ?? '';
  const n = /-(\d+)$/.exec(node.id)?.[1];
  return n && name ? `${name} (${n})` : name;
}

/** What a citation needs to name a document, already written as a sentence writes it. */
export interface DocumentNaming {
  /** The kind of document in sentence case: "Nghị quyết". */
  kind: string | null;
  /** "66/2025/NQ-HĐND", or null when the document has no number. */
  number: string | null;
  /** The title with its kind: "Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2026". */
  title: string;
  /** ISO date of the document, `yyyy-mm-dd`. */
  date: string | null;
  /** The issuing body in sentence case: "Hội đồng nhân dân tỉnh Quảng Ninh". */
  issuer: string | null;
}

/** An ISO date as citations write it: "16/12/2025". */
export function citationDate(iso: string): string {
  const [year = '', month = '', day = ''] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * A document named as Vietnamese texts cite it: "Nghị quyết số 66/2025/NQ-HĐND ngày 16/12/2025
 * của Hội đồng nhân dân tỉnh Quảng Ninh"; a document without a number is named by its title.
 */
export function documentReference(naming: DocumentNaming): string {
  const head =
    naming.number !== null && naming.kind !== null
      ? `${naming.kind} số ${naming.number}`
      : naming.title;
  const date = naming.date ? ` ngày ${citationDate(naming.date)}` : '';
  const issuer = naming.issuer ? ` của ${naming.issuer}` : '';
  return `${head}${date}${issuer}`;
}
