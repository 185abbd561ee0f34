import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { DocumentSchema, type DocNode } from '../../src/lib/document/schema.ts';
import { flatten, walk } from '../../src/lib/document/tree.ts';
import { citation } from '../../src/lib/vocabulary/citation.ts';

const SEED = 'seeds/quang-ninh-ktxh-2026.txt';
const { document, warnings } = parseDocument(readFileSync(SEED, 'utf8'));
const all = flatten(document.nodes);
const byId = (id: string): DocNode => {
  const node = all.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};
const kinds = (nodes: DocNode[]): string[] => nodes.map((n) => n.kind);

describe('the seed reads as a person reads it', () => {
  it('is a valid tree with no warnings', () => {
    expect(DocumentSchema.safeParse(document).success).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('has the frame of a resolution in order', () => {
    expect(kinds(document.nodes)).toEqual([
      'place-date', 'doc-type', 'title', 'issuer', 'session', 'recital', 'recital', 'recital',
      'enacting-formula', 'article', 'article', 'closing', 'recipients', 'signature', 'source-note',
    ]); // prettier-ignore
    expect(byId('noi-nhan').children).toHaveLength(14);
  });

  it('reads the metadata', () => {
    expect(document.meta).toEqual({
      docType: 'NGHỊ QUYẾT',
      title: 'VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026',
      issuer: 'HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH',
      place: 'Quảng Ninh',
      date: '2025-12-16',
      session: 'KHÓA XIV - KỲ HỌP THỨ 34',
      number: null,
      signer: 'Trịnh Thị Minh Thanh',
      signerTitle: 'CHỦ TỊCH',
    });
  });

  it('has two articles; Điều 1 with clauses 1–3 and Điều 2 with clauses 1–2', () => {
    const articles = document.nodes.filter((n) => n.kind === 'article');
    expect(articles.map((a) => a.label)).toEqual(['Điều 1.', 'Điều 2.']);
    const clauses = (a: DocNode): (string | null)[] =>
      a.children.filter((c) => c.kind === 'clause').map((c) => c.num);
    expect(clauses(byId('dieu-1'))).toEqual(['1', '2', '3']);
    expect(clauses(byId('dieu-2'))).toEqual(['1', '2']);
    expect(byId('dieu-1.khoan-1').heading).toBe('Mục tiêu tổng quát');
    expect(byId('dieu-1.khoan-2').heading).toBe('Các chỉ tiêu chủ yếu');
    expect(byId('dieu-1.khoan-3').heading).toBe('Nhiệm vụ và giải pháp');
  });

  it('splits the inline targets (1)–(21) into three lettered groups', () => {
    const groups = byId('dieu-1.khoan-2').children;
    expect(groups.map((g) => [g.label, g.text])).toEqual([
      ['a)', 'Về kinh tế:'],
      ['b)', 'Về xã hội:'],
      ['c)', 'Về môi trường:'],
    ]);
    const nums = groups.map((g) => g.children.map((t) => `${t.kind}:${t.num}`));
    const range = (a: number, b: number): string[] =>
      Array.from({ length: b - a + 1 }, (_, i) => `target:${a + i}`);
    expect(nums).toEqual([range(1, 11), range(12, 17), range(18, 21)]);
    expect(byId('chi-tieu-1').text).toBe(
      'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) đạt trên 12,5%.',
    );
    expect(byId('chi-tieu-7').label).toBe('(7)');
    expect(byId('chi-tieu-21').text).toBe(
      'Tỷ lệ che phủ rừng đạt trên 46% và nâng cao chất lượng rừng.',
    );
  });

  it('holds task groups 3.1–3.8 with their points', () => {
    const subs = byId('dieu-1.khoan-3').children.filter((c) => c.kind === 'subclause');
    expect(subs.map((s) => s.num)).toEqual([
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '3.6',
      '3.7',
      '3.8',
    ]);
    const points = (id: string): (string | null)[] =>
      byId(id)
        .children.filter((c) => c.kind === 'point')
        .map((c) => c.num);
    expect(points('dieu-1.khoan-3-1')).toEqual(['a', 'b', 'c', 'd']);
    expect(points('dieu-1.khoan-3-2')).toEqual(['a', 'b', 'c']);
    expect(points('dieu-1.khoan-3-3')).toEqual([]);
    expect(byId('dieu-1.khoan-3-1.diem-b').heading).toMatch(/^Phát triển dịch vụ tổng hợp/);
  });

  it('keeps "(i) (ii) (iii)" as text, not targets', () => {
    const targets = all.filter((n) => n.kind === 'target');
    expect(targets).toHaveLength(21);
    const paragraph = byId('dieu-1.khoan-3-1.diem-b.doan-1');
    expect(paragraph.text).toContain('(i) Đề án quản lý, bảo tồn');
    expect(paragraph.text).toContain('(iii) Đề án phát triển kinh tế di sản');
  });

  it('keeps "Điều hành chi ngân sách …" as a paragraph, not an article', () => {
    const node = all.find((n) => n.text?.startsWith('Điều hành chi ngân sách'));
    expect(node?.kind).toBe('paragraph');
    expect(node?.id).toBe('dieu-1.khoan-3-1.diem-d.doan-2');
  });

  it('keeps the typos of the source', () => {
    expect(all.some((n) => n.text?.includes('đế trẻ em phát triển toàn diện'))).toBe(true);
    expect(all.some((n) => n.text?.includes('lần thử XIV'))).toBe(true);
  });

  it('cites nodes the Vietnamese way', () => {
    const cites = new Map<string, string>();
    walk(document.nodes, (n, anc) => cites.set(n.id, citation(n, anc)));
    expect(cites.get('dieu-1.khoan-3-2.diem-b')).toBe('Điều 1 › khoản 3 › 3.2 › điểm b');
    expect(cites.get('chi-tieu-7')).toBe('Điều 1 › khoản 2 › điểm a › chỉ tiêu 7');
  });
});
