/** What the front page and page titles say about a document, derived from its tree. */
import type { DocNode, Document } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { squash } from '../vocabulary/titles.ts';

/** Words of a text with their letters only, for casing statistics. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{M}]+/gu) ?? [];
}

/**
 * Case mapping of Vietnamese words. Unicode's language-specific casing rules cover only
 * Lithuanian, Turkish and Azeri, so the plain mapping gives Vietnamese exactly what the `vi`
 * locale would, without a locale lookup per word (which made casing the slowest step of a page).
 */
const lower = (word: string): string => word.toLowerCase();
const upper = (word: string): string => word.toUpperCase();

/**
 * How each word is usually written in running text, capitalised or not, skipping the first word
 * of a sentence. Lets an upper-case title ("… TỈNH QUẢNG NINH") be written in sentence case
 * without losing its proper nouns ("… tỉnh Quảng Ninh").
 */
export function usualCasing(text: string): Map<string, 'upper' | 'lower'> {
  const counts = new Map<string, { upper: number; lower: number }>();
  for (const sentence of text.split(/[.;:!?]\s+|\n/)) {
    for (const word of words(sentence).slice(1)) {
      const key = lower(word);
      const entry = counts.get(key) ?? { upper: 0, lower: 0 };
      if (word === key) entry.lower += 1;
      else if (word.slice(1) === lower(word.slice(1))) entry.upper += 1;
      counts.set(key, entry);
    }
  }
  const casing = new Map<string, 'upper' | 'lower'>();
  for (const [key, { upper, lower }] of counts) casing.set(key, upper > lower ? 'upper' : 'lower');
  return casing;
}

/** Sentence case for an upper-case line, keeping words the text usually capitalises. */
export function sentenceCase(line: string, casing: Map<string, 'upper' | 'lower'>): string {
  let first = true;
  return line.replace(/[\p{L}\p{M}]+/gu, (word) => {
    const small = lower(word);
    const capital = first || casing.get(small) === 'upper';
    first = false;
    if (word !== upper(word) || /^[IVXLC]+$/.test(word)) return word;
    return capital ? upper(small.charAt(0)) + small.slice(1) : small;
  });
}

/** All running text of a document, for casing statistics. */
function bodyText(document: Document): string {
  const parts: string[] = [];
  walk(document.nodes, (node) => {
    if (node.kind !== 'title' && node.kind !== 'doc-type' && node.kind !== 'issuer') {
      for (const part of [node.heading, node.text]) if (part) parts.push(part);
    }
  });
  return parts.join('\n');
}

const casings = new WeakMap<Document, Map<string, 'upper' | 'lower'>>();

/** The usual casing of a document's words, counted once per document (a page asks for it often). */
function casingOf(document: Document): Map<string, 'upper' | 'lower'> {
  let casing = casings.get(document);
  if (!casing) {
    casing = usualCasing(bodyText(document));
    casings.set(document, casing);
  }
  return casing;
}

/** The words a document usually capitalises: all of its casing that sentence case reads. */
export function capitalisedWords(document: Document): string[] {
  return [...casingOf(document)].flatMap(([word, casing]) => (casing === 'upper' ? [word] : []));
}

/**
 * Gives a document the casing counted when its content was made (`capitalisedWords`), so its
 * pages do not count every word of it again.
 */
export function rememberCasing(document: Document, capitalised: readonly string[]): void {
  casings.set(document, new Map(capitalised.map((word) => [word, 'upper'])));
}

/** The document's title as a reader says it: "Nghị quyết về kế hoạch … năm 2026". */
export function documentTitle(document: Document, fallback: string): string {
  const { docType, title } = document.meta;
  const line = squash([docType, title].filter((s) => s).join(' '));
  if (line === '') return fallback;
  return sentenceCase(line, casingOf(document));
}

/** The issuing body in sentence case: "Hội đồng nhân dân tỉnh Quảng Ninh". */
export function issuerName(document: Document): string | null {
  const issuer = document.meta.issuer;
  return issuer ? sentenceCase(squash(issuer), casingOf(document)) : null;
}

/**
 * A name that tells resolutions apart in search: the title with its issuer, since plans of many
 * provinces share one title ("Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2026").
 */
export function documentName(document: Document, fallback: string): string {
  const issuer = issuerName(document);
  const title = documentTitle(document, fallback);
  return issuer ? `${title} — ${issuer}` : title;
}

/** The unit headed "Mục tiêu tổng quát" (or "Mục tiêu chung"), if the document has one. */
export function generalObjective(document: Document): DocNode | null {
  let found: DocNode | null = null;
  walk(document.nodes, (node) => {
    if (!found && node.heading && /^mục tiêu (tổng quát|chung)\b/iu.test(node.heading.trim())) {
      found = node;
    }
  });
  return found;
}

/** A group of targets and the unit that holds them ("a) Về kinh tế:"). */
export interface TargetGroup {
  holder: DocNode | null;
  targets: DocNode[];
}

/** The numbered targets, grouped by the unit that holds them, in reading order. */
export function targetGroups(document: Document): TargetGroup[] {
  const groups: TargetGroup[] = [];
  walk(document.nodes, (node, ancestors) => {
    if (node.kind !== 'target') return;
    const holder = ancestors[ancestors.length - 1] ?? null;
    const last = groups[groups.length - 1];
    if (last && last.holder?.id === holder?.id) last.targets.push(node);
    else groups.push({ holder, targets: [node] });
  });
  return groups;
}

/** A line of the masthead in sentence case ("KHÓA XIV - KỲ HỌP THỨ 34" → "Khóa XIV - Kỳ họp thứ 34"). */
export function mastheadLine(document: Document, line: string): string {
  const casing = casingOf(document);
  // Each dash-separated part of a masthead line is a phrase of its own ("Khóa XIV - Kỳ họp …").
  return squash(line)
    .split(' - ')
    .map((part) => sentenceCase(part, casing))
    .join(' - ');
}

/** The source note's text ("Nguồn tra cứu: …"), if any. */
export function sourceNote(document: Document): string | null {
  return document.nodes.find((n) => n.kind === 'source-note')?.text ?? null;
}
