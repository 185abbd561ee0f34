/**
 * The open-data downloads, written into `dist/<doc>/du-lieu/` at build time: the document and
 * its facts as JSON, its targets and its quantified commitments as CSV, and the document as
 * Akoma Ntoso XML (`src/lib/export/`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadBody, downloads, type Download } from '../../../lib/export/files';
import { library, type DocData } from '../../../lib/site/library';
import { openDataUrls } from './_links';

export const getStaticPaths = (async () => {
  const docs = await library();
  return docs.flatMap((doc) =>
    downloads(doc.slug).map((download) => ({
      params: { doc: doc.slug, file: download.file },
      props: { doc, download },
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  doc: DocData;
  download: Download;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { doc, download } = props;
  const body = downloadBody(download.kind, doc.document, {
    doc: doc.slug,
    urlOf: openDataUrls(doc),
  });
  return new Response(body, { headers: { 'Content-Type': download.type } });
};
