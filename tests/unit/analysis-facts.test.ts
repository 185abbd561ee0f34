import { describe, expect, it } from 'vitest';
import { documentFacts, FactsSchema, type DocumentFacts } from '../../src/lib/analysis/facts';
import { loadDocumentFile } from '../../src/lib/document/load';
import { parseDocument } from '../../src/lib/document/parse';
import type { DocNode, Document } from '../../src/lib/document/schema';
import { corpusNames, readCorpus } from '../support/shared';
import { EMPTY_META } from '../support/trees.ts';

const facts = (file: string): DocumentFacts => documentFacts(loadDocumentFile(file).document);
const corpus = (name: string): DocumentFacts =>
  documentFacts(parseDocument(readCorpus(name)).document);

describe('facts of the seed', () => {
  const seed = facts('seeds/quang-ninh-ktxh-2026.txt');

  it('says it has no number, and reads the masthead as written', () => {
    expect(seed).toMatchObject({
      number: null,
      kind: 'NGHỊ QUYẾT',
      issuer: 'HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH',
      session: 'KHÓA XIV - KỲ HỌP THỨ 34',
      signer: { name: 'Trịnh Thị Minh Thanh', title: 'CHỦ TỊCH' },
      source: 'Nguồn tra cứu: vanban.phaplyvn.com',
    });
  });

  it('reads the adoption and, "kể từ ngày thông qua", the same date in force', () => {
    expect(seed.adopted).toEqual({
      date: '2025-12-16',
      text: 'thông qua ngày 16 tháng 12 năm 2025',
      nodeId: 'thong-qua',
    });
    expect(seed.inForce).toEqual({
      date: '2025-12-16',
      text: 'có hiệu lực thi hành kể từ ngày thông qua',
      nodeId: 'thong-qua',
      rule: 'on-adoption',
    });
  });
});

describe('facts of other resolutions', () => {
  it('reads a date in force written as a date, in a plan of another province', () => {
    const plan = facts('tests/fixtures/analysis/ke-hoach-tinh-mau.txt');
    expect(plan.number).toBe('45/NQ-HĐND');
    expect(plan.inForce).toMatchObject({ date: '2026-01-01', rule: 'on-date' });
    expect(plan.signer).toEqual({ name: 'Lê Văn Minh', title: 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH' });
    expect(plan.source).toBeNull();
  });

  it.each<[string, Partial<DocumentFacts>]>([
    [
      'hanoi-2025-66-nq-hdnd-phi',
      {
        number: '66/2025/NQ-HĐND',
        adopted: {
          date: '2025-11-27',
          text: 'thông qua ngày 27 tháng 11 năm 2025',
          nodeId: 'thong-qua',
        },
        inForce: {
          date: '2025-12-08',
          text: 'có hiệu lực thi hành kể từ ngày 08 tháng 12 năm 2025',
          nodeId: 'dieu-3.doan-1',
          rule: 'on-date',
        },
      },
    ],
    [
      'phuyen-2016-57-nq-hdnd-dutoan',
      {
        number: '57/NQ-HĐND',
        dated: '2016-12-16',
        adopted: { date: '2016-12-15', text: 'thông qua ngày 15/12/2016', nodeId: 'thong-qua' },
        inForce: {
          date: '2016-12-15',
          text: 'có hiệu lực thi hành từ ngày thông qua',
          nodeId: 'thong-qua',
          rule: 'on-adoption',
        },
      },
    ],
    [
      'qh-2025-198-kinhtetunhan-chuong',
      {
        number: null,
        issuer: 'QUỐC HỘI',
        signer: null,
        inForce: {
          date: '2025-05-17',
          text: 'có hiệu lực thi hành từ ngày được Quốc hội thông qua',
          nodeId: 'dieu-17.khoan-1',
          rule: 'on-adoption',
        },
      },
    ],
  ])('reads the facts of %s', (name, expected) => {
    expect(corpusNames()).toContain(name);
    expect(corpus(name)).toMatchObject(expected);
  });

  it('gives every corpus text facts that validate', () => {
    for (const name of corpusNames()) expect(() => FactsSchema.parse(corpus(name))).not.toThrow();
  });
});

describe('facts of hand-made texts', () => {
  const node = (kind: DocNode['kind'], id: string, text: string, children: DocNode[] = []) =>
    ({ kind, id, num: null, label: null, heading: null, text, line: 1, children }) as DocNode;
  const doc = (article: string, closing: string | null, date = '2026-03-02'): Document => ({
    format: 1,
    meta: { ...EMPTY_META, date },
    nodes: [
      node('article', 'dieu-1', 'Điều khoản thi hành', [node('clause', 'dieu-1.khoan-1', article)]),
      ...(closing ? [node('closing', 'thong-qua', closing)] : []),
    ],
  });

  it.each<[string, string | null, DocumentFacts['inForce']]>([
    [
      'Nghị quyết này có hiệu lực kể từ ngày ký.',
      null,
      {
        date: '2026-03-02',
        text: 'có hiệu lực kể từ ngày ký',
        nodeId: 'dieu-1.khoan-1',
        rule: 'on-signing',
      },
    ],
    [
      'Nghị quyết có hiệu lực thi hành từ ngày 01/7/2026.',
      null,
      {
        date: '2026-07-01',
        text: 'có hiệu lực thi hành từ ngày 01/7/2026',
        nodeId: 'dieu-1.khoan-1',
        rule: 'on-date',
      },
    ],
    [
      'Nghị quyết này có hiệu lực thi hành sau 10 ngày kể từ ngày ký ban hành.',
      null,
      {
        date: null,
        text: 'có hiệu lực thi hành sau 10 ngày kể từ ngày ký ban hành',
        nodeId: 'dieu-1.khoan-1',
        rule: 'other',
      },
    ],
    [
      'Bãi bỏ Nghị quyết số 16/2023/NQ-HĐND có hiệu lực từ ngày 01 tháng 01 năm 2024.',
      'Nghị quyết này đã được Hội đồng nhân dân tỉnh thông qua ngày 28 tháng 02 năm 2026.',
      null,
    ],
    [
      'Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.',
      'Nghị quyết này đã được Hội đồng nhân dân tỉnh thông qua ngày 28 tháng 02 năm 2026 và có hiệu lực từ ngày thông qua./.',
      {
        date: '2026-02-28',
        text: 'có hiệu lực từ ngày thông qua',
        nodeId: 'thong-qua',
        rule: 'on-adoption',
      },
    ],
  ])('reads %j (closing %j)', (article, closing, inForce) => {
    expect(documentFacts(doc(article, closing)).inForce).toEqual(inForce);
  });

  it('writes "none" for every fact a text does not give, never a guess', () => {
    const bare = documentFacts(doc('Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.', null));
    expect(bare).toEqual({
      number: null,
      kind: null,
      issuer: null,
      session: null,
      place: null,
      dated: '2026-03-02',
      adopted: null,
      inForce: null,
      signer: null,
      source: null,
    });
  });

  it('keeps an impossible date out, but the words in', () => {
    const odd = documentFacts(doc('Nghị quyết có hiệu lực từ ngày 31 tháng 02 năm 2026.', null));
    expect(odd.inForce).toMatchObject({ date: null, rule: 'on-date' });
    expect(odd.inForce?.text).toBe('có hiệu lực từ ngày 31 tháng 02 năm 2026');
  });
});
