/**
 * `/<doc>/tim-kiem.json`: the name of a document, for the search page when a search is scoped to
 * it (`/tim-kiem/?vb=<doc>`). A few dozen bytes, so the static search page need not list every
 * resolution of the library to name the one searched.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { perDocumentPaths, type LibraryEntry } from '../../lib/site/library';

export const getStaticPaths = perDocumentPaths satisfies GetStaticPaths;

interface Props {
  entry: LibraryEntry;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { entry } = props;
  const body = JSON.stringify({ doc: entry.slug, title: entry.name });
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
