/**
 * A page's content as an HTML fragment, rendered once from the mdast that the MDX is written
 * from, as the MDX compiler would render it: a paragraph holding only a component is unwrapped,
 * the page's top-level blocks are joined by a line break and a component's children by nothing,
 * and every word of the source is escaped text.
 */
import type { RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { COMPONENTS, type Attributes, type ComponentContext } from './components.ts';
import { escapeText } from './escape.ts';

/** A node the builder puts in a page body. */
type BodyNode = RootContent | MdxJsxFlowElement['children'][number];

/**
 * An attribute value as MDX reads it. The builder writes every `&` of a value as `&#x26;`
 * (`src/lib/mdx/attributes.ts`) and MDX decodes it back; nothing else is encoded.
 */
function attributeValue(value: string): string {
  return value.replace(/&#x26;/g, '&');
}

/** The string attributes of an element, decoded. */
function attributesOf(node: MdxJsxFlowElement | MdxJsxTextElement): Attributes {
  const values: Record<string, string> = {};
  for (const attr of node.attributes) {
    if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') {
      throw new Error(`<${node.name ?? ''}>: only string attributes are rendered`);
    }
    values[attr.name] = attributeValue(attr.value);
  }
  return values;
}

/** One node and everything under it. */
function renderNode(node: BodyNode, context: ComponentContext): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.value);
    case 'paragraph':
      return renderChildren(node.children, context);
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const component = COMPONENTS[node.name ?? ''];
      if (!component) throw new Error(`<${node.name ?? ''}>: not a content component`);
      return component(attributesOf(node), renderChildren(node.children, context), context);
    }
    default:
      throw new Error(`${node.type}: not a node the content builder makes`);
  }
}

/** Children of a component or paragraph, side by side. */
function renderChildren(children: readonly BodyNode[], context: ComponentContext): string {
  let html = '';
  for (const child of children) html += renderNode(child, context);
  return html;
}

/** The body of a page (its top-level blocks, without frontmatter) as an HTML fragment. */
export function renderBody(body: readonly RootContent[], context: ComponentContext): string {
  return body
    .filter((node) => node.type !== 'yaml')
    .map((node) => renderNode(node, context))
    .join('\n');
}
