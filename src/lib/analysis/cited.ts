/**
 * Documents a resolution cites: "Nghị quyết số 57-NQ/TW, ngày 22 tháng 12 năm 2024 của Bộ Chính
 * trị", "Kế hoạch số 538-KH/TU", "Luật Tổ chức chính quyền địa phương", "Tờ trình số 4585/TTr-UBND",
 * "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI".
 *
 * Rules:
 * - A numbered citation is a document type ("Nghị quyết", "Kế hoạch hành động", "Tờ trình",
 *   "Báo cáo thẩm tra", "Luật"…, any letter case), up to six words, "số", and a document number
 *   that holds a letter (`57-NQ/TW`, `66.7/NQ-CP`, `72/2025/QH15`). A date right after it ("ngày 22
 *   tháng 12 năm 2024", "ngày 29/11/2016", with or without a comma) and an issuer after "của"
 *   ("của Bộ Chính trị") belong to the mention.
 * - A law is also cited by name alone: "Luật" with a capital L, then a capitalised word and the
 *   words that follow up to punctuation or a linking word ("ngày", "số", "của", "và", "theo"…):
 *   "Luật Tổ chức chính quyền địa phương", "Luật Đầu tư".
 * - A party congress resolution is cited by its congress: "Nghị quyết Đại hội … lần thứ XVI".
 * - "Nghị quyết này" (the resolution itself) is not a citation.
 * - The key is the type's short form and the number, slugified (`nq-57-nq-tw`, `kh-538-kh-tu`,
 *   `ttr-4585-ttr-ubnd`); a law's key is its name (`luat-to-chuc-chinh-quyen-dia-phuong`), so a
 *   law cited with and without its number is one document; a congress resolution's key is its
 *   folded words. Mentions of one key are merged; the display title comes from the fullest.
 * - Each mention is `{ nodeId, field, start, end }`: UTF-16 offsets into the node's `heading` or
 *   `text`, covering verbatim source text, so a page can turn exactly that span into a link.
 */
import { z } from 'zod';
import type { DocNode, Document, TextField } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { fold } from '../text/fold.ts';
import { slugify } from '../text/slug.ts';

/** Where a cited document is mentioned: a span of one field of one node. */
export const MentionSchema = z
  .object({
    nodeId: z.string(),
    field: z.enum(['heading', 'text']),
    start: z.number(),
    end: z.number(),
  })
  .strict();
export type Mention = z.infer<typeof MentionSchema>;

/** A document the resolution cites, with every mention of it in reading order. */
export const CitedDocumentSchema = z
  .object({
    /** URL-safe and stable: `nq-57-nq-tw`, `luat-dau-tu`. */
    key: z.string(),
    /** The document type as a reader says it: "Nghị quyết", "Kế hoạch hành động", "Luật". */
    type: z.string(),
    /** The document number as written, `57-NQ/TW`; null when cited by name only. */
    number: z.string().nullable(),
    /** ISO date when a mention gives it. */
    date: z.string().nullable(),
    /** The issuing body when a mention gives it: "Bộ Chính trị". */
    issuer: z.string().nullable(),
    /** Display title: "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị". */
    title: z.string(),
    mentions: z.array(MentionSchema),
  })
  .strict();
export type CitedDocument = z.infer<typeof CitedDocumentSchema>;

/** One citation found in a text, before mentions are grouped by document. */
export interface CitationMatch {
  key: string;
  type: string;
  /** Words between the type and "số" ("thẩm tra"), or a law's name ("Tổ chức chính quyền…"). */
  name: string | null;
  number: string | null;
  date: string | null;
  /** The date as written in the mention: "22 tháng 12 năm 2024". */
  dateText: string | null;
  issuer: string | null;
  /** The verbatim mention. */
  text: string;
  start: number;
  end: number;
}

/** Document types, longest first so that "Kế hoạch hành động" wins over "Kế hoạch". */
const TYPES = [
  'Nghị quyết liên tịch',
  'Nghị quyết',
  'Nghị định',
  'Quyết định',
  'Thông tư liên tịch',
  'Thông tư',
  'Chỉ thị',
  'Kết luận',
  'Kế hoạch hành động',
  'Kế hoạch',
  'Chương trình hành động',
  'Tờ trình',
  'Báo cáo',
  'Thông báo',
  'Công văn',
  'Hướng dẫn',
  'Pháp lệnh',
  'Luật',
  'Hiến pháp',
];

/** Short forms used in keys, by folded type. */
const KEY_PREFIX: Record<string, string> = {
  'nghi quyet lien tich': 'nqlt',
  'nghi quyet': 'nq',
  'nghi dinh': 'nd',
  'quyet dinh': 'qd',
  'thong tu lien tich': 'ttlt',
  'thong tu': 'tt',
  'chi thi': 'ct',
  'ket luan': 'kl',
  'ke hoach hanh dong': 'kh',
  'ke hoach': 'kh',
  'chuong trinh hanh dong': 'ctr',
  'to trinh': 'ttr',
  'bao cao': 'bc',
  'thong bao': 'tb',
  'cong van': 'cv',
  'huong dan': 'hd',
  'phap lenh': 'pl',
  luat: 'luat',
  'hien phap': 'hp',
};

