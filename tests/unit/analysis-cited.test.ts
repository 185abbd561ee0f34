import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load';
import type { DocNode, Document } from '../../src/lib/document/schema';
import { flatten } from '../../src/lib/document/tree';
import { findCitations, findCitedDocuments } from '../../src/lib/analysis/cited';
import { EMPTY_META } from '../support/trees.ts';

const { document: seed } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');
const cited = findCitedDocuments(seed);
const byId = new Map(flatten(seed.nodes).map((node) => [node.id, node]));

describe('cited documents of the seed', () => {
  it('gathers every cited document under a stable key, in order of first mention', () => {
    expect(cited.map((doc) => doc.key)).toEqual([
      'luat-to-chuc-chinh-quyen-dia-phuong',
      'nq-316-nq-hdnd',
      'ttr-4585-ttr-ubnd',
      'bc-683-bc-ubnd',
      'bc-708-bc-ubnd',
      'bc-740-bc-ubnd',
      'nq-70-nq-tw',
      'nghi-quyet-dai-hoi-dang-bo-tinh-lan-thu-xvi',
      'nq-66-7-nq-cp',
      'luat-dau-tu',
      'nq-66-nq-cp',
      'kh-538-kh-tu',
      'nq-57-nq-tw',
      'nq-214-nq-cp',
      'nq-68-nq-tw',
      'kh-547-kh-tu',
      'nq-71-nq-tw',
      'nq-17-nq-tu',
      'nq-72-nq-tw',
      'nq-66-nq-tw',
      'kh-540-kh-tu',
      'nq-59-nq-tw',
      'nghi-quyet-dai-hoi-dang-toan-quoc-lan-thu-xiv',
    ]);
    for (const doc of cited) expect(doc.key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('writes a display title with number, date and issuer', () => {
    const title = (key: string): string | undefined => cited.find((doc) => doc.key === key)?.title;
    expect(title('nq-57-nq-tw')).toBe(
      'Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị',
    );
    expect(title('kh-538-kh-tu')).toBe(
      'Kế hoạch số 538-KH/TU ngày 19 tháng 5 năm 2025 của Ban Thường vụ Tỉnh ủy',
    );
    expect(title('kh-547-kh-tu')).toMatch(/^Kế hoạch hành động số 547-KH\/TU/);
    expect(title('nq-66-7-nq-cp')).toBe(
      'Nghị quyết số 66.7/NQ-CP ngày 15 tháng 11 năm 2025 của Chính phủ',
    );
    const law = cited.find((doc) => doc.key === 'luat-to-chuc-chinh-quyen-dia-phuong');
    expect(law).toMatchObject({ type: 'Luật', number: null, date: '2025-06-16' });
  });

  it('keeps 66/NQ-CP, 66.7/NQ-CP and 66-NQ/TW apart', () => {
    const keys = cited.map((doc) => doc.key).filter((key) => key.includes('66'));
    expect(keys.sort()).toEqual(['nq-66-7-nq-cp', 'nq-66-nq-cp', 'nq-66-nq-tw']);
  });

  it('gives each mention a verbatim span of its node field', () => {
    for (const doc of cited) {
      expect(doc.mentions.length).toBeGreaterThan(0);
      for (const mention of doc.mentions) {
        const field = byId.get(mention.nodeId)?.[mention.field] ?? '';
        const span = field.slice(mention.start, mention.end);
        expect(span.toLowerCase().startsWith(doc.type.toLowerCase())).toBe(true);
        if (doc.number !== null) expect(span).toContain(doc.number);
      }
    }
    const nq57 = cited.find((doc) => doc.key === 'nq-57-nq-tw');
    const mention = nq57?.mentions[0];
    const text = mention ? (byId.get(mention.nodeId)?.text ?? '') : '';
    expect(mention?.nodeId).toBe('dieu-1.khoan-3-2.diem-b.doan-2');
    expect(text.slice(mention?.start, mention?.end)).toBe(
      'Nghị quyết số 57-NQ/TW, ngày 22 tháng 12 năm 2024 của Bộ Chính trị',
    );
  });

  it('merges repeated mentions of one document', () => {
    const congress = cited.find((doc) => doc.key === 'nghi-quyet-dai-hoi-dang-bo-tinh-lan-thu-xvi');
    expect(congress?.mentions.map((mention) => mention.nodeId)).toEqual([
      'dieu-1.khoan-3-1.diem-d.doan-3',
      'dieu-1.khoan-3-8.doan-1',
    ]);
  });

  it('does not take the resolution itself ("Nghị quyết này") for a citation', () => {
    for (const doc of cited) expect(doc.title).not.toMatch(/này/);
  });
});

describe('findCitations', () => {
  it('reads a numbered citation with a slash date and a long issuer', () => {
    const text =
      'Căn cứ Quyết định số 2309/QĐ-TTg ngày 29/11/2016 của Thủ tướng Chính phủ về giao dự toán;';
    const [found] = findCitations(text);
    expect(found).toMatchObject({
      key: 'qd-2309-qd-ttg',
      type: 'Quyết định',
      number: '2309/QĐ-TTg',
      date: '2016-11-29',
      issuer: 'Thủ tướng Chính phủ',
      text: 'Quyết định số 2309/QĐ-TTg ngày 29/11/2016 của Thủ tướng Chính phủ',
    });
  });

  it('reads upper-case titles and laws with a name and a number as one law', () => {
    expect(findCitations('NGHỊ QUYẾT SỐ 16/2023/NQ-HĐND')[0]?.key).toBe('nq-16-2023-nq-hdnd');
    const law = findCitations('Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;');
    expect(law.map((found) => [found.key, found.number])).toEqual([
      ['luat-to-chuc-chinh-quyen-dia-phuong', '72/2025/QH15'],
    ]);
    expect(findCitations('Căn cứ Luật Phí và lệ phí số 97/2015/QH13;')[0]?.key).toBe(
      'luat-phi-va-le-phi',
    );
  });

  it('ignores the common noun "luật" and numbers without a document code', () => {
    expect(
      findCitations('thi hành pháp luật số 12/2020/QH14 và Nghị quyết số 5 của Tỉnh ủy'),
    ).toEqual([]);
    expect(findCitations('Luật Đầu tư và Luật Doanh nghiệp').map((found) => found.key)).toEqual([
      'luat-dau-tu',
      'luat-doanh-nghiep',
    ]);
  });
});

describe('findCitedDocuments on a hand-made tree', () => {
  it('looks in headings and texts of every node', () => {
    const full = 'Kế hoạch số 538-KH/TU ngày 19 tháng 5 năm 2025 của Tỉnh ủy';
    const node = (id: string, heading: string | null, text: string | null): DocNode => ({
      kind: 'paragraph',
      id,
      num: null,
      label: null,
      heading,
      text,
      line: 1,
      children: [],
    });
    const tree: Document = {
      format: 1,
      meta: EMPTY_META,
      nodes: [node('a', 'Thực hiện Kế hoạch số 538-KH/TU', null), node('b', null, `theo ${full}.`)],
    };
    const [doc] = findCitedDocuments(tree);
    expect(doc?.mentions).toEqual([
      { nodeId: 'a', field: 'heading', start: 10, end: 10 + 'Kế hoạch số 538-KH/TU'.length },
      { nodeId: 'b', field: 'text', start: 5, end: 5 + full.length },
    ]);
    expect(doc?.title).toBe('Kế hoạch số 538-KH/TU ngày 19 tháng 5 năm 2025 của Tỉnh ủy');
    expect(doc?.date).toBe('2025-05-19');
  });
});

describe('congress resolutions typed with a slip on the tone of "thứ"', () => {
  it.each(['thứ', 'thử', 'thừ', 'thư', 'thu', 'thú'])(
    'reads "Nghị quyết Đại hội Đảng bộ tỉnh lần %s XVI" as the same congress',
    (word) => {
      const text = `Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần ${word} XVI.`;
      const [found] = findCitations(text);
      expect(found?.text).toBe(`Nghị quyết Đại hội Đảng bộ tỉnh lần ${word} XVI`);
      expect(found?.key).toBe(findCitations('Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI')[0]?.key);
    },
  );

  it('needs the Roman numeral, so other words after "lần" are left alone', () => {
    expect(findCitations('Nghị quyết Đại hội đã nêu lần thu phí đầu tiên.')).toEqual([]);
    expect(findCitations('Nghị quyết Đại hội Đảng bộ lần thứ nhất.')).toEqual([]);
  });
});
