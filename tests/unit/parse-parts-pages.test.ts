/**
 * The parts the parser reads reach the reader: an attached instrument gets its own pages, table
 * of contents and citations ("Điều 5 Quy chế ban hành kèm theo Quyết định số …"), tables become
 * HTML tables, quotations are set apart, and the open-data exports carry them all (the Akoma
 * Ntoso file still valid against the OASIS schema).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/lib/analysis/abbreviations.ts';
import { compileDocument, type Compiled } from '../../src/lib/build/compile.ts';
import { deployOf } from '../../src/lib/build/deploy.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { Document } from '../../src/lib/document/schema.ts';
import { flatten, walk } from '../../src/lib/document/tree.ts';
import { toAkomaNtoso } from '../../src/lib/export/akn.ts';
import { toDocumentJson } from '../../src/lib/export/json.ts';
import { place } from '../../src/lib/mdx/emit.ts';
import { tableOfContents } from '../../src/lib/site/outline.ts';
import { readerCitation } from '../../src/lib/vocabulary/citation.ts';
import { aknSchemaFile } from '../support/shared.ts';

/** A hand-made fixture, parsed. */
function fixture(name: string): Document {
  return parseDocument(readFileSync(`tests/fixtures/handmade/${name}.txt`, 'utf8')).document;
}

/** Everything the build makes of a fixture. */
function compiled(name: string): Compiled {
  const glossary = loadGlossary('content/glossary.json');
  return compileDocument('thu-nghiem', `${name}.txt`, fixture(name), [], glossary, deployOf({}));
}

/** The Vietnamese citation of a node by id. */
function citeById(document: Document, id: string): string {
  let found = '';
  walk(document.nodes, (node, ancestors) => {
    if (node.id === id) found = readerCitation(node, ancestors);
  });
  return found;
}

