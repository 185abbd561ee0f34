/**
 * The downloads on the dev server, at `/<doc>/du-lieu/<file>`: the document and its facts as
 * JSON, its targets and its quantified commitments as CSV, the document as Akoma Ntoso XML
 * (`src/lib/export/`), and the published file it was read from, byte for byte. The content step
 * makes them once per seed (`src/lib/build/compile.ts`) and lists what it wrote; this route
 * serves exactly that list. A build copies the same files (`open-data.ts`) instead of rendering
 * each as a page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { documentDownloads, downloadBytes, library } from '../lib/site/library';
import type { WrittenDownload } from '../lib/site/site-data';

export const getStaticPaths = (() => {
  return library().flatMap((entry) =>
    documentDownloads(entry.slug).map((download) => ({
      params: { doc: entry.slug, file: download.file },
      props: { slug: entry.slug, download },
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  slug: string;
  download: WrittenDownload;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { slug, download } = props;
  const body = downloadBytes(slug, download.file);
  return new Response(body, { headers: { 'Content-Type': download.type } });
};
