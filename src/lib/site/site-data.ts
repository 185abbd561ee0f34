/**
 * The site data: what the content step (`npm run content`) leaves for the pages, one folder per
 * document, so that the Astro build only places ready HTML and never holds more than one
 * document at a time.
 *
 *   .cache/site/library.json          every document's summary, sorted by slug (the lists)
 *   .cache/site/<doc>/stamp           the hash of what the folder was made from, written last
 *   .cache/site/<doc>/summary.json    the document's summary and its parser warnings
 *   .cache/site/<doc>/pages.json      its pages (frontmatter) and its downloads
 *   .cache/site/<doc>/fragments.json  each page's content as HTML, and the full text
 *   .cache/site/<doc>/du-lieu/…       the open-data downloads, byte for byte
 *
 * The tree itself is `content/<doc>/document.json`, beside the MDX it was written with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { GlossaryUseSchema } from '../analysis/abbreviations.ts';
import { CitedDocumentSchema } from '../analysis/cited.ts';
import { PageFrontmatterSchema } from '../mdx/frontmatter.ts';
import { DOWNLOAD_KINDS, type MadeKind } from '../export/downloads.ts';
import { DOCUMENT_PAGES, type DocumentPageKey } from '../vocabulary/pages.ts';

/** The keys of `DOCUMENT_PAGES`, for the schema. */
const DOCUMENT_PAGE_KEYS = Object.keys(DOCUMENT_PAGES) as [DocumentPageKey, ...DocumentPageKey[]];

/** The folder of the site data, relative to the project root; a cache, never committed. */
export const SITE_DATA_DIR = join('.cache', 'site');

/** The generated content folder, relative to the project root. */
export const CONTENT_DIR = 'content';

/** File names inside the site data folder and each document's folder. */
export const SITE_FILES = {
  library: 'library.json',
  stamp: 'stamp',
  summary: 'summary.json',
  pages: 'pages.json',
  fragments: 'fragments.json',
  tree: 'document.json',
  /** The documents whose built pages a build keeps from the previous one (`lib/build/kept.ts`). */
  kept: 'kept.json',
  /** What a document's built pages were made from, written when a build finishes. */
  pagesStamp: 'pages-stamp',
} as const;

/** The list of kept documents: their slugs. */
export const KeptSchema = z.array(z.string());

/** The documents this build keeps (`lib/build/kept.ts` records them); none when not recorded. */
export function readKept(root: string): string[] {
  const file = join(root, SITE_DATA_DIR, SITE_FILES.kept);
  return existsSync(file) ? readJson(file, KeptSchema) : [];
}

/** A page's frontmatter, as the MDX emitter writes it (`src/lib/mdx/frontmatter.ts`). */
export const PageSchema = PageFrontmatterSchema;

export type Page = z.infer<typeof PageSchema>;

/** A parser warning of the seed, kept so a warm build reports what a cold one does. */
const WarningSchema = z.object({ line: z.number(), col: z.number(), message: z.string() });

/** What lists of documents show, and what tells two documents apart. */
export const SummarySchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    /** The seed file it was made from. */
    file: z.string(),
    /** The title as a reader says it: "Nghị quyết về kế hoạch … năm 2026". */
    title: z.string(),
    /** The title with the issuer, for search results across the library. */
    name: z.string(),
    issuer: z.string().nullable(),
    date: z.string().nullable(),
    /** The first words of the general objective, if any. */
    summary: z.string().nullable(),
    /** The slugs of its section pages, in reading order. */
    pages: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
    /** Which of the pages every document may have it has (`DOCUMENT_PAGES`). */
    ownPages: z.array(z.enum(DOCUMENT_PAGE_KEYS)),
    /** Issuer, number and year: two seeds with the same one are the same document. */
    identity: z.string().nullable(),
    /** The number as written ("66/2025/NQ-HĐND"), for messages. */
    number: z.string().nullable(),
    warnings: z.array(WarningSchema),
  })
  .strict();

export type Summary = z.infer<typeof SummarySchema>;

/** The list of every document, as `library.json` holds it. */
export const LibrarySchema = z.array(SummarySchema.omit({ warnings: true, file: true }).strip());

/** One entry of the list of documents. */
export type LibraryEntry = z.infer<typeof LibrarySchema>[number];

/** A download the content step wrote: what it is, its file name, media type and size. */
const DownloadSchema = z
  .object({
    kind: z.enum(DOWNLOAD_KINDS),
    file: z.string(),
    type: z.string(),
    bytes: z.number().int().nonnegative(),
  })
  .strict();

/** A download as the open-data page and the endpoint read it. */
export type WrittenDownload = z.infer<typeof DownloadSchema>;

/** One task clause linked to a target (`src/lib/analysis/targets.ts`). */
const TaskLinkSchema = z
  .object({
    nodeId: z.string(),
    field: z.enum(['heading', 'text']),
    reason: z.enum(['figure', 'terms']),
    matched: z.array(z.string()),
    score: z.number(),
  })
  .strict();

/** What one field of a download holds, with an example from the document. */
const FieldDocSchema = z
  .object({ name: z.string(), meaning: z.string(), example: z.string().nullable() })
  .strict();

/**
 * A document's pages in reading order, the tasks linked to each target, its downloads, and the
 * fields of each download as the open-data page explains them; and what its pages show that the
 * content step found: the documents it cites, its words' casing and the glossary terms it uses.
 */
export const PagesSchema = z.object({
  pages: z.array(PageSchema).min(1),
  links: z.array(z.object({ targetId: z.string(), tasks: z.array(TaskLinkSchema) }).strict()),
  downloads: z.array(DownloadSchema),
  fields: z
    .object({
      json: z.array(FieldDocSchema),
      facts: z.array(FieldDocSchema),
      targets: z.array(FieldDocSchema),
      commitments: z.array(FieldDocSchema),
      akn: z.array(FieldDocSchema),
    } satisfies Record<MadeKind, z.ZodTypeAny>)
    .strict(),
  /** The documents the text cites, found when its content was made. */
  cited: z.array(CitedDocumentSchema),
  /** The words the text usually capitalises (`capitalisedWords`), for sentence case. */
  capitalised: z.array(z.string()),
  /** The glossary terms the text uses, with where (`documentAbbreviations`). */
  glossary: z.array(GlossaryUseSchema),
});

export type DocumentPages = z.infer<typeof PagesSchema>;

/** Each section page's content as HTML, and the whole document's for the full-text page. */
export const FragmentsSchema = z.object({
  sections: z.record(z.string(), z.string()),
  full: z.string(),
});

export type Fragments = z.infer<typeof FragmentsSchema>;

/** The folder of one document's site data. */
export function documentDataDir(root: string, doc: string): string {
  return join(root, SITE_DATA_DIR, doc);
}

/** Reads and checks one JSON file, or throws one line naming it and what is wrong. */
export function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'missing; run `npm run content` first' : 'not valid JSON';
    throw new Error(`${file}: ${reason}`, { cause: error });
  }
  const checked = schema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return checked.data;
}
