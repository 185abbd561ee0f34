import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { Document } from '../../src/lib/document/schema.ts';
import { importBytes } from '../../src/lib/import/source.ts';
import { importFixture } from '../support/shared.ts';
import { buildDoc } from './import-doc-build.ts';
import { wordsKept } from './import-words.ts';

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

describe('real Word 97–2003 files in legacy encodings', () => {
  // Articles counted by hand in the truth texts: Decree 114/2003 has Điều 1 to Điều 29,
  // Decision 991/QĐ-UBND has Điều 1 to Điều 3.
  const files: [string, string, number][] = [
    ['doc-tcvn3', 'nghi-dinh-114-2003', 29],
    ['doc-vni', 'qd-991-ubnd-2008', 3],
  ];
  it.each(files)(
    '%s %s: at least 99 percent of the words in order, articles exact',
    (kind, name, articles) => {
      const path = importFixture(kind, `${name}.doc`);
      const source = importBytes(readFileSync(path), path);
      expect(source.format).toBe('doc');
      const truth = readFileSync(importFixture(kind, `${name}.truth.txt`), 'utf8');
      const kept = wordsKept(truth, source.text);
      console.log(
        `${kind} ${name}: ${(kept.share * 100).toFixed(2)}% of ${kept.total} words kept in order, ${kept.extra} extra`,
      );
      expect(kept.share).toBeGreaterThanOrEqual(0.99);
      expect(articleNumbers(parseDocument(source.text).document)).toEqual(
        Array.from({ length: articles }, (_, i) => String(i + 1)),
      );
      // No TCVN3 "ư" is left behind as a soft hyphen.
      expect(source.text).not.toContain('\u00AD');
    },
  );

  it('keeps every "ư" that TCVN3 writes as byte 0xAD', () => {
    const path = importFixture('doc-tcvn3', 'nghi-dinh-114-2003.doc');
    const text = importBytes(readFileSync(path), path).text;
    const truth = readFileSync(importFixture('doc-tcvn3', 'nghi-dinh-114-2003.truth.txt'), 'utf8');
    expect(text.match(/ư/gu)?.length).toBe(truth.match(/ư/gu)?.length);
  });

  it('splits the two-column masthead typed on one line, so the parser reads the number', () => {
    const path = importFixture('doc-vni', 'qd-991-ubnd-2008.doc');
    const text = importBytes(readFileSync(path), path).text;
    expect(text.split('\n').slice(0, 6)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH BÌNH PHƯỚC',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 991/QĐ-UBND',
      // Verbatim: the file types "tháng5" without a space, so the parser reads no date here.
      'Đồng Xoài, ngày 14 tháng5 năm 2008',
    ]);
    const meta = parseDocument(text).document.meta;
    expect(meta).toMatchObject({ number: '991/QĐ-UBND', docType: 'QUYẾT ĐỊNH' });
  });
});

describe('a generated mixed .doc', () => {
  const text = importBytes(buildDoc(), 'mixed.doc').text;

  it('converts runs by their font, leaves Unicode runs alone, keeps the table as a table and the footnote after its paragraph', () => {
    expect(text).toBe(
      [
        // Typed in lower-case codes of a capitals-only font (.VnTimeH): kept as typed.
        'cộng hòa xã hội chủ nghĩa việt nam',
        'Độc lập - Tự do - Hạnh phúc',
        'Điều 1. Phường, xã và thị trấn.',
        'Chữ Unicode giữ nguyên: café, “ngoặc”.',
        'Kết quả trường: 5 trang.',
        'Căn cứ luật[1].',
        '[1] Chú thích của luật.',
        '| 1 | Tăng trưởng |',
        '',
      ].join('\n'),
    );
  });
});
