import { z } from 'zod';

/**
 * The document tree: the public, documented interface between the parser and everything
 * downstream (MDX, pages, search, data exports). `docs/data-format.md` describes it for readers
 * of the open data; change both together.
 */

/** Structural units of the body, outermost first. */
export const BODY_KINDS = [
  'part', // Phần …, or a Roman/letter-numbered part: "I.", "A."
  'chapter', // Chương …
  'section', // Mục …
  'subsection', // Tiểu mục …
  'article', // Điều …
  'clause', // 1.
  'subclause', // 3.1.
  'point', // a)
  'subpoint', // a.1) — a "tiết" of a point
  'target', // (1) — a numbered target of a plan resolution
  'item', // - or + list item
  'paragraph', // unlabelled text
  'quote', // quoted text of an amending document: “Điều 5. …”, never the document's own units
  'table', // a table, with row children
  'row', // a table row, with cell children
  'cell', // a table cell: `heading` in a header row, `text` otherwise
] as const;

/** Parts of a document around its body, and the containers after it. */
export const FRAME_KINDS = [
  'issuer', // issuing body: "HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH"
  'motto', // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"
  'number', // "Số: 66/2025/NQ-HĐND"
  'place-date', // "Quảng Ninh, ngày 16 tháng 12 năm 2025"
  'doc-type', // "NGHỊ QUYẾT"
  'title', // "VỀ KẾ HOẠCH PHÁT TRIỂN …"
  'session', // "KHÓA XIV - KỲ HỌP THỨ 34"
  'recital', // "Căn cứ …", "Xét …"
  'enacting-formula', // "QUYẾT NGHỊ:"
  'closing', // "Nghị quyết này đã được … thông qua …"
  'recipients', // "Nơi nhận:" with item children
  'signature', // heading: the signer's title; text: the signer's name
  'source-note', // "Nguồn tra cứu: …"
  'appendix', // "PHỤ LỤC" with body children
  'form', // "Mẫu số 01": a model text inside an appendix, numbered on its own
  'instrument', // an attached regulation ("QUY CHẾ …" ban hành kèm theo …) with its own units
  'attachment', // "(Ban hành kèm theo Quyết định số … ngày …)"
] as const;

export const NODE_KINDS = [...BODY_KINDS, ...FRAME_KINDS] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export type BodyKind = (typeof BODY_KINDS)[number];

/** URL-safe ASCII ids, readable in a fragment: `dieu-1.khoan-3-1.diem-b`, `chi-tieu-7`. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** Comparators of a quantified commitment. */
export const COMPARATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'range'] as const;

/** One quantified commitment read from a node's text; `text` is the verbatim span. */
export const IndicatorSchema = z
  .object({
    text: z.string().min(1),
    value: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    comparator: z.enum(COMPARATORS),
    unit: z.string().nullable(),
    subject: z.string().nullable(),
  })
  .strict();
export type Indicator = z.infer<typeof IndicatorSchema>;

export interface DocNode {
  kind: NodeKind;
  id: string;
  /** The number without punctuation: "1", "3.1", "a", "đ", "7", "IV"; null when unnumbered. */
  num: string | null;
  /** The label exactly as written: "Điều 1.", "3.1.", "a)", "(7)", "-"; null when unnumbered. */
  label: string | null;
  heading: string | null;
  text: string | null;
  /** Source line (1-based) where the node starts, for messages and links back to the source. */
  line: number;
  indicators?: Indicator[] | undefined;
  children: DocNode[];
}

/** The two fields of a node that hold the document's own words, which analyses mark. */
export type TextField = 'heading' | 'text';

// The object schema is made once; only the children refer back to it lazily. A lazy schema
// around the whole object would build a new object schema for every node it checks.
export const DocNodeSchema: z.ZodType<DocNode> = z
  .object({
    kind: z.enum(NODE_KINDS),
    id: z.string().regex(ID_PATTERN),
    num: z.string().min(1).nullable(),
    label: z.string().min(1).nullable(),
    heading: z.string().min(1).nullable(),
    text: z.string().min(1).nullable(),
    line: z.number().int().positive(),
    indicators: z.array(IndicatorSchema).optional(),
    children: z.array(z.lazy(() => DocNodeSchema)),
  })
  .strict();

/** An attached instrument as the metadata names it. */
export const InstrumentMetaSchema = z
  .object({
    /** The instrument's node id, the prefix of every id inside it: `quy-che`. */
    id: z.string().regex(ID_PATTERN),
    /** Its kind as written: "QUY CHẾ", "QUY ĐỊNH", "ĐIỀU LỆ". */
    docType: z.string(),
    title: z.string().nullable(),
    /** The "Ban hành kèm theo …" line, as written. */
    attachment: z.string().nullable(),
  })
  .strict();
export type InstrumentMeta = z.infer<typeof InstrumentMetaSchema>;

export const MetaSchema = z
  .object({
    docType: z.string().nullable(),
    title: z.string().nullable(),
    issuer: z.string().nullable(),
    place: z.string().nullable(),
    /** ISO yyyy-mm-dd. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    session: z.string().nullable(),
    number: z.string().nullable(),
    signer: z.string().nullable(),
    signerTitle: z.string().nullable(),
    /** The attached instruments, in order; absent when there are none. */
    instruments: z.array(InstrumentMetaSchema).min(1).optional(),
  })
  .strict();
export type Meta = z.infer<typeof MetaSchema>;

export const DocumentSchema = z
  .object({
    /** Version of this format; bumped on any incompatible change. */
    format: z.literal(1),
    meta: MetaSchema,
    nodes: z.array(DocNodeSchema),
  })
  .strict();
export type Document = z.infer<typeof DocumentSchema>;
