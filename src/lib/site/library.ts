/**
 * The documents of the site as the pages need them, read once from the content collections.
 * This is the only module that talks to `astro:content`; the logic lives in pure helpers.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { DocNode, Document } from '../document/schema.ts';
import { walk } from '../document/tree.ts';
import type { PageRef } from './outline.ts';
import { DOCUMENT_PAGES, type DocumentPageKey } from '../vocabulary/pages.ts';

export type PageEntry = CollectionEntry<'pages'>;

export interface DocData {
  slug: string;
  document: Document;
  /** Section pages in reading order. */
  pages: PageEntry[];
  refs: PageRef[];
  /** Node id → page slug. */
  pageOf: Map<string, string>;
  /** Node id → ancestors, outermost first. */
  ancestors: Map<string, DocNode[]>;
  /** Node id → node. */
  nodes: Map<string, DocNode>;
}

/** Joins one document's tree with its pages. */
function assemble(slug: string, document: Document, pages: PageEntry[]): DocData {
  const sorted = [...pages].sort((a, b) => a.data.order - b.data.order);
  const pageOf = new Map<string, string>();
  for (const page of sorted) for (const id of page.data.ids) pageOf.set(id, page.data.page);
  const ancestors = new Map<string, DocNode[]>();
  const nodes = new Map<string, DocNode>();
  walk(document.nodes, (node, above) => {
    ancestors.set(node.id, above);
    nodes.set(node.id, node);
  });
  const refs = sorted.map((p) => ({
    page: p.data.page,
    title: p.data.title,
    order: p.data.order,
    opening: p.data.opening,
  }));
  return { slug, document, pages: sorted, refs, pageOf, ancestors, nodes };
}

/** Reads every document with its pages, sorted by slug. */
async function load(): Promise<DocData[]> {
  const [documents, pages] = await Promise.all([
    getCollection('documents'),
    getCollection('pages'),
  ]);
  const byDoc = new Map<string, PageEntry[]>();
  for (const page of pages) {
    const list = byDoc.get(page.data.doc) ?? [];
    list.push(page);
    byDoc.set(page.data.doc, list);
  }
  return documents
    .map((entry) => {
      const slug = entry.id.split('/')[0] ?? entry.id;
      return assemble(slug, entry.data, byDoc.get(slug) ?? []);
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

let cached: Promise<DocData[]> | undefined;

/** Every document; read once per build (re-read on every request in development). */
export function library(): Promise<DocData[]> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

/** Static paths for a page that exists once per document: `/<doc>/…`, with the document as prop. */
export async function perDocumentPaths(): Promise<
  { params: { doc: string }; props: { doc: DocData } }[]
> {
  const docs = await library();
  return docs.map((doc) => ({ params: { doc: doc.slug }, props: { doc } }));
}

/** Static paths of one of a document's own pages (`DOCUMENT_PAGES`): the documents that have it. */
export function documentPagePaths(
  key: DocumentPageKey,
): () => Promise<{ params: { doc: string }; props: { doc: DocData } }[]> {
  return async () =>
    (await perDocumentPaths()).filter((path) =>
      DOCUMENT_PAGES[key].exists(path.props.doc.document),
    );
}
