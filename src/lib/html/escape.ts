/**
 * Escaping as Astro's renderer does it, so a fragment written here is byte for byte what the
 * same component rendered by Astro would give: text through `html-escaper` (the library Astro
 * itself uses), attributes with `&` and `"` as numeric references and an empty value as a bare
 * attribute name.
 */
import { escape } from 'html-escaper';

/** Text content: `&`, `<`, `>`, `'` and `"` become references, every other character stays. */
export function escapeText(text: string): string {
  return escape(text);
}

/** Whether a value is an absolute http(s) URL, which Astro writes unescaped when it holds `&`. */
function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** One attribute with its leading space: ` name="value"`, or ` name` when the value is empty. */
export function attribute(name: string, value: string): string {
  if (value === '') return ` ${name}`;
  if (value.includes('&') && isHttpUrl(value)) return ` ${name}="${value}"`;
  return ` ${name}="${value.replace(/&/g, '&#38;').replace(/"/g, '&#34;')}"`;
}
