/**
 * The open-data downloads, written into `dist/<doc>/du-lieu/` at build time: the document and
 * its facts as JSON, its targets and its quantified commitments as CSV, and the document as
 * Akoma Ntoso XML (`src/lib/export/`). The content step makes them once per seed
 * (`src/lib/build/compile.ts`); this route copies them into the site.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloads, type Download } from '../../../lib/export/files';
import { downloadText, library } from '../../../lib/site/library';

export const getStaticPaths = (() => {
  return library().flatMap((entry) =>
    downloads(entry.slug).map((download) => ({
      params: { doc: entry.slug, file: download.file },
      props: { slug: entry.slug, download },
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  slug: string;
  download: Download;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { slug, download } = props;
  const body = downloadText(slug, download.file);
  return new Response(body, { headers: { 'Content-Type': download.type } });
};
