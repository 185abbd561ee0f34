/**
 * Pages of a document that other parts of the project add under `src/pages/[doc]/`: the targets
 * overview and the open-data page. Links to them appear only when their route exists, so the
 * reading site never links to a page that is not built.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pageUrl } from './urls.ts';
import { ui } from './strings.ts';

/** Whether a route folder exists under `src/pages/[doc]/`; builds run from the project root. */
function hasRoute(folder: string): boolean {
  return existsSync(join(process.cwd(), 'src', 'pages', '[doc]', folder, 'index.astro'));
}

const routes = { overview: hasRoute('chi-tieu'), openData: hasRoute('du-lieu-mo') };

/** A link to one of those pages. */
export interface ExtraPage {
  key: string;
  label: string;
  href: string;
}

/** The extra pages of a document that exist in this build, in menu order. */
export function extraPages(doc: string): ExtraPage[] {
  const pages: ExtraPage[] = [];
  if (routes.overview) {
    pages.push({ key: 'chi-tieu', label: ui.targetsOverview, href: pageUrl(doc, 'chi-tieu') });
  }
  if (routes.openData) {
    pages.push({ key: 'du-lieu-mo', label: ui.openData, href: pageUrl(doc, 'du-lieu-mo') });
  }
  return pages;
}
