import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load';
import { flatten } from '../../src/lib/document/tree';
import {
  findAbbreviations,
  glossaryFrom,
  loadGlossary,
  parseGlossary,
  type Glossary,
} from '../../src/lib/analysis/abbreviations';

const glossary = loadGlossary('content/glossary.json');
const { document: seed } = loadDocumentFile('seeds/quang-ninh-ktxh-2026.txt');

/** Abbreviations used in the seed that readers need expanded. */
const REQUIRED = [
  'GRDP',
  'TFP',
  'FDI',
  'HDI',
  'PCI',
  'PAPI',
  'SIPAS',
  'PAR INDEX',
  'OCOP',
  'IUU',
  'LNG',
  'HĐND',
  'UBND',
  'MTTQ',
  'CTXH',
  'ĐBQH',
  'VP',
  'AI',
  'IoT',
  'STEM',
  'KH/TU',
  'NQ/TW',
];

const terms = (text: string, source: Glossary = glossary): string[] =>
  findAbbreviations(text, source).map((match) => match.term);

describe('the glossary file', () => {
  it('validates and covers every required abbreviation with an expansion and a note', () => {
    const listed = glossary.entries.map((entry) => entry.term);
    expect(listed).toEqual(expect.arrayContaining(REQUIRED));
    for (const entry of glossary.entries) {
      expect(entry.expansion.trim()).not.toBe('');
      expect(entry.explanation.length).toBeGreaterThan(10);
    }
  });

  it('finds each required abbreviation somewhere in the seed', () => {
    const found = new Set(
      flatten(seed.nodes).flatMap((node) =>
        [node.heading, node.text].flatMap((field) => (field === null ? [] : terms(field))),
      ),
    );
    for (const term of REQUIRED) expect(found).toContain(term);
  });

  it('reads one glossary data once: the same glossary for the same data, checked the same', () => {
    const data = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as object;
    const first = glossaryFrom(data, 'content/glossary.json');
    expect(first).toEqual(parseGlossary(data, 'content/glossary.json'));
    expect(glossaryFrom(data, 'content/glossary.json')).toBe(first);
    expect(glossaryFrom(structuredClone(data), 'content/glossary.json')).not.toBe(first);
    expect(() => glossaryFrom({ entries: [{ term: 'A' }] }, 'x.json')).toThrow(
      /^x\.json: invalid glossary at entries\.0\.expansion: /,
    );
  });

  it('rejects a bad glossary with one line that names the file', () => {
    expect(() => parseGlossary({ entries: [{ term: 'A' }] }, 'x.json')).toThrow(
      /^x\.json: invalid glossary at entries\.0\.expansion: /,
    );
    const duplicate = { term: 'A', expansion: 'a', explanation: 'b' };
    expect(() => parseGlossary({ entries: [duplicate, duplicate] }, 'x.json')).toThrow(
      /duplicate term A/,
    );
    expect(() => loadGlossary('tests/unit/no-such-glossary.json')).toThrow(
      /^tests\/unit\/no-such-glossary\.json: cannot read glossary: [^\n]+$/,
    );
    expect(JSON.parse(readFileSync('content/glossary.json', 'utf8'))).toHaveProperty('entries');
  });
});

describe('findAbbreviations', () => {
  it('matches whole tokens only, case-sensitively', () => {
    expect(terms('Ứng dụng công nghệ số (AI, IoT), dữ liệu số')).toEqual(['AI', 'IoT']);
    expect(terms('MAI AIR ai Ai GRDPs')).toEqual([]);
    expect(terms('tổng sản phẩm (GRDP).')).toEqual(['GRDP']);
  });

  it('finds codes inside document numbers and prefers the longest term', () => {
    expect(terms('Nghị quyết số 57-NQ/TW, Kế hoạch số 538-KH/TU')).toEqual(['NQ/TW', 'KH/TU']);
    expect(terms('Chỉ số PCI, PAPI, SIPAS, PAR INDEX cấp tỉnh')).toEqual([
      'PCI',
      'PAPI',
      'SIPAS',
      'PAR INDEX',
    ]);
    expect(terms('số 316/NQ-HĐND và Tờ trình số 4585/TTr-UBND')).toEqual(['NQ-HĐND', 'TTr-UBND']);
  });

  it('gives UTF-16 offsets of the verbatim term', () => {
    const text = 'Thường trực HĐND, UBND tỉnh; Đoàn ĐBQH';
    for (const match of findAbbreviations(text, glossary)) {
      expect(text.slice(match.start, match.end)).toBe(match.term);
      expect(match.entry.term).toBe(match.term);
    }
    expect(terms(text)).toEqual(['HĐND', 'UBND', 'ĐBQH']);
  });

  it('treats glossary terms as text, not as patterns', () => {
    const tricky = parseGlossary(
      {
        entries: [
          { term: 'C++', expansion: 'ngôn ngữ C++', explanation: 'một ngôn ngữ lập trình' },
        ],
      },
      'tricky.json',
    );
    expect(terms('học C++ và Cxx', tricky)).toEqual(['C++']);
  });
});
