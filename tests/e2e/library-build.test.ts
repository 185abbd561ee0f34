import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBases, makeVariants } from '../../scripts/bench/variants.ts';
import { createProject, removeProject } from '../../scripts/bench/project.ts';
import * as pagefind from 'pagefind';
import { indexLibrary } from '../../src/integrations/search-index/library.ts';
import {
  documentSlugs,
  pageUrl,
  searchablePages,
} from '../../src/integrations/search-index/pages.ts';
import { writePages } from '../../src/integrations/search-index/service.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import { HOME_PAGE_SIZE } from '../../src/lib/site/pagination.ts';
import { buildProject, folderDigest, htmlFiles, listFiles, readText } from '../support/dist.ts';
import { checkLinks, readPageFacts } from '../support/links.ts';
import { PROJECT_ROOT } from '../support/server.ts';
import { importFixture, readCorpus } from '../support/shared.ts';
import { createValidator, validatePage } from '../support/validate.ts';

/**
 * The same pipeline for any resolution dropped into `seeds/`: a real build of a library made of
 * the seed, the corpus texts as they are, and generated variants, enough to need a second page
 * of the list of documents.
 */

const CORPUS = [
  'hanoi-2025-66-nq-hdnd-phi',
  'phuyen-2016-57-nq-hdnd-dutoan',
  'qh-2025-198-kinhtetunhan-chuong',
];
/** A published Word 97–2003 file in a legacy encoding, imported as it is. */
const IMPORTED = { kind: 'doc-vni', file: 'qd-991-ubnd-2008.doc', slug: 'qd-991-ubnd-2008' };
/** Generated variants; the first is the seed itself, under its own name. */
const EXTRA = HOME_PAGE_SIZE + 2 - CORPUS.length - 1;
let root: string;
let dist: string;
/** What the cold build said. */
let coldLog: string;

beforeAll(() => {
  root = createProject(PROJECT_ROOT, makeVariants(loadBases(PROJECT_ROOT), EXTRA));
  for (const name of CORPUS) {
    writeFileSync(join(root, 'seeds', `${name}.txt`), readCorpus(name));
  }
  copyFileSync(importFixture(IMPORTED.kind, IMPORTED.file), join(root, 'seeds', IMPORTED.file));
  coldLog = buildProject(root);
  dist = join(root, 'dist');
}, 900_000);

/** "kept the built pages of 21 of 22 documents" → [21, 22]; [0, 0] when none was kept. */
function keptOf(log: string): [number, number] {
  const said = /kept the built pages of (\d+) of (\d+) documents/u.exec(log);
  return said ? [Number(said[1]), Number(said[2])] : [0, 0];
}

afterAll(() => {
  if (root) removeProject(root);
});

