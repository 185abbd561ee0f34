/**
 * Page frontmatter. Each line is `key: <JSON value>`: JSON is valid YAML, so every front end
 * reads it, and no value (quotes, colons, `#`, `---`) can break out of its line.
 */
import type { NodeKind } from '../document/schema.ts';

/** One step of a page's breadcrumb trail: an ancestor unit and the page that holds it. */
export interface TrailStep {
  id: string;
  page: string;
  name: string;
}

/** What every page's frontmatter holds; `src/lib/site/site-data.ts` validates the same shape. */
export interface PageFrontmatter {
  doc: string;
  page: string;
  order: number;
  /** The unit the page is named after. */
  id: string;
  kind: NodeKind;
  num: string | null;
  label: string | null;
  heading: string | null;
  /** Id of that unit's parent, or null at the top level. */
  parent: string | null;
  citation: string;
  title: string;
  description: string;
  /** Every node id on the page, in reading order. */
  ids: string[];
  /** Ancestors of the unit, outermost first, for breadcrumbs. */
  trail: TrailStep[];
  /** Whether the body holds the page's h1 (else the layout shows the title as h1). */
  h1: boolean;
  /** Whether the page holds the opening (title, recitals). */
  opening: boolean;
}

/** Serializes frontmatter, one key per line, in a stable order. */
export function frontmatterText(data: PageFrontmatter): string {
  return Object.entries(data)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
}

/** Reads frontmatter written by `frontmatterText` back, for tests and tools. */
export function readFrontmatter(mdx: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  if (!match) throw new Error('no frontmatter');
  const data: Record<string, unknown> = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const colon = line.indexOf(': ');
    data[line.slice(0, colon)] = JSON.parse(line.slice(colon + 2));
  }
  return { data, body: mdx.slice(match[0].length) };
}
