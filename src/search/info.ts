import { z } from 'zod';

/**
 * The small JSON files beside the search index that tell a search what a document is and where
 * its citable units are: written at build time, read in the browser only when a query reads as
 * a citation or a search is scoped to one document. One schema for both sides.
 */

/** A citable unit of a document: an element with an id and a search title. */
export const UnitInfoSchema = z
  .object({
    id: z.string().min(1),
    /** The page URL with the unit's fragment: "/qn/dieu-1-khoan-3-2/#dieu-1.khoan-3-2.diem-b". */
    url: z.string().min(1),
    /** "Điều 1 › khoản 3 › 3.2 › điểm b". */
    citation: z.string(),
    heading: z.string(),
    /** The title of the page holding the unit. */
    page: z.string(),
    /** The unit's first words, as a result excerpt. */
    excerpt: z.string(),
  })
  .strict();
export type UnitInfo = z.infer<typeof UnitInfoSchema>;

/** What the library knows of one document: `/<doc>/tim-kiem.json`. */
export const DocumentInfoSchema = z
  .object({
    doc: z.string().min(1),
    /** Its name with its issuer, as results name it. */
    title: z.string().min(1),
    /** "316/NQ-HĐND"; null when the text gives none. */
    number: z.string().nullable(),
    units: z.array(UnitInfoSchema).optional(),
  })
  .strict();
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;

/** Every document of the library without its units: `/tim-kiem/van-ban.json`. */
export const LibraryInfoSchema = z
  .object({ documents: z.array(DocumentInfoSchema.omit({ units: true })) })
  .strict();
export type LibraryInfo = z.infer<typeof LibraryInfoSchema>;
