/**
 * The one place where MDX text is made and read. MDX is always produced from an mdast tree by
 * `remark-stringify` with `remark-mdx`, never by joining strings, so `{`, `<`, `*`, `#` and the
 * like in the source text are escaped by the serializer that knows MDX's grammar.
 */
import type { Root, Text } from 'mdast';
import {
  defaultHandlers,
  type Handle,
  type Handlers,
  type Options as ToMarkdownExtension,
  type Unsafe,
} from 'mdast-util-to-markdown';
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

/** The distinct characters of a serializer's unsafe patterns, per pattern list. */
const charactersOf = new WeakMap<Unsafe[], string[]>();

/** The patterns of `all` whose character occurs in `value`, in their order. */
export function patternsIn(all: Unsafe[], value: string): Unsafe[] {
  let characters = charactersOf.get(all);
  if (!characters) {
    characters = [...new Set(all.map((pattern) => pattern.character))];
    charactersOf.set(all, characters);
  }
  const present = new Set(characters.filter((character) => value.includes(character)));
  return all.filter((pattern) => present.has(pattern.character));
}

/**
 * Text, escaped by the serializer's own rules, shown only the patterns whose character occurs
 * around it: every pattern's expression matches its character literally, so the others cannot
 * match, and trying all of them on every text took over a third of the time spent writing MDX.
 */
const textHandler: Handle = (node: Text, parent, state, info) => {
  const all = state.unsafe;
  state.unsafe = patternsIn(all, `${info.before}${node.value}${info.after}`);
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = all;
  }
};

/**
 * The first character of a text as `textHandler` would write it, which the serializer asks of a
 * text that follows another inline node (to know what stands after that node). It asks with
 * nothing before and after the text, so an escape can start the written text only where a
 * pattern's expression matches at its very start; otherwise the text starts as written. Only
 * then is the text written whole, where it was written twice for every inline node before it.
 */
const textPeek: Handle = (node: Text, parent, state, info) => {
  const value = node.value;
  const escapedAtStart = state.unsafe.some((pattern) => {
    if (!value.startsWith(pattern.character)) return false;
    const expression = state.compilePattern(pattern);
    expression.lastIndex = 0;
    const match = expression.exec(value);
    expression.lastIndex = 0;
    return match !== null && match.index === 0 && (match[1]?.length ?? 0) === 0;
  });
  return escapedAtStart ? textHandler(node, parent, state, info) : value;
};

/** The handlers we add to `mdast-util-to-markdown`'s own. */
const handlers: Partial<Handlers> = {
  yaml: frontmatterHandler,
  text: Object.assign(textHandler, { peek: textPeek }),
};

/**
 * A processor that turns mdast (with MDX nodes) into MDX text, with the guard and `added`
 * handlers (ours unless given; the tests pass none to compare with the serializer's own).
 * `remark-stringify` replaces `options.extensions` with what it finds in the processor's
 * `data('toMarkdownExtensions')`, so that is the only place an extension survives.
 */
export function stringifier(added: Partial<Handlers> = handlers) {
  const extension: ToMarkdownExtension = { unsafe: esmGuard, handlers: added };
  return unified()
    .use(remarkMdx)
    .use(function remarkMdxGuard(this: Processor) {
      (this.data().toMarkdownExtensions ??= []).push(extension);
    })
    .use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-' });
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