describe('an attached regulation on the site', () => {
  const document = fixture('quyet-dinh-quy-che');
  const made = compiled('quyet-dinh-quy-che');

  it('has pages of its own, titled with the regulation', () => {
    const pages = made.pages.pages.map((p) => [p.page, p.title]);
    expect(pages).toContainEqual([
      'dieu-2',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 4 năm 2025.',
    ]);
    expect(pages).toContainEqual(['quy-che-dieu-1', 'Điều 1. Phạm vi điều chỉnh · Quy chế']);
    expect(pages).toContainEqual(['quy-che-dieu-5', 'Điều 5. Nhiệm vụ của Ban quản lý · Quy chế']);
  });

  it('is cited small to big, naming the regulation before the decision', () => {
    expect(citeById(document, 'dieu-1')).toBe('Điều 1');
    expect(citeById(document, 'quy-che.dieu-5.khoan-1')).toBe(
      'khoản 1 Điều 5 Quy chế ban hành kèm theo',
    );
    const page = made.fragments.sections['quy-che-dieu-5'] ?? '';
    expect(page).toContain('data-copy="quy-che.dieu-5"> Điều 5 Quy chế ban hành kèm theo </p>');
  });

  it('has its own table of contents under its title, chapters and articles nested', () => {
    const placement = place(document);
    const pages = made.pages.pages.map((p) => ({
      page: p.page,
      title: p.title,
      order: p.order,
      opening: p.opening,
    }));
    const toc = tableOfContents(document.nodes, placement.pageOf, pages, 'Phần mở đầu');
    const regulation = toc.filter((e) => e.id?.startsWith('quy-che'));
    expect(regulation.slice(0, 4).map((e) => [e.id, e.depth, e.title])).toEqual([
      [
        'quy-che',
        0,
        'QUY CHẾ Quản lý và sử dụng nhà văn hóa thôn, tổ dân phố trên địa bàn tỉnh Thử Nghiệm',
      ],
      ['quy-che.chuong-i', 1, 'Chương I QUY ĐỊNH CHUNG'],
      ['quy-che.dieu-1', 2, 'Điều 1. Phạm vi điều chỉnh'],
      ['quy-che.dieu-2', 2, 'Điều 2. Đối tượng áp dụng'],
    ]);
    expect(regulation.map((e) => e.id)).toContain('quy-che.chuong-ii.muc-1');
  });

  it('keeps every word of the regulation on its pages, once', () => {
    const words = (html: string): string[] =>
      html.replace(/<[^>]*>/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
    const regulation = document.nodes.find((n) => n.kind === 'instrument');
    const own = flatten(regulation?.children ?? []).flatMap((n) =>
      [n.label, n.heading, n.text].flatMap((s) => (s ? (s.match(/[\p{L}\p{N}]+/gu) ?? []) : [])),
    );
    const pages = made.pages.pages
      .filter((p) => p.page.startsWith('quy-che'))
      .map((p) => made.fragments.sections[p.page] ?? '')
      .join(' ');
    const shown = words(pages.replace(/<p class="n-cite"[^>]*>[^<]*<\/p>/g, ''));
    expect(shown.join(' ')).toContain(own.slice(0, 40).join(' '));
    expect(shown.filter((w) => w === 'Điều')).toHaveLength(own.filter((w) => w === 'Điều').length);
  });
});

describe('tables and quotations on the page', () => {
  it('renders an appendix table as a table, header cells as column headers', () => {
    const page = compiled('phu-luc-mau').fragments.sections['phu-luc-i'] ?? '';
    expect(page).toContain('<table class="n-table" id="phu-luc-i.bang-1">');
    expect(page).toContain('<th scope="col">STT</th>');
    expect(page).toContain('<td>Tư vấn thành lập</td>');
    expect(page).toMatch(/<tr><td><\/td><td>Tổng cộng<\/td><td>15<\/td><\/tr>/);
  });

  it('sets quoted replacement text apart, inside the clause that introduces it', () => {
    const page = compiled('luat-sua-doi').fragments.sections['mo-dau'] ?? '';
    const quote =
      /<blockquote class="n-q" id="dieu-1\.khoan-2\.trich-dan-1"[^>]*>(.*?)<\/blockquote>/s.exec(
        page,
      );
    expect(quote?.[1]).toContain('“Điều 5. Chính sách của Nhà nước về phát triển thư viện');
    expect(page.indexOf('id="dieu-1.khoan-2"')).toBeLessThan(
      page.indexOf('id="dieu-1.khoan-2.trich-dan-1"'),
    );
  });
});

describe('open data of the new parts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parts-akn-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    'quyet-dinh-quy-che',
    'thong-tu-hai-quy-dinh',
    'phu-luc-mau',
    'luat-sua-doi',
    'bo-luat-phan-chuong-muc',
    'ke-hoach',
    'hop-nhat-dieu-danh-dau',
  ])('%s: the Akoma Ntoso export validates against the OASIS schema', (name) => {
    const file = join(dir, `${name}.akn.xml`);
    writeFileSync(file, toAkomaNtoso(fixture(name), { doc: name }));
    const run = spawnSync('xmllint', ['--noout', '--schema', aknSchemaFile(), file], {
      encoding: 'utf8',
    });
    expect(run.error).toBeUndefined();
    expect(run.stderr.trim()).toBe(`${file} validates`);
    expect(run.status).toBe(0);
  });

  it('puts the regulation, its units and the instruments list in the JSON export', () => {
    const json = JSON.parse(toDocumentJson(fixture('quyet-dinh-quy-che'))) as Document;
    expect(json.meta.instruments?.map((i) => i.id)).toEqual(['quy-che']);
    expect(flatten(json.nodes).some((n) => n.id === 'quy-che.dieu-7')).toBe(true);
  });

  it('names the regulation units in the Akoma Ntoso export under their container', () => {
    const xml = toAkomaNtoso(fixture('quyet-dinh-quy-che'), { doc: 'qd' });
    expect(xml).toMatch(/<hcontainer eId="hcontainer_\d+" name="van-ban-kem-theo">/);
    expect(xml).toMatch(/eId="hcontainer_\d+__chp_i__art_1"/);
  });
});
