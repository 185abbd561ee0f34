import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HtmlElement } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longCode } from '../../scripts/bench/laws.ts';
import { loadGlossary } from '../../src/lib/analysis/abbreviations.ts';
import { compileDocument } from '../../src/lib/build/compile.ts';
import { deployOf } from '../../src/lib/build/deploy.ts';
import { writeLibrary } from '../../src/lib/build/run.ts';
import { writeCompiled } from '../../src/lib/build/task.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { DocNode, Document } from '../../src/lib/document/schema.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import { place } from '../../src/lib/mdx/emit.ts';
import { normalizeText } from '../../src/lib/text/normalize.ts';
import { formatFinding, runAxe } from '../support/axe.ts';
import { collectPageErrors, newContext } from '../support/browsing.ts';
import { launchChromium } from '../support/chromium.ts';
import { htmlFiles, listFiles, readText, runInProject } from '../support/dist.ts';
import { attr, decodeEntities, parseHtml } from '../support/html.ts';
import { checkLinks, readPageFacts } from '../support/links.ts';
import { byId, CITE_NAME } from '../support/selectors.ts';
import { PROJECT_ROOT, startPreview, type PreviewServer } from '../support/server.ts';

/**
 * A real build of documents with the parts beyond a resolution's body: a decision with its
 * attached regulation, a resolution with an appendix table and model forms, an amending law
 * with quotations, and a code of 90 articles whose pages show part of the table of contents.
 * Every word of each source reaches its pages in order (the regulation, the table's cells and
 * the quoted text included); every unit has its anchor; the regulation's units are cited with
 * the decision that issues it; and the pages that show these parts pass axe in light and dark
 * mode and fit 320 px.
 */

const FIXTURES = ['quyet-dinh-quy-che', 'phu-luc-mau', 'luat-sua-doi', 'bo-luat-dai'] as const;
type Fixture = (typeof FIXTURES)[number];

/** The code, made here rather than kept as a fixture file: 3 chapters of 30 articles. */
const CODE_CHAPTERS = 3;
const CODE_ARTICLES = 30;

/** Pages that show each new part: the regulation, a table, quotations, the full text. */
const PAGES = [
  'quyet-dinh-quy-che/',
  'quyet-dinh-quy-che/quy-che-dieu-1/',
  'quyet-dinh-quy-che/quy-che-dieu-4/',
  'quyet-dinh-quy-che/toan-van/',
  'phu-luc-mau/phu-luc-i/',
  'phu-luc-mau/phu-luc-ii-mau-01-dieu-1/',
  'luat-sua-doi/mo-dau/',
  'bo-luat-dai/dieu-45/',
];

/** How each document names itself at the end of a citation. */
const DOCUMENT_NAMES: Record<Fixture, string> = {
  'quyet-dinh-quy-che':
    'Quyết định số 15/2025/QĐ-UBND ngày 20/03/2025 của Ủy ban nhân dân tỉnh Thử Nghiệm',
  'phu-luc-mau':
    'Nghị quyết số 21/2025/NQ-HĐND ngày 09/07/2025 của Hội đồng nhân dân tỉnh Thử Nghiệm',
  'luat-sua-doi': 'Luật số 12/2025/QH15 ngày 24/06/2025 của Quốc hội',
  'bo-luat-dai': 'Luật số 88/2025/QH15 ngày 20/11/2025 của Quốc hội',
};

/** Units and the citation line each shows: small to big, the container named after the unit. */
const CITATIONS: [Fixture, string, string][] = [
  ['quyet-dinh-quy-che', 'dieu-1', 'Điều 1'],
  ['quyet-dinh-quy-che', 'quy-che.dieu-5', 'Điều 5 Quy chế ban hành kèm theo'],
  [
    'quyet-dinh-quy-che',
    'quy-che.dieu-4.khoan-1.diem-a',
    'điểm a khoản 1 Điều 4 Quy chế ban hành kèm theo',
  ],
  ['quyet-dinh-quy-che', 'quy-che.chuong-ii.muc-1', 'Mục 1 Chương II Quy chế ban hành kèm theo'],
  ['phu-luc-mau', 'phu-luc-i', 'Phụ lục I'],
  ['phu-luc-mau', 'phu-luc-ii.mau-01.dieu-1', 'Điều 1 Mẫu số 01 Phụ lục II'],
  ['luat-sua-doi', 'dieu-1.khoan-2', 'khoản 2 Điều 1'],
];

