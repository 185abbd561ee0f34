/**
 * Content collections over the generated `content/` folder (`npm run content` writes it):
 * `pages` are the MDX pages of every document, `documents` the trees they come from.
 */
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { DocumentSchema, NODE_KINDS } from './lib/document/schema.ts';

/** The frontmatter written by `src/lib/mdx/frontmatter.ts`. */
const pageSchema = z
  .object({
    doc: z.string().regex(/^[a-z0-9-]+$/),
    page: z.string().regex(/^[a-z0-9-]+$/),
    order: z.number().int().nonnegative(),
    id: z.string().min(1),
    kind: z.enum(NODE_KINDS),
    num: z.string().nullable(),
    label: z.string().nullable(),
    heading: z.string().nullable(),
    parent: z.string().nullable(),
    citation: z.string(),
    title: z.string().min(1),
    description: z.string(),
    ids: z.array(z.string().min(1)).min(1),
    trail: z.array(z.object({ id: z.string(), page: z.string(), name: z.string() }).strict()),
    h1: z.boolean(),
    opening: z.boolean(),
  })
  .strict();

const pages = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content', retainBody: false }),
  schema: pageSchema,
});

const documents = defineCollection({
  loader: glob({ pattern: '*/document.json', base: './content' }),
  schema: DocumentSchema,
});

export const collections = { pages, documents };
