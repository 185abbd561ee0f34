/** Building MDX JSX elements and their attributes. */
import type { PhrasingContent, Paragraph } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

/** Attribute values; `undefined` and `null` leave the attribute out. */
export type AttributeValues = Record<string, string | number | boolean | null | undefined>;

/**
 * Makes an attribute value survive a round trip. `mdast-util-mdx-jsx` escapes only the quote,
 * but MDX decodes character references in attribute values, so a literal `&amp;` in the
 * source would reach the page as `&`. Encoding every `&` keeps such text exactly as written.
 */
export function attributeText(value: string): string {
  return value.replace(/&/g, '&#x26;');
}

/** MDX attributes from a plain record, in the record's order. */
export function attributes(values: AttributeValues): MdxJsxAttribute[] {
  const list: MdxJsxAttribute[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    list.push({ type: 'mdxJsxAttribute', name, value: attributeText(String(value)) });
  }
  return list;
}

/** A block-level component, such as `<Clause>`, holding flow content. */
export function flowElement(
  name: string,
  values: AttributeValues,
  children: MdxJsxFlowElement['children'],
): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: attributes(values), children };
}

/** An inline component, such as `<Abbr>`, holding phrasing content. */
export function textElement(
  name: string,
  values: AttributeValues,
  children: PhrasingContent[],
): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(values), children };
}

/**
 * A paragraph holding one inline component. MDX unwraps a paragraph that holds only JSX, so the
 * component renders without a `<p>` around it, while its text stays phrasing content that the
 * serializer escapes (phrasing put directly in a flow element is not escaped reliably).
 */
export function blockOf(element: MdxJsxTextElement): Paragraph {
  return { type: 'paragraph', children: [element] };
}
