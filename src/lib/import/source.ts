/**
 * The entry point from a published file to the text the parser reads: read the bytes, tell the
 * format from them, run that format's importer. Plain text goes through unchanged, so a seed
 * imports and parses byte for byte as before.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { decodeUtf8, InputError } from '../text/normalize.ts';
import { detectFormat, type Format } from './detect.ts';
import { docToText } from './doc.ts';
import { docxToText } from './docx.ts';
import { htmlToText } from './html.ts';
import { pdfToText } from './pdf.ts';

/** File name endings a source in `seeds/` may have; the format itself comes from the bytes. */
export const SOURCE_EXTENSIONS = ['.txt', '.docx', '.doc', '.pdf', '.html', '.htm'] as const;

/** Whether a file name is one the build reads as a source. */
export function isSourceFile(name: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/** A source's name without its extension: the document's slug. */
export function sourceSlug(file: string): string {
  const name = basename(file);
  return isSourceFile(name) ? name.slice(0, -extname(name).length) : name;
}

/** What the name of a file promises, for telling people when the bytes say otherwise. */
const FORMAT_OF_EXTENSION: Record<string, Format> = {
  '.txt': 'text',
  '.docx': 'docx',
  '.doc': 'doc',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
};

/** How each format is named in messages, with the file ending it should have. */
const FORMAT_NAMES: Record<Format, string> = {
  text: 'a plain-text file (.txt)',
  docx: 'a Word document (.docx)',
  doc: 'a Word 97–2003 document (.doc)',
  pdf: 'a PDF (.pdf)',
  html: 'a web page (.html)',
};

/** A source read: its bytes, its format, the text for the parser, and notes worth telling. */
export interface Source {
  bytes: Uint8Array;
  format: Format;
  text: string;
  notes: string[];
}

/** The importer of each format: bytes → text. */
const IMPORTERS: Record<Format, (bytes: Uint8Array, file: string) => string> = {
  text: decodeUtf8,
  docx: docxToText,
  doc: docToText,
  pdf: pdfToText,
  html: htmlToText,
};

/**
 * The text of a published file already in memory; every problem is an InputError naming it.
 * The format comes from the bytes; a file whose bytes are another format than its name says (a
 * .doc renamed .docx) is refused, since a mislabelled file is often the wrong file, and the
 * message says what it really is. A text file holding HTML is read as HTML.
 */
export function importBytes(bytes: Uint8Array, file: string): Source {
  if (bytes.length === 0) throw new InputError(`${file}: empty file, no text to read`);
  const format = detectFormat(bytes, file);
  const notes: string[] = [];
  const ending = extname(file).toLowerCase();
  const promised = FORMAT_OF_EXTENSION[ending];
  if (promised && promised !== format && !(promised === 'text' && format === 'html')) {
    throw new InputError(
      `${file}: the name says ${ending} but the file is ${FORMAT_NAMES[format]}; rename it to match`,
    );
  }
  const text = IMPORTERS[format](bytes, file);
  if (format !== 'text' && text.trim() === '') {
    throw new InputError(`${file}: no text found in this ${format} file`);
  }
  return { bytes, format, text, notes };
}

/** Reads a published file from disk and imports it. */
export function readSource(path: string): Source {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path}: is a directory, not a text file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`);
  }
  return importBytes(bytes, path);
} // prettier-ignore

/** The media type and file ending of each published format, for offering the original. */
const ORIGINALS: Record<Exclude<Format, 'text'>, { ext: string; type: string }> = {
  docx: {
    ext: 'docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  doc: { ext: 'doc', type: 'application/msword' },
  pdf: { ext: 'pdf', type: 'application/pdf' },
  html: { ext: 'html', type: 'text/html; charset=utf-8' },
};

/** A published original offered for download beside the open data: `<slug>.<ext>`, its media type and its bytes. */
export interface Original {
  file: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * The original of a seed that is a published file, byte for byte, named by the document's slug
 * and the format its bytes show (so a misnamed file downloads with the right ending); null for a
 * plain-text seed, whose text already is the source.
 */
export function originalOf(source: Source, file: string): Original | null {
  if (source.format === 'text') return null;
  const { ext, type } = ORIGINALS[source.format];
  return { file: `${sourceSlug(file)}.${ext}`, type, bytes: source.bytes };
}
