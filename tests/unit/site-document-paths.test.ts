import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathsOf, type DocumentPath, type LibraryEntry } from '../../src/lib/site/library';
import {
  DOCUMENT_PAGES,
  RESERVED_SLUGS,
  type DocumentPageKey,
} from '../../src/lib/vocabulary/pages';

/**
 * The paths of the one route that renders a document's pages: every page of a document comes
 * before the next document's, since the pages keep only the latest two documents in memory.
 */

const KEYS = Object.keys(DOCUMENT_PAGES) as DocumentPageKey[];

/** A list entry with the given section pages and own pages. */
function entry(slug: string, pages: string[], ownPages: DocumentPageKey[]): LibraryEntry {
  return {
    slug,
    title: slug,
    name: slug,
    issuer: null,
    date: null,
    summary: null,
    pages,
    ownPages,
    identity: null,
    number: null,
  };
}

const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

/** Documents with distinct slugs, section slugs no own page takes, own pages in menu order. */
const entries = fc
  .uniqueArray(
    fc.record({
      slug,
      pages: fc.uniqueArray(
        slug.filter((s) => !RESERVED_SLUGS.has(s)),
        { minLength: 1, maxLength: 6 },
      ),
      own: fc.subarray(KEYS),
    }),
    { selector: (e) => e.slug, maxLength: 8 },
  )
  .map((list) => list.map((e) => entry(e.slug, e.pages, e.own)));

/** The URL of a path below the site, as Astro writes it. */
const urlOf = (path: DocumentPath): string =>
  `${path.params.doc}/${path.params.page === undefined ? '' : `${path.params.page}/`}`;

describe('the paths of a document’s pages', () => {
  it('give a document its front page, its sections in order, then its own pages', () => {
    const paths = pathsOf([entry('qn', ['mo-dau', 'dieu-1', 'dieu-2'], ['fullText', 'targets'])]);
    expect(paths.map((p) => [urlOf(p), p.props.view, p.props.page])).toEqual([
      ['qn/', 'front', ''],
      ['qn/mo-dau/', 'section', 'mo-dau'],
      ['qn/dieu-1/', 'section', 'dieu-1'],
      ['qn/dieu-2/', 'section', 'dieu-2'],
      ['qn/toan-van/', 'fullText', 'toan-van'],
      ['qn/chi-tieu/', 'targets', 'chi-tieu'],
    ]);
  });

  it('keep each document’s pages together, in the order of the documents', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const paths = pathsOf(list);
        const docs = paths.map((p) => p.params.doc);
        // Runs of one document, in the order of the list: a document never comes back.
        const runs = docs.filter((doc, i) => i === 0 || docs[i - 1] !== doc);
        expect(runs).toEqual(list.map((e) => e.slug));
        for (const e of list) {
          const mine = paths.filter((p) => p.params.doc === e.slug);
          expect(mine.every((p) => p.props.entry === e)).toBe(true);
          expect(mine.map((p) => p.props.page)).toEqual([
            '',
            ...e.pages,
            ...e.ownPages.map((key) => DOCUMENT_PAGES[key].slug),
          ]);
        }
      }),
    );
  });

  it('name every page once, with the view of its kind', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const paths = pathsOf(list);
        const urls = paths.map(urlOf);
        expect(new Set(urls).size).toBe(urls.length);
        expect(urls.length).toBe(
          list.reduce((sum, e) => sum + 1 + e.pages.length + e.ownPages.length, 0),
        );
        for (const path of paths) {
          const { view, page } = path.props;
          if (view === 'front') expect(path.params.page).toBeUndefined();
          else if (view === 'section') expect(path.params.page).toBe(page);
          else expect(path.params.page).toBe(DOCUMENT_PAGES[view].slug);
        }
      }),
    );
  });
});
