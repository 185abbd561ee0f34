/**
 * The one place where MDX text is made and read. MDX is always produced from an mdast tree by
 * `remark-stringify` with `remark-mdx`, never by joining strings, so `{`, `<`, `*`, `#` and the
 * like in the source text are escaped by the serializer that knows MDX's grammar.
 */
import type { Root } from 'mdast';
import type { Handle, Options as ToMarkdownExtension, Unsafe } from 'mdast-util-to-markdown';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';

/**
 * `remark-mdx` escapes `{` and `<` but not a line that begins with `import` or `export`: MDX
 * would read such a paragraph as an ES module statement and the build would fail. Encoding the
 * first letter as a character reference (`&#x69;mport`) keeps the words and defuses the keyword.
 */
export const esmGuard: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport' },
  { character: 'e', atBreak: true, after: 'xport' },
];

/** Frontmatter: written verbatim between `---` fences, as every MDX front end expects. */
const frontmatterHandler: Handle = (node) => `---\n${(node as { value: string }).value}\n---`;

/** The extensions we add to `mdast-util-to-markdown`. */
const extension: ToMarkdownExtension = {
  unsafe: esmGuard,
  handlers: { yaml: frontmatterHandler },
};

/**
 * Registers our extension through the processor's `data`: `remark-stringify` replaces
 * `options.extensions` with what it finds in `data('toMarkdownExtensions')`, so that is the
 * only place an extension survives.
 */
function remarkMdxGuard(this: Processor): void {
  const data = this.data();
  const list = (data.toMarkdownExtensions ??= []);
  list.push(extension);
}

/** A processor that turns mdast (with MDX nodes) into MDX text. */
function stringifier() {
  return unified().use(remarkMdx).use(remarkMdxGuard).use(remarkStringify, {
    bullet: '-',
    emphasis: '_',
    fences: true,
    rule: '-',
  });
}

/** One frozen processor for every page: building and freezing one costs more than a page. */
let shared: ReturnType<typeof stringifier> | undefined;

/** Serializes an mdast tree to MDX text. */
export function toMdx(tree: Root): string {
  shared ??= stringifier().freeze();
  return shared.stringify(tree);
}

/** Parses MDX text back to mdast, as the MDX compiler reads it; used to prove round trips. */
export function parseMdx(text: string): Root {
  return unified().use(remarkParse).use(remarkMdx).parse(text);
}
