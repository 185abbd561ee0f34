/**
 * Where the open data of a document links each node: the node's page on the public site,
 * absolute when the build knows its address (`SITE_URL`), else a site-relative path
 * (`src/lib/export/links.ts`; the build warns in one line). The downloads and the page that lists them
 * both use it, so the sizes the page shows are the sizes of the files.
 */
import type { UrlOf } from '../../../lib/export/csv';
import { publicSite, publicUrl } from '../../../lib/export/links';
import type { DocData } from '../../../lib/site/library';
import { nodeUrl } from '../../../lib/site/urls';

/** The link of every node of one document, as the open data writes it. */
export function openDataUrls(doc: DocData): UrlOf {
  const site = publicSite();
  return (id) => publicUrl(nodeUrl(doc.slug, doc.pageOf.get(id) ?? '', id), site);
}
