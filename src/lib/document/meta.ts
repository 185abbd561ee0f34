/** The document's metadata, read from the frame nodes the parser found. */
import type { Meta } from './schema.ts';

interface FrameNode {
  kind: string;
  heading: string | null;
  text: string | null;
  children: FrameNode[];
}

const DATE_WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const DATE_SLASHES = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u;
const SESSION = /(khóa|khoá)\s+[IVXLC]+\s*[,-]?\s*kỳ họp (thứ\s+)?\d+/iu;

/** An ISO date from "ngày 16 tháng 12 năm 2025" or "ngày 15/12/2016"; null when invalid. */
export function isoDate(text: string): string | null {
  const m = DATE_WORDS.exec(text) ?? DATE_SLASHES.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first node of a kind among the root nodes and appendices. */
function first(nodes: FrameNode[], kind: string): FrameNode | undefined {
  return nodes.find((n) => n.kind === kind);
}

/** Reads metadata; each field is null when the text does not carry it. */
export function extractMeta(nodes: FrameNode[]): Meta {
  const placeDate = first(nodes, 'place-date')?.text ?? null;
  const closing = first(nodes, 'closing')?.text ?? null;
  const number = first(nodes, 'number')?.text ?? null;
  const signature = first(nodes, 'signature');
  const sessionNode = first(nodes, 'session')?.text ?? null;
  const issuers = nodes.filter((n) => n.kind === 'issuer').map((n) => n.text ?? '');
  // The issuer named after the title ("HỘI ĐỒNG NHÂN DÂN TỈNH …") is the fuller one.
  const issuer = issuers.at(-1) ?? null;
  return {
    docType: first(nodes, 'doc-type')?.text ?? null,
    title: first(nodes, 'title')?.text ?? null,
    issuer,
    place: placeDate ? (placeDate.split(',')[0]?.trim() ?? null) : null,
    date: (placeDate ? isoDate(placeDate) : null) ?? (closing ? isoDate(closing) : null),
    session: sessionNode ?? (closing ? (SESSION.exec(closing)?.[0] ?? null) : null),
    number: number ? number.replace(/^Số\s*:\s*/u, '') || null : null,
    signer: signature?.text ?? null,
    signerTitle: signature?.heading ?? null,
  };
}
