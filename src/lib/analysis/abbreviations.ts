/**
 * Abbreviations (GRDP, HĐND, PAR INDEX, NQ/TW…) and their expansions from the hand-written
 * glossary `content/glossary.json`.
 *
 * Rules: a glossary term matches only as a whole token, exactly as written (case matters: "AI"
 * is an abbreviation, "ai" is a word), with no letter or digit right before or after it; so "AI"
 * does not match inside "MAI", while "NQ/TW" matches inside "57-NQ/TW" and "UBND" inside
 * "TTr-UBND". Where terms overlap, the longest wins ("PAR INDEX" over "PAR", "NQ-HĐND" over
 * "HĐND"). Texts are expected in NFC, as the parser gives them; offsets are UTF-16.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DocNode, Document, TextField } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import { escapeRegExp } from '../text/pattern.ts';

/** One glossary entry: the term as written in texts, its Vietnamese expansion, a short note. */
export const GlossaryEntrySchema = z
  .object({
    term: z.string().min(1),
    expansion: z.string().min(1),
    explanation: z.string().min(1),
  })
  .strict();
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

/** The glossary file: entries with unique terms. */
export const GlossarySchema = z
  .object({
    entries: z.array(GlossaryEntrySchema).min(1),
  })
  .strict()
  .superRefine((glossary, context) => {
    const seen = new Set<string>();
    for (const entry of glossary.entries) {
      if (seen.has(entry.term)) {
        context.addIssue({ code: z.ZodIssueCode.custom, message: `duplicate term ${entry.term}` });
      }
      seen.add(entry.term);
    }
  });
export type Glossary = z.infer<typeof GlossarySchema>;

/** Validates glossary data; a problem is one line naming the file. */
export function parseGlossary(data: unknown, file: string): Glossary {
  const result = GlossarySchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || 'root';
    throw new Error(
      `${file}: invalid glossary at ${where}: ${issue?.message ?? 'unknown problem'}`,
    );
  }
  return {
    entries: result.data.entries.map((entry) => ({ ...entry, term: entry.term.normalize('NFC') })),
  };
}

/** Glossaries already checked, by the data they were read from. */
const glossariesRead = new WeakMap<object, Glossary>();

/**
 * `parseGlossary`, once per data object: a page that imports the glossary gets the same data on
 * every render, and the same glossary keeps its matcher (`matcherFor`) for every page.
 */
export function glossaryFrom(data: object, file: string): Glossary {
  let glossary = glossariesRead.get(data);
  if (!glossary) {
    glossary = parseGlossary(data, file);
    glossariesRead.set(data, glossary);
  }
  return glossary;
}

/** Reads and validates a glossary file; a problem is one line naming the file. */
export function loadGlossary(file: string): Glossary {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`${file}: cannot read glossary: ${reason}`, { cause: error });
  }
  return parseGlossary(data, file);
}

/** An abbreviation found in a text: its UTF-16 range and glossary entry. */
export interface AbbreviationMatch {
  term: string;
  start: number;
  end: number;
  entry: GlossaryEntry;
}

/** Compiled matchers, cached per glossary object since pages call this for every node. */
const matchers = new WeakMap<Glossary, { pattern: RegExp; byTerm: Map<string, GlossaryEntry> }>();

/** One regular expression for all terms, longest first, bounded by non-alphanumerics. */
function matcherFor(glossary: Glossary): { pattern: RegExp; byTerm: Map<string, GlossaryEntry> } {
  const cached = matchers.get(glossary);
  if (cached) return cached;
  const byTerm = new Map(glossary.entries.map((entry) => [entry.term, entry]));
  // A space inside a term ("PAR INDEX") matches any run of white space in the text.
  const terms = [...byTerm.keys()]
    .sort((a, b) => b.length - a.length)
    .map((term) => escapeRegExp(term).replace(/ +/g, '\\s+'));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])(?:${terms.join('|')})(?![\\p{L}\\p{M}\\p{N}])`,
    'gu',
  );
  const compiled = { pattern, byTerm };
  matchers.set(glossary, compiled);
  return compiled;
}

/** Finds every glossary term in a text as a whole token, in order, without overlaps. */
export function findAbbreviations(text: string, glossary: Glossary): AbbreviationMatch[] {
  const { pattern, byTerm } = matcherFor(glossary);
  const found: AbbreviationMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    const entry = byTerm.get(match[0].replace(/\s+/g, ' '));
    if (entry) {
      found.push({ term: match[0], start: match.index, end: match.index + match[0].length, entry });
    }
  }
  return found;
}

/** A glossary term a document uses, with the ids of the nodes that use it in reading order. */
export const GlossaryUseSchema = z
  .object({ term: z.string().min(1), nodes: z.array(z.string()).min(1) })
  .strict();
export type GlossaryUse = z.infer<typeof GlossaryUseSchema>;

/** Every glossary term in every heading and text of one document, found once. */
export interface DocumentAbbreviations {
  /** The terms in one field of one node. */
  of(node: DocNode, field: TextField): AbbreviationMatch[];
  /** The terms the document uses, in glossary order: what its glossary page lists. */
  uses: GlossaryUse[];
}

/**
 * Reads a document's headings and texts once for glossary terms: the inline marks of its pages
 * and its glossary page both come from this one reading.
 */
export function documentAbbreviations(
  document: Document,
  glossary: Glossary,
): DocumentAbbreviations {
  const found = {
    heading: new Map<DocNode, AbbreviationMatch[]>(),
    text: new Map<DocNode, AbbreviationMatch[]>(),
  };
  const used = new Map<string, string[]>();
  walk(document.nodes, (node) => {
    for (const field of ['heading', 'text'] as const) {
      const text = node[field];
      if (!text) continue;
      const matches = findAbbreviations(text, glossary);
      found[field].set(node, matches);
      for (const match of matches) {
        const nodes = used.get(match.entry.term);
        // Nodes come one at a time, so a node already listed is the last one.
        if (!nodes) used.set(match.entry.term, [node.id]);
        else if (nodes[nodes.length - 1] !== node.id) nodes.push(node.id);
      }
    }
  });
  return {
    of: (node, field) => {
      const text = node[field];
      if (!text) return [];
      return found[field].get(node) ?? findAbbreviations(text, glossary);
    },
    uses: glossary.entries.flatMap(({ term }) => {
      const nodes = used.get(term);
      return nodes ? [{ term, nodes }] : [];
    }),
  };
}
