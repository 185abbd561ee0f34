import { Parser, StaticConfigLoader, type HtmlElement } from 'html-validate';

/**
 * A forgiving HTML parser for checks over built pages. html-validate's own parser is used
 * because html-validate is already a declared dependency and it parses real HTML (optional end
 * tags, raw-text elements), which a regular expression cannot.
 */

let parserPromise: Promise<Parser> | undefined;

/** One parser for the whole run: building its element table is the slow part. */
function getParser(): Promise<Parser> {
  parserPromise ??= Promise.resolve(
    new StaticConfigLoader({ extends: [] }).getConfigFor('page.html'),
  ).then((config) => new Parser(config));
  return parserPromise;
}

/** Parses a page into html-validate's DOM, whose elements support querySelectorAll. */
export async function parseHtml(source: string): Promise<HtmlElement> {
  const parser = await getParser();
  return parser.parseHtml(source);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** The parser keeps attribute values raw; URLs must be compared after entity decoding. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** An attribute's decoded value, or null when the element lacks it. */
export function attr(element: HtmlElement, name: string): string | null {
  const value = element.getAttribute(name)?.value;
  return typeof value === 'string' ? decodeEntities(value) : null;
}

const NON_TEXT_TAGS = new Set(['script', 'style', 'template', 'noscript']);

/** Elements whose edges separate words, as line breaks do in what a reader sees. */
const BLOCK_TAGS = new Set(
  'address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul'.split(
    ' ',
  ),
);

/** The words a reader gets from the body: raw-text elements excluded, whitespace collapsed. */
export function bodyText(root: HtmlElement): string {
  const body = root.querySelector('body') ?? root;
  const parts: string[] = [];
  const visit = (element: HtmlElement): void => {
    for (const child of element.childNodes) {
      if (isElement(child)) {
        if (NON_TEXT_TAGS.has(child.tagName)) continue;
        const block = BLOCK_TAGS.has(child.tagName);
        if (block) parts.push(' ');
        visit(child);
        if (block) parts.push(' ');
      } else {
        parts.push(decodeEntities(child.textContent));
      }
    }
  };
  visit(body);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Narrows html-validate's node union without importing its NodeType enum values. */
function isElement(node: unknown): node is HtmlElement {
  return typeof node === 'object' && node !== null && 'tagName' in node;
}
