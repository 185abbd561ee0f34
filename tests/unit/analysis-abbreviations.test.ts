import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocumentFile } from '../../src/lib/document/load';
import { flatten } from '../../src/lib/document/tree';
import {
  documentAbbreviations,
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

describe('documentAbbreviations', () => {
  const read = documentAbbreviations(seed, glossary);
  const nodes = flatten(seed.nodes);

  it('gives each field of each node the terms findAbbreviations finds in it', () => {
    for (const node of nodes) {
      for (const field of ['heading', 'text'] as const) {
        expect(read.of(node, field)).toEqual(findAbbreviations(node[field] ?? '', glossary));
      }
    }
  });

  it('lists the terms used in glossary order, each with its nodes once, in reading order', () => {
    const expected = glossary.entries.flatMap(({ term }) => {
      const using = nodes.filter((node) =>
        [node.heading, node.text].some((text) =>
          findAbbreviations(text ?? '', glossary).some((found) => found.entry.term === term),
        ),
      );
      return using.length > 0 ? [{ term, nodes: using.map((node) => node.id) }] : [];
    });
    expect(read.uses).toEqual(expected);
    expect(read.uses.map((use) => use.term)).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('names a node once however often it uses a term, and skips unused terms', () => {
    const small = parseGlossary(
      {
        entries: [
          { term: 'UBND', expansion: 'Ủy ban nhân dân', explanation: 'cơ quan hành chính' },
          { term: 'GRDP', expansion: 'tổng sản phẩm trên địa bàn', explanation: 'chỉ tiêu' },
          { term: 'HĐND', expansion: 'Hội đồng nhân dân', explanation: 'cơ quan dân cử' },
        ],
      },
      'small.json',
    );
    const twice = nodes.find((node) => (node.text ?? '').split('UBND').length > 2);
    expect(twice).toBeDefined();
    const uses = documentAbbreviations(seed, small).uses;
    expect(uses.map((use) => use.term)).toEqual(['UBND', 'GRDP', 'HĐND']);
    const ubnd = uses[0]?.nodes ?? [];
    expect(new Set(ubnd).size).toBe(ubnd.length);
    expect(ubnd).toContain(twice?.id);
    expect(
      documentAbbreviations(
        seed,
        parseGlossary(
          { entries: [{ term: 'XYZQ', expansion: 'x', explanation: 'y' }] },
          'none.json',
        ),
      ).uses,
    ).toEqual([]);
  });
});
