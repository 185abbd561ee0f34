/**
 * The parts real documents have beyond a resolution's body: attached instruments, appendices
 * with tables and forms, quotations in amending texts, every level from Phần to tiết, marked
 * article numbers, plans without articles, signature blocks, and texts that are not legal
 * documents at all. Each hand-made text has its expected tree beside it; these tests name what
 * each tree must show.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import type { DocNode } from '../../src/lib/document/schema.ts';
import { flatten, walk } from '../../src/lib/document/tree.ts';
import { readCorpus, truthTexts } from '../support/shared.ts';

/** Parses a hand-made fixture. */
function handmade(name: string): ReturnType<typeof parseDocument> {
  return parseDocument(readFileSync(`tests/fixtures/handmade/${name}.txt`, 'utf8'));
}

/** Containers whose articles are not the document's own. */
const NOT_OWN = new Set(['instrument', 'appendix', 'form', 'quote']);

/** The numbers of the articles of `nodes` that are not inside another container. */
function ownArticles(nodes: DocNode[]): string[] {
  const out: string[] = [];
  walk(nodes, (node, ancestors) => {
    if (node.kind === 'article' && !ancestors.some((a) => NOT_OWN.has(a.kind))) {
      out.push(node.num ?? '');
    }
  });
  return out;
}

/** The node with an id. */
function byId(nodes: DocNode[], id: string): DocNode | undefined {
  return flatten(nodes).find((n) => n.id === id);
}

/** The numbers 1 to n as strings. */
const upTo = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i + 1));

