import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { DocNode } from '../../src/lib/document/schema.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import { readCorpus } from '../support/shared.ts';

/** Parses a corpus text without its source note. */
function corpus(name: string): ReturnType<typeof parseDocument> {
  return parseDocument(readCorpus(name));
}
const ofKind = (nodes: DocNode[], kind: string): DocNode[] =>
  flatten(nodes).filter((n) => n.kind === kind);

describe('Resolution 198/2025/QH15 (chapters, markdown, blank-separated)', () => {
  const { document, warnings } = corpus('qh-2025-198-kinhtetunhan-chuong');

  it('has 7 chapters and 17 articles, each article in its chapter', () => {
    const chapters = document.nodes.filter((n) => n.kind === 'chapter');
    expect(chapters.map((c) => c.num)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(chapters.map((c) => c.children.filter((a) => a.kind === 'article').length)).toEqual([
      3, 3, 2, 3, 2, 2, 2,
    ]);
    expect(ofKind(document.nodes, 'article').map((a) => a.num)).toEqual(
      Array.from({ length: 17 }, (_, i) => String(i + 1)),
    );
    expect(warnings).toEqual([]);
  });

  it('takes chapter and article headings from bold lines', () => {
    expect(document.nodes.find((n) => n.id === 'chuong-i')?.heading).toBe('QUY ĐỊNH CHUNG');
    expect(ofKind(document.nodes, 'article')[0]?.heading).toBe('Phạm vi điều chỉnh');
  });

  it('reads points a) to đ) in Điều 9 khoản 2', () => {
    const clause = flatten(document.nodes).find((n) => n.id === 'dieu-9.khoan-2');
    expect(clause?.children.map((p) => p.num)).toEqual(['a', 'b', 'c', 'd', 'đ']);
    expect(clause?.children.at(-1)?.id).toBe('dieu-9.khoan-2.diem-dd');
  });

  it('reads the title, issuer and date', () => {
    expect(document.meta.title).toBe(
      'Về một số cơ chế, chính sách đặc biệt phát triển kinh tế tư nhân',
    );
    expect(document.meta.issuer).toBe('QUỐC HỘI');
    expect(document.meta.date).toBe('2025-05-17');
  });
});

describe('Phú Yên 57/NQ-HĐND (flattened masthead, nested lists)', () => {
  const { document } = corpus('phuyen-2016-57-nq-hdnd-dutoan');

  it('reads number, place, date, session and signer from the masthead', () => {
    expect(document.meta).toMatchObject({
      number: '57/NQ-HĐND',
      place: 'Phú Yên',
      date: '2016-12-16',
      session: 'KHÓA VII, KỲ HỌP THỨ 3',
      signer: 'Huỳnh Tấn Việt',
      signerTitle: 'CHỦ TỊCH',
    });
  });

  it('counts four articles and the points of 2.1 including đ', () => {
    expect(document.nodes.filter((n) => n.kind === 'article')).toHaveLength(4);
    const sub = flatten(document.nodes).find((n) => n.id === 'dieu-2.khoan-2-1');
    expect(sub?.children.map((p) => p.num)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g']);
  });

  it('nests "+" items under "-" items', () => {
    const g = flatten(document.nodes).find((n) => n.id === 'dieu-2.khoan-2-1.diem-g');
    expect(g?.children.map((i) => [i.label, i.children.length])).toEqual([
      ['-', 5],
      ['-', 4],
    ]);
  });

  it('joins the lines that PDF wrapping broke', () => {
    const clause = flatten(document.nodes).find((n) => n.id === 'dieu-3.khoan-2');
    expect(clause?.text).toContain('hợp lý, hiệu quả để góp phần');
  });
});

describe('Hà Nội 66/2025/NQ-HĐND (converted web page with an appendix)', () => {
  const { document } = corpus('hanoi-2025-66-nq-hdnd-phi');

  it('reads three articles, the recipients and the signature', () => {
    expect(document.nodes.filter((n) => n.kind === 'article').map((a) => a.heading)).toEqual([
      null,
      'Tổ chức thực hiện',
      'Hiệu lực thi hành',
    ]);
    expect(document.nodes.find((n) => n.kind === 'recipients')?.children).toHaveLength(17);
    expect(document.meta.signer).toBe('Phùng Thị Hồng Hà');
    expect(document.meta.number).toBe('66/2025/NQ-HĐND');
  });

  it('reads the appendix with its lettered parts and their clauses', () => {
    const appendix = document.nodes.find((n) => n.kind === 'appendix');
    expect(appendix?.heading).toBe('DANH MỤC CÁC KHOẢN PHÍ VÀ LỆ PHÍ');
    const parts = appendix?.children.filter((c) => c.kind === 'part') ?? [];
    expect(parts.map((p) => [p.num, p.children.filter((c) => c.kind === 'clause').length])).toEqual(
      [
        ['A', 8],
        ['B', 4],
      ],
    );
  });

  it('leaves no markdown markers in the text', () => {
    const texts = flatten(document.nodes).map((n) => `${n.heading ?? ''} ${n.text ?? ''}`);
    expect(texts.filter((t) => /\*|\|/.test(t))).toEqual([]);
  });
});

describe('amending resolutions', () => {
  const { document } = parseDocument(
    readFileSync('tests/fixtures/handmade/amending-quotes.txt', 'utf8'),
  );

  it('does not take quoted articles or a wrapped "Điều 1." for articles of the text', () => {
    expect(document.nodes.filter((n) => n.kind === 'article').map((a) => a.num)).toEqual([
      '1',
      '2',
    ]);
    const quoted = flatten(document.nodes).find((n) => n.text?.startsWith('“Điều 5.'));
    expect(quoted?.kind).toBe('paragraph');
    expect(flatten(document.nodes).find((n) => n.id === 'dieu-1.khoan-3')?.text).toMatch(
      /tại khoản 3 Điều 1\. Nghị quyết số 05\/2023/,
    );
  });
});
