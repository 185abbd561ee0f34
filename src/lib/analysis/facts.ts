/**
 * The facts a reader looks for first (number, kind, issuer, session, the dates it was adopted
 * and comes into force, signer, source), read from the document's own words: its masthead
 * (`meta`), its closing sentence ("Nghị quyết này đã được … thông qua ngày 16 tháng 12 năm 2025
 * và có hiệu lực thi hành kể từ ngày thông qua") and, for the date in force, the article that
 * states it ("Nghị quyết có hiệu lực thi hành kể từ ngày 08 tháng 12 năm 2025"). A fact the
 * text does not give is null, shown as "không ghi": nothing is guessed or computed.
 *
 * The date in force, by what the sentence says:
 * - "… kể từ ngày thông qua", "… từ ngày được Quốc hội thông qua" → the adoption date;
 * - "… kể từ ngày ký", "… từ ngày ban hành" → the date of the document (its place-and-date line);
 * - "… kể từ ngày 01 tháng 01 năm 2026", "… từ ngày 01/01/2026" → that date;
 * - anything else ("sau 10 ngày kể từ ngày ký") → the words only, with no date.
 * The sentence must be about the document itself ("Nghị quyết này", "Nghị quyết"), not about
 * a document it cites ("Nghị quyết số …").
 */
import { z } from 'zod';
import { isoDate } from '../document/meta.ts';
import type { DocNode, Document } from '../document/schema.ts';
import { walk } from '../document/tree.ts';

/** An ISO date, `yyyy-mm-dd`. */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A date read from one sentence: the date, the words it was read from, and their node. */
const DatedWords = z
  .object({
    date: IsoDate.nullable(),
    /** The words as written: "thông qua ngày 16 tháng 12 năm 2025". */
    text: z.string().min(1),
    /** The node that holds them, so a page can link the fact to its sentence. */
    nodeId: z.string().min(1),
  })
  .strict();

/** How the text sets the date in force. */
export const IN_FORCE_RULES = ['on-adoption', 'on-signing', 'on-date', 'other'] as const;

export const FactsSchema = z
  .object({
    /** "45/NQ-HĐND"; null when the text carries no number. */
    number: z.string().nullable(),
    /** "NGHỊ QUYẾT", as written. */
    kind: z.string().nullable(),
    /** "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH", as written. */
    issuer: z.string().nullable(),
    /** "KHÓA XIV - KỲ HỌP THỨ 34", as written. */
    session: z.string().nullable(),
    /** The place of the place-and-date line. */
    place: z.string().nullable(),
    /** The date of the place-and-date line: the date the document bears. */
    dated: IsoDate.nullable(),
    /** The adoption, from the closing sentence ("… thông qua ngày …"). */
    adopted: DatedWords.nullable(),
    /** The date in force, from the sentence that states it. */
    inForce: DatedWords.extend({ rule: z.enum(IN_FORCE_RULES) })
      .strict()
      .nullable(),
    /** The signer's name and title, as written ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH"). */
    signer: z.object({ name: z.string(), title: z.string().nullable() }).strict().nullable(),
    /** The source note, as written ("Nguồn tra cứu: vanban.phaplyvn.com"). */
    source: z.string().nullable(),
  })
  .strict();

export type DocumentFacts = z.infer<typeof FactsSchema>;
export type InForceRule = (typeof IN_FORCE_RULES)[number];

/** "thông qua ngày 16 tháng 12 năm 2025", "thông qua ngày 15/12/2016": the adoption. */
const ADOPTED =
  /thông\s+qua\s+(?:vào\s+)?ngày\s+(?:\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4})/iu;

/** "có hiệu lực (thi hành) (kể) từ ngày …" or "… sau N ngày kể từ ngày …", to the sentence's end. */
const IN_FORCE =
  /có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:(?:kể\s+)?từ\s+ngày|sau\s+[^.;]*?kể\s+từ\s+ngày)[^.;]*/iu;

/** The document itself as a sentence's subject: "Nghị quyết này", "Nghị quyết", not "… số 5/…". */
const ITSELF = /(?:Nghị quyết|Quyết định|Quy định|Văn bản)(?!\s+số)/iu;

/** What follows "từ ngày" in a sentence, and the rule it sets. */
const RULES: Array<[RegExp, InForceRule]> = [
  [/^có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+\d/iu, 'on-date'],
  [/^có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+[^.;]*thông\s+qua/iu, 'on-adoption'],
  [/^có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+(?:ký|ban\s+hành)/iu, 'on-signing'],
];

/** The sentences of a text: split after ".", ";" (not inside numbers such as 15.12). */
function sentences(text: string): string[] {
  return text.split(/(?<=[.;])(?!\d)\s*/u).filter((sentence) => sentence.trim() !== '');
}

/** The closing statement ("Nghị quyết này đã được … thông qua …"), if the text has one. */
function closingOf(document: Document): DocNode | null {
  return document.nodes.find((node) => node.kind === 'closing') ?? null;
}

/** The adoption: "thông qua ngày …" in the closing sentence. */
export function readAdoption(document: Document): DocumentFacts['adopted'] {
  const closing = closingOf(document);
  const match = ADOPTED.exec(closing?.text ?? '');
  if (!closing || !match) return null;
  return { date: isoDate(match[0]), text: squash(match[0]), nodeId: closing.id };
}

/** Runs of white space as one space, as the tree keeps words. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Nodes where a document states when it comes into force: its body, then its closing. */
function inForceCandidates(document: Document): DocNode[] {
  const found: DocNode[] = [];
  walk(document.nodes, (node, ancestors) => {
    const inBody = [...ancestors, node].some((n) => n.kind === 'article');
    if (inBody && node.text) found.push(node);
  });
  const closing = closingOf(document);
  return closing ? [...found, closing] : found;
}

/** The date in force, by the rules in the header. */
export function readInForce(
  document: Document,
  adopted: DocumentFacts['adopted'],
): DocumentFacts['inForce'] {
  for (const node of inForceCandidates(document)) {
    for (const sentence of sentences(node.text ?? '')) {
      const match = IN_FORCE.exec(sentence);
      if (!match || !ITSELF.test(sentence.slice(0, match.index))) continue;
      const text = squash(match[0].replace(/[./]+$/u, ''));
      const rule = RULES.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
      const date =
        rule === 'on-date'
          ? isoDate(text)
          : rule === 'on-adoption'
            ? (adopted?.date ?? null)
            : rule === 'on-signing'
              ? document.meta.date
              : null;
      return { date, text, nodeId: node.id, rule };
    }
  }
  return null;
}

/** Facts already read, by document: every page of a document shows them, from one tree. */
const factsRead = new WeakMap<Document, DocumentFacts>();

/** Every fact of a document, read from its tree once. */
export function documentFacts(document: Document): DocumentFacts {
  const known = factsRead.get(document);
  if (known) return known;
  const facts = readFacts(document);
  factsRead.set(document, facts);
  return facts;
}

/** Every fact of a document, read from its tree. */
function readFacts(document: Document): DocumentFacts {
  const { meta } = document;
  const adopted = readAdoption(document);
  const source = document.nodes.find((node) => node.kind === 'source-note')?.text ?? null;
  return FactsSchema.parse({
    number: meta.number,
    kind: meta.docType,
    issuer: meta.issuer,
    session: meta.session,
    place: meta.place,
    dated: meta.date,
    adopted,
    inForce: readInForce(document, adopted),
    signer: meta.signer ? { name: meta.signer, title: meta.signerTitle } : null,
    source,
  });
}
