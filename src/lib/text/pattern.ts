/**
 * Escapes text for use inside a regular expression, Unicode ones included (where only syntax
 * characters may be escaped): the pattern then matches the text itself.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
