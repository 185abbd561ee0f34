import { describe, expect, it } from 'vitest';
import { citedId, citedIds, matchUnits, parseCitation } from '../../src/search/citation';

/** The id a query means, read as a citation; null when it is not one. */
function idOf(query: string): string | null {
  const citation = parseCitation(query);
  return citation ? citedId(citation.units) : null;
}

describe('reading a query as a citation', () => {
  it.each([
    ['điểm b khoản 3.2 Điều 1', 'dieu-1.khoan-3-2.diem-b'],
    ['Điều 1 khoản 3.2 điểm b', 'dieu-1.khoan-3-2.diem-b'],
    ['diem b khoan 3.2 dieu 1', 'dieu-1.khoan-3-2.diem-b'],
    ['ĐIỂM B KHOẢN 3.2 ĐIỀU 1', 'dieu-1.khoan-3-2.diem-b'],
    ['đ.b k.3.2 Đ.1', 'dieu-1.khoan-3-2.diem-b'],
    ['Điều 1 khoản 2 điểm c', 'dieu-1.khoan-2.diem-c'],
    ['điểm đ khoản 2.1 Điều 2', 'dieu-2.khoan-2-1.diem-dd'],
    ['diem dd khoan 2.1 dieu 2', 'dieu-2.khoan-2-1.diem-dd'],
    ['khoản 2 của Điều 2', 'dieu-2.khoan-2'],
    ['Điều 2.', 'dieu-2'],
    ['chỉ tiêu 14', 'chi-tieu-14'],
    ['chi tieu so 7', 'chi-tieu-7'],
    ['chỉ tiêu (7)', 'chi-tieu-7'],
    ['chỉ tiêu 7 điểm a khoản 2 Điều 1', 'chi-tieu-7'],
    ['khoản 3.1', 'khoan-3-1'],
    ['Chương II', 'chuong-ii'],
    ['khoản 1 Phần A Phụ lục', 'phu-luc.phan-a.khoan-1'],
  ])('%j → %s', (query, id) => {
    expect(idOf(query)).toBe(id);
  });

  it('reads a document named after the units', () => {
    expect(parseCitation('khoản 2 Điều 2 Nghị quyết 316/NQ-HĐND')).toEqual({
      units: [
        { kind: 'article', num: '2' },
        { kind: 'clause', num: '2' },
      ],
      document: { type: 'nghi quyet', number: '316/NQ-HĐND', text: 'Nghị quyết 316/NQ-HĐND' },
    });
    expect(parseCitation('Điều 1 Nghị quyết số 57/NQ-HĐND')?.document).toMatchObject({
      type: 'nghi quyet',
      number: '57/NQ-HĐND',
    });
    expect(parseCitation('dieu 3 nghi quyet 57')?.document).toMatchObject({
      type: 'nghi quyet',
      number: '57',
    });
    expect(parseCitation('Điều 5 66/2025/NQ-HĐND')?.document?.number).toBe('66/2025/NQ-HĐND');
  });

  it.each([
    'du lich',
    'dieu duong',
    'phan bo ngan sach',
    'muc tieu tong quat',
    'chi tieu',
    'Nghị quyết 68',
    'Điều 1 du lịch',
    '57-NQ/TW',
    '14',
    'khoản vay',
    'Điều 1 Điều 2',
    '',
  ])('%j is not a citation', (query) => {
    expect(parseCitation(query)).toBeNull();
  });

  it('reads "mục 3.2" as a section, then as the numbered clause 3.2', () => {
    const citation = parseCitation('mục 3.2');
    expect(citation && citedIds(citation)).toEqual(['muc-3-2', 'khoan-3-2']);
  });
});

describe('finding the cited unit among a document’s units', () => {
  const units = [
    'dieu-1',
    'dieu-1.khoan-2',
    'dieu-1.khoan-2.diem-c',
    'chi-tieu-14',
    'dieu-1.khoan-3-2',
    'dieu-1.khoan-3-2.diem-b',
    'dieu-2',
    'dieu-2.khoan-2',
  ].map((id) => ({ id }));
  const ids = (query: string) => {
    const citation = parseCitation(query);
    return citation ? matchUnits(citation, units).map((unit) => unit.id) : [];
  };

  it('lands on the exact unit', () => {
    expect(ids('điểm b khoản 3.2 Điều 1')).toEqual(['dieu-1.khoan-3-2.diem-b']);
    expect(ids('chi tieu so 14')).toEqual(['chi-tieu-14']);
    expect(ids('mục 3.2')).toEqual(['dieu-1.khoan-3-2']);
  });

  it('lists every unit a citation without its article may mean, in document order', () => {
    expect(ids('khoản 2')).toEqual(['dieu-1.khoan-2', 'dieu-2.khoan-2']);
    expect(ids('điểm c khoản 2')).toEqual(['dieu-1.khoan-2.diem-c']);
  });

  it('finds nothing for a unit the document lacks', () => {
    expect(ids('Điều 9')).toEqual([]);
    expect(ids('chỉ tiêu 99')).toEqual([]);
  });
});
