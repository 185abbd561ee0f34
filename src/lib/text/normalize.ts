/**
 * Turning the bytes of a source file into clean NFC text, and nothing more: every later step
 * relies on one line ending, one space character and composed Vietnamese letters.
 */

/** A problem with an input file, reported to people as one line that names the file. */
export class InputError extends Error {
  override name = 'InputError';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The 1-based line of the first byte sequence that is not UTF-8, for an error people can act on. */
function firstInvalidLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        UTF8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/** Decodes strict UTF-8: bytes that are not UTF-8 are an error naming file and line, never mojibake. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) {
    throw new InputError(`${file}: binary data (NUL bytes), not a text file`);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new InputError(`${file}:${firstInvalidLine(bytes)}: bytes that are not UTF-8`);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new InputError(`${file}: empty file, no text to read`);
  }
  return text;
}

/** Spaces that look like a space but are not U+0020 (no-break, thin, ideographic, tab…). */
const ODD_SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters that break matching and carry no words. */
const INVISIBLES = /[\u200B\u2060\uFEFF]/g;

/** NFC, LF line ends, plain spaces, no BOM; the number of lines is unchanged. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(INVISIBLES, '')
    .replace(ODD_SPACES, ' ');
}