const TYPE_ALTERNATION = TYPES.map((type) => type.replace(/ /g, '\\s+')).join('|');

/**
 * Words each kind of citation holds, written once for its expression and for the test that
 * skips a text without them: each expression must try every place of a text, and most texts
 * cite nothing.
 */
const NUMBER_WORD = 'số';
const LAW_WORD = 'Luật';
const RESOLUTION_WORDS = 'Nghị quyết';

/** A text that may hold a numbered citation: "số" in any case, as `NUMBERED` reads it. */
const MAY_BE_NUMBERED = new RegExp(NUMBER_WORD, 'iu');

/** Type, up to six words, "số", and a number holding a letter; then a date and an issuer. */
const NUMBERED = new RegExp(
  `(?<![\\p{L}\\p{N}])(${TYPE_ALTERNATION})((?:\\s+[\\p{L}\\p{M}]+){0,6}?)\\s+${NUMBER_WORD}\\s+` +
    `(\\d[\\p{L}\\p{N}]*(?:[./-][\\p{L}\\p{N}]+)+)`,
  'giu',
);

/** "Luật" with a capital, then a capitalised word: a law cited by its name. */
const LAW_NAME = new RegExp(`(?<![\\p{L}\\p{N}])${LAW_WORD}\\s+(?=\\p{Lu})`, 'gu');

/**
 * "Nghị quyết Đại hội … lần thứ XVI": a party congress resolution. Typed texts slip on tone
 * marks, so "thứ" is read with any tone or none on its vowel ("thử", "thừ", "thu"): only the
 * letters matter, and the Roman numeral after it keeps the match specific.
 */
const CONGRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])${RESOLUTION_WORDS}\\s+Đại hội(?:\\s+[\\p{L}\\p{M}]+){1,6}?\\s+lần\\s+th[uúùủũụưứừửữự]\\s+[IVXLC]+(?![\\p{L}\\p{N}])`,
  'gu',
);

/** A date written in words or with slashes, right after a number; comma allowed. */
const DATE_AFTER =
  /^,?\s+ngày\s+(?:(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(\d{1,2})\/(\d{1,2})\/(\d{4}))(?![\p{N}])/u;

/** Lower-case words that continue an issuer's name ("Hội đồng nhân dân tỉnh", "Bộ Chính trị"). */
const ISSUER_WORDS = new Set([
  'ban',
  'bộ',
  'chính',
  'chấp',
  'dân',
  'hành',
  'hội',
  'nhân',
  'phủ',
  'phố',
  'quốc',
  'thành',
  'thường',
  'trung',
  'trưởng',
  'trị',
  'tài',
  'tướng',
  'tỉnh',
  'ương',
  'vụ',
  'đồng',
  'ủy',
  'uỷ',
]);

/** Words that end a law's name: dates, numbers, linking words. */
const NAME_STOPS = new Set([
  'ngày',
  'số',
  'năm',
  'của',
  'được',
  'và',
  'theo',
  'tại',
  'đã',
  'để',
  'nhằm',
  'về',
  'này',
  'trong',
  'với',
  'cho',
  'thì',
  'là',
  'có',
  'đối',
  'hoặc',
  'khi',
  'phải',
  'sẽ',
  'từ',
  'đến',
  'trên',
  'dưới',
  'hiện',
  'mới',
]);

/** The issuer after " của " at `position`, and where it ends; null when none. */
function readIssuer(text: string, position: number): { issuer: string; end: number } | null {
  const lead = /^\s+của\s+/u.exec(text.slice(position));
  if (!lead) return null;
  const first = position + lead[0].length;
  const word = /\s*([\p{L}\p{M}]+)/uy;
  word.lastIndex = first;
  let end = first;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    const written = match[1] ?? '';
    const capital = /^\p{Lu}/u.test(written);
    if (end === first ? !capital : !capital && !ISSUER_WORDS.has(written.toLowerCase())) break;
    end = word.lastIndex;
  }
  return end === first ? null : { issuer: text.slice(first, end), end };
}

/** The date after a number, as ISO and as written, and where it ends. */
function readDate(
  text: string,
  position: number,
): { iso: string; written: string; end: number } | null {
  const match = DATE_AFTER.exec(text.slice(position));
  if (!match) return null;
  const [day, month, year] = match[1]
    ? [match[1], match[2], match[3]]
    : [match[4], match[5], match[6]];
  const iso = `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  const written = match[0].replace(/^,?\s+ngày\s+/u, '');
  return { iso, written, end: position + match[0].length };
}

/** Reads a law's name from `position`: words up to punctuation or a linking word. */
function readLawName(text: string, position: number): string | null {
  const word = /\s*([\p{L}\p{M}]+)/uy;
  word.lastIndex = position;
  let end = position;
  let count = 0;
  for (let match = word.exec(text); match && count < 10; match = word.exec(text)) {
    const lowered = (match[1] ?? '').toLowerCase();
    // "Luật Phí và lệ phí" is one name; elsewhere "và" joins two laws.
    const joinsFee = lowered === 'và' && /^\s+lệ\s+phí/iu.test(text.slice(word.lastIndex));
    if (NAME_STOPS.has(lowered) && !joinsFee) break;
    end = word.lastIndex;
    count += 1;
  }
  return count > 0 ? text.slice(position, end) : null;
}

