/**
 * The HTML fragments the pages place: the seed's expected fragments beside it (`UPDATE=1 npm run
 * test:unit` rewrites them; review the diff), the same HTML from the MDX text read back as from
 * the tree it was written from, and text that looks like markup shown as text.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { documentAbbreviations, loadGlossary } from '../../src/lib/analysis/abbreviations.ts';
import { loadDocumentFile } from '../../src/lib/document/load.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { Document } from '../../src/lib/document/schema.ts';
import { attribute, escapeText } from '../../src/lib/html/escape.ts';
import { renderBody } from '../../src/lib/html/render.ts';
import { attributeText, blockOf, textElement } from '../../src/lib/mdx/attributes.ts';
import {
  documentSections,
  place,
  sectionMdx,
  type SectionContent,
} from '../../src/lib/mdx/emit.ts';
import { enrich } from '../../src/lib/mdx/enrich.ts';
import { readFrontmatter } from '../../src/lib/mdx/frontmatter.ts';
import { parseMdx } from '../../src/lib/mdx/processor.ts';
import { HOSTILE, hostileDocument } from '../fixtures/hostile-document.ts';
import { bodyText, decodeEntities, parseHtml } from '../support/html.ts';
import { corpusNames, readCorpus } from '../support/shared.ts';

const UPDATE = process.env['UPDATE'] === '1';
const SEED = 'quang-ninh-ktxh-2026';
const EXPECTED = join('tests', 'fixtures', 'fragments', SEED);
const glossary = loadGlossary('content/glossary.json');
const SECTION = { view: 'section', base: '/' } as const;
const FULL = { view: 'full', base: '/' } as const;

/** The pages of a document, as the content step makes them. */
function sectionsOf(doc: string, document: Document): SectionContent[] {
  const placement = place(document);
  const abbreviations = documentAbbreviations(document, glossary);
  return documentSections(
    doc,
    document,
    enrich(doc, document, abbreviations, placement),
    placement,
  );
}

/** Compares `actual` with the file at `path`, or writes it there in an update run. */
function expectFile(path: string, actual: string): void {
  if (UPDATE) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`${path} is missing; run with UPDATE=1 to create it`);
  expect(actual, path).toBe(readFileSync(path, 'utf8'));
}

/** A page body read back from its MDX text, its attributes stored as the builder stores them. */
function bodyFromMdx(mdx: string): RootContent[] {
  const visit = (node: RootContent): RootContent => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      for (const attr of node.attributes) {
        if (attr.type === 'mdxJsxAttribute' && typeof attr.value === 'string') {
          attr.value = attributeText(attr.value);
        }
      }
    }
    if ('children' in node) (node.children as RootContent[]).forEach(visit);
    return node;
  };
  return parseMdx(readFrontmatter(mdx).body).children.map(visit);
}

const seed = sectionsOf(SEED, loadDocumentFile(`seeds/${SEED}.txt`).document);

describe('HTML fragments', () => {
  it('renders every page of the seed as expected, and its full text', () => {
    let full = '';
    for (const section of seed) {
      const path = join(EXPECTED, `${section.frontmatter.page}.html`);
      expectFile(path, `${renderBody(section.body, SECTION)}\n`);
      full += renderBody(section.body, FULL);
    }
    expectFile(join(EXPECTED, 'toan-van.html'), `${full}\n`);
  });

  it('gives the same HTML from the MDX text read back as from the tree it was written from', () => {
    const documents: [string, Document][] = [
      [SEED, loadDocumentFile(`seeds/${SEED}.txt`).document],
      ['hostile', hostileDocument()],
      ...corpusNames().map((name): [string, Document] => [
        name,
        parseDocument(readCorpus(name)).document,
      ]),
    ];
    for (const [doc, document] of documents) {
      for (const section of sectionsOf(doc, document)) {
        const read = bodyFromMdx(sectionMdx(section));
        const where = `${doc}/${section.frontmatter.page}`;
        expect(renderBody(read, SECTION), where).toBe(renderBody(section.body, SECTION));
        expect(renderBody(read, FULL), where).toBe(renderBody(section.body, FULL));
      }
    }
  });

  it('shows text that looks like markup as text, word for word', async () => {
    const html = sectionsOf('hostile', hostileDocument())
      .map((section) => renderBody(section.body, FULL))
      .join('\n');
    const root = await parseHtml(`<body>${html}</body>`);
    expect(root.querySelectorAll('script')).toHaveLength(0);
    const text = bodyText(root);
    for (const hostile of HOSTILE) expect(text).toContain(hostile.replace(/\s+/g, ' ').trim());
  });

  it('keeps any text exactly, once the page is read', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (words) => {
        const body = [blockOf(textElement('Text', {}, [{ type: 'text', value: words }]))];
        const html = renderBody(body, SECTION);
        const inner = /^<p class="n-t">([\s\S]*)<\/p>$/.exec(html)?.[1];
        expect(inner).toBeDefined();
        expect(inner).not.toMatch(/[<>]/);
        expect(decodeEntities(inner ?? '')).toBe(words);
      }),
    );
  });

  it('writes attributes as the site always has: references for & and ", an empty value bare', () => {
    expect(attribute('title', 'a & "b"')).toBe(' title="a &#38; &#34;b&#34;"');
    expect(attribute('title', '')).toBe(' title');
    expect(attribute('href', 'https://example.vn/?a=1&b=2')).toBe(
      ' href="https://example.vn/?a=1&b=2"',
    );
    expect(escapeText(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('refuses a component it does not know, naming it', () => {
    const body = [blockOf(textElement('Script', {}, []))];
    expect(() => renderBody(body, SECTION)).toThrow(/^<Script>: not a content component$/);
  });
});