/** Section pages and the citation of their unit shown above the text, naming the document. */
const PAGE_CITATIONS: [Fixture, string, string][] = [
  ['quyet-dinh-quy-che', 'dieu-2', 'Điều 2'],
  ['quyet-dinh-quy-che', 'quy-che-dieu-5', 'Điều 5 Quy chế ban hành kèm theo'],
  ['quyet-dinh-quy-che', 'quy-che-chuong-ii-muc-2', 'Mục 2 Chương II Quy chế ban hành kèm theo'],
  ['phu-luc-mau', 'phu-luc-i', 'Phụ lục I'],
  ['phu-luc-mau', 'phu-luc-ii-mau-01-dieu-1', 'Điều 1 Mẫu số 01 Phụ lục II'],
  ['luat-sua-doi', 'dieu-2', 'Điều 2'],
];

let root: string;
let server: PreviewServer;
let browser: Browser;
const sources = new Map<Fixture, string>();
const documents = new Map<Fixture, Document>();
/** Built pages by path under the build folder, without `index.html`: `phu-luc-mau/phu-luc-i`. */
const pages = new Map<string, HtmlElement>();

/** A copy of the project (sources and config; dependencies linked) with the fixtures as content. */
function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parts-site-'));
  for (const entry of ['src', 'public'])
    cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  for (const file of ['astro.config.mjs', 'tsconfig.json', 'package.json']) {
    copyFileSync(join(PROJECT_ROOT, file), join(dir, file));
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'content'));
  const glossaryFile = join(dir, 'content', 'glossary.json');
  copyFileSync(join(PROJECT_ROOT, 'content', 'glossary.json'), glossaryFile);
  const deploy = deployOf({});
  const summaries = FIXTURES.map((name) => {
    const text =
      name === 'bo-luat-dai'
        ? longCode(CODE_CHAPTERS, CODE_ARTICLES)
        : readFileSync(join(PROJECT_ROOT, 'tests/fixtures/handmade', `${name}.txt`), 'utf8');
    const { document, warnings } = parseDocument(text);
    sources.set(name, text);
    documents.set(name, document);
    const glossary = loadGlossary(glossaryFile);
    const compiled = compileDocument(name, name, document, warnings, glossary, deploy);
    writeCompiled(dir, compiled, name);
    return compiled.summary;
  });
  writeLibrary(dir, summaries);
  return dir;
}

/** A built page of a document. */
function page(doc: Fixture, slug: string): HtmlElement {
  const found = pages.get(slug === '' ? doc : `${doc}/${slug}`);
  if (found === undefined) throw new Error(`no built page ${doc}/${slug}`);
  return found;
}

/** Words split on white space, as a reader counts them. */
function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/**
 * The words of a source in order. A pipe table's bars and its rule row mark cells and are not
 * text; every other character is.
 */
function sourceWords(text: string): string[] {
  return normalizeText(text)
    .split('\n')
    .flatMap((line) => {
      const trimmed = line.trim();
      if (/^\|[\s:|-]+\|$/.test(trimmed)) return [];
      if (!trimmed.startsWith('|')) return words(line);
      return trimmed
        .replace(/^\||\|$/g, '')
        .split('|')
        .flatMap(words);
    });
}

/** The document's own lines on a page (headings, running text, paragraphs, table cells). */
function documentLines(rootElement: HtmlElement): string[] {
  const lines: string[] = [];
  const visit = (element: HtmlElement): void => {
    const classes = (attr(element, 'class') ?? '').split(/\s+/);
    const own = classes.some((c) => c === 'n-h' || c === 'n-t' || c === 'n-p');
    if (own || element.tagName === 'th' || element.tagName === 'td') {
      lines.push(decodeEntities(element.textContent));
      return;
    }
    for (const child of element.childElements) visit(child);
  };
  for (const reading of rootElement.querySelectorAll('.reading')) visit(reading);
  return lines;
}