describe('an instrument attached after the signature', () => {
  const { document, warnings } = handmade('quyet-dinh-quy-che');
  const instrument = document.nodes.find((n) => n.kind === 'instrument');

  it('keeps the decision at three articles and gives the regulation its own seven', () => {
    expect(ownArticles(document.nodes)).toEqual(upTo(3));
    expect(ownArticles(instrument?.children ?? [])).toEqual(upTo(7));
  });

  it('prefixes the regulation ids, so Điều 1 of each never collide', () => {
    expect(byId(document.nodes, 'dieu-1')?.text).toMatch(/^Ban hành kèm theo/);
    expect(byId(document.nodes, 'quy-che.dieu-1')?.heading).toBe('Phạm vi điều chỉnh');
    expect(byId(document.nodes, 'quy-che.chuong-ii.muc-2')?.heading).toBe('KINH PHÍ');
  });

  it('reads the regulation masthead, title and "Ban hành kèm theo" line into it', () => {
    expect(instrument?.children.slice(0, 6).map((c) => c.kind)).toEqual([
      'issuer',
      'issuer',
      'motto',
      'doc-type',
      'title',
      'attachment',
    ]);
    expect(document.meta.instruments).toEqual([
      {
        id: 'quy-che',
        docType: 'QUY CHẾ',
        title: 'Quản lý và sử dụng nhà văn hóa thôn, tổ dân phố trên địa bàn tỉnh Thử Nghiệm',
        attachment:
          '(Ban hành kèm theo Quyết định số 15/2025/QĐ-UBND ngày 20 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh Thử Nghiệm)',
      },
    ]);
  });

  it('reads the signature block over five lines, "(Đã ký)" kept, the name as signer', () => {
    const signature = document.nodes.find((n) => n.kind === 'signature');
    expect(signature?.heading).toBe('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(signature?.text).toBe('(Đã ký) Lê Thị Thu Hà');
    expect(document.meta.signer).toBe('Lê Thị Thu Hà');
  });

  it('finishes a reference wrapped before "Điều 4 của Quy chế này" instead of opening it', () => {
    expect(byId(document.nodes, 'quy-che.dieu-3.khoan-1')?.text).toMatch(
      /theo quy định tại Điều 4 của Quy chế này/,
    );
    expect(warnings).toEqual([]);
  });
});

describe('two instruments attached to a circular', () => {
  const { document, warnings } = handmade('thong-tu-hai-quy-dinh');
  const [first, second] = document.nodes.filter((n) => n.kind === 'instrument');

  it('reads both, each with its own articles, inserted article 2a included', () => {
    expect(ownArticles(document.nodes)).toEqual(upTo(3));
    expect(ownArticles(first?.children ?? [])).toEqual(['1', '2', '2a', '3']);
    expect(ownArticles(second?.children ?? [])).toEqual(['1', '2']);
    expect(document.meta.instruments?.map((i) => i.id)).toEqual(['quy-dinh', 'quy-dinh-2']);
  });

  it('reads tiết a.1), a.2) under point a)', () => {
    const point = byId(document.nodes, 'quy-dinh.dieu-2.khoan-2.diem-a');
    expect(point?.children.map((c) => [c.kind, c.num])).toEqual([
      ['subpoint', 'a.1'],
      ['subpoint', 'a.2'],
    ]);
  });

  it('puts the second regulation appendix and its table under the regulation', () => {
    const table = byId(document.nodes, 'quy-dinh-2.phu-luc.bang-1');
    expect(table?.children).toHaveLength(4);
    expect(table?.children[0]?.children.map((c) => c.heading)).toEqual([
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Số lượng',
    ]);
    expect(table?.children[1]?.children.map((c) => c.text)).toEqual([
      '1',
      'Diện tích rừng tự nhiên',
      'ha',
      null,
    ]);
  });

  it('takes a signer title alone on its line, then the name, as the signature', () => {
    expect(document.meta).toMatchObject({ signer: 'Trần Văn Bình', signerTitle: 'BỘ TRƯỞNG' });
    expect(warnings).toEqual([]);
  });
});

describe('a plan attached to a decision whose signature is only a name', () => {
  const { document, warnings } = handmade('quyet-dinh-ke-hoach');

  it('takes the name after "./." as the signer and reads the plan as an instrument', () => {
    expect(document.meta.signer).toBe('Nguyễn Văn An');
    const plan = document.nodes.find((n) => n.kind === 'instrument');
    expect(plan?.id).toBe('ke-hoach');
    expect(plan?.children.filter((c) => c.kind === 'part').map((p) => p.id)).toEqual([
      'ke-hoach.phan-i',
      'ke-hoach.phan-ii',
    ]);
    expect(ownArticles(document.nodes)).toEqual(upTo(3));
    expect(warnings).toEqual([]);
  });
});

describe('appendices with tables and model texts', () => {
  const { document } = handmade('phu-luc-mau');

  it('counts only the resolution own articles, not those of model decisions or contracts', () => {
    expect(ownArticles(document.nodes)).toEqual(upTo(2));
    const forms = flatten(document.nodes).filter((n) => n.kind === 'form');
    expect(forms.map((f) => f.id)).toEqual(['phu-luc-ii.mau-01', 'phu-luc-ii.mau-02']);
    expect(forms.map((f) => ownArticles(f.children))).toEqual([upTo(3), upTo(3)]);
    expect(byId(document.nodes, 'phu-luc-ii.mau-02.dieu-1')?.heading).toBe(
      'Tên và mục đích của tổ hợp tác',
    );
  });

  it('reads a Markdown table header from its delimiter row, and an empty cell as null', () => {
    const table = byId(document.nodes, 'phu-luc-i.bang-1');
    expect(table?.children.map((r) => r.children[0]?.heading ?? r.children[0]?.text)).toEqual([
      'STT',
      '1',
      '2',
      null,
    ]);
    expect(byId(document.nodes, 'phu-luc-i.kem-theo')?.kind).toBe('attachment');
  });
});

describe('an attachment line that drops "theo"', () => {
  it('reads "(Ban hành kèm Nghị quyết số …)" under a real appendix as its attachment line', () => {
    const { document } = parseDocument(readCorpus('hanoi-2025-66-nq-hdnd-phi'));
    const appendix = document.nodes.find((n) => n.kind === 'appendix');
    expect(appendix?.children[0]?.kind).toBe('attachment');
    expect(appendix?.children[0]?.text).toMatch(
      /^\(Ban hành kèm Nghị quyết số 66\/2025\/NQ-HĐND về việc sửa đổi/,
    );
  });

  it('reads "(Ban hành kèm Quyết định số …)" under a regulation, its title kept apart', () => {
    const text = readFileSync('tests/fixtures/handmade/quyet-dinh-quy-che.txt', 'utf8').replace(
      '(Ban hành kèm theo Quyết định số',
      '(Ban hành kèm Quyết định số',
    );
    const { document } = parseDocument(text);
    expect(document.meta.instruments).toEqual([
      {
        id: 'quy-che',
        docType: 'QUY CHẾ',
        title: 'Quản lý và sử dụng nhà văn hóa thôn, tổ dân phố trên địa bàn tỉnh Thử Nghiệm',
        attachment:
          '(Ban hành kèm Quyết định số 15/2025/QĐ-UBND ngày 20 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh Thử Nghiệm)',
      },
    ]);
  });

  it('leaves a line opening "Kèm" without a document kind to the text', () => {
    const text = readFileSync('tests/fixtures/handmade/phu-luc-mau.txt', 'utf8').replace(
      '(Kèm theo Nghị quyết số 21/2025/NQ-HĐND ngày 09 tháng 7 năm 2025 của Hội đồng nhân dân tỉnh)\n| STT',
      'Kèm số liệu của các huyện.\n| STT',
    );
    const { document } = parseDocument(text);
    expect(byId(document.nodes, 'phu-luc-i.kem-theo')).toBeUndefined();
    expect(byId(document.nodes, 'phu-luc-i.doan-1')?.text).toBe('Kèm số liệu của các huyện.');
  });
});

describe('appendices listed in an article, then written after the signature', () => {
  const { document, warnings } = handmade('danh-muc-phu-luc');

  it('keeps "Phụ lục I: …" inside the article and opens "Phụ lục I" after the signature', () => {
    expect(byId(document.nodes, 'dieu-1')?.children.map((c) => c.text)).toEqual([
      'Phụ lục I: Danh mục dự án chuyển tiếp',
      'Phụ lục II: Danh mục dự án khởi công mới',
    ]);
    const appendices = document.nodes.filter((n) => n.kind === 'appendix');
    expect(appendices.map((a) => [a.id, a.heading, a.children.map((c) => c.kind)])).toEqual([
      ['phu-luc-i', 'DANH MỤC DỰ ÁN CHUYỂN TIẾP', ['table']],
      ['phu-luc-ii', 'DANH MỤC DỰ ÁN KHỞI CÔNG MỚI', ['table']],
    ]);
    expect(ownArticles(document.nodes)).toEqual(upTo(2));
    expect(warnings).toEqual([]);
  });
});

describe('quotations in amending texts', () => {
  const law = handmade('luat-sua-doi');

  it('never counts quoted articles as the law own', () => {
    expect(ownArticles(law.document.nodes)).toEqual(upTo(2));
    const quotes = flatten(law.document.nodes).filter((n) => n.kind === 'quote');
    expect(quotes.map((q) => q.id)).toEqual([
      'dieu-1.khoan-1.trich-dan-1',
      'dieu-1.khoan-2.trich-dan-1',
      'dieu-1.khoan-3.trich-dan-1',
      'dieu-1.khoan-4.trich-dan-1',
    ]);
  });

  it('joins a quoted line wrapped before "Điều 103 Luật …", as outside quotations', () => {
    const quote = byId(law.document.nodes, 'dieu-1.khoan-1.trich-dan-1');
    expect(quote?.children.map((c) => c.text)).toEqual([
      '“2. Thư viện công lập do Nhà nước thành lập, bảo đảm kinh phí hoạt động theo quy định tại Điều 103 Luật Ngân sách nhà nước.”.',
    ]);
  });

  it('keeps a quotation that lost its opening mark, up to its closing mark', () => {
    const quote = byId(law.document.nodes, 'dieu-1.khoan-3.trich-dan-1');
    expect(quote?.children.map((c) => c.text?.slice(0, 12))).toEqual([
      'Điều 5a. Thư',
      '1. Thư viện ',
      '2. Chính phủ',
    ]);
  });

  it('ends an unclosed quotation before the next amendment, with warnings', () => {
    expect(byId(law.document.nodes, 'dieu-1.khoan-5')?.text).toBe('Bãi bỏ khoản 3 Điều 12.');
    expect(law.warnings.map((w) => [w.line, w.message])).toEqual([
      [18, 'quotation without its opening mark; read as quoted text up to line 20'],
      [22, 'quotation not closed; it is taken to end before line 23'],
    ]);
  });

  it('keeps the body going past "kể từ ngày được Quốc hội thông qua" in an article', () => {
    expect(byId(law.document.nodes, 'dieu-2.khoan-2')?.text).toMatch(/Quốc hội thông qua\.$/);
    expect(law.document.nodes.find((n) => n.kind === 'closing')?.line).toBe(27);
    expect(law.document.meta).toMatchObject({
      docType: 'LUẬT',
      number: '12/2025/QH15',
      date: '2025-06-24',
      signer: 'Trần Thanh Mẫn',
    });
  });

  it('does not let an unclosed quotation swallow the next real article', () => {
    const { document, warnings } = handmade('trich-dan-khong-dong');
    expect(ownArticles(document.nodes)).toEqual(upTo(2));
    expect(byId(document.nodes, 'dieu-2')?.heading).toBe('Tổ chức thực hiện');
    expect(byId(document.nodes, 'dieu-1.khoan-1.trich-dan-1')?.children).toHaveLength(3);
    expect(warnings.map((w) => w.line)).toEqual([19]);
  });
});

describe('every level from Phần to tiết', () => {
  const { document, warnings } = handmade('bo-luat-phan-chuong-muc');

  it('nests parts, chapters numbered across parts, sections, subsections and articles', () => {
    const kinds: string[] = [];
    walk(document.nodes, (n) => {
      if (['part', 'chapter', 'section', 'subsection', 'article'].includes(n.kind))
        kinds.push(n.id);
    });
    expect(kinds).toEqual([
      'phan-thu-nhat',
      'chuong-i',
      'dieu-1',
      'dieu-2',
      'phan-thu-hai',
      'chuong-ii',
      'chuong-ii.muc-1',
      'chuong-ii.muc-1.tieu-muc-1',
      'dieu-3',
      'chuong-ii.muc-1.tieu-muc-2',
      'dieu-4',
      'chuong-ii.muc-2',
      'dieu-5',
      'chuong-iii',
      'chuong-iii.muc-1',
      'dieu-6',
      'phan-thu-ba',
      'dieu-7',
    ]);
    expect(byId(document.nodes, 'dieu-3.khoan-1.diem-b.tiet-b-2')?.label).toBe('b.2)');
    // A heading in capitals may run over two lines.
    expect(byId(document.nodes, 'chuong-iii')?.heading).toBe(
      'THUYỀN VIÊN VÀ CHỨC DANH TRÊN TÀU BIỂN',
    );
    expect(warnings).toEqual([]);
  });
});

describe('marked and lettered article numbers', () => {
  const { document, warnings } = handmade('hop-nhat-dieu-danh-dau');

  it('reads Điều 2a, Điều 8[1]. and Điều 9***. as articles, marks kept in the label', () => {
    const articles = document.nodes.filter((n) => n.kind === 'article');
    expect(articles.map((a) => a.num)).toEqual(['1', '2', '2a', ...upTo(9).slice(2)]);
    expect(articles.slice(-2).map((a) => [a.id, a.label])).toEqual([
      ['dieu-8', 'Điều 8[1].'],
      ['dieu-9', 'Điều 9***.'],
    ]);
  });

  it('reads the certification block of a consolidated text as its signature', () => {
    expect(document.meta.signerTitle).toBe('BỘ TÀI CHÍNH XÁC THỰC VĂN BẢN HỢP NHẤT BỘ TRƯỞNG');
    expect(warnings.map((w) => w.line)).toEqual([35]);
  });
});

describe('a plan without articles', () => {
  const { document, warnings } = handmade('ke-hoach');

  it('reads I., 1., 1.1., a), - and + as nested units', () => {
    expect(document.nodes.filter((n) => n.kind === 'part').map((p) => p.num)).toEqual([
      'I',
      'II',
      'III',
    ]);
    const sub = byId(document.nodes, 'phan-ii.khoan-1-2');
    expect(sub?.children.map((c) => [c.label, c.children.length])).toEqual([
      ['-', 2],
      ['-', 0],
    ]);
    expect(byId(document.nodes, 'phan-ii.khoan-1-1.diem-b')?.kind).toBe('point');
    expect(ownArticles(document.nodes)).toEqual([]);
    expect(document.meta).toMatchObject({ docType: 'KẾ HOẠCH', number: '42/KH-UBND' });
    expect(warnings).toEqual([]);
  });
});

describe('headings after a line without a full stop', () => {
  const { document, warnings } = handmade('tieu-de-sau-dong-do-dang');

  it('opens Điều 1 after a comma and Điều 3 after a clause ending in a comma', () => {
    expect(ownArticles(document.nodes)).toEqual(upTo(3));
  });

  it('opens Chương I after an italic "(Ban hành kèm theo …)" line', () => {
    const instrument = document.nodes.find((n) => n.kind === 'instrument');
    expect(instrument?.children.map((c) => c.kind)).toEqual([
      'doc-type',
      'title',
      'attachment',
      'chapter',
    ]);
    expect(ownArticles(instrument?.children ?? [])).toEqual(upTo(3));
  });

  it('does not open an article at a wrapped "Điều 5 Nghị định …" reference', () => {
    expect(byId(document.nodes, 'quy-dinh.dieu-1.doan-1')?.text).toMatch(
      /theo quy định tại Điều 5 Nghị định số 60\/2024\/NĐ-CP\.$/,
    );
    expect(warnings).toEqual([]);
  });
});

describe('a page that is not a legal document', () => {
  it('keeps every line as a paragraph and says why, without inventing articles', () => {
    const { document, warnings } = handmade('hoi-dap');
    expect(new Set(document.nodes.map((n) => n.kind))).toEqual(new Set(['paragraph']));
    expect(document.nodes).toHaveLength(10);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/not read as a legal document/);
  });
});

describe('imported texts of other kinds (verbatim truths)', () => {
  const truths = new Map(
    truthTexts().map(([name, path]) => [name, parseDocument(readFileSync(path, 'utf8'))]),
  );
  const get = (name: string): ReturnType<typeof parseDocument> => {
    const result = truths.get(name);
    if (!result) throw new Error(`${name}: no such truth text`);
    return result;
  };

  // Counted by hand in each text: its own "Điều N." lines, quoted ones aside.
  it.each([
    ['doc-tcvn3/nghi-dinh-114-2003.truth.txt', 29],
    ['doc-vni/qd-991-ubnd-2008.truth.txt', 3],
    ['docx-vni/synthetic-vni-nd-0328.truth.txt', 18],
    ['pdf-tcvn3/qd-115-2004-ttg.truth.txt', 3],
  ])('%s has %i articles', (name, count) => {
    expect(ownArticles(get(name).document.nodes)).toEqual(upTo(count));
  });

  it('reads a gazette heading: kind, number, date, signer', () => {
    expect(get('doc-tcvn3/nghi-dinh-114-2003.truth.txt').document.meta).toMatchObject({
      docType: 'Nghị định',
      number: '114/2003/NĐ-CP',
      date: '2003-10-10',
      issuer: 'Chính phủ',
      signer: 'Phan Văn Khải',
    });
  });

  it('splits a two-column masthead and reads the fuller issuer', () => {
    expect(get('doc-vni/qd-991-ubnd-2008.truth.txt').document.meta).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC',
      number: '991/QĐ-UBND',
      place: 'Đồng Xoài',
      date: '2008-05-14',
      signer: 'Trương Tấn Thiệu',
    });
  });

  it('keeps the quoted Điều 13 of an amending decision as a quotation', () => {
    const { document } = get('pdf-tcvn3/qd-115-2004-ttg.truth.txt');
    const quote = byId(document.nodes, 'dieu-1.khoan-2.trich-dan-1');
    expect(quote?.children[0]?.text).toMatch(/^"Điều 13\. Ban điều hành/);
    expect(quote?.children.at(-1)?.text).toMatch(/và Ban điều hành\."$/);
  });
});
