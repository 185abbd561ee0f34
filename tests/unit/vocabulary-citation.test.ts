import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load.ts';
import type { DocNode } from '../../src/lib/document/schema.ts';
import { findById, walk } from '../../src/lib/document/tree.ts';
import {
  citation,
  citationDate,
  displayReaderCitation,
  documentReference,
  readerCitation,
} from '../../src/lib/vocabulary/citation.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';

const { document: seed } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');

/** A node of a document with its ancestors, outermost first. */
function withAncestors(nodes: DocNode[], id: string): [DocNode, DocNode[]] {
  let found: [DocNode, DocNode[]] | undefined;
  walk(nodes, (node, ancestors) => {
    if (node.id === id) found = [node, ancestors];
  });
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

/** The reader's citation of a seed node. */
const cite = (id: string): string => displayReaderCitation(...withAncestors(seed.nodes, id));

describe('citations as Vietnamese texts write them', () => {
  it('names units small to big, a numbered sub-item as "mục"', () => {
    expect(cite('dieu-1.khoan-3-2.diem-b')).toBe('điểm b mục 3.2 khoản 3 Điều 1');
    expect(cite('dieu-1.khoan-3-2')).toBe('mục 3.2 khoản 3 Điều 1');
    expect(cite('dieu-2.khoan-1')).toBe('khoản 1 Điều 2');
    expect(cite('dieu-1')).toBe('Điều 1');
  });

  it('names a target by its number inside the point and clause that hold it', () => {
    expect(cite('chi-tieu-7')).toBe('chỉ tiêu 7 điểm a khoản 2 Điều 1');
  });

  it('places a paragraph first, by its number', () => {
    expect(cite('dieu-1.khoan-3-2.diem-a.doan-2')).toBe('đoạn 2 điểm a mục 3.2 khoản 3 Điều 1');
  });

  it('keeps navigation big to small, the sub-item by its number alone', () => {
    const [node, ancestors] = withAncestors(seed.nodes, 'dieu-1.khoan-3-2.diem-b');
    expect(citation(node, ancestors)).toBe('Điều 1 › khoản 3 › 3.2 › điểm b');
  });

  it('leaves out the chapter above an article, as laws are cited', () => {
    const { document } = parseDocument(
      'LUẬT\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Luật này quy định.\n2. Khoản hai.\nĐiều 2. Đối tượng\nNội dung.\n',
    );
    const [clause, above] = withAncestors(document.nodes, 'dieu-1.khoan-2');
    expect(readerCitation(clause, above)).toBe('khoản 2 Điều 1');
    const chapter = findById(document.nodes, 'chuong-i');
    expect(chapter && readerCitation(chapter, [])).toBe('Chương I');
  });
});

describe('naming the document', () => {
  it('uses the number when there is one', () => {
    expect(
      documentReference({
        kind: 'Nghị quyết',
        number: '66/2025/NQ-HĐND',
        title: 'Nghị quyết quy định mức thu phí',
        date: '2025-12-10',
        issuer: 'Hội đồng nhân dân thành phố Hà Nội',
      }),
    ).toBe('Nghị quyết số 66/2025/NQ-HĐND ngày 10/12/2025 của Hội đồng nhân dân thành phố Hà Nội');
  });

  it('uses the title and date when there is no number, and leaves out what is missing', () => {
    expect(
      documentReference({
        kind: 'Nghị quyết',
        number: null,
        title: 'Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2026',
        date: '2025-12-16',
        issuer: null,
      }),
    ).toBe('Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2026 ngày 16/12/2025');
    expect(
      documentReference({
        kind: null,
        number: '1/QĐ',
        title: 'Quyết định',
        date: null,
        issuer: null,
      }),
    ).toBe('Quyết định');
  });

  it('writes dates day/month/year with their zeros', () => {
    expect(citationDate('2026-01-05')).toBe('05/01/2026');
  });
});
