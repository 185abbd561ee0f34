/**
 * Page frontmatter. Each line is `key: <JSON value>`: JSON is valid YAML, so every front end
 * reads it, and no value (quotes, colons, `#`, `---`) can break out of its line.
 */
import { z } from 'zod';
import { NODE_KINDS } from '../document/schema.ts';

/** One step of a page's breadcrumb trail: an ancestor unit and the page that holds it. */
const TrailStepSchema = z.object({ id: z.string(), page: z.string(), name: z.string() }).strict();

export type TrailStep = z.infer<typeof TrailStepSchema>;

/** What every page's frontmatter holds; the site validates each page against it when it reads. */
export const PageFrontmatterSchema = z
  .object({
    doc: z.string().regex(/^[a-z0-9-]+$/),
    page: z.string().regex(/^[a-z0-9-]+$/),
    order: z.number().int().nonnegative(),
    /** The unit the page is named after. */
    id: z.string().min(1),
    kind: z.enum(NODE_KINDS),
    num: z.string().nullable(),
    label: z.string().nullable(),
    heading: z.string().nullable(),
    /** Id of that unit's parent, or null at the top level. */
    parent: z.string().nullable(),
    citation: z.string(),
    title: z.string().min(1),
    description: z.string(),
    /** Every node id on the page, in reading order. */
    ids: z.array(z.string().min(1)).min(1),
    /** Ancestors of the unit, outermost first, for breadcrumbs. */
    trail: z.array(TrailStepSchema),
    /** Whether the body holds the page's h1 (else the layout shows the title as h1). */
    h1: z.boolean(),
    /** Whether the page holds the opening (title, recitals). */
    opening: z.boolean(),
  })
  .strict();

export type PageFrontmatter = z.infer<typeof PageFrontmatterSchema>;

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
