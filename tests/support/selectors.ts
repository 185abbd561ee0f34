/**
 * How the browser tests find the site's parts: by role, landmark label and standard link
 * relations, the way assistive technology finds them, so the tests survive restyling.
 */

/** The table of contents: a navigation landmark named "Mục lục" (by label or heading). */
export const TOC_NAME = /^\s*mục lục\s*$/i;

/** Breadcrumbs: a navigation landmark named for the reader's path ("Đường dẫn"). */
export const BREADCRUMBS_NAME = /đường dẫn/i;

/** Previous/next section links carry the standard link relations. */
export const PREV = 'a[rel~="prev"]';
export const NEXT = 'a[rel~="next"]';

/** The header's search field. */
export const HEADER_SEARCH =
  'header [role="search"] input, header search input, header input[type="search"]';

/** The list of search results, one link per result in rank order (fixed by the search issue). */
export const SEARCH_RESULTS = '[data-search-results]';

/** A unit's one control: its accessible name speaks of citing it ("Trích dẫn … của điểm b …"). */
export const CITE_NAME = /^trích dẫn/i;

/** The actions it opens: copy the citation, copy the link. */
export const COPY_CITATION_NAME = /sao chép trích dẫn/i;
export const COPY_LINK_NAME = /sao chép liên kết/i;

/** The colour scheme toggle: its accessible name speaks of the theme ("giao diện", dark/light). */
export const THEME_TOGGLE_NAME = /giao diện|chế độ|tối|sáng/i;

/** A CSS attribute selector for an id that may contain dots. */
export function byId(id: string): string {
  return `[id="${id}"]`;
}
