import type { HtmlElement } from 'html-validate';
import { attr, parseHtml } from './html.ts';

/**
 * A link checker over a built site. Pure: it works on parsed facts and a set of file paths, so
 * its rules are unit-tested on fixtures; `tests/e2e/links.test.ts` feeds it the real `dist/`.
 */

/** One URL-bearing attribute on a page. */
export interface Reference {
  tag: string;
  attribute: string;
  value: string;
}

/** What the checker needs to know about one built HTML file. */
export interface PageFacts {
  /** Path relative to the build folder, with forward slashes: `quang-ninh-ktxh-2026/index.html`. */
  file: string;
  ids: Set<string>;
  duplicateIds: string[];
  references: Reference[];
}

/** A broken reference (or a duplicate id), named so a reader can find it. */
export interface LinkProblem {
  file: string;
  value: string;
  reason: string;
}

export interface CheckOptions {
  /** Astro's `base`, with leading and trailing slash: `/` or `/nghi-quyet/`. */
  base: string;
  /** The configured `site` origin; absolute URLs on it (canonical, Open Graph) are checked too. */
  siteOrigin?: string | undefined;
}

/** Attributes that make the browser fetch or navigate, by the elements that carry them. */
const URL_ATTRIBUTES: readonly (readonly [selector: string, attribute: string])[] = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['use[href]', 'href'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcset'],
  ['script[src]', 'src'],
  ['iframe[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['object[data]', 'data'],
  ['form[action]', 'action'],
  ['meta[property="og:url"]', 'content'],
  ['meta[property="og:image"]', 'content'],
];

/** A srcset lists several URLs, each followed by an optional descriptor. */
function splitSrcset(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Reads ids and URL-bearing attributes from one page. */
export async function readPageFacts(file: string, html: string): Promise<PageFacts> {
  const root = await parseHtml(html);
  const ids = new Set<string>();
  const duplicates = new Set<string>();
  for (const element of root.querySelectorAll('[id]')) {
    const id = attr(element, 'id') ?? '';
    if (ids.has(id)) duplicates.add(id);
    ids.add(id);
  }
  // `<a name>` is an obsolete fragment target that browsers still honour.
  for (const element of root.querySelectorAll('a[name]')) ids.add(attr(element, 'name') ?? '');
  const references: Reference[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const element of root.querySelectorAll(selector)) {
      const raw = attr(element, attribute);
      if (raw === null) continue;
      const values = attribute === 'srcset' ? splitSrcset(raw) : [raw.trim()];
      for (const value of values) references.push({ tag: tagOf(element), attribute, value });
    }
  }
  return { file, ids, duplicateIds: [...duplicates], references };
}

/** The element's tag name, for messages. */
function tagOf(element: HtmlElement): string {
  return element.tagName;
}

/** The URL path a built file is served at: `a/index.html` → `/base/a/`, `404.html` → `/base/404.html`. */
export function urlPathForFile(file: string, base: string): string {
  const path = file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
  return base + path;
}

/** The built file a URL path is served from, trying the forms a static host serves. */
export function fileForUrlPath(
  urlPath: string,
  base: string,
  files: ReadonlySet<string>,
): string | null {
  if (`${urlPath}/` === base) return files.has('index.html') ? 'index.html' : null;
  if (!urlPath.startsWith(base)) return null;
  const inside = safeDecode(urlPath.slice(base.length));
  const candidates =
    inside === '' || inside.endsWith('/')
      ? [`${inside}index.html`]
      : [inside, `${inside}/index.html`, `${inside}.html`];
  return candidates.find((candidate) => files.has(candidate)) ?? null;
}

/** A malformed percent escape must be reported as a broken link, not thrown. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** What a reference points at, seen from the page that holds it. */
export type Target =
  | { kind: 'internal'; path: string; fragment: string | null }
  | { kind: 'external' }
  | { kind: 'forbidden'; reason: string };

const PAGE_ORIGIN = 'http://site.invalid';

/** Resolves a reference against its page's URL, as the browser would. */
export function resolveReference(value: string, pageUrlPath: string, siteOrigin?: string): Target {
  if (/^\s*javascript:/i.test(value)) return { kind: 'forbidden', reason: 'javascript: URL' };
  let url: URL;
  try {
    url = new URL(value, PAGE_ORIGIN + pageUrlPath);
  } catch {
    return { kind: 'forbidden', reason: 'unparseable URL' };
  }
  const internal =
    url.origin === PAGE_ORIGIN || (siteOrigin !== undefined && url.origin === siteOrigin);
  if (!internal) return { kind: 'external' };
  const fragment = url.hash === '' ? null : safeDecode(url.hash.slice(1));
  return { kind: 'internal', path: url.pathname, fragment };
}

/** Every broken internal reference, missing fragment and duplicate id across the site. */
export function checkLinks(
  pages: readonly PageFacts[],
  files: ReadonlySet<string>,
  options: CheckOptions,
): LinkProblem[] {
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const problems: LinkProblem[] = [];
  for (const page of pages) {
    for (const id of page.duplicateIds) {
      problems.push({ file: page.file, value: `#${id}`, reason: 'duplicate id' });
    }
    const pageUrlPath = urlPathForFile(page.file, options.base);
    for (const reference of page.references) {
      const problem = checkReference(reference.value, pageUrlPath, files, byFile, options);
      if (problem !== null) {
        problems.push({
          file: page.file,
          value: reference.value,
          reason: `${reference.tag}[${reference.attribute}]: ${problem}`,
        });
      }
    }
  }
  return problems;
}

/** Why one reference is broken, or null when it is fine. */
function checkReference(
  value: string,
  pageUrlPath: string,
  files: ReadonlySet<string>,
  byFile: ReadonlyMap<string, PageFacts>,
  options: CheckOptions,
): string | null {
  const target = resolveReference(value, pageUrlPath, options.siteOrigin);
  if (target.kind === 'external') return null;
  if (target.kind === 'forbidden') return target.reason;
  const file = fileForUrlPath(target.path, options.base, files);
  if (file === null) return `no file for ${target.path}`;
  // An empty fragment (`href="#"`) and text directives (`#:~:text=`) need no id.
  if (target.fragment === null || target.fragment === '' || target.fragment.startsWith(':~:')) {
    return null;
  }
  const targetPage = byFile.get(file);
  if (targetPage === undefined) return null; // fragments into non-HTML files are not ids
  return targetPage.ids.has(target.fragment) ? null : `no id "${target.fragment}" in ${file}`;
}
