import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeRegExp } from '../../src/lib/text/pattern.ts';
import { htmlFiles } from './dist.ts';
import { urlPathForFile } from './links.ts';

/** Finding the pages a test needs in the build, instead of hard-coding where a clause lives. */

/** The full-text page's folder name: `/<doc>/toan-van/`. */
export const FULL_TEXT = 'toan-van';

/** Documents in a build: each has a full-text page at `<doc>/toan-van/index.html`. */
export function documentSlugs(files: ReadonlySet<string>): string[] {
  return [...files]
    .map((file) => /^([^/]+)\/toan-van\/index\.html$/.exec(file)?.[1])
    .filter((slug): slug is string => slug !== undefined)
    .sort();
}

/** True when the markup has an element whose id is exactly `id`. */
export function hasId(html: string, id: string): boolean {
  return new RegExp(
    `\\sid=(?:"${escapeRegExp(id)}"|'${escapeRegExp(id)}'|${escapeRegExp(id)}[\\s>])`,
  ).test(html);
}

/**
 * The section page (not the full text, which holds every id too) whose markup carries `id`,
 * so a deep link goes where a reader's citation would.
 */
export function sectionFileWithId(
  distDir: string,
  files: ReadonlySet<string>,
  doc: string,
  id: string,
): string {
  const candidates = htmlFiles(files).filter(
    (file) => file.startsWith(`${doc}/`) && !file.startsWith(`${doc}/${FULL_TEXT}/`),
  );
  const found = candidates.find((file) => hasId(readFileSync(join(distDir, file), 'utf8'), id));
  if (found === undefined) throw new Error(`no page of ${doc} carries id="${id}"`);
  return found;
}

/** The absolute URL a built file is served at by the preview server. */
export function urlFor(baseUrl: string, file: string): string {
  const base = new URL(baseUrl).pathname;
  return new URL(urlPathForFile(file, base), baseUrl).href;
}
