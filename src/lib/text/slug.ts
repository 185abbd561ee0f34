import { fold } from './fold.ts';

/** A lower-case, hyphenated, URL-safe slug of any Vietnamese phrase ("Điều 1" → "dieu-1"). */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
