import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { corpusNames, readCorpus } from '../support/shared.ts';
import {
  capitalisedWords,
  documentTitle,
  generalObjective,
  issuerName,
  mastheadLine,
  rememberCasing,
  sentenceCase,
  sourceNote,
  targetGroups,
  usualCasing,
} from '../../src/lib/site/document.ts';
import { groupName, pageFilters } from '../../src/lib/site/filters.ts';
import { place } from '../../src/lib/mdx/emit.ts';
import { legislationJsonLd, jsonForScript, titleTag } from '../../src/lib/site/seo.ts';
import { vietnameseDate } from '../../src/lib/vocabulary/strings.ts';
import { flatten } from '../../src/lib/document/tree.ts';
import type { DocNode } from '../../src/lib/document/schema.ts';

const { document } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');

describe('what the front page says about the seed', () => {
  it('writes the upper-case title and issuer in sentence case, keeping proper nouns', () => {
    // The text writes the plan's name with a capital ("thông qua Kế hoạch phát triển …").
    expect(documentTitle(document, 'x')).toBe(
      'Nghị quyết về Kế hoạch phát triển kinh tế - xã hội năm 2026',
    );
    expect(issuerName(document)).toBe('Hội đồng nhân dân tỉnh Quảng Ninh');
    expect(mastheadLine(document, 'KHÓA XIV - KỲ HỌP THỨ 34')).toMatch(
      /^Khóa XIV - [Kk]ỳ họp thứ 34$/,
    );
  });

  it('finds the general objective and the 21 targets in three groups', () => {
    expect(generalObjective(document)?.id).toBe('dieu-1.khoan-1');
    const groups = targetGroups(document);
    expect(groups.map((g) => g.targets.length)).toEqual([11, 6, 4]);
    expect(groups.map((g) => groupName(g.holder?.text ?? ''))).toEqual([
      'Kinh tế',
      'Xã hội',
      'Môi trường',
    ]);
    expect(sourceNote(document)).toBe('Nguồn tra cứu: vanban.phaplyvn.com');
  });

  it('writes dates as administrative documents do', () => {
    expect(vietnameseDate('2025-12-16')).toBe('ngày 16 tháng 12 năm 2025');
    expect(vietnameseDate('2025-01-06')).toBe('ngày 06 tháng 01 năm 2025');
    expect(vietnameseDate('2025-06-30')).toBe('ngày 30 tháng 6 năm 2025');
  });
});

describe('sentence case', () => {
  it('keeps Roman numerals and words the text capitalises', () => {
    const casing = usualCasing('đi Hà Nội rồi về Hà Nội. Ở thành phố thì vui');
    expect(sentenceCase('THÀNH PHỐ HÀ NỘI KHÓA XV', casing)).toBe('Thành phố Hà Nội khóa XV');
  });

  it('leaves a line already in mixed case alone', () => {
    expect(sentenceCase('Về kế hoạch năm 2026', new Map())).toBe('Về kế hoạch năm 2026');
  });
});

describe('the casing the content step keeps for the pages', () => {
  it('gives every line the sentence case the whole count gives', () => {
    const word = fc.constantFrom(
      'Hà',
      'hà',
      'Nội',
      'nội',
      'KHÓA',
      'khóa',
      'Việt',
      'việt',
      'Nam',
      'XV',
    );
    const text = fc.array(fc.array(word, { minLength: 1, maxLength: 8 }), { maxLength: 6 });
    fc.assert(
      fc.property(text, fc.array(word, { minLength: 1, maxLength: 6 }), (sentences, line) => {
        const counted = usualCasing(sentences.map((words) => words.join(' ')).join('. '));
        const kept = new Map(
          [...counted]
            .filter(([, casing]) => casing === 'upper')
            .map(([w]) => [w, 'upper' as const]),
        );
        const upperLine = line.join(' ').toUpperCase();
        expect(sentenceCase(upperLine, kept)).toBe(sentenceCase(upperLine, counted));
      }),
    );
  });

  it('names the seed and the corpus texts as their own count does, once remembered', () => {
    const texts = [
      ['seed', document] as const,
      ...corpusNames().map((name) => [name, parseDocument(readCorpus(name)).document] as const),
    ];
    for (const [, counted] of texts) {
      const copy = structuredClone(counted);
      rememberCasing(copy, capitalisedWords(counted));
      const lines = [
        counted.meta.title ?? '',
        counted.meta.issuer ?? '',
        'KHÓA XIV - KỲ HỌP THỨ 34',
      ];
      expect(documentTitle(copy, 'x')).toBe(documentTitle(counted, 'x'));
      expect(issuerName(copy)).toBe(issuerName(counted));
      for (const line of lines) expect(mastheadLine(copy, line)).toBe(mastheadLine(counted, line));
    }
    expect(capitalisedWords(document)).toContain('quảng');
    expect(capitalisedWords(document)).not.toContain('tỉnh');
  });
});

describe('search filters of the seed’s pages', () => {
  const placement = place(document);
  const nodes = new Map<string, DocNode>(flatten(document.nodes).map((n) => [n.id, n]));
  const filtersOf = (slug: string): string[] => {
    const section = placement.sections.find((s) => s.slug === slug);
    if (!section) throw new Error(slug);
    const ids = flatten(section.roots).map((n) => n.id);
    return pageFilters(ids, section.primary, section.opening, nodes, placement.ancestors);
  };

  it('tags the targets page with its part and its three groups', () => {
    expect(filtersOf('dieu-1-khoan-2')).toEqual([
      'phan:Chỉ tiêu',
      'nhom:Kinh tế',
      'nhom:Xã hội',
      'nhom:Môi trường',
    ]);
  });

  it('tags a task page with its task group, without commas', () => {
    const [part, group] = filtersOf('dieu-1-khoan-3-2');
    expect(part).toBe('phan:Nhiệm vụ');
    expect(group).toMatch(/^nhom:3\.2 Đẩy mạnh thực hiện đồng bộ quyết liệt/);
    expect(filtersOf('mo-dau')).toEqual(['phan:Mở đầu']);
    expect(filtersOf('dieu-2')).toEqual(['phan:Khác']);
  });
});

describe('structured data', () => {
  it('describes the document as schema.org Legislation', () => {
    const data = legislationJsonLd(document, {
      name: 'T',
      url: 'https://x/',
      description: 'd',
      partOf: { name: 'P', url: 'https://x/p/' },
    });
    expect(data).toMatchObject({
      '@type': 'Legislation',
      legislationDate: '2025-12-16',
      legislationType: 'NGHỊ QUYẾT',
      inLanguage: 'vi',
      legislationPassedBy: { name: 'HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH' },
      isPartOf: { '@type': 'Legislation', url: 'https://x/p/' },
    });
  });

  it('cannot be closed early by text inside it', () => {
    const json = jsonForScript({ name: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});

describe('the title tag', () => {
  it('adds the site name when it fits, and never exceeds 70 characters', () => {
    expect(titleTag('Điều 2', 'Đọc nghị quyết')).toBe('Điều 2 · Đọc nghị quyết');
    const long = titleTag(
      '3.1. Đẩy mạnh cơ cấu, xác lập mô hình tăng trưởng kinh tế · Nghị quyết về Kế hoạch',
      'Đọc',
    );
    expect(long.length).toBeLessThanOrEqual(70);
    expect(long.endsWith('…')).toBe(true);
    expect(titleTag('Đọc nghị quyết', 'Đọc nghị quyết')).toBe('Đọc nghị quyết');
  });
});
