/** Small helpers over @xmldom/xmldom for WordprocessingML: parts, namespaced children, attributes. */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { InputError } from '../text/normalize.ts';

/** WordprocessingML's main namespace. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The largest XML part read from a zip, uncompressed: beyond it the file is refused, not read. */
export const MAX_PART_BYTES = 200 * 1024 * 1024;

/** The XML and relationship parts of a zip file, decompressed; a broken zip is one error line. */
export function readZipParts(
  bytes: Uint8Array,
  file: string,
  wanted: (name: string) => boolean = () => true,
): Map<string, Uint8Array> {
  let tooLarge: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        const read = /\.(xml|rels)$/i.test(entry.name) && wanted(entry.name);
        if (read && entry.originalSize > MAX_PART_BYTES) tooLarge = entry.name;
        return read && entry.originalSize <= MAX_PART_BYTES;
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${file}: corrupt zip archive (${reason}), cannot read it`);
  }
  if (tooLarge !== null) {
    throw new InputError(`${file}: the part ${tooLarge} is larger than 200 MB uncompressed`);
  }
  return new Map(Object.entries(entries));
}

/** Names of every entry in a zip, without decompressing any (for telling formats apart). */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

const UTF8 = new TextDecoder('utf-8');

/** Parses one XML part; malformed XML is one error line naming the file and the part. */
export function parseXml(bytes: Uint8Array, part: string, file: string): Element {
  const fail = (message: string): never => {
    throw new InputError(`${file}: ${part} is not well-formed XML (${message.split('\n')[0]})`);
  };
  let root: Element | null = null;
  try {
    // No locator: positions are not needed for a one-line error, and tracking them costs time.
    root = new DOMParser({
      locator: false,
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(UTF8.decode(bytes), 'text/xml').documentElement;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  return root ?? fail('no root element');
}

/** Whether a node is an element with this WordprocessingML name. */
export function isW(node: Node | null | undefined, name: string): node is Element {
  return !!node && node.nodeType === 1 && (node as Element).namespaceURI === W && (node as Element).localName === name;
} // prettier-ignore

/** The element children of a node. */
export function elements(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/** The first WordprocessingML child with a name. */
export function child(node: Node | null | undefined, name: string): Element | null {
  if (!node) return null;
  for (let c = node.firstChild; c; c = c.nextSibling) if (isW(c, name)) return c;
  return null;
}

/** Every WordprocessingML child with a name. */
export function children(node: Node | null | undefined, name: string): Element[] {
  return node ? elements(node).filter((e) => isW(e, name)) : [];
}

/** A WordprocessingML attribute (`w:val`…), or null. */
export function attr(el: Element | null | undefined, name: string): string | null {
  if (!el) return null;
  return el.hasAttributeNS(W, name) ? el.getAttributeNS(W, name) : null;
}

/** An on/off property (`<w:b/>`, `<w:caps w:val="0"/>`): null when absent. */
export function flag(props: Element | null | undefined, name: string): boolean | null {
  const el = child(props, name);
  if (!el) return null;
  const val = attr(el, 'val');
  return val === null || !['0', 'false', 'off'].includes(val);
}
