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

/** What `patternsIn` knows of one list of patterns, worked out on its first use. */
interface PatternTable {
  /** The distinct characters of the patterns, in their first pattern's order. */
  characters: string[];
  /** For each ASCII code, the position of its character in `characters`, or -1. */
  ascii: Int16Array;
  /** Positions of the characters that are not one ASCII code, looked for with `includes`. */
  wide: number[];
  /** The patterns kept for each set of characters present, keyed by their positions. */
  kept: Map<string, Unsafe[]>;
}

/** Tables of the pattern lists met so far (a serializer keeps one list per run). */
const tables = new WeakMap<Unsafe[], PatternTable>();

/** Sets of present characters remembered per list; texts share few, but nothing is unbounded. */
const KEPT_SETS = 4096;

/** The table of a pattern list. */
function tableOf(all: Unsafe[]): PatternTable {
  let table = tables.get(all);
  if (table) return table;
  const characters = [...new Set(all.map((pattern) => pattern.character))];
  const ascii = new Int16Array(128).fill(-1);
  const wide: number[] = [];
  characters.forEach((character, at) => {
    const code = character.charCodeAt(0);
    if (character.length === 1 && code < 128) ascii[code] = at;
    else wide.push(at);
  });
  table = { characters, ascii, wide, kept: new Map() };
  tables.set(all, table);
  return table;
}

/**
 * The patterns of `all` whose character occurs in `value`, in their order. One pass over the
 * text finds its ASCII pattern characters; the filtered list is shared by every text with the
 * same characters, since most texts hold the same few (a space, a full stop, "i", "e").
 */
export function patternsIn(all: Unsafe[], value: string): Unsafe[] {
  const table = tableOf(all);
  const present = new Uint8Array(table.characters.length);
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 128) {
      const at = table.ascii[code] as number;
      if (at >= 0) present[at] = 1;
    }
  }
  for (const at of table.wide) if (value.includes(table.characters[at] as string)) present[at] = 1;
  let key = '';
  for (let at = 0; at < present.length; at++) if (present[at]) key += String.fromCharCode(at);
  let kept = table.kept.get(key);
  if (!kept) {
    const found = new Set(table.characters.filter((_, at) => present[at]));
    kept = all.filter((pattern) => found.has(pattern.character));
    if (table.kept.size < KEPT_SETS) table.kept.set(key, kept);
  }
  return kept;
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
  // Only patterns whose character occurs in the first two code units (one character) can start it.
  const escapedAtStart = patternsIn(state.unsafe, value.slice(0, 2)).some((pattern) => {
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
