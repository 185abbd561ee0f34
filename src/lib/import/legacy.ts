/**
 * Pre-Unicode Vietnamese encodings, written by hand because no maintained library covers them:
 * TCVN3 (ABC, fonts `.VnTime`, `.VnArial`…; one byte per letter, and the `…H` fonts show every
 * letter in capitals) and VNI (fonts `VNI-Times`…; a base letter followed by a mark byte).
 * Legacy text arrives as a string whose code points are the bytes (U+0000–U+00FF); text that
 * already holds Vietnamese Unicode letters is never converted.
 */

/** The two legacy encodings the importers convert. */
export type Legacy = 'tcvn3' | 'vni';

/** TCVN3 (VN3) lower-case toned letters and the seven capitals it has, with their bytes. */
const TCVN3_LETTERS: [string, number][] = [
  ['à', 0xb5], ['ả', 0xb6], ['ã', 0xb7], ['á', 0xb8], ['ạ', 0xb9],
  ['ằ', 0xbb], ['ẳ', 0xbc], ['ẵ', 0xbd], ['ắ', 0xbe], ['ặ', 0xc6],
  ['ầ', 0xc7], ['ẩ', 0xc8], ['ẫ', 0xc9], ['ấ', 0xca], ['ậ', 0xcb],
  ['è', 0xcc], ['ẻ', 0xce], ['ẽ', 0xcf], ['é', 0xd0], ['ẹ', 0xd1],
  ['ề', 0xd2], ['ể', 0xd3], ['ễ', 0xd4], ['ế', 0xd5], ['ệ', 0xd6],
  ['ì', 0xd7], ['ỉ', 0xd8], ['ĩ', 0xdc], ['í', 0xdd], ['ị', 0xde],
  ['ò', 0xdf], ['ỏ', 0xe1], ['õ', 0xe2], ['ó', 0xe3], ['ọ', 0xe4],
  ['ồ', 0xe5], ['ổ', 0xe6], ['ỗ', 0xe7], ['ố', 0xe8], ['ộ', 0xe9],
  ['ờ', 0xea], ['ở', 0xeb], ['ỡ', 0xec], ['ớ', 0xed], ['ợ', 0xee],
  ['ù', 0xef], ['ủ', 0xf1], ['ũ', 0xf2], ['ú', 0xf3], ['ụ', 0xf4],
  ['ừ', 0xf5], ['ử', 0xf6], ['ữ', 0xf7], ['ứ', 0xf8], ['ự', 0xf9],
  ['ỳ', 0xfa], ['ỷ', 0xfb], ['ỹ', 0xfc], ['ý', 0xfd], ['ỵ', 0xfe],
  ['ă', 0xa8], ['â', 0xa9], ['ê', 0xaa], ['ô', 0xab], ['ơ', 0xac], ['ư', 0xad], ['đ', 0xae],
  ['Ă', 0xa1], ['Â', 0xa2], ['Ê', 0xa3], ['Ô', 0xa4], ['Ơ', 0xa5], ['Ư', 0xa6], ['Đ', 0xa7],
]; // prettier-ignore

const TCVN3_DECODE = new Map(TCVN3_LETTERS.map(([letter, byte]) => [byte, letter]));
const TCVN3_ENCODE = new Map(TCVN3_LETTERS.map(([letter, byte]) => [letter, byte]));

/** Combining marks by name, so both tables below read as words. */
const MARK = {
  acute: '\u0301',
  grave: '\u0300',
  hook: '\u0309',
  tilde: '\u0303',
  dot: '\u0323',
  circumflex: '\u0302',
  breve: '\u0306',
  horn: '\u031B',
} as const;

/** VNI mark bytes (lower-case form; the upper-case form is the byte minus 0x20) and their marks. */
const VNI_MARKS: [number, string][] = [
  [0xf9, MARK.acute],
  [0xf8, MARK.grave],
  [0xfb, MARK.hook],
  [0xf5, MARK.tilde],
  [0xef, MARK.dot],
  [0xe2, MARK.circumflex],
  [0xe1, MARK.circumflex + MARK.acute],
  [0xe0, MARK.circumflex + MARK.grave],
  [0xe5, MARK.circumflex + MARK.hook],
  [0xe3, MARK.circumflex + MARK.tilde],
  [0xe4, MARK.circumflex + MARK.dot],
  [0xea, MARK.breve],
  [0xe9, MARK.breve + MARK.acute],
  [0xe8, MARK.breve + MARK.grave],
  [0xfa, MARK.breve + MARK.hook],
  [0xfc, MARK.breve + MARK.tilde],
  [0xeb, MARK.breve + MARK.dot],
];

/** VNI letters written as one byte (lower-case form; upper-case is the byte minus 0x20). */
const VNI_SINGLES: [number, string][] = [
  [0xf1, 'đ'],
  [0xf4, 'ơ'],
  [0xf6, 'ư'],
  [0xed, 'í'],
  [0xec, 'ì'],
  [0xe6, 'ỉ'],
  [0xf3, 'ĩ'],
  [0xf2, 'ị'],
  [0xee, 'ỵ'],
];

