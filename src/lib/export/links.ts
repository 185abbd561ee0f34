/**
 * Where the open data points to. Published files outlive the build, so their links must be
 * the public address of each clause: absolute URLs from `SITE_URL` (the origin the site is
 * published at, see docs/deploy.md). Without it the build cannot know that address, so the
 * files carry site-relative paths ("/quang-ninh-ktxh-2026/dieu-1-khoan-2/#chi-tieu-7") and the
 * build says so in one line (`src/integrations/open-data.ts`), rather than writing a development address such as
 * http://localhost:4321 into data meant for others.
 */
import { z } from 'zod';

/** The build's public origin: an http(s) URL. */
const SiteUrlSchema = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');

/** The one line the build prints when `SITE_URL` is unset. */
export const RELATIVE_LINKS_WARNING =
  'SITE_URL is not set: the open-data files link each clause by a site-relative path; set SITE_URL=https://… for absolute links';

/** The public origin from the environment, null when unset; one-line error when malformed. */
export function publicSite(env: Record<string, string | undefined> = process.env): URL | null {
  const value = env['SITE_URL']?.trim();
  if (!value) return null;
  const parsed = SiteUrlSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`SITE_URL=${value}: ${parsed.error.issues[0]?.message ?? 'not a URL'}`);
  }
  return new URL(parsed.data);
}

/** A site path (base included) as the open data writes it: absolute when the origin is known. */
export function publicUrl(path: string, site: URL | null): string {
  return site ? new URL(path, site).href : path;
}
