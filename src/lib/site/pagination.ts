/** Documents per page of the home list: a fixed size, so the page weighs the same at any scale. */
export const HOME_PAGE_SIZE = 50;

/** The home list cut into pages of `size`; there is always a first page, even when empty. */
export function homePages<T>(docs: T[], size: number = HOME_PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < docs.length; i += size) pages.push(docs.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}