const VNI_MARK_OF = new Map<string, string>();
const VNI_SINGLE_OF = new Map<string, string>();
for (const [byte, marks] of VNI_MARKS) {
  VNI_MARK_OF.set(String.fromCharCode(byte), marks);
  VNI_MARK_OF.set(String.fromCharCode(byte - 0x20), marks);
}
for (const [byte, letter] of VNI_SINGLES) {
  VNI_SINGLE_OF.set(String.fromCharCode(byte), letter);
  VNI_SINGLE_OF.set(String.fromCharCode(byte - 0x20), letter.toUpperCase());
}
/** Letters a VNI mark byte may follow: vowels (i too, though í has a byte of its own), and ơ ư. */
const VNI_BASES = /^[aeiouyAEIOUYôöÔÖ]$/;

/** Every Vietnamese letter, lower and upper case: the alphabet the tables must cover. */
export const VIETNAMESE_LETTERS: string[] = (() => {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', MARK.grave, MARK.hook, MARK.tilde, MARK.acute, MARK.dot];
  const lower = bases.flatMap((b) => tones.map((t) => `${b}${t}`.normalize('NFC')));
  lower.push('đ');
  return [...lower, ...lower.map((l) => l.toUpperCase())];
})();

/** Whether a run of text already holds Unicode Vietnamese (a letter outside Latin-1). */
export function isUnicodeVietnamese(text: string): boolean {
  return /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/u.test(
    text,
  );
}

/** TCVN3 bytes → Unicode; `capitals` for the `…H` fonts, which draw every letter as a capital. */
export function decodeTcvn3(bytes: string, capitals = false): string {
  let out = '';
  for (const ch of bytes) out += TCVN3_DECODE.get(ch.charCodeAt(0)) ?? ch;
  return capitals ? out.toUpperCase() : out;
}

/** VNI bytes → Unicode: a vowel and the mark byte after it become one letter. */
export function decodeVni(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const ch = bytes[i] as string;
    const next = bytes[i + 1];
    const marks = next === undefined ? undefined : VNI_MARK_OF.get(next);
    if (marks !== undefined && VNI_BASES.test(ch)) {
      const base = VNI_SINGLE_OF.get(ch) ?? ch;
      const letter = `${base}${marks}`.normalize('NFC');
      // A mark that makes no Vietnamese letter (a breve on "e") is left as it was.
      if (letter.length === 1) {
        out += letter;
        i++;
        continue;
      }
    }
    out += VNI_SINGLE_OF.get(ch) ?? ch;
  }
  return out;
}

/** Decodes a legacy run with its encoding. */
export function decodeLegacy(bytes: string, legacy: Legacy, capitals = false): string {
  return legacy === 'tcvn3' ? decodeTcvn3(bytes, capitals) : decodeVni(bytes);
}

/** Unicode → TCVN3 bytes; capitals come out as their lower-case bytes, as an `…H` font needs. */
export function encodeTcvn3(text: string, capitals = false): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const key = capitals ? ch.toLowerCase() : ch;
    const byte = TCVN3_ENCODE.get(key);
    out += byte === undefined ? key : String.fromCharCode(byte);
  }
  return out;
}

/** Marks in Unicode's canonical order (a dot below sorts before a circumflex). */
function canonicalMarks(marks: string): string {
  return `a${marks}`.normalize('NFD').slice(1);
}

/** The VNI byte of a mark sequence, in the case of its letter. */
const VNI_BYTE_OF = new Map(VNI_MARKS.map(([byte, marks]) => [canonicalMarks(marks), byte]));
const VNI_SINGLE_BYTE = new Map(VNI_SINGLES.map(([byte, letter]) => [letter, byte]));

/** Unicode → VNI bytes: each toned letter as its base and one mark byte. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const shift = ch === lower ? 0 : 0x20;
    const single = VNI_SINGLE_BYTE.get(lower);
    if (single !== undefined) {
      out += String.fromCharCode(single - shift);
      continue;
    }
    const parts = [...lower.normalize('NFD')];
    const base = parts[0] as string;
    if (parts.length === 1 || !/^[aeiouy]$/.test(base)) {
      out += ch;
      continue;
    }
    let marks = parts.slice(1).join('');
    // ơ and ư are one byte in VNI; their horn is part of the base.
    let head = base;
    if (marks.startsWith(MARK.horn)) {
      head = String.fromCharCode(
        (VNI_SINGLE_BYTE.get(`${base}${MARK.horn}`.normalize()) ?? 0) - shift,
      );
      marks = marks.slice(1);
    } else if (shift) head = base.toUpperCase();
    const byte = marks === '' ? undefined : VNI_BYTE_OF.get(marks);
    const whole = `${head}${byte === undefined ? '' : String.fromCharCode(byte - shift)}`;
    // A letter whose marks VNI writes as a single byte (í, ỵ…) was handled above.
    out += marks !== '' && byte === undefined ? ch : whole;
  }
  return out;
}

/** Encodes Unicode text into a legacy encoding (for tests and generated files). */
export function encodeLegacy(text: string, legacy: Legacy, capitals = false): string {
  return legacy === 'tcvn3' ? encodeTcvn3(text, capitals) : encodeVni(text);
}