describe('a library of resolutions', () => {
  it('gives every seed its front page, full text and every node id there', () => {
    const seeds = readdirSync(join(root, 'seeds')).map((f) => f.replace(/\.(txt|doc)$/, ''));
    expect(seeds).toHaveLength(HOME_PAGE_SIZE + 2);
    expect(seeds).toContain('quang-ninh-ktxh-2026');
    for (const name of [...CORPUS, 'quang-ninh-ktxh-2026']) {
      const { document } = parseDocument(readFileSync(join(root, 'seeds', `${name}.txt`), 'utf8'));
      const full = readFileSync(join(dist, name, 'toan-van', 'index.html'), 'utf8');
      for (const node of flatten(document.nodes)) {
        expect(full.includes(`id="${node.id}"`), `${name}#${node.id}`).toBe(true);
      }
      expect(readFileSync(join(dist, name, 'index.html'), 'utf8')).toContain('<h1');
      // Search inside one resolution loads that resolution's own index, whatever the library's size.
      expect(existsSync(join(dist, name, 'pagefind', 'pagefind-entry.json')), name).toBe(true);
    }
  });

  it('offers an imported file byte for byte on its open-data page, and only files it wrote', () => {
    const page = readFileSync(join(dist, IMPORTED.slug, 'du-lieu-mo', 'index.html'), 'utf8');
    const href = `/${IMPORTED.slug}/du-lieu/${IMPORTED.file}`;
    expect(page).toContain(`href="${href}"`);
    expect(page).toContain('Tệp gốc của văn bản, đúng như đã công bố (DOC)');
    const served = readFileSync(join(dist, href));
    expect(served.equals(readFileSync(importFixture(IMPORTED.kind, IMPORTED.file)))).toBe(true);
    const linked = [...page.matchAll(/href="(\/[^"]+\/du-lieu\/[^"#]+)"/g)].map((m) => m[1] ?? '');
    expect(linked.length).toBeGreaterThanOrEqual(5);
    for (const file of linked) expect(existsSync(join(dist, file)), file).toBe(true);
    // A plain-text seed's text is its source: no original beside its open data.
    const seedData = readdirSync(join(dist, 'quang-ninh-ktxh-2026', 'du-lieu'));
    expect(seedData.some((f) => /\.(docx?|pdf|html)$/.test(f))).toBe(false);
  });

  it('lists the documents on pages of fixed length', () => {
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    const second = readFileSync(join(dist, 'trang', '2', 'index.html'), 'utf8');
    const entries = (html: string): number =>
      (/<ol class="doc-index"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1]?.match(/<li/g) ?? []).length;
    expect(entries(home)).toBe(HOME_PAGE_SIZE);
    expect(entries(second)).toBe(2);
    expect(home).toContain('href="/trang/2/"');
    expect(second).toContain('rel="prev"');
  });

  it('has no broken internal link, fragment or duplicate id on any page', async () => {
    const files = listFiles(dist);
    const pages = await Promise.all(
      htmlFiles(files).map((f) => readPageFacts(f, readText(dist, f))),
    );
    const problems = checkLinks(pages, files, { base: '/' });
    expect(problems.map((p) => `${p.file}: ${p.value} — ${p.reason}`)).toEqual([]);
  });

  it('validates the pages that only a library has', async () => {
    const validator = createValidator();
    const messages: string[] = [];
    for (const file of [
      'index.html',
      'trang/2/index.html',
      'hanoi-2025-66-nq-hdnd-phi/toan-van/index.html',
    ]) {
      messages.push(...(await validatePage(validator, file, readText(dist, file))));
    }
    expect(messages).toEqual([]);
  });

  it('indexes the same search data from the cut pages Pagefind is given as from whole pages', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nq-cut-'));
    try {
      const differing: string[] = [];
      const built = htmlFiles(listFiles(dist));
      for (const doc of documentSlugs(dist)) {
        const files = built.filter((file) => file.startsWith(`${doc}/`));
        const whole = files.map((file) => ({ url: pageUrl(file), content: readText(dist, file) }));
        const cut = searchablePages(dist, doc);
        expect(cut.length).toBeLessThan(whole.length);
        const wholeDir = await writePages(join(out, doc, 'whole'), whole);
        const cutDir = await writePages(join(out, doc, 'cut'), cut);
        if (folderDigest(wholeDir) !== folderDigest(cutDir)) differing.push(doc);
      }
      expect(differing).toEqual([]);
    } finally {
      await pagefind.close();
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('indexes each document while the other pages are written, as it would after them', async () => {
    const documents = documentSlugs(dist).length;
    expect(coldLog).toContain(
      `of ${documents} documents (${documents} while the pages were written)`,
    );
    const after = mkdtempSync(join(tmpdir(), 'nq-after-'));
    try {
      cpSync(dist, after, { recursive: true });
      await indexLibrary(after);
      expect(folderDigest(after)).toBe(folderDigest(dist));
    } finally {
      rmSync(after, { recursive: true, force: true });
    }
  });

  // Last: it edits a seed and rebuilds the site the tests above read.
  it('keeps the built pages of unchanged documents and gives the same site as a cold build', () => {
    const documents = readdirSync(join(root, 'seeds')).length;
    const cold = folderDigest(dist);
    expect(keptOf(buildProject(root))).toEqual([documents, documents]);
    expect(folderDigest(dist)).toBe(cold);

    const edited = readdirSync(join(root, 'seeds')).find(
      (file) => file.endsWith('.txt') && !CORPUS.some((name) => file.startsWith(name)),
    );
    if (!edited) throw new Error('no generated seed to edit');
    const file = join(root, 'seeds', edited);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\nBản sửa để dựng lại.\n`);
    expect(keptOf(buildProject(root))).toEqual([documents - 1, documents]);
    const slug = edited.replace(/\.txt$/u, '');
    expect(readText(dist, `${slug}/toan-van/index.html`)).toContain('Bản sửa để dựng lại.');
    const warm = folderDigest(dist);
    expect(warm).not.toBe(cold);

    rmSync(dist, { recursive: true, force: true });
    expect(keptOf(buildProject(root))).toEqual([0, 0]);
    expect(folderDigest(dist)).toBe(warm);
  });
});
