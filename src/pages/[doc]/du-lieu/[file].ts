/**
 * The open-data downloads, written into `dist/<doc>/du-lieu/` at build time: the document as
 * JSON, its indicators as CSV, and the document as Akoma Ntoso XML (`src/lib/export/`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadBody, downloads, type Download } from '../../../lib/export/files';
import { library, type DocData } from '../../../lib/site/library';
import { absoluteUrl, nodeUrl } from '../../../lib/site/urls';

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

export const GET: APIRoute<Props> = ({ props, site }) => {
  const { doc, download } = props;
  const urlOf = (id: string): string =>
    absoluteUrl(nodeUrl(doc.slug, doc.pageOf.get(id) ?? '', id), site);
  const body = downloadBody(download.kind, doc.document, { doc: doc.slug, urlOf });
  return new Response(body, { headers: { 'Content-Type': download.type } });
};