/** The type written with the capitalisation of the TYPES list ("NGHỊ QUYẾT" → "Nghị quyết"). */
function canonicalType(written: string): string {
  const folded = fold(written.replace(/\s+/g, ' '));
  return TYPES.find((type) => fold(type) === folded) ?? written;
}

/** Finds the citations in one text, in order, without overlaps. */
export function findCitations(text: string): CitationMatch[] {
  const found: CitationMatch[] = [];
  const numbered = MAY_BE_NUMBERED.test(text) ? text.matchAll(NUMBERED) : [];
  for (const match of numbered) {
    const type = canonicalType(match[1] ?? '');
    // A lower-case "luật" is the common noun ("pháp luật số …" never names a law).
    if (type === 'Luật' && !/^L/.test(match[1] ?? '')) continue;
    const name = (match[2] ?? '').trim() || null;
    const number = match[3] ?? '';
    let end = match.index + match[0].length;
    const date = readDate(text, end);
    if (date) end = date.end;
    const issuer = readIssuer(text, end);
    if (issuer) end = issuer.end;
    const key =
      type === 'Luật' && name
        ? slugify(`luat ${name}`)
        : `${KEY_PREFIX[fold(type)] ?? slugify(type)}-${slugify(number)}`;
    found.push({
      key,
      type,
      name,
      number,
      date: date?.iso ?? null,
      dateText: date?.written ?? null,
      issuer: issuer?.issuer ?? null,
      text: text.slice(match.index, end),
      start: match.index,
      end,
    });
  }
  const overlaps = (start: number, end: number): boolean =>
    found.some((other) => start < other.end && other.start < end);
  for (const match of text.includes(LAW_WORD) ? text.matchAll(LAW_NAME) : []) {
    const name = readLawName(text, match.index + match[0].length);
    if (!name) continue;
    const start = match.index;
    let end = match.index + match[0].length + name.length;
    if (overlaps(start, end)) continue;
    const date = readDate(text, end);
    if (date) end = date.end;
    found.push({
      key: slugify(`luat ${name}`),
      type: 'Luật',
      name,
      number: null,
      date: date?.iso ?? null,
      dateText: date?.written ?? null,
      issuer: null,
      text: text.slice(start, end),
      start,
      end,
    });
  }
  for (const match of text.includes(RESOLUTION_WORDS) ? text.matchAll(CONGRESS) : []) {
    const end = match.index + match[0].length;
    if (overlaps(match.index, end)) continue;
    found.push({
      key: slugify(match[0]),
      type: 'Nghị quyết',
      name: match[0].replace(/^Nghị quyết\s+/u, ''),
      number: null,
      date: null,
      dateText: null,
      issuer: null,
      text: match[0],
      start: match.index,
      end,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The display title of a citation: type, name or number, date, issuer. */
function titleOf(match: CitationMatch): string {
  const parts = [match.type];
  if (match.name) parts.push(match.name.replace(/\s+/g, ' '));
  if (match.number) parts.push(`số ${match.number}`);
  if (match.dateText) parts.push(`ngày ${match.dateText.replace(/\s+/g, ' ')}`);
  if (match.issuer) parts.push(`của ${match.issuer.replace(/\s+/g, ' ')}`);
  return parts.join(' ');
}

/** How much a mention says about its document, to pick the title from the fullest one. */
function richness(match: CitationMatch): number {
  return (match.number ? 4 : 0) + (match.date ? 2 : 0) + (match.issuer ? 1 : 0);
}

/** Gathers every cited document of a tree, in order of first mention. */
export function findCitedDocuments(document: Document): CitedDocument[] {
  const byKey = new Map<string, { best: CitationMatch; doc: CitedDocument }>();
  const scan = (node: DocNode, field: TextField): void => {
    const text = node[field];
    if (text === null) return;
    for (const match of findCitations(text)) {
      const mention: Mention = { nodeId: node.id, field, start: match.start, end: match.end };
      const entry = byKey.get(match.key);
      if (!entry) {
        byKey.set(match.key, { best: match, doc: toCited(match, mention) });
        continue;
      }
      entry.doc.mentions.push(mention);
      entry.doc.number ??= match.number;
      entry.doc.date ??= match.date;
      entry.doc.issuer ??= match.issuer;
      if (richness(match) > richness(entry.best)) {
        entry.best = match;
        entry.doc.title = titleOf(match);
      }
    }
  };
  walk(document.nodes, (node) => {
    scan(node, 'heading');
    scan(node, 'text');
  });
  return [...byKey.values()].map((entry) => entry.doc);
}

/** A cited document from its first mention. */
function toCited(match: CitationMatch, mention: Mention): CitedDocument {
  return {
    key: match.key,
    type: match.type,
    number: match.number,
    date: match.date,
    issuer: match.issuer,
    title: titleOf(match),
    mentions: [mention],
  };
}