/** Font families by encoding: how Word files tell which runs are legacy text. */
const TCVN3_FONT = /^\.?vn[a-z0-9]|^abc\b|tcvn/i;
const VNI_FONT = /^vni[-_ ]/i;

/** The legacy encoding a font name implies, or null for Unicode fonts. */
export function legacyOfFont(font: string | null | undefined): Legacy | null {
  if (!font) return null;
  const name = font.trim();
  if (VNI_FONT.test(name)) return 'vni';
  if (name.startsWith('.') && TCVN3_FONT.test(name)) return 'tcvn3';
  if (/^\.?vn(?:time|arial|avant|bodoni|book|centur|clarendon|commercial|cooper|courier|helvetica|lucida|free|shelley|souvenir|times|univers|3d|black|bahamas|aristote|koala|linus|present|stamp|swiss|tifani|vani|fongt|gothic)/i.test(name)) {
    return 'tcvn3';
  }
  return null;
} // prettier-ignore

/** Whether a TCVN3 font draws capitals only (`.VnTimeH`, `.VnArialH`). */
export function isCapitalFont(font: string | null | undefined): boolean {
  if (!font || legacyOfFont(font) !== 'tcvn3') return false;
  // Style suffixes come after the H: ".VnTimeH,Bold", "VnTimeHBold", ".VnArialH-Italic".
  const family = font
    .trim()
    .replace(/\s+/g, '')
    .replace(/[-,]?(?:Bold|Italic|Oblique|Regular)+$/i, '');
  return /H$/.test(family);
}

/** Tone marks, which a Vietnamese syllable carries at most once. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/**
 * A Vietnamese syllable without its tone: an initial consonant, then a vowel group that ends
 * the syllable (ai, ươu…), may take a final consonant (a, oa…), or must take one (ă, iê, ươ…).
 */
const SYLLABLE = new RegExp(
  '^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?(?:' +
    '(?:ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyu|ươi|ươu|uơ)' +
    '|(?:oa|oe|uê|uy|a|e|ê|i|o|ô|ơ|u|ư|y)(?:ch|ng|nh|[cmnpt])?' +
    '|(?:uyê|iê|yê|uô|ươ|oă|uâ|ă|â)(?:ch|ng|nh|[cmnpt]))$',
  'u',
);

/** Whether a word is a well-formed Vietnamese syllable (spelling, not dictionary). */
export function isSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONES)?.length ?? 0;
  return tones <= 1 && SYLLABLE.test(decomposed.replace(TONES, '').normalize('NFC'));
}

/**
 * How many words of a text are Vietnamese syllables that carry a mark (plain ASCII ones aside).
 * A soft hyphen stays inside the word: it is TCVN3's "ư", so read as it is, "ph\u00ADêng" is
 * not the syllable "êng".
 */
function markedSyllables(text: string): number {
  let count = 0;
  for (const word of text.match(/[\p{L}\u00AD]+/gu) ?? []) {
    if (/[^\p{ASCII}]/u.test(word) && isSyllable(word)) count++;
  }
  return count;
}

/**
 * The legacy encoding a run of 8-bit text is written in, recognised from its byte patterns, or
 * null when it reads as plain Latin text or is already Unicode: the decoding that yields the
 * most well-formed Vietnamese syllables wins, if it beats reading the bytes as they are.
 */
export function guessLegacy(text: string): Legacy | null {
  if (isUnicodeVietnamese(text) || !/[\u00A0-\u00FF]/.test(text)) return null;
  const plain = markedSyllables(text);
  const asTcvn3 = decodeTcvn3(text);
  const asVni = decodeVni(text);
  const tcvn3 = markedSyllables(asTcvn3);
  const vni = markedSyllables(asVni);
  const best = Math.max(tcvn3, vni);
  if (best < 2 || best <= plain) return null;
  if (tcvn3 !== vni) return tcvn3 > vni ? 'tcvn3' : 'vni';
  // A tie: VNI writes most marks as a second byte, so its right reading is the shorter one.
  return asVni.length < asTcvn3.length ? 'vni' : 'tcvn3';
}

/** Whether text reads better decoded from a legacy encoding than as it is: used when a document's other runs are known to be in that encoding. */
export function readsBetterAs(text: string, legacy: Legacy): boolean {
  if (isUnicodeVietnamese(text) || !/[\u00A0-\u00FF]/.test(text)) return false;
  return markedSyllables(decodeLegacy(text, legacy)) > markedSyllables(text);
}
