import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderedPage, searchableHtml } from '../../src/integrations/search-index/pages';

/**
 * What Pagefind is handed of a page: the marked element inside the page's `<html>` tag, cut from
 * the page's bytes. Checked against a plain reading of the rule: decode the whole page, scan it
 * for every opening tag bearing the mark, cut the one there is.
 */

/** Every opening tag bearing the mark, anywhere in the page. */
const ANY_BODY_TAG =
  /<([a-z][a-z0-9-]*)\b[^>]*?[\t\n\f\r ]data-pagefind-body(?=[\t\n\f\r =/>])[^>]*>/giu;

/** The rule read plainly, on the decoded page. */
function plainCut(html: string): string | null {
  if (!html.includes('data-pagefind-body')) return null;
  const bodies = [...html.matchAll(ANY_BODY_TAG)];
  const [body] = bodies;
  if (!body) return null;
  const htmlTag = /<html\b[^>]*>/iu.exec(html);
  if (bodies.length > 1 || !htmlTag) return html;
  const tags = new RegExp(`<(/?)${body[1] ?? ''}\\b[^>]*>`, 'giu');
  tags.lastIndex = body.index;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      const content = html.slice(body.index, match.index + match[0].length);
      return `<!doctype html>${htmlTag[0]}<head><meta charset="utf-8"></head><body>${content}</body></html>`;
    }
  }
  return html;
}

/** A page around `main`: the site's frame, with Vietnamese text outside the marked element. */
function page(main: string): string {
  return `<!doctype html><html lang="vi"><head><title>Điều 1</title></head><body><nav>Mục lục — Quảng Ninh</nav>${main}<footer>Hội đồng nhân dân</footer></body></html>`;
}

describe('the part of a page Pagefind reads', () => {
  it('is the marked element, nested elements of its kind and all, inside the html tag', () => {
    const html = page(
      '<main class="x" data-pagefind-body><main>Phát triển</main><p>du lịch</p></main>',
    );
    expect(searchableHtml(Buffer.from(html))).toBe(
      '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body><main class="x" data-pagefind-body><main>Phát triển</main><p>du lịch</p></main></body></html>',
    );
  });

  it('is nothing when the mark is only words, and the whole page when two elements bear it', () => {
    const words = page('<main><p>Thuộc tính data-pagefind-body chỉ là chữ.</p></main>');
    expect(searchableHtml(Buffer.from(words))).toBeNull();
    expect(renderedPage('/qn/dieu-1/', '/', Buffer.from(words))).toBeNull();
    const twice = page('<main data-pagefind-body>a</main><div data-pagefind-body>b</div>');
    expect(searchableHtml(Buffer.from(twice))).toBe(twice);
    const oneTag = page('<main data-pagefind-body data-pagefind-body>a</main>');
    expect(searchableHtml(Buffer.from(oneTag))).toBe(plainCut(oneTag));
    expect(searchableHtml(Buffer.from(oneTag))).not.toBe(oneTag);
  });

  it('is handed over with its file and URL', () => {
    const html = page('<main data-pagefind-body>Tỉnh</main>');
    expect(renderedPage('/qn/dieu-1/', '/', Buffer.from(html))).toEqual({
      file: 'qn/dieu-1/index.html',
      url: '/qn/dieu-1/',
      content: searchableHtml(Buffer.from(html)),
    });
  });

  it('is what the plain reading of the rule gives, on any mix of markup and Vietnamese text', () => {
    const piece = fc.constantFrom(
      '<',
      '>',
      ' ',
      '\n',
      '=',
      '/',
      '"',
      'data-pagefind-body',
      'DATA-PAGEFIND-BODY',
      '<main',
      '</main>',
      '<div',
      '</div>',
      '<html lang="vi">',
      '<p>',
      'main',
      'à',
      'ơ',
      'Đ',
      '\u00a0',
      '—',
      'x',
      '<main data-pagefind-body>',
      '<div DATA-PAGEFIND-BODY>',
      '<section class="a" data-pagefind-body="">',
      ' data-pagefind-body ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = pieces.join('');
        expect(searchableHtml(Buffer.from(html))).toBe(plainCut(html));
      }),
      { numRuns: 3000 },
    );
  });
});
