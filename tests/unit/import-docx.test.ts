import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxToText } from '../../src/lib/import/docx.ts';
import { importBytes } from '../../src/lib/import/source.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { Document } from '../../src/lib/document/schema.ts';
import { importFixture } from '../support/shared.ts';
import { buildDocx, type DocxParts } from './import-docx-build.ts';
import { wordsKept } from './import-words.ts';

const CASES = 'tests/fixtures/import/docx';
const UPDATE = process.env['UPDATE'] === '1';

/** Counts the nodes of each kind in a parsed document. */
function countKinds(document: Document): Record<string, number> {
  const counts: Record<string, number> = {};
  const visit = (node: Document['nodes'][number]): void => {
    counts[node.kind] = (counts[node.kind] ?? 0) + 1;
    node.children.forEach(visit);
  };
  document.nodes.forEach(visit);
  return counts;
}

/** Reads one case folder's parts (`body.xml`, and `numbering.xml`, `styles.xml`, `footnotes.xml` when present). */
function caseParts(name: string): DocxParts {
  const read = (part: string): string | undefined => {
    const path = join(CASES, name, `${part}.xml`);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const parts: DocxParts = { body: read('body') ?? '' };
  for (const part of ['numbering', 'styles', 'footnotes'] as const) {
    const xml = read(part);
    if (xml !== undefined) parts[part] = xml;
  }
  return parts;
}

describe('generated .docx files beside their expected text', () => {
  const names = readdirSync(CASES).sort();
  it('has the cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });
  it.each(names)('%s', (name) => {
    const file = `${name}.docx`;
    const source = importBytes(buildDocx(caseParts(name)), file);
    expect(source.format).toBe('docx');
    const expectedPath = join(CASES, name, 'expected.txt');
    if (UPDATE) writeFileSync(expectedPath, source.text);
    expect(source.text).toBe(readFileSync(expectedPath, 'utf8'));
  });
});

/** Numbered paragraphs of a real file read straight from its XML: list, level and first words. */
function numberedParagraphs(path: string): { numId: string; ilvl: number; text: string }[] {
  const xml = strFromU8(unzipSync(readFileSync(path))['word/document.xml'] as Uint8Array);
  const out: { numId: string; ilvl: number; text: string }[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const p = m[0];
    const numPr = /<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(p);
    if (!numPr) continue;
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    out.push({ ilvl: Number(numPr[1]), numId: numPr[2] as string, text: text.trim() });
  }
  return out;
}

describe('real laws numbered by numbering.xml', () => {
  // Counted by hand in the published files: numbered and typed "Điều" headings as Word shows them.
  // Law 84/2015 has 93 articles, but its Article 3 ("Giải thích từ ngữ") carries no numbering in
  // the published file, so Word shows 92 numbered articles and so does the import.
  const laws: [
    string,
    { articles: number; chapters: number; numbered: number; label: (n: number) => string },
  ][] = [
    ['luat-09-2012-qh13', { articles: 35, chapters: 5, numbered: 3, label: (n) => `${n}.` }],
    ['luat-83-2015-qh13', { articles: 77, chapters: 7, numbered: 0, label: (n) => `${n}.` }],
    ['luat-84-2015-qh13', { articles: 92, chapters: 7, numbered: 92, label: (n) => `Điều ${n}.` }],
  ];
  it.each(laws)('%s: every automatic number present, articles exact', (name, expected) => {
    const path = importFixture('docx', `${name}.docx`);
    const text = importBytes(readFileSync(path), path).text;
    const lines = text.split('\n');
    const numbered = numberedParagraphs(path);
    expect(numbered).toHaveLength(expected.numbered);
    // These laws use one list at level 0 each: the n-th numbered paragraph shows number n.
    let from = 0;
    numbered.forEach((p, i) => {
      expect(p.ilvl).toBe(0);
      const wanted = `${expected.label(i + 1)} ${p.text}`;
      const at = lines.findIndex((line, j) => j >= from && line.trim() === wanted);
      expect(at, wanted).toBeGreaterThanOrEqual(0);
      from = at + 1;
    });
    const kinds = countKinds(parseDocument(text).document);
    expect(kinds['article']).toBe(expected.articles);
    expect(kinds['chapter']).toBe(expected.chapters);
    const articleLines = lines
      .filter((l) => /^Điều \d+\./.test(l))
      .map((l) => Number(/\d+/.exec(l)?.[0]));
    expect(articleLines).toEqual(Array.from({ length: expected.articles }, (_, i) => i + 1));
  });
});

describe('a .docx typed in VNI fonts', () => {
  const path = importFixture('docx-vni', 'synthetic-vni-nd-0328.docx');
  const truth = readFileSync(importFixture('docx-vni', 'synthetic-vni-nd-0328.truth.txt'), 'utf8');
  const text = docxToText(readFileSync(path), path);

  it('keeps at least 99.5% of the words in order', () => {
    const kept = wordsKept(truth, text);
    console.log(
      `docx-vni synthetic-vni-nd-0328: ${(kept.share * 100).toFixed(2)}% of ${kept.total} words kept in order, ${kept.extra} extra`,
    );
    expect(kept.share).toBeGreaterThanOrEqual(0.995);
  });

  it('has the 18 articles of the truth (counted there by hand)', () => {
    expect(countKinds(parseDocument(text).document)['article']).toBe(18);
  });

  it('gives the parser the header it reads: place and date', () => {
    const meta = parseDocument(text).document.meta;
    expect(meta.place).toBe('Hà Nội');
    expect(meta.date).toBe('2003-03-31');
  });
});

describe('metadata of an imported header and signature', () => {
  it('reads issuer, number, place, date, kind and signer from the tables', () => {
    const source = importBytes(buildDocx(caseParts('tables')), 'tables.docx');
    const meta = parseDocument(source.text).document.meta;
    expect(meta).toMatchObject({
      issuer: 'HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH',
      number: '12/NQ-HĐND',
      place: 'Quảng Ninh',
      date: '2025-12-16',
      docType: 'NGHỊ QUYẾT',
      signer: 'Nguyễn Văn A',
      signerTitle: 'CHỦ TỊCH',
    });
  });
});
