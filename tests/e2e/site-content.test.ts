import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlElement } from 'html-validate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load.ts';
import type { Document } from '../../src/lib/document/schema.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import { aknEids } from '../../src/lib/vocabulary/eids.ts';
import { place } from '../../src/lib/mdx/emit.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { attr, decodeEntities, parseHtml } from '../support/html.ts';
import { PROJECT_ROOT } from '../support/server.ts';

/**
 * The seed as built: every word of the source on the full-text page in order, and every node's
 * element, with its id, on the page that holds it.
 */

const distDir = inject('distDir');
const DOC = 'quang-ninh-ktxh-2026';
const SEED = join(PROJECT_ROOT, 'seeds', `${DOC}.txt`);
let document: Document;
let fullText: HtmlElement;

/** A built page of the document. */
async function page(slug: string): Promise<HtmlElement> {
  return parseHtml(readFileSync(join(distDir, DOC, slug, 'index.html'), 'utf8'));
}

/** Words split on white space, as a reader counts them. */
function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** The document's own lines on a page (headings, running text, paragraphs), in page order. */
function documentLines(root: HtmlElement): string[] {
  const lines: string[] = [];
  const visit = (element: HtmlElement): void => {
    const classes = (attr(element, 'class') ?? '').split(/\s+/);
    if (classes.some((c) => c === 'n-h' || c === 'n-t' || c === 'n-p')) {
      lines.push(decodeEntities(element.textContent));
      return;
    }
    for (const child of element.childElements) visit(child);
  };
  for (const reading of root.querySelectorAll('.reading')) visit(reading);
  return lines;
}

beforeAll(async () => {
  document = loadDocumentFile(SEED).document;
  fullText = await page('toan-van');
});

describe('the seed on the site', () => {
  it('has every word of the source on the full-text page, in order, and nothing else', () => {
    const source = words(normalizeText(readFileSync(SEED, 'utf8')));
    expect(words(documentLines(fullText).join(' '))).toEqual(source);
  });

  it('has every word of the source across the section pages, read in order', async () => {
    const { sections } = place(document);
    const lines: string[] = [];
    for (const section of sections) lines.push(...documentLines(await page(section.slug)));
    expect(words(lines.join(' '))).toEqual(words(normalizeText(readFileSync(SEED, 'utf8'))));
  });

  it('gives every node one element with its id, on its page and on the full text', async () => {
    const { pageOf } = place(document);
    const pages = new Map<string, HtmlElement>();
    for (const node of flatten(document.nodes)) {
      const slug = pageOf.get(node.id) ?? '';
      if (!pages.has(slug)) pages.set(slug, await page(slug));
      for (const [where, root] of [
        [slug, pages.get(slug)],
        ['toan-van', fullText],
      ] as const) {
        expect(root?.querySelectorAll(`[id="${node.id}"]`), `${where}#${node.id}`).toHaveLength(1);
      }
    }
  });

  it('marks each citable unit for search with its citation, and keeps the full text out', async () => {
    const targets = await page('dieu-1-khoan-2');
    const seven = targets.querySelector('[id="chi-tieu-7"]');
    expect(attr(seven as HtmlElement, 'data-pagefind-title')).toBe(
      'Điều 1 › khoản 2 › điểm a › chỉ tiêu 7 — Phấn đấu thành lập mới đạt trên 2.500 doanh nghiệp/năm.',
    );
    expect(targets.querySelectorAll('[data-pagefind-body]')).toHaveLength(1);
    for (const slug of ['toan-van', '', 'van-ban-dan-chieu', 'thuat-ngu']) {
      expect((await page(slug)).querySelectorAll('[data-pagefind-body]'), slug).toHaveLength(0);
    }
  });

  it("keeps each unit's Akoma Ntoso eId as data, out of the reader's text", async () => {
    const eids = aknEids(document);
    const { pageOf } = place(document);
    for (const id of ['dieu-1', 'dieu-1.khoan-3-2.diem-b', 'chi-tieu-7', 'dieu-2.khoan-1']) {
      const root = await page(pageOf.get(id) ?? '');
      const unit = root.querySelector(`[id="${id}"]`);
      expect(unit?.getAttributeValue('data-eid'), id).toBe(eids.get(id));
      expect(unit?.querySelector('.n-cite')?.textContent ?? '', id).not.toContain('__');
    }
    expect(eids.get('dieu-1.khoan-3-2.diem-b')).toMatch(/^art_1__para_3__/);
  });
});
