/**
 * `/<doc>/tim-kiem.json`: the name of a document, for the search page when a search is scoped to
 * it (`/tim-kiem/?vb=<doc>`). A few dozen bytes, so the static search page need not list every
 * resolution of the library to name the one searched.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { documentName } from '../../lib/site/document';
import { perDocumentPaths, type DocData } from '../../lib/site/library';

export const getStaticPaths = perDocumentPaths satisfies GetStaticPaths;

interface Props {
  doc: DocData;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { doc } = props;
  const body = JSON.stringify({ doc: doc.slug, title: documentName(doc.document, doc.slug) });
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
