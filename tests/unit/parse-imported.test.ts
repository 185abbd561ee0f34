/**
 * Published files of other kinds (Word laws, vbpl.vn pages, old .doc decisions, PDF decrees),
 * imported and parsed as the build reads them. Their articles and chapters were counted by hand
 * in each file as Word, the browser or the PDF viewer shows it.
 */
import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load.ts';
import type { DocNode } from '../../src/lib/document/schema.ts';
import { walk } from '../../src/lib/document/tree.ts';
import { importFixture } from '../support/shared.ts';

/** Containers whose articles are not the document's own. */
const NOT_OWN = new Set(['instrument', 'appendix', 'form', 'quote']);

/** The numbers of a document's own units of one kind, in reading order. */
function own(nodes: DocNode[], kind: string): string[] {
  const out: string[] = [];
  walk(nodes, (node, ancestors) => {
    if (node.kind === kind && !ancestors.some((a) => NOT_OWN.has(a.kind))) out.push(node.num ?? '');
  });
  return out;
}

/** The numbers 1 to n as strings. */
const upTo = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i + 1));

const CASES: [kind: string, file: string, articles: number, chapters: number][] = [
  ['docx', 'luat-09-2012-qh13.docx', 35, 5],
  ['docx', 'luat-83-2015-qh13.docx', 77, 7],
  // Word numbers this file's articles itself, and "Giải thích từ ngữ" has no number: as the file
  // shows it, the law has 92 numbered articles.
  ['docx', 'luat-84-2015-qh13.docx', 92, 7],
  ['docx-vni', 'synthetic-vni-nd-0328.docx', 18, 3],
  ['html', 'vbpl-luat-121-2025-qh15.html', 45, 5],
  ['html', 'vbpl-nq-cp-66-15-2026.html', 4, 0],
  ['doc-tcvn3', 'nghi-dinh-114-2003.doc', 29, 7],
  ['doc-vni', 'qd-991-ubnd-2008.doc', 3, 0],
  ['pdf', 'hdnd-335.pdf', 29, 4],
  ['pdf-tcvn3', 'qd-115-2004-ttg.pdf', 3, 0],
];

/**
 * What each imported law, decree and decision says of itself, copied by hand from its heading:
 * the type line as written, the number after "Số:" or "Luật số:" (or inside a gazette heading),
 * the date of the place and date line (for laws, which have none, of the closing statement; for
 * gazette headings, of the heading) and the issuing body as its masthead names it.
 */
const HEADINGS: [kind: string, file: string, meta: Record<string, string | null>][] = [
  [
    'docx',
    'luat-09-2012-qh13.docx',
    {
      docType: 'LUẬT',
      title: 'PHÒNG, CHỐNG TÁC HẠI CỦA THUỐC LÁ',
      number: '09/2012/QH13',
      date: '2012-06-18',
      place: null,
      issuer: 'QUỐC HỘI',
      signer: 'Nguyễn Sinh Hùng',
    },
  ],
  [
    'docx',
    'luat-83-2015-qh13.docx',
    { docType: 'LUẬT', title: 'NGÂN SÁCH NHÀ NƯỚC', number: '83/2015/QH13', date: '2015-06-25' },
  ],
  [
    'docx',
    'luat-84-2015-qh13.docx',
    {
      docType: 'LUẬT',
      title: 'AN TOÀN, VỆ SINH LAO ĐỘNG',
      number: '84/2015/QH13',
      date: '2015-06-25',
    },
  ],
  [
    'html',
    'vbpl-luat-121-2025-qh15.html',
    { docType: 'LUẬT', number: '121/2025/QH15', date: '2025-12-10', place: 'Hà Nội' },
  ],
  [
    'doc-tcvn3',
    'nghi-dinh-114-2003.doc',
    {
      docType: 'Nghị định',
      title: 'về cán bộ, công chức xã, phường, thị trấn.',
      number: '114/2003/NĐ-CP',
      date: '2003-10-10',
      issuer: 'Chính phủ',
      signer: 'Phan Văn Khải',
    },
  ],
  [
    'pdf',
    'hdnd-335.pdf',
    {
      docType: 'NGHỊ ĐỊNH',
      title:
        'Quy định về đánh giá, xếp loại chất lượng đối với cơ quan hành chính nhà nước và công chức',
      number: '335/2025/NĐ-CP',
      issuer: 'CHÍNH PHỦ',
      place: 'Hà Nội',
    },
  ],
  [
    'doc-vni',
    'qd-991-ubnd-2008.doc',
    {
      docType: 'QUYẾT ĐỊNH',
      number: '991/QĐ-UBND',
      date: '2008-05-14',
      place: 'Đồng Xoài',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC',
      signer: 'Trương Tấn Thiệu',
    },
  ],
  [
    'pdf-tcvn3',
    'qd-115-2004-ttg.pdf',
    {
      docType: 'Quyết định',
      number: '115/2004/QĐ-TTg',
      date: '2004-06-25',
      issuer: 'Thủ tướng Chính phủ',
    },
  ],
];

describe('imported documents of every kind', () => {
  it.each(CASES)('%s/%s has %i articles in %i chapters', (kind, file, articles, chapters) => {
    const { document } = loadDocumentFile(importFixture(kind, file));
    expect(own(document.nodes, 'article')).toEqual(upTo(articles));
    expect(own(document.nodes, 'chapter')).toHaveLength(chapters);
  });

  it.each(HEADINGS)(
    '%s/%s: kind, number, date and issuer as its heading gives them',
    (kind, file, meta) => {
      const { document } = loadDocumentFile(importFixture(kind, file));
      expect(document.meta).toMatchObject(meta);
    },
  );

  it('reads a decree with appendices of forms: the forms are no part of its own text', () => {
    const { document } = loadDocumentFile(importFixture('pdf', 'hdnd-335.pdf'));
    const appendices = document.nodes.filter((n) => n.kind === 'appendix');
    expect(appendices.map((a) => a.id)).toEqual(['phu-luc-i', 'phu-luc-ii']);
    expect(appendices[1]?.children.filter((c) => c.kind === 'form').map((f) => f.id)).toEqual([
      'phu-luc-ii.mau-01',
      'phu-luc-ii.mau-02',
    ]);
    expect(document.meta).toMatchObject({
      docType: 'NGHỊ ĐỊNH',
      number: '335/2025/NĐ-CP',
      date: '2025-12-21',
      signerTitle: 'TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG',
    });
  });

  it('reads the metadata of a law and of a government resolution from vbpl.vn', () => {
    const law = loadDocumentFile(importFixture('html', 'vbpl-luat-121-2025-qh15.html'));
    expect(law.document.meta).toMatchObject({
      docType: 'LUẬT',
      number: '121/2025/QH15',
      date: '2025-12-10',
      issuer: 'QUỐC HỘI',
      signerTitle: 'CHỦ TỊCH QUỐC HỘI',
    });
    const resolution = loadDocumentFile(importFixture('html', 'vbpl-nq-cp-66-15-2026.html'));
    expect(resolution.document.meta).toMatchObject({
      docType: 'NGHỊ QUYẾT',
      number: '66.15/2026/NQ-CP',
      date: '2026-02-13',
    });
  });

  it('joins a chapter heading set over two lines in capitals', () => {
    const { document } = loadDocumentFile(importFixture('docx', 'luat-09-2012-qh13.docx'));
    expect(document.nodes.find((n) => n.id === 'chuong-iv')?.heading).toBe(
      'CÁC ĐIỀU KIỆN BẢO ĐẢM ĐỂ PHÒNG, CHỐNG TÁC HẠI CỦA THUỐC LÁ',
    );
  });
});
