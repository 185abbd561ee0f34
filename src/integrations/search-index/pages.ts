/**
 * A built site's pages as Pagefind reads them: which folders are documents, the URL of a built
 * file, and the one element of a page that Pagefind indexes, cut from the page's bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BUNDLE_DIR } from '../../search/paths';
import { belowBase } from '../page-stream';

/** The HTML files of a document's folder, its Pagefind folder aside, as site-relative paths. */
function documentFiles(siteDir: string, doc: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(path.join(siteDir, folder), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) return entry.name === BUNDLE_DIR ? [] : walk(relative);
      return entry.name.endsWith('.html') ? [relative] : [];
    });
  return walk(doc).sort();
}

/** The URL Pagefind gives a built file: "qn/dieu-1/index.html" → "/qn/dieu-1/". */
export function pageUrl(file: string): string {
  return `/${file.replace(/(?:^|\/)index\.html$/u, '/').replace(/^\/+/u, '')}`.replace(
    /\/+$/u,
    '/',
  );
}

/** The attribute that marks the element Pagefind indexes; `BODY_TAG` finds the tag bearing it. */
const BODY_MARK = 'data-pagefind-body';

/**
 * The opening tag of the element marked `data-pagefind-body`, with its name, tried at one place.
 * Attributes are parted by HTML's white space, the ASCII characters, as Pagefind's parser reads
 * them.
 */
const BODY_TAG =
  /<([a-z][a-z0-9-]*)\b[^>]*?[\t\n\f\r ]data-pagefind-body(?=[\t\n\f\r =/>])[^>]*>/iuy;

/** The `<html …>` tag, which carries the page's language. */
const HTML_TAG = /<html\b[^>]*>/iu;

/** The end of the element whose opening tag starts at `start`, past nested ones of its name. */
function elementEnd(html: string, tag: string, start: number): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'giu');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return -1;
}

/**
 * The first `most` opening tags bearing the mark, in order, as a scan of the whole page would
 * find them; only the places just before a written mark are tried. A tag holding a mark starts
 * after the last `>` before it, so the search for one starts there.
 */
function bodyTags(html: string, most: number): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  // Attribute names are read in any case: each mark is found in the page in lower case.
  const lowered = html.toLowerCase();
  let from = 0;
  for (let at = lowered.indexOf(BODY_MARK); at !== -1 && found.length < most;) {
    let start = lowered.indexOf('<', lowered.lastIndexOf('>', at) + 1);
    for (; start !== -1 && start < at; start = lowered.indexOf('<', start + 1)) {
      BODY_TAG.lastIndex = start;
      const match = BODY_TAG.exec(html);
      if (match) {
        found.push(match);
        from = start + match[0].length;
        break;
      }
    }
    at = lowered.indexOf(BODY_MARK, Math.max(from, at + 1));
  }
  return found;
}

/**
 * What Pagefind needs of a built page, given as its bytes: the page's `<html>` tag (its
 * language) around the one element marked `data-pagefind-body`, or `null` for a page without it.
 * Once any page has that mark Pagefind reads nothing outside it and skips pages without it, so
 * the index is the same byte for byte (`tests/e2e/library-build.test.ts` checks it on the seed)
 * while Pagefind parses a sixth of the HTML: each page repeats the document's contents,
 * navigation and scripts. A page it cannot cut (several marked elements, no closing tag) is
 * handed over whole. The markup is found in the bytes read one character per byte (tags are
 * ASCII, and no byte of a longer UTF-8 character is), and only the parts kept are decoded.
 */
export function searchableHtml(bytes: Buffer): string | null {
  // Most pages of a build hold no marked element: a plain search sees that at once.
  if (!bytes.includes(BODY_MARK)) return null;
  const html = bytes.toString('latin1');
  const bodies = bodyTags(html, 2);
  const [body] = bodies;
  if (!body) return null;
  const htmlTag = HTML_TAG.exec(html);
  if (bodies.length > 1 || !htmlTag) return bytes.toString('utf8');
  const end = elementEnd(html, body[1] as string, body.index);
  if (end === -1) return bytes.toString('utf8');
  const tag = bytes.toString('utf8', htmlTag.index, htmlTag.index + htmlTag[0].length);
  const content = bytes.toString('utf8', body.index, end);
  return `<!doctype html>${tag}<head><meta charset="utf-8"></head><body>${content}</body></html>`;
}

/** A page handed to Pagefind: its URL and the HTML it reads (`searchableHtml`). */
export const IndexedPageSchema = z.object({ url: z.string(), content: z.string() }).strict();
export type IndexedPage = z.infer<typeof IndexedPageSchema>;

/** The file Astro writes a page at, relative to the site: "/<base>/qn/dieu-1/" → "qn/dieu-1/index.html". */
export function builtFile(pathname: string, base: string): string {
  const below = belowBase(pathname, base);
  return below === '' || below.endsWith('/') ? `${below}index.html` : below;
}

/**
 * What Pagefind reads of a rendered page, with its file, or null for a page it does not index.
 * Cut here, on the thread that renders the pages, so that a sixth of each page goes to the
 * helper, as text.
 */
export function renderedPage(
  pathname: string,
  base: string,
  html: Buffer,
): (IndexedPage & { file: string }) | null {
  const content = searchableHtml(html);
  if (content === null) return null;
  const file = builtFile(pathname, base);
  return { file, url: pageUrl(file), content };
}

/**
 * A document's built pages as Pagefind reads them: only what it indexes when some page marks
 * its body, every page whole when none does (Pagefind then indexes whole pages).
 */
export function searchablePages(siteDir: string, doc: string): IndexedPage[] {
  const pages = documentFiles(siteDir, doc).map((file) => ({
    url: pageUrl(file),
    html: readFileSync(path.join(siteDir, file)),
  }));
  const searchable = pages.map((page) => ({ url: page.url, content: searchableHtml(page.html) }));
  if (searchable.every((page) => page.content === null)) {
    return pages.map((page) => ({ url: page.url, content: page.html.toString('utf8') }));
  }
  return searchable.flatMap((page) =>
    page.content === null ? [] : [{ url: page.url, content: page.content }],
  );
}

/** The page every document has and nothing else has: `/<doc>/toan-van/` (`DOCUMENT_PAGES`). */
export const DOCUMENT_MARKER = 'toan-van/index.html';

/**
 * Document slugs of a built site: its top-level folders that hold a full-text page. They are
 * read from the built folder rather than from `content/`, because the bundles must sit beside
 * the pages that were actually written: `content/` is another step's output, may hold a stale
 * document or live elsewhere (the benchmark's copies, tests' sites), while `dist/` is exactly
 * what Pagefind indexes, so a slug found here always has pages to index and a URL to serve.
 */
export function documentSlugs(siteDir: string): string[] {
  return readdirSync(siteDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== BUNDLE_DIR)
    .map((entry) => entry.name)
    .filter((name) => existsSync(path.join(siteDir, name, DOCUMENT_MARKER)))
    .sort();
}
