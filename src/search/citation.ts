import { assignIds, type Unnamed } from '../lib/document/ids';
import type { NodeKind } from '../lib/document/schema';
import { fold, foldedKey } from '../lib/text/fold';
import { UNITS } from '../lib/vocabulary/units';

/**
 * Queries that read as a citation: "điểm b khoản 3.2 Điều 1" (small to big, as Vietnamese texts
 * cite), "Điều 1 khoản 2 điểm c" (big to small), unaccented, abbreviated ("đ.b k.3.2 Đ.1"), a
 * target number ("chỉ tiêu 14", "chi tieu so 7"), optionally naming a document ("khoản 2 Điều 2
 * Nghị quyết 316/NQ-HĐND"). The units become a node id by the document model's own scheme
 * (`assignIds`), so a citation lands where the page's anchors are.
 */

/** The kinds a citation names, outermost first: the order units nest in a document. */
export const CITED_KINDS = [
  'appendix',
  'part',
  'chapter',
  'section',
  'article',
  'clause',
  'point',
  'target',
] as const satisfies readonly NodeKind[];
export type CitedKind = (typeof CITED_KINDS)[number];

/** One unit of a citation, its number as the document writes it ("3.2", "b", "đ", "IV"). */
export interface CitedUnit {
  kind: CitedKind;
  num: string | null;
}

/** A document named by a citation: its kind in folded words ("nghi quyet") and its number. */
export interface CitedDocument {
  type: string | null;
  number: string;
  /** The reference as typed: "Nghị quyết 316/NQ-HĐND". */
  text: string;
}

export interface Citation {
  /** Outermost first. */
  units: CitedUnit[];
  document: CitedDocument | null;
}

/**
 * The words that name a unit, as the units table writes them in citations ("Điều", "khoản",
 * "chỉ tiêu"), folded: a reader may type them with or without marks. Longer names first, so that
 * "chỉ tiêu" is read before any one-word name.
 */
const UNIT_WORDS: readonly { words: readonly string[]; kind: CitedKind }[] = CITED_KINDS.flatMap(
  (kind) => {
    const word = UNITS[kind]?.word;
    return word ? [{ words: fold(word).split(/\s+/u), kind }] : [];
  },
).sort((a, b) => b.words.length - a.words.length);

/** The numbers each kind takes: Roman or Arabic numerals, letters for points, dotted clauses. */
const NUMBER_OF: Record<CitedKind, RegExp> = {
  appendix: /^(?:[ivxlc]+|\d+|[a-z])$/,
  part: /^(?:[ivxlc]+|\d+|[a-z])$/,
  chapter: /^(?:[ivxlc]+|\d+)$/,
  section: /^(?:\d+(?:\.\d+)*|[ivxlc]+)$/,
  article: /^\d+[a-zđ]?$/,
  clause: /^\d+(?:\.\d+)*$/,
  point: /^(?:[a-zđ]|dd)\d*$/,
  target: /^\d+$/,
};

/** Kinds whose number may be left out ("Phụ lục" alone). */
const NUMBER_OPTIONAL = new Set<CitedKind>(['appendix']);

/** The names of document kinds a citation may end with, folded. */
const DOCUMENT_TYPES: readonly (readonly string[])[] = [
  ['nghi', 'quyet'],
  ['nq'],
  ['nghi', 'dinh'],
  ['quyet', 'dinh'],
  ['thong', 'tu'],
  ['luat'],
  ['phap', 'lenh'],
  ['chi', 'thi'],
];

/** Words a citation may carry between its parts: "khoản 2 của Điều 1", "chỉ tiêu số 7". */
const FILLERS = new Set(['cua', 'thuoc', 'tai', 'theo', 'trong', 'so']);

/** Abbreviated units as people type them: "đ.b", "k.3.2", "Đ.1" (capital Đ is Điều). */
const ABBREVIATED = /^(đ|Đ|d|D|k|K)\.(.+)$/u;

/** A token of the query: as typed (case kept, for "Đ." against "đ."), and folded. */
interface Token {
  raw: string;
  folded: string;
}

