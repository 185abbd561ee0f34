/**
 * Which kind of file a published file is, told from its bytes and never from its name: a .doc
 * renamed .docx is read as the .doc it is. Kinds the reader cannot import (spreadsheets,
 * encrypted files, images, RTF) are refused here with a reason people can act on.
 */
import CFB from 'cfb';
import { InputError } from '../text/normalize.ts';
import { zipEntryNames } from './xml.ts';

/** The formats the importers read. */
export const FORMATS = ['text', 'docx', 'doc', 'pdf', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** The largest published file read: real laws and resolutions stay far below it. */
export const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

/** Whether bytes start with a signature. */
function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Image signatures: a scan sent as a picture has no text to import. */
const IMAGES: [string, number[]][] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['TIFF', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF', [0x4d, 0x4d, 0x00, 0x2a]],
];

/** What a zip archive holds: a Word document, or another Office or OpenDocument kind. */
function zipKind(bytes: Uint8Array, file: string): Format {
  const names = zipEntryNames(bytes);
  if (names === null) throw new InputError(`${file}: corrupt zip archive, cannot read it`);
  const has = (re: RegExp): boolean => names.some((n) => re.test(n));
  if (has(/^word\/document\d*\.xml$/) || (has(/^_rels\/\.rels$/) && has(/^word\//))) return 'docx';
  if (has(/^xl\//)) throw new InputError(`${file}: a spreadsheet (.xlsx), not a text document`);
  if (has(/^ppt\//)) throw new InputError(`${file}: a presentation (.pptx), not a text document`);
  if (has(/^mimetype$/) && has(/^content\.xml$/)) {
    throw new InputError(`${file}: an OpenDocument file; save it as .docx to import it`);
  }
  throw new InputError(`${file}: a zip archive that holds no Word document`);
}

/** What an OLE compound file holds: a Word 97–2003 document, or an encrypted or other file. */
function oleKind(bytes: Uint8Array, file: string): Format {
  let names: string[];
  try {
    names = CFB.read(bytes, { type: 'buffer' }).FileIndex.map((e) => e.name);
  } catch {
    throw new InputError(`${file}: corrupt Office file (compound file unreadable)`);
  }
  const has = (name: string): boolean => names.includes(name);
  if (has('EncryptedPackage') || has('EncryptionInfo')) {
    throw new InputError(`${file}: password-protected (encrypted) Office file; remove the password and save it again`);
  }
  if (has('WordDocument')) return 'doc';
  if (has('Workbook') || has('Book')) throw new InputError(`${file}: a spreadsheet (.xls), not a text document`);
  if (has('PowerPoint Document')) throw new InputError(`${file}: a presentation (.ppt), not a text document`);
  throw new InputError(`${file}: an Office file that holds no Word document`);
} // prettier-ignore

/** Whether the start of a file reads as an HTML page. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const start = head.trimStart().slice(0, 1024).toLowerCase();
  if (/^<!doctype html|^<html[\s>]/.test(start)) return true;
  return start.startsWith('<') && /<(?:html|body|head)[\s>]/.test(start) && !start.startsWith('<?xml version') || /^<\?xml[^>]*>\s*<(?:!doctype html|html)/.test(start);
} // prettier-ignore

/** The format of a published file, from its bytes; unreadable kinds are an InputError. */
export function detectFormat(bytes: Uint8Array, file: string): Format {
  if (bytes.length > MAX_SOURCE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new InputError(`${file}: ${mb} MB is over the 25 MB limit for a published file`);
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return zipKind(bytes, file);
  if (startsWith(bytes, OLE)) return oleKind(bytes, file);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('{\\rtf')) throw new InputError(`${file}: an RTF file; save it as .docx to import it`);
  for (const [name, signature] of IMAGES) {
    if (startsWith(bytes, signature)) {
      throw new InputError(`${file}: binary data, a ${name} image: a scan has no text layer to import`);
    }
  }
  return looksLikeHtml(bytes) ? 'html' : 'text';
} // prettier-ignore
