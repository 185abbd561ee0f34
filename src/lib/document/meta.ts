/** The document's metadata, read from the frame nodes the parser found. */
import { docKindOf, FRAME_PATTERNS } from './frame.ts';
import type { InstrumentMeta, Meta } from './schema.ts';

interface FrameNode {
  kind: string;
  id?: string;
  heading: string | null;
  text: string | null;
  children: FrameNode[];
}

const DATE_WORDS = /ngày\s+(\d{1,2})\s+tháng\s*(\d{1,2})\s+năm\s+(\d{4})/u;
const DATE_SLASHES = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u;
const SESSION = /(khóa|khoá)\s+[IVXLC]+\s*[,-]?\s*kỳ họp (thứ\s+)?\d+/iu;
/** The number written in a gazette heading: "… số 114/2003/NĐ-CP …". */
const NUMBER_IN_HEADING = /\ssố\s+(\d+\s*\/\s*\S+)/iu;

/**
 * The kind a number's suffix names, for texts without a type line: "114/2003/NĐ-CP" is a decree.
 * Only suffixes that name one kind; "QH" numbers both laws and resolutions.
 */
const KIND_BY_SUFFIX: [RegExp, string][] = [
  [/\/NĐ-/u, 'Nghị định'],
  [/\/QĐ-/u, 'Quyết định'],
  [/\/NQ-/u, 'Nghị quyết'],
  [/\/TTLT-/u, 'Thông tư liên tịch'],
  [/\/TT-/u, 'Thông tư'],
  [/\/CT-/u, 'Chỉ thị'],
  [/\/KH-/u, 'Kế hoạch'],
  [/\/PL-/u, 'Pháp lệnh'],
  [/\/L-CTN$/u, 'Lệnh'],
];

/** An ISO date from "ngày 16 tháng 12 năm 2025" or "ngày 15/12/2016"; null when invalid. */
export function isoDate(text: string): string | null {
  const m = DATE_WORDS.exec(text) ?? DATE_SLASHES.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first node of a kind among the given nodes. */
function first(nodes: FrameNode[], kind: string): FrameNode | undefined {
  return nodes.find((n) => n.kind === kind);
}

/** The signer's name without the "(Đã ký)" that copies print before it. */
function signerName(text: string | null): string | null {
  if (text === null) return null;
  const name = text.replace(/^\(?\s*đã ký(?!\p{L})[^)]*\)?\s*/iu, '').trim();
  return name || null;
}

/** The number from "Số: 66/2025/NQ-HĐND", or from a gazette heading. */
function numberOf(nodes: FrameNode[], heading: string | null): string | null {
  const number = first(nodes, 'number')?.text ?? null;
  if (number) return number.replace(FRAME_PATTERNS.number, '').trim() || null;
  return heading ? (NUMBER_IN_HEADING.exec(heading)?.[1] ?? null) : null;
}

/** The kind of document: its type line as written, else what its number's suffix names. */
function docTypeOf(heading: string | null, number: string | null): string | null {
  if (heading) return FRAME_PATTERNS.docType.test(heading) ? heading : docKindOf(heading);
  if (!number) return null;
  return KIND_BY_SUFFIX.find(([suffix]) => suffix.test(number))?.[1] ?? null;
}

/**
 * The issuing body. The masthead may spread it over two lines ("ỦY BAN NHÂN DÂN" / "TỈNH BÌNH
 * PHƯỚC") and the authority line after the title may shorten it ("ỦY BAN NHÂN DÂN TỈNH"): the
 * fullest naming wins, the later one on a tie.
 */
function issuerOf(nodes: FrameNode[]): string | null {
  const typeAt = nodes.findIndex((n) => n.kind === 'doc-type');
  const end = typeAt < 0 ? nodes.length : typeAt;
  const texts = (list: FrameNode[]): string[] =>
    list.filter((n) => n.kind === 'issuer').map((n) => n.text ?? '');
  const masthead = texts(nodes.slice(0, end)).join(' ');
  const candidates = [masthead, ...texts(nodes.slice(end))].filter((t) => t !== '');
  return candidates.reduce<string | null>(
    (best, t) => (best === null || t.length >= best.length ? t : best),
    null,
  );
}

/** The attached instruments: kind, title and attachment line of each. */
function instrumentsOf(nodes: FrameNode[]): InstrumentMeta[] {
  return nodes
    .filter((n) => n.kind === 'instrument')
    .map((n) => ({
      id: n.id ?? '',
      docType: first(n.children, 'doc-type')?.text ?? '',
      title: first(n.children, 'title')?.text ?? null,
      attachment: first(n.children, 'attachment')?.text ?? null,
    }));
}

/** Reads metadata; each field is null when the text does not carry it. */
export function extractMeta(nodes: FrameNode[]): Meta {
  const placeDate = first(nodes, 'place-date')?.text ?? null;
  const closing = first(nodes, 'closing')?.text ?? null;
  const heading = first(nodes, 'doc-type')?.text ?? null;
  const number = numberOf(nodes, heading);
  const signature = first(nodes, 'signature');
  const sessionNode = first(nodes, 'session')?.text ?? null;
  const issuer = issuerOf(nodes);
  const dated = [placeDate, heading, closing].map((t) => (t ? isoDate(t) : null));
  const instruments = instrumentsOf(nodes);
  return {
    docType: docTypeOf(heading, number),
    title: first(nodes, 'title')?.text ?? null,
    issuer,
    place: placeDate ? (placeDate.split(',')[0]?.trim() ?? null) : null,
    date: dated.find((d) => d !== null) ?? null,
    session: sessionNode ?? (closing ? (SESSION.exec(closing)?.[0] ?? null) : null),
    number,
    signer: signerName(signature?.text ?? null),
    signerTitle: signature?.heading ?? null,
    ...(instruments.length > 0 ? { instruments } : {}),
  };
}
