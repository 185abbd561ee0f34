/**
 * Vietnamese folding and spelling keys, the one implementation the build (analysis, slugs, the
 * search index) and the browser (search, highlighting) share.
 *
 * - `fold` drops every mark: "Điều hành chi ngân sách" → "dieu hanh chi ngan sach". It removes
 *   every combining mark (tone marks and the vowel marks of ă â ê ô ơ ư), maps đ/Đ to d (Unicode
 *   does not decompose đ, so stripping marks alone leaves it), and lower-cases.
 * - `spellingKey` keeps the marks but writes each word one way where Vietnamese has two accepted
 *   spellings: old and new tone placement ("hoá" = "hóa", "thuỷ" = "thủy") and i/y after a
 *   consonant ("tỷ" = "tỉ", "lý" = "lí"). Marks stay, because folding merges different words
 *   ("mới"/"môi", "sắt"/"sát").
 * - `foldedKey` is both: the spelling key without marks, letters and digits only.
 *
 * Each accepts NFC or NFD input and gives the same result for both. `foldWithOffsets` also maps
 * every folded character back to the input, so a match found in folded text can be highlighted
 * verbatim in the source.
 */

/** Letters that look like đ and must fold to d: đ Đ, and ð Ð, which old encodings put in its place. */
const D_LIKE = /[đĐðÐ]/g;

/** Combining marks left by canonical decomposition: tones, breve, circumflex, horn, dot below. */
const COMBINING = /\p{M}/gu;

/** A base code point with the combining marks that follow it: one unit of folding. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

/** Texts this short are remembered: words and clusters, which a document repeats thousands of times. */
const REMEMBERED_LENGTH = 24;

/** Results remembered per function before they are forgotten all at once, to bound the memory. */
const REMEMBERED_COUNT = 20_000;

/** `compute`, remembering its results for short texts; for pure functions of the text only. */
export function remembered<T extends string | null>(
  compute: (text: string) => T,
): (text: string) => T {
  const memory = new Map<string, T>();
  return (text) => {
    if (text.length > REMEMBERED_LENGTH) return compute(text);
    let result = memory.get(text);
    if (result === undefined) {
      if (memory.size >= REMEMBERED_COUNT) memory.clear();
      result = compute(text);
      memory.set(text, result);
    }
    return result;
  };
}

/** Folds one piece of text; the core shared by both public functions. */
const foldPiece = remembered((piece) =>
  piece.normalize('NFD').toLowerCase().replace(COMBINING, '').replace(D_LIKE, 'd').normalize('NFC'),
);

/** Folds text for comparison: no tone or vowel marks, đ → d, lower case. */
export function fold(text: string): string {
  return foldPiece(text);
}

/** A letter or mark on this side means the match is inside a word, not at its edge. */
const WORD_END = '(?![\\p{L}\\p{M}])';
const WORD_START = '(?<![\\p{L}\\p{M}])';

/** The old placement of a tone on oa, oe, uy ending a word, and where the new one puts it. */
const NEW_TONE_PLACEMENT: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ùy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};

/** oa, oe, uy ending a word with the tone on the second vowel; the u of "qu" is no vowel ("quý"). */
const OLD_TONE_PLACEMENT = new RegExp(`(?:o[àáảãạèéẻẽẹ]|(?<!q)u[ỳýỷỹỵ])${WORD_END}`, 'gu');

/** y and its toned forms, and the i that others write in their place after a consonant. */
const Y_AS_I: Record<string, string> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };

/**
 * The consonants after which Vietnamese writes a final i or y either way: "tỷ"/"tỉ", "kỹ"/"kĩ",
 * "lý"/"lí", "mỹ"/"mĩ", "sỹ"/"sĩ", "hy"/"hi", "quý"/"quí". After other onsets only i is written
 * ("thị", "chí", "đi"), and after a vowel y is another word ("thủy", "tuy").
 */
const EITHER_I_OR_Y = '(qu|[hklmst])';

/** A word of such a consonant and a final y: "tỷ", "kỹ", "lý", "quý". */
const Y_AFTER_CONSONANT = new RegExp(`${WORD_START}${EITHER_I_OR_Y}([yýỳỷỹỵ])${WORD_END}`, 'gu');

