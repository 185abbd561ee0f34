/** ASCII for ids and URLs: tone marks dropped and đ written as d, since ids must be URL-safe. */
export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** A lower-case, hyphenated, URL-safe slug of any Vietnamese phrase. */
export function slugify(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
