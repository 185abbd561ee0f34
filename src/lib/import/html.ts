/**
 * HTML pages → seed text. Pages of the national database (vbpl.vn) mark the document's body
 * (`data-vbpl-content-root`) and its provisions (`prov-chapter`, `prov-section`, `prov-article`,
 * `prov-clause`, `prov-item`…): each provision element becomes one line and everything outside
 * the body (menus, breadcrumbs, the table of contents that repeats every title, footers) is left
 * out. Other pages are read generically: the page's main text block, navigation dropped.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { decodeUtf8, InputError } from '../text/normalize.ts';
import { blocksToText, type Block } from './blocks.ts';
import { formatNumber } from './numbering.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements whose content is never document text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'iframe', 'head', 'title', 'img']); // prettier-ignore
/** Elements that start a new paragraph. */
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'section', 'article', 'main', 'pre', 'center', 'address', 'figure', 'figcaption', 'hr', 'body', 'html']); // prettier-ignore
/** Roles and classes of page chrome: navigation, tables of contents, menus, tabs. */
const CHROME =
  /\b(?:nav|navigation|menu|breadcrumb|toc|table-of-contents|tree-popover|sidebar|footer|header|tabs-nav|ant-tabs-nav)\b/i;

/** Ids and classes that name a page's full text: `toanvancontent`, `fulltext`, `noidungvanban`… */
const FULL_TEXT =
  /\b(?:toanvancontent|toan-van|toanvan|fulltext|full-text|noidungvanban|noi-dung-van-ban|vbContent|content1)\b/i;

/** An attribute of an element, or null. */
function attribute(el: Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null;
}

/** Whether a node is an element. */
function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** Every element under a node, depth first. */
function* walk(node: Node): Generator<Element> {
  if (!('childNodes' in node)) return;
  for (const child of node.childNodes) {
    if (isElement(child)) {
      yield child;
      yield* walk(child);
    }
  }
}

/** The element holding the document itself: vbpl.vn's content root, or the page's densest text block. */
function contentRoot(document: Node): Node {
  for (const el of walk(document)) {
    if (attribute(el, 'data-vbpl-content-root') !== null) return el;
  }
  const provisions = [...walk(document)].filter((el) =>
    /\bprov-/.test(attribute(el, 'class') ?? ''),
  );
  if (provisions.length > 0) return commonAncestor(provisions);
  // Older pages of the national database and other legal sites name their full-text block.
  const named = [...walk(document)].find((el) =>
    FULL_TEXT.test(`${attribute(el, 'id') ?? ''} ${attribute(el, 'class') ?? ''}`),
  );
  if (named && paragraphText(named) > 0) return named;
  return densestBlock(document) ?? document;
}

/** The parent chain of an element, root first. */
function ancestors(el: Element): Node[] {
  const chain: Node[] = [];
  let node: Node | null = el;
  while (node) {
    chain.unshift(node);
    node = 'parentNode' in node ? (node.parentNode as Node | null) : null;
  }
  return chain;
}

/** The deepest node that contains every element given. */
function commonAncestor(els: Element[]): Node {
  const chains = els.map(ancestors);
  const first = chains[0] as Node[];
  let depth = 0;
  while (depth < first.length && chains.every((c) => c[depth] === first[depth])) depth++;
  return first[Math.max(0, depth - 1)] as Node;
}

/** The text length of a node's own paragraphs, chrome left out. */
function paragraphText(node: Node): number {
  let total = 0;
  for (const el of walk(node)) if (el.tagName === 'p') total += textOf(el).length;
  return total;
}

/** For generic pages: the smallest block that still holds most of the page's paragraph text. */
function densestBlock(document: Node): Node | null {
  const body = [...walk(document)].find((el) => el.tagName === 'body');
  if (!body) return null;
  const all = paragraphText(body);
  let best: Node = body;
  let improved = true;
  while (improved) {
    improved = false;
    const children: Node[] = 'childNodes' in best ? best.childNodes : [];
    for (const child of children) {
      if (isElement(child) && !isChrome(child) && paragraphText(child) >= all * 0.8) {
        best = child;
        improved = true;
        break;
      }
    }
  }
  return best;
}