/** The text of an element, entities decoded and whitespace collapsed. */
function textOf(element: HtmlElement | null): string {
  return decodeEntities(element?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A document's nodes that a page anchors: table rows and cells are anchored by their table. */
function anchoredNodes(document: Document): DocNode[] {
  return flatten(document.nodes).filter((node) => node.kind !== 'row' && node.kind !== 'cell');
}

beforeAll(async () => {
  root = makeProject();
  runInProject(root, ['node_modules/astro/astro.js', 'build']);
  const dist = join(root, 'dist');
  for (const file of htmlFiles(listFiles(dist))) {
    if (!file.endsWith('/index.html')) continue;
    pages.set(file.slice(0, -'/index.html'.length), await parseHtml(readText(dist, file)));
  }
  server = await startPreview(dist, root);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the words of attached regulations, tables and quotations in a built site', () => {
  it.each(FIXTURES)('%s: every word of the source on the full-text page, in order', (doc) => {
    const expected = sourceWords(sources.get(doc) ?? '');
    expect(expected.length).toBeGreaterThan(100);
    expect(words(documentLines(page(doc, 'toan-van')).join(' '))).toEqual(expected);
  });

  it.each(FIXTURES)('%s: every word of the source across its section pages, in order', (doc) => {
    const { sections } = place(documents.get(doc) as Document);
    const lines = sections.flatMap((section) => documentLines(page(doc, section.slug)));
    expect(words(lines.join(' '))).toEqual(sourceWords(sources.get(doc) ?? ''));
  });

  it('gives the attached regulation pages of its own, from its masthead to its last article', () => {
    const first = page('quyet-dinh-quy-che', 'quy-che-dieu-1');
    const regulation = first.querySelector(byId('quy-che'));
    expect(textOf(regulation?.querySelector(byId('quy-che.loai-van-ban')) ?? null)).toBe('QUY CHẾ');
    expect(textOf(regulation?.querySelector(byId('quy-che.kem-theo')) ?? null)).toBe(
      '(Ban hành kèm theo Quyết định số 15/2025/QĐ-UBND ngày 20 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh Thử Nghiệm)',
    );
    // The decision's own Điều 1 and the regulation's Điều 1 are different units on different pages.
    expect(textOf(first.querySelector(`${byId('quy-che.dieu-1')} .n-h`))).toBe(
      'Điều 1. Phạm vi điều chỉnh',
    );
    expect(first.querySelectorAll(byId('dieu-1'))).toHaveLength(0);
    const last = page('quyet-dinh-quy-che', 'quy-che-chuong-iii');
    expect(textOf(last.querySelector(`${byId('quy-che.dieu-7.khoan-2')} .n-t`))).toBe(
      '2. Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh về Sở Văn hóa, Thể thao và Du lịch để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, sửa đổi cho phù hợp./.',
    );
  });

  it('renders an appendix table as a table: header cells, then its rows cell by cell', () => {
    const table = page('phu-luc-mau', 'phu-luc-i').querySelector('table[id="phu-luc-i.bang-1"]');
    expect(table).toBeTruthy();
    const rows = (table as HtmlElement)
      .querySelectorAll('tr')
      .map((row) => row.childElements.map((cell) => `${cell.tagName}:${textOf(cell)}`));
    expect(rows).toEqual([
      ['th:STT', 'th:Nội dung hỗ trợ', 'th:Mức hỗ trợ (triệu đồng)'],
      ['td:1', 'td:Tư vấn thành lập', 'td:5'],
      ['td:2', 'td:Đào tạo thành viên', 'td:10'],
      ['td:', 'td:Tổng cộng', 'td:15'],
    ]);
  });

  it('renders quoted new text as a quotation inside the clause that quotes it', () => {
    const clause = page('luat-sua-doi', 'mo-dau').querySelector(byId('dieu-1.khoan-2'));
    const quote = clause?.querySelector('blockquote');
    expect(attr(quote as HtmlElement, 'id')).toBe('dieu-1.khoan-2.trich-dan-1');
    expect((quote as HtmlElement).querySelectorAll('p').map(textOf)).toEqual([
      '“Điều 5. Chính sách của Nhà nước về phát triển thư viện',
      '1. Đầu tư cho thư viện công lập cấp tỉnh, cấp xã.',
      '2. Khuyến khích tổ chức, cá nhân thành lập thư viện ngoài công lập.”.',
    ]);
    // The quoted "Điều 5" and "Điều 5a" belong to the amended law: no unit, anchor or citation here.
    for (const slug of ['mo-dau', 'dieu-2', 'toan-van']) {
      const built = page('luat-sua-doi', slug);
      const units = built.querySelectorAll('.n-article').map((unit) => attr(unit, 'id'));
      expect(
        units.filter((id) => id !== 'dieu-1' && id !== 'dieu-2'),
        slug,
      ).toEqual([]);
      const cited = built.querySelectorAll('[data-copy]').map((line) => attr(line, 'data-copy'));
      expect(
        cited.filter((id) => id?.includes('trich-dan')),
        slug,
      ).toEqual([]);
    }
  });
});

describe('anchors and citations of the new parts', () => {
  it.each(FIXTURES)(
    '%s: every unit has one element with its id, on its page and the full text',
    (doc) => {
      const document = documents.get(doc) as Document;
      const { pageOf } = place(document);
      const missing: string[] = [];
      for (const node of anchoredNodes(document)) {
        for (const slug of [pageOf.get(node.id) ?? '', 'toan-van']) {
          const count = page(doc, slug).querySelectorAll(byId(node.id)).length;
          if (count !== 1) missing.push(`${slug}#${node.id}: ${count}`);
        }
      }
      expect(missing).toEqual([]);
    },
  );

  it('has no broken link or fragment and no duplicate id on any built page', async () => {
    const dist = join(root, 'dist');
    const files = listFiles(dist);
    const facts = await Promise.all(
      htmlFiles(files).map((file) => readPageFacts(file, readText(dist, file))),
    );
    const problems = checkLinks(facts, files, { base: '/' });
    expect(problems.map((p) => `${p.file}: ${p.value} — ${p.reason}`)).toEqual([]);
    // The table of contents links into the regulation, so its fragments are among those checked.
    const links = facts.flatMap((f) => f.references.map((r) => r.value));
    expect(links).toContain('/quyet-dinh-quy-che/quy-che-dieu-4/#quy-che.dieu-4');
  });

  it.each(CITATIONS)('%s#%s is cited as "%s" followed by the document', (doc, id, citation) => {
    const built = page(doc, place(documents.get(doc) as Document).pageOf.get(id) ?? '');
    expect(textOf(built.querySelector(`[data-copy="${id}"]`))).toBe(citation);
    expect(
      attr(built.querySelector('[data-cite-document]') as HtmlElement, 'data-cite-document'),
    ).toBe(DOCUMENT_NAMES[doc]);
  });

  it.each(PAGE_CITATIONS)(
    '%s/%s is headed by its citation "%s" and the document',
    (doc, slug, unit) => {
      const line = page(doc, slug).querySelector('.page-cite');
      expect(textOf(line)).toBe(`${unit} ${DOCUMENT_NAMES[doc]}`);
    },
  );
});

describe('the table of contents of a long code', () => {
  /** The lines of a list, with the lines nested in each. */
  const outline = (list: HtmlElement): [string, string[]][] =>
    list.childElements.map((item) => {
      const nested = item.querySelector(':scope > ol');
      return [
        textOf(item.querySelector(':scope > a')),
        nested ? nested.childElements.map((n) => textOf(n.querySelector(':scope > a'))) : [],
      ];
    });
  const article = (n: number): string => `Điều ${n}. Quy định về bến thủy nội địa số ${n}`;
  const range = (from: number, to: number): string[] =>
    Array.from({ length: to - from + 1 }, (_, i) => article(from + i));

  it('shows on an article page the chapters, and the articles near it in its own chapter', () => {
    const toc = page('bo-luat-dai', 'dieu-45').querySelector('#muc-luc > ol');
    expect(outline(toc as HtmlElement)).toEqual([
      ['Phần mở đầu', []],
      ['Chương I NHÓM QUY ĐỊNH THỨ 1', []],
      [
        'Chương II NHÓM QUY ĐỊNH THỨ 2',
        [
          article(31),
          '… 3 dòng nữa, trong mục lục đầy đủ',
          ...range(35, 55),
          '… 4 dòng nữa, trong mục lục đầy đủ',
          article(60),
        ],
      ],
      ['Chương III NHÓM QUY ĐỊNH THỨ 3', []],
    ]);
    expect(textOf(toc?.querySelector('a[aria-current="page"]') ?? null)).toBe(article(45));
  });

  it('links the lines left out, and the whole table, to the front page, which lists them all', () => {
    const built = page('bo-luat-dai', 'dieu-45');
    const gaps = built.querySelectorAll('#muc-luc .toc-gap > a').map((a) => attr(a, 'href'));
    expect(gaps).toEqual(['/bo-luat-dai/#muc-luc-h', '/bo-luat-dai/#muc-luc-h']);
    const more = built.querySelectorAll('#muc-luc .toc-more a').map(textOf);
    expect(more[0]).toBe('Mục lục đầy đủ');
    const front = page('bo-luat-dai', '').querySelector('.front-toc');
    const lines = front?.querySelectorAll('a').map(textOf) ?? [];
    expect(lines.filter((line) => line.startsWith('Điều '))).toEqual(
      range(1, CODE_CHAPTERS * CODE_ARTICLES),
    );
  });

  it('keeps every page of the code to its share of the table, and shorter tables whole', () => {
    const { sections } = place(documents.get('bo-luat-dai') as Document);
    const longest = Math.max(
      ...sections.map((s) => page('bo-luat-dai', s.slug).querySelectorAll('#muc-luc ol li').length),
    );
    // Three chapters and the opening, at most 23 articles and two notes of lines left out.
    expect(longest).toBeLessThanOrEqual(4 + 23 + 2);
    const regulation = page('quyet-dinh-quy-che', 'quy-che-dieu-1');
    expect(regulation.querySelectorAll('#muc-luc .toc-gap')).toHaveLength(0);
  });
});

describe('the new parts in a browser', () => {
  it.each(['light', 'dark'] as const)('pass axe in %s mode', async (colorScheme) => {
    const context = await newContext(browser, { colorScheme });
    const findings: string[] = [];
    try {
      const tab = await context.newPage();
      for (const path of PAGES) {
        await tab.goto(new URL(path, server.url).href, { waitUntil: 'load' });
        findings.push(...(await runAxe(tab)).map((finding) => formatFinding(path, finding)));
      }
    } finally {
      await context.close();
    }
    expect(findings).toEqual([]);
  });

  it('fit 320 px: a wide table scrolls inside its own frame', async () => {
    const context = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const wide: string[] = [];
    try {
      const tab = await context.newPage();
      for (const path of PAGES) {
        await tab.goto(new URL(path, server.url).href, { waitUntil: 'load' });
        const width = await tab.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${path}: scrollWidth ${width}`);
      }
      await tab.goto(new URL('phu-luc-mau/phu-luc-i/', server.url).href);
      // The table's frame, not the page, is what may scroll sideways.
      const frameWidth = await tab
        .locator('.n-tw')
        .evaluate((el) => el.getBoundingClientRect().right);
      expect(frameWidth).toBeLessThanOrEqual(320);
      expect(await tab.locator('table.n-table th').allTextContents()).toEqual([
        'STT',
        'Nội dung hỗ trợ',
        'Mức hỗ trợ (triệu đồng)',
      ]);
    } finally {
      await context.close();
    }
    expect(wide).toEqual([]);
  });

  it('lists the regulation in the table of contents, its chapters and articles below it', async () => {
    const context = await newContext(browser);
    try {
      const tab = await context.newPage();
      await tab.goto(new URL('quyet-dinh-quy-che/quy-che-dieu-1/', server.url).href);
      const regulation = tab.locator('#muc-luc li', {
        has: tab.locator(':scope > a', {
          hasText: /^\s*QUY CHẾ Quản lý và sử dụng nhà văn hóa/,
        }),
      });
      expect(await regulation.count()).toBe(1);
      const nested = (await regulation.locator('li > a').allTextContents()).map((t) => t.trim());
      expect(nested).toEqual([
        'Chương I QUY ĐỊNH CHUNG',
        'Điều 1. Phạm vi điều chỉnh',
        'Điều 2. Đối tượng áp dụng',
        'Điều 3. Nguyên tắc quản lý',
        'Chương II QUẢN LÝ VÀ SỬ DỤNG NHÀ VĂN HÓA',
        'Mục 1 BAN QUẢN LÝ',
        'Điều 4. Thành lập Ban quản lý',
        'Điều 5. Nhiệm vụ của Ban quản lý',
        'Mục 2 KINH PHÍ',
        'Điều 6. Nguồn kinh phí',
        'Chương III TỔ CHỨC THỰC HIỆN',
        'Điều 7. Trách nhiệm thi hành',
      ]);
      expect(await regulation.locator('a[aria-current="page"]').textContent()).toContain(
        'Điều 1. Phạm vi điều chỉnh',
      );
    } finally {
      await context.close();
    }
  });

  it('takes a reader from a note of lines left out to the whole table on the front page', async () => {
    const context = await newContext(browser);
    try {
      const tab = await context.newPage();
      await tab.goto(new URL('bo-luat-dai/dieu-45/', server.url).href);
      await tab.locator('#muc-luc .toc-gap a').first().click();
      await tab.waitForURL(/\/bo-luat-dai\/#muc-luc-h$/);
      const whole = tab.locator('.front-toc');
      await expect.poll(() => whole.getByRole('link', { name: 'Điều 33.' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows the full citation of a regulation clause with the decision that issues it', async () => {
    const context = await newContext(browser);
    try {
      const tab = await context.newPage();
      const errors = collectPageErrors(tab);
      await tab.goto(new URL('quyet-dinh-quy-che/quy-che-dieu-5/', server.url).href);
      const clause = tab.locator(byId('quy-che.dieu-5.khoan-1'));
      await clause.getByRole('button', { name: CITE_NAME }).first().click();
      await expect
        .poll(() => clause.locator('.cite-full').first().textContent())
        .toBe(`khoản 1 Điều 5 Quy chế ban hành kèm theo ${DOCUMENT_NAMES['quyet-dinh-quy-che']}`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