/**
 * Lower-case NFC text with each word in one of its accepted spellings: new tone placement
 * ("hoá" → "hóa", "uỷ" → "ủy") and i for y after a consonant ("tỷ" → "tỉ", "quý" → "quí").
 */
export const spellingKey = remembered((text) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(OLD_TONE_PLACEMENT, (pair) => NEW_TONE_PLACEMENT[pair] ?? pair)
    .replace(Y_AFTER_CONSONANT, (_, onset: string, y: string) => `${onset}${Y_AS_I[y] ?? y}`),
);

/** i and its toned forms, and the y that others write in their place after a consonant. */
const I_AS_Y: Record<string, string> = Object.fromEntries(
  Object.entries(Y_AS_I).map(([y, i]) => [i, y]),
);

/** A word of such a consonant and a final i, as `spellingKey` writes "tỷ", "kỹ", "quý". */
const I_AFTER_CONSONANT = new RegExp(`${WORD_START}${EITHER_I_OR_Y}([iíìỉĩị])${WORD_END}`, 'gu');

/**
 * A word's spelling key and, when it ends in i after a consonant, the same word written with y:
 * "tỉ" → ["tỉ", "tỷ"], "ty" → ["ti", "ty"]; what a search index that tells i from y is asked.
 */
export function ySpellings(text: string): string[] {
  const key = spellingKey(text);
  const withY = key.replace(
    I_AFTER_CONSONANT,
    (_, onset: string, i: string) => `${onset}${I_AS_Y[i] ?? i}`,
  );
  return withY === key ? [key] : [key, withY];
}

/** Anything but letters and digits: the punctuation stuck to a word ("(FDI),", "57-NQ/TW"). */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** The letters and digits of a word with its marks kept, one spelling: "Hoá," → "hóa". */
export function spelledLetters(text: string): string {
  return spellingKey(text).replace(NOT_LETTER_OR_DIGIT, '');
}

/** The folded letters and digits of a word, one spelling: "Tỷ" → "ti", "57-NQ/TW." → "57nqtw". */
export function foldedKey(text: string): string {
  return fold(spellingKey(text)).replace(NOT_LETTER_OR_DIGIT, '');
}

/** True when the text carries a tone or vowel mark or đ: what "typed with diacritics" means. */
export function hasMarks(text: string): boolean {
  return fold(text) !== text.normalize('NFC').toLowerCase();
}

/** Folded text plus, for each folded UTF-16 unit, the input offset it came from. */
export interface FoldedText {
  folded: string;
  /** `offsets[i]` is the input offset of folded unit `i`; `offsets[folded.length]` is the input length. */
  offsets: number[];
}

/** Folds text cluster by cluster so that folded offsets can be mapped back to the input. */
export function foldWithOffsets(text: string): FoldedText {
  let folded = '';
  const offsets: number[] = [];
  for (const match of text.matchAll(CLUSTER)) {
    const piece = foldPiece(match[0]);
    for (let i = 0; i < piece.length; i += 1) offsets.push(match.index);
    folded += piece;
  }
  offsets.push(text.length);
  return { folded, offsets };
}

/** Maps a half-open range of folded text back to the input range that produced it. */
export function sourceRange(map: FoldedText, start: number, end: number): [number, number] {
  const last = map.offsets.length - 1;
  const from = map.offsets[Math.min(start, last)] ?? 0;
  if (end <= start) return [from, from];
  // The range ends where the input cluster after the one holding the last folded unit begins.
  const here = map.offsets[end - 1] ?? from;
  for (let j = end; j <= last; j += 1) {
    const offset = map.offsets[j] ?? here;
    if (offset > here) return [from, offset];
  }
  return [from, map.offsets[last] ?? here];
}

/** A word of text as written, with its UTF-16 range in the input. */
export interface Word {
  /** The word exactly as written. */
  text: string;
  start: number;
  end: number;
}

/** A syllable (letters, maybe trailing digits: "HĐ10") or a number with inner separators ("2.500"). */
const WORD = /\p{L}[\p{L}\p{M}\p{N}]*|\p{N}+(?:[.,]\p{N}+)*/gu;

/** Splits text into words with their offsets; punctuation and spaces separate words. */
export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    found.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}
