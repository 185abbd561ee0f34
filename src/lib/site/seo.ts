/** Structured data for search engines and link previews (schema.org `Legislation`). */
import { documentFacts } from '../analysis/facts.ts';
import type { Document } from '../document/schema.ts';
import { clip } from '../vocabulary/titles.ts';

/** Longest `<title>` worth writing: search results and tabs cut the rest. */
export const TITLE_MAX = 70;

/** The `<title>`: the page's title and the site's name, the page's title alone, or it shortened. */
export function titleTag(title: string, siteName: string, max = TITLE_MAX): string {
  if (title === siteName) return clip(title, max);
  const full = `${title} · ${siteName}`;
  return full.length <= max ? full : clip(title, max);
}

/** What the JSON-LD of a page says. */
export interface LegislationInfo {
  name: string;
  url: string;
  description: string;
  /** The whole document, when the page is one of its parts. */
  partOf?: { name: string; url: string } | undefined;
}

/** A schema.org `Legislation` object for a document or one of its pages. */
export function legislationJsonLd(
  document: Document,
  info: LegislationInfo,
): Record<string, unknown> {
  const { meta } = document;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: info.name,
    url: info.url,
    description: info.description,
    inLanguage: 'vi',
  };
  if (meta.docType) data['legislationType'] = meta.docType;
  if (meta.number) data['legislationIdentifier'] = meta.number;
  // Adoption and entry into force as the text states them (`documentFacts`), never guessed.
  const facts = documentFacts(document);
  const adopted = facts.adopted?.date ?? meta.date;
  if (adopted) data['legislationDate'] = adopted;
  if (facts.inForce?.date) data['legislationDateOfApplicability'] = facts.inForce.date;
  if (meta.issuer) {
    data['legislationPassedBy'] = { '@type': 'GovernmentOrganization', name: meta.issuer };
  }
  if (meta.place) data['legislationJurisdiction'] = meta.place;
  if (info.partOf) {
    data['isPartOf'] = { '@type': 'Legislation', name: info.partOf.name, url: info.partOf.url };
  }
  return data;
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so that no text can close
 * the script element early.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
