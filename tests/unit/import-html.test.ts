import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { Document } from '../../src/lib/document/schema.ts';
import { importBytes } from '../../src/lib/import/source.ts';
import { importFixture } from '../support/shared.ts';
import { wordsKept } from './import-words.ts';

const CASES = 'tests/fixtures/import/html';
const UPDATE = process.env['UPDATE'] === '1';

/** Article numbers of a parsed document, in order. */
function articleNumbers(document: Document): string[] {
  const out: string[] = [];
  const visit = (node: Document['nodes'][number]): void => {
    if (node.kind === 'article') out.push(node.num ?? '');
    node.children.forEach(visit);
  };
  document.nodes.forEach(visit);
  return out;
}

/**
 * The words of a vbpl.vn page's document body read another way than the importer does: the raw
 * HTML from the content root to the end of <main>, tags stripped with a regular expression.
 */
function bodyTextByRegex(html: string): string {
  const start = html.indexOf('data-vbpl-content-root');
  const end = html.indexOf('</main>', start);
  return html
    .slice(html.indexOf('>', start) + 1, end)
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
}

describe('HTML pages beside their expected text', () => {
  const names = readdirSync(CASES).filter((f) => f.endsWith('.html'));
  it('has the cases', () => expect(names.length).toBeGreaterThanOrEqual(2));
  it.each(names)('%s', (name) => {
    const source = importBytes(readFileSync(join(CASES, name)), name);
    expect(source.format).toBe('html');
    const expected = join(CASES, name.replace(/\.html$/, '.txt'));
    if (UPDATE) writeFileSync(expected, source.text);
    expect(source.text).toBe(readFileSync(expected, 'utf8'));
    expect(source.text).not.toMatch(
      /Trang chủ|Lược đồ|Điều 99|CƠ SỞ DỮ LIỆU|Bản quyền|thanh bên|ẩn không hiện/u,
    );
  });
});

describe('vbpl.vn pages', () => {
  // Counted by hand on the pages: Law 121/2025/QH15 has Điều 1 to Điều 45 in 5 chapters;
  // Resolution 66.15/2026/NQ-CP has Điều 1 to Điều 4.
  const pages: [string, { articles: number; chapters: number }][] = [
    ['vbpl-luat-121-2025-qh15', { articles: 45, chapters: 5 }],
    ['vbpl-nq-cp-66-15-2026', { articles: 4, chapters: 0 }],
  ];
  it.each(pages)(
    '%s: words of the body kept in order, articles exact, navigation gone',
    (name, expected) => {
      const path = importFixture('html', `${name}.html`);
      const bytes = readFileSync(path);
      const text = importBytes(bytes, path).text;
      const kept = wordsKept(bodyTextByRegex(bytes.toString('utf8')), text);
      console.log(
        `html ${name}: ${(kept.share * 100).toFixed(2)}% of ${kept.total} words kept in order, ${kept.extra} extra`,
      );
      expect(kept.share).toBeGreaterThanOrEqual(0.995);
      expect(kept.extra).toBe(0);
      const document = parseDocument(text).document;
      const numbers = articleNumbers(document);
      expect(numbers).toEqual(Array.from({ length: expected.articles }, (_, i) => String(i + 1)));
      expect(text.match(/^Chương [IVX]+$/gmu)?.length ?? 0).toBe(expected.chapters);
      // The table of contents repeats every article title; the import has each once.
      expect(text.match(/^Điều 1\. /gmu)).toHaveLength(1);
    },
  );

  it('gives the parser the header it reads', () => {
    const path = importFixture('html', 'vbpl-nq-cp-66-15-2026.html');
    const meta = parseDocument(importBytes(readFileSync(path), path).text).document.meta;
    expect(meta).toMatchObject({
      docType: 'NGHỊ QUYẾT',
      issuer: 'CHÍNH PHỦ',
      number: '66.15/2026/NQ-CP',
      place: 'Hà Nội',
      date: '2026-02-13',
    });
  });
});
