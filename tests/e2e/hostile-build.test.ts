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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/lib/analysis/abbreviations.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import { compileDocument } from '../../src/lib/build/compile.ts';
import { deployOf } from '../../src/lib/build/deploy.ts';
import { writeLibrary } from '../../src/lib/build/run.ts';
import { writeCompiled } from '../../src/lib/build/task.ts';
import { place } from '../../src/lib/mdx/emit.ts';
import { HOSTILE, hostileDocument } from '../fixtures/hostile-document.ts';
import { attr, bodyText, decodeEntities, parseHtml } from '../support/html.ts';
import { PROJECT_ROOT } from '../support/server.ts';
import { runInProject } from '../support/dist.ts';

/**
 * A real `astro build` of a resolution made of text that looks like syntax, in a copy of the
 * project whose only document is that resolution, served under a sub-path. Every string must
 * reach the page as text, and nothing in it may become markup, script or a link.
 */

const DOC = 'hostile';
const BASE = '/duong/dan/';
const SITE = 'https://example.org';
const document = hostileDocument();
let root: string;
let pages: Map<string, HtmlElement>;

/** A copy of the project (sources and config; dependencies linked) with hostile content. */
function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-site-'));
  for (const entry of ['src', 'public'])
    cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  for (const file of ['astro.config.mjs', 'tsconfig.json', 'package.json']) {
    copyFileSync(join(PROJECT_ROOT, file), join(dir, file));
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  mkdirSync(join(dir, 'content'));
  const glossaryFile = join(dir, 'content', 'glossary.json');
  copyFileSync(join(PROJECT_ROOT, 'content', 'glossary.json'), glossaryFile);
  const deploy = deployOf({ BASE_PATH: BASE, SITE_URL: SITE });
  const compiled = compileDocument(DOC, DOC, document, [], loadGlossary(glossaryFile), deploy);
  writeCompiled(dir, compiled, DOC);
  writeLibrary(dir, [compiled.summary]);
  return dir;
}

/** The text of an element, entities decoded and whitespace collapsed. */
function textOf(element: HtmlElement): string {
  return decodeEntities(element.textContent).replace(/\s+/g, ' ').trim();
}

/** A unit's own lines (heading and running text), not its nested units or citation line. */
function ownWords(element: HtmlElement): string {
  if (element.tagName === 'p') return textOf(element);
  return element.childElements
    .filter((child) => /\bn-(h|t)\b/.test(attr(child, 'class') ?? ''))
    .map(textOf)
    .join(' ');
}

/** Collapses whitespace as HTML rendering does. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

beforeAll(async () => {
  root = makeProject();
  runInProject(root, ['node_modules/astro/astro.js', 'build'], { BASE_PATH: BASE, SITE_URL: SITE });
  pages = new Map();
  const placement = place(document);
  const slugs = [
    ...placement.sections.map((s) => s.slug),
    'toan-van',
    'van-ban-dan-chieu',
    'thuat-ngu',
    '',
  ];
  for (const slug of slugs) {
    const html = readFileSync(join(root, 'dist', DOC, slug, 'index.html'), 'utf8');
    pages.set(slug, await parseHtml(html));
  }
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a hostile resolution built by Astro', () => {
  it('shows every node’s words verbatim, on the page that holds it and on the full text', () => {
    const placement = place(document);
    for (const node of flatten(document.nodes)) {
      const expected = squash(
        [node.label, node.heading, node.text].filter((s) => s !== null).join(' '),
      );
      for (const slug of [placement.pageOf.get(node.id) ?? '', 'toan-van']) {
        const found = pages.get(slug)?.querySelectorAll(`[id="${node.id}"]`) ?? [];
        expect(found, `${slug}#${node.id}`).toHaveLength(1);
        expect(ownWords(found[0] as HtmlElement), `${slug}#${node.id}`).toBe(expected);
      }
    }
  });

  it('turns none of it into script, markup or a javascript: link', () => {
    for (const [slug, page] of pages) {
      for (const script of page.querySelectorAll('script')) {
        // Structured data may quote the text, but never with a `<` that could end the script.
        if (attr(script, 'type') === 'application/ld+json')
          expect(script.textContent).not.toContain('<');
        else expect(script.textContent, slug).not.toContain('alert(1)');
      }
      for (const link of page.querySelectorAll('a[href]')) {
        expect(attr(link, 'href') ?? '', slug).not.toMatch(/^\s*javascript:/i);
      }
      for (const tag of ['b', 'clause', 'strong', 'em', 'code', 'del', 'blockquote', 'hr']) {
        expect(page.querySelectorAll(tag), `${slug}: <${tag}>`).toHaveLength(0);
      }
      expect(page.querySelectorAll('h1'), `${slug}: one h1`).toHaveLength(1);
    }
  });

  it('keeps the structure: every paragraph stays inside its clause', () => {
    const clause = pages.get('toan-van')?.querySelector('[id="dieu-1.khoan-1"]');
    expect(clause).toBeTruthy();
    const inside = (clause as HtmlElement).querySelectorAll('.n-p').map((p) => attr(p, 'id'));
    expect(inside).toEqual(HOSTILE.map((_, i) => `dieu-1.khoan-1.doan-${i + 1}`));
  });

  it('has every hostile string on the full-text page, in order', () => {
    const text = bodyText(pages.get('toan-van') as HtmlElement);
    let from = 0;
    for (const hostile of HOSTILE) {
      const at = text.indexOf(squash(hostile), from);
      expect(at, hostile).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });

  it('links under the base path', () => {
    for (const [slug, page] of pages) {
      const links = page.querySelectorAll('a[href]').map((link) => attr(link, 'href') ?? '');
      expect(links.length).toBeGreaterThan(0);
      for (const href of links.filter((h) => h.startsWith('/'))) {
        expect(href, slug).toMatch(new RegExp(`^${BASE}`));
      }
    }
  });
});