/** Whether an element is page chrome: navigation, menus, a table of contents, hidden parts. */
function isChrome(el: Element): boolean {
  if (SKIPPED.has(el.tagName)) return true;
  const role = attribute(el, 'role') ?? '';
  if (/^(?:navigation|menu|menubar|tablist|banner|contentinfo|search)$/.test(role)) return true;
  if (attribute(el, 'hidden') !== null || attribute(el, 'aria-hidden') === 'true') return true;
  if (/display:\s*none/i.test(attribute(el, 'style') ?? '')) return true;
  return CHROME.test(`${attribute(el, 'class') ?? ''} ${attribute(el, 'id') ?? ''}`);
}

/** The inline text of a node: whitespace collapsed as a browser does, `<br>` as a line break. */
function textOf(node: Node): string {
  let out = '';
  const visit = (n: Node): void => {
    // Line ends in the page's source are spaces to a browser; only <br> breaks a line.
    if (n.nodeName === '#text')
      out += (n as DefaultTreeAdapterMap['textNode']).value.replace(/[ \t\r\f\n]+/g, ' ');
    else if (isElement(n)) {
      if (n.tagName === 'br') out += '\n';
      else if (!SKIPPED.has(n.tagName) && n.tagName !== 'table') n.childNodes.forEach(visit);
    }
  };
  visit(node);
  return out.replace(/ *\n */g, '\n').replace(/ +/g, ' ');
}

/** The marker a browser draws before a list item: its number in an `<ol>`, a bullet in a `<ul>`. */
function listMarker(li: Element): string {
  const list = li.parentNode as Element | null;
  if (!list || list.tagName !== 'ol') return '• ';
  const items = list.childNodes.filter((c): c is Element => isElement(c) && c.tagName === 'li');
  const n = Number(attribute(list, 'start') ?? 1) + items.indexOf(li);
  const type = attribute(list, 'type') ?? '1';
  const format =
    { a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman' }[type] ?? 'decimal';
  return `${formatNumber(n, format)}. `;
}

/** Reads the blocks under a node: paragraphs at block boundaries, tables as tables. */
class BlockReader {
  readonly blocks: Block[] = [];
  private line = '';

  /** Ends the current paragraph. */
  private flush(): void {
    const text = this.line.replace(/^[ \n]+|[ \n]+$/g, '');
    if (text !== '') this.blocks.push({ kind: 'paragraph', text });
    this.line = '';
  }

  /** Reads one node. */
  read(node: Node): void {
    if (node.nodeName === '#text') {
      this.line += textOf(node);
      return;
    }
    if (!isElement(node) || isChrome(node)) return;
    if (node.tagName === 'br') {
      this.line += '\n';
      return;
    }
    if (node.tagName === 'table') {
      this.flush();
      this.blocks.push(readTable(node));
      return;
    }
    const block = BLOCKS.has(node.tagName) || /\bprov-/.test(attribute(node, 'class') ?? '');
    if (block) this.flush();
    if (node.tagName === 'li') this.line += listMarker(node);
    node.childNodes.forEach((child) => this.read(child));
    if (block) this.flush();
  }

  /** The blocks read, the last paragraph included. */
  done(): Block[] {
    this.flush();
    return this.blocks;
  }
}

/** A table's own rows, inside its head, body and foot but not inside tables nested in it. */
function tableRows(table: Element): Element[] {
  const out: Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') out.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
      out.push(...child.childNodes.filter(isElement).filter((row) => row.tagName === 'tr'));
    }
  }
  return out;
}

/** A table's rows of cells, each cell a list of paragraphs. */
function readTable(table: Element): Block {
  const rows: string[][][] = [];
  for (const el of tableRows(table)) {
    const cells: string[][] = [];
    for (const cell of el.childNodes) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      const reader = new BlockReader();
      cell.childNodes.forEach((child) => reader.read(child));
      cells.push(reader.done().flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.map((r) => r.map((c) => c.join(' ')).join(' ')))));
      const span = Number(attribute(cell, 'colspan') ?? 1);
      for (let i = 1; i < span && i < 50; i++) cells.push([]);
    }
    rows.push(cells);
  }
  return { kind: 'table', rows };
} // prettier-ignore

/** The text of an HTML page, in the seed form of `blocks.ts`. */
export function htmlToText(bytes: Uint8Array, file: string): string {
  const html = decodeUtf8(bytes, file);
  const document = parse(html);
  const root = contentRoot(document);
  const reader = new BlockReader();
  if ('childNodes' in root) root.childNodes.forEach((child) => reader.read(child));
  const text = blocksToText(reader.done());
  if (text.trim() === '') throw new InputError(`${file}: no document text found in this HTML page`);
  return text;
}
