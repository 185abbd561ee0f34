/**
 * `/<doc>/tim-kiem.json`: the name and number of a document, for the search page when a
 * search is scoped to it (`/tim-kiem/?vb=<doc>`) and for citations that name it. The search
 * index step adds the document's citable units once its pages are indexed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { perDocumentPaths, type LibraryEntry } from '../../lib/site/library';
import type { DocumentInfo } from '../../search/info';

export const getStaticPaths = perDocumentPaths satisfies GetStaticPaths;

interface Props {
  entry: LibraryEntry;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { entry } = props;
  const info: DocumentInfo = { doc: entry.slug, title: entry.name, number: entry.number };
  const body = JSON.stringify(info);
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