/** Punctuation that may wrap a number: "(7)", "1.", "3.2,". */
function bare(text: string): string {
  return text.replace(/^[("“]+|[)"”.,;:]+$/gu, '');
}

/** The number of a unit as the document writes it: "dd" is how đ is typed without marks. */
function unitNumber(kind: CitedKind, text: string): string | null {
  const lower = bare(text).toLowerCase().normalize('NFC');
  if (!NUMBER_OF[kind].test(lower)) return null;
  return kind === 'point' ? lower.replace(/^dd/u, 'đ') : lower;
}

/** The unit an abbreviation names, or null: "đ.b" a point, "Đ.1" or "đ.1" an article. */
function abbreviated(raw: string): CitedUnit | null {
  const match = ABBREVIATED.exec(raw.normalize('NFC'));
  if (!match) return null;
  const [, letter = '', value = ''] = match;
  const kinds: CitedKind[] =
    letter === 'k' || letter === 'K'
      ? ['clause']
      : letter === 'Đ' || letter === 'D'
        ? ['article']
        : ['point', 'article'];
  for (const kind of kinds) {
    const num = unitNumber(kind, value);
    if (num !== null) return { kind, num };
  }
  return null;
}

/** True when the folded tokens from `at` spell `words`. */
function spells(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  return words.every((word, k) => tokens[at + k]?.folded === word);
}

/** A document number: has a digit, maybe letters, slashes and hyphens ("316/NQ-HĐND", "68"). */
const DOCUMENT_NUMBER = /^\d[\p{L}\p{N}/.-]*$/u;

/** Reads a document reference from `at` to the end, or null when the rest is something else. */
function documentFrom(tokens: readonly Token[], at: number): CitedDocument | null {
  let type: string | null = null;
  let next = at;
  for (const words of DOCUMENT_TYPES) {
    if (spells(tokens, at, words)) {
      type = words.join(' ');
      next = at + words.length;
      break;
    }
  }
  if (tokens[next]?.folded === 'so') next++;
  const number = tokens[next] ? bare(tokens[next]?.raw ?? '') : '';
  if (next !== tokens.length - 1 || !DOCUMENT_NUMBER.test(number)) return null;
  if (type === null && !number.includes('/')) return null;
  const text = tokens
    .slice(at)
    .map((token) => token.raw)
    .join(' ');
  return { type, number, text };
}

/** Reads a whole query as a citation, or returns null when any part of it is something else. */
export function parseCitation(query: string): Citation | null {
  const tokens: Token[] = query
    .normalize('NFC')
    .split(/\s+/u)
    .filter((raw) => raw.length > 0)
    .map((raw) => ({ raw, folded: fold(raw).replace(/[.,;:]+$/u, '') }));
  const units = new Map<CitedKind, CitedUnit>();
  let document: CitedDocument | null = null;
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at];
    if (!token) break;
    const short = abbreviated(token.raw);
    if (short && !units.has(short.kind)) {
      units.set(short.kind, short);
      at++;
      continue;
    }
    const named = UNIT_WORDS.find((unit) => spells(tokens, at, unit.words));
    if (named && !units.has(named.kind)) {
      let next = at + named.words.length;
      if (tokens[next]?.folded === 'so') next++;
      const num = tokens[next] ? unitNumber(named.kind, tokens[next]?.raw ?? '') : null;
      if (num !== null) {
        units.set(named.kind, { kind: named.kind, num });
        at = next + 1;
        continue;
      }
      if (NUMBER_OPTIONAL.has(named.kind)) {
        units.set(named.kind, { kind: named.kind, num: null });
        at = next;
        continue;
      }
    }
    if (FILLERS.has(token.folded)) {
      at++;
      continue;
    }
    document = units.size > 0 ? documentFrom(tokens, at) : null;
    if (!document) return null;
    break;
  }
  if (units.size === 0) return null;
  const ordered = CITED_KINDS.flatMap((kind) => {
    const unit = units.get(kind);
    return unit ? [unit] : [];
  });
  return { units: ordered, document };
}

/** The id of the innermost unit when the units nest as cited, by the model's id scheme. */
export function citedId(units: readonly CitedUnit[]): string {
  let chain: Unnamed[] = [];
  for (const unit of [...units].reverse()) {
    chain = [
      {
        kind: unit.kind,
        num: unit.num,
        label: null,
        heading: null,
        text: null,
        line: 1,
        children: chain,
      },
    ];
  }
  let node = assignIds(chain)[0];
  while (node?.children[0]) node = node.children[0];
  return node?.id ?? '';
}

/**
 * The ids a citation may mean, most likely first: as cited, and with "mục" read as a numbered
 * clause ("mục 3.2" for the clause 3.2), as readers also say.
 */
export function citedIds(citation: Citation): string[] {
  const ids = [citedId(citation.units)];
  if (citation.units.some((unit) => unit.kind === 'section')) {
    const asClause = citation.units.map((unit) =>
      unit.kind === 'section' ? { ...unit, kind: 'clause' as const } : unit,
    );
    if (!citation.units.some((unit) => unit.kind === 'clause')) ids.push(citedId(asClause));
  }
  return ids;
}

/**
 * The units of a document a citation names, in document order: those whose id ends with the
 * cited one, so that a citation leaving out the outer units ("khoản 3.2") still lands. An exact
 * id comes first; several matches mean the citation left out what tells them apart.
 */
export function matchUnits<T extends { id: string }>(citation: Citation, units: readonly T[]): T[] {
  for (const id of citedIds(citation)) {
    const exact = units.filter((unit) => unit.id === id);
    const within = units.filter((unit) => unit.id !== id && unit.id.endsWith(`.${id}`));
    if (exact.length + within.length > 0) return [...exact, ...within];
  }
  return [];
}

/** A document as the library lists it, for matching a cited number. */
export interface ListedDocument {
  doc: string;
  number: string | null;
}

/** The leading number of a document number: "57" of "57/NQ-HĐND". */
function leadingNumber(number: string): string {
  return /^\d+/u.exec(number)?.[0] ?? '';
}

/**
 * The library document a citation names: the one with that number (folded, so "316/NQ-HDND"
 * names "316/NQ-HĐND"), or, for a bare number ("Nghị quyết 57"), the only document whose number
 * starts with it. Null when none or several do.
 */
export function citedDocument<T extends ListedDocument>(
  cited: CitedDocument,
  documents: readonly T[],
): T | null {
  const key = foldedKey(cited.number);
  const exact = documents.filter((doc) => doc.number !== null && foldedKey(doc.number) === key);
  if (exact.length === 1) return exact[0] ?? null;
  if (exact.length > 1 || !/^\d+$/u.test(cited.number)) return null;
  const leading = documents.filter(
    (doc) => doc.number !== null && leadingNumber(doc.number) === cited.number,
  );
  return leading.length === 1 ? (leading[0] ?? null) : null;
}
