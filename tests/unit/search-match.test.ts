import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/lib/text/fold';
import { markedSegments } from '../../src/search/excerpt';
import { matchRanges } from '../../src/search/match';
import { wordsIn } from '../../src/search/words';
import { parseQuery } from '../../src/search/query';
import { rankSections } from '../../src/search/rank';
import { pageSections, pageWords, type Section } from '../../src/search/sections';

/**
 * The matching rules as properties over the seed's own text: each line of the seed is one
 * clause, queries are stretches of its words, as typed, without marks, or in the other spelling.
 */

const SEED = readFileSync(
  resolve(import.meta.dirname, '../../seeds/quang-ninh-ktxh-2026.txt'),
  'utf8',
);
const LINES = SEED.split('\n')
  .map((line) => line.trim())
  .filter((line) => /\p{L}/u.test(line));

/** Every line of the seed as a titled clause of its own page. */
const SECTIONS: Section[] = LINES.flatMap((line, index) => {
  const anchors = [
    { element: 'div', id: `dong-${index + 1}`, title: `Dòng ${index + 1}`, location: 0 },
  ];
  const page = pageWords({
    url: `/seed/${index + 1}/`,
    content: line,
    meta: { title: '' },
    anchors,
  });
  return pageSections(page, anchors);
});

/** The ids a query finds among the seed's lines, best first. */
function found(query: string): string[] {
  return rankSections(SECTIONS, parseQuery(query), false).map((scored) => scored.section.id);
}

/** The other accepted spelling of a word, or the word itself: "hoá" ↔ "hóa", "tỷ" ↔ "tỉ". */
function otherSpelling(word: string): string {
  const swaps: [RegExp, (match: string) => string][] = [
    [/([òóỏõọ])([ae])$/u, (m) => `o${toneOf(m[0] ?? '', m[1] ?? '')}`],
    [/o([àáảãạèéẻẽẹ])$/u, (m) => `${toneOf(m[1] ?? '', 'o')}${base(m[1] ?? '')}`],
    [/(?<!q)([ùúủũụ])y$/u, (m) => `u${toneOf(m[0] ?? '', 'y')}`],
    [/(?<!q)u([ỳýỷỹỵ])$/u, (m) => `${toneOf(m[1] ?? '', 'u')}y`],
    [
      /^(qu|[hklmst])([iíìỉĩị])$/u,
      (m) => m.replace(/[iíìỉĩị]$/u, (i) => swap(i, 'iíìỉĩị', 'yýỳỷỹỵ')),
    ],
    [
      /^(qu|[hklmst])([yýỳỷỹỵ])$/u,
      (m) => m.replace(/[yýỳỷỹỵ]$/u, (y) => swap(y, 'yýỳỷỹỵ', 'iíìỉĩị')),
    ],
  ];
  for (const [pattern, rewrite] of swaps) {
    const match = pattern.exec(word);
    if (match) return word.slice(0, match.index) + rewrite(match[0]);
  }
  return word;
}

/** The letter at the same place of `to` as `letter` holds in `from`. */
function swap(letter: string, from: string, to: string): string {
  return [...to][[...from].indexOf(letter)] ?? letter;
}

/** The tone mark of `marked` put on the vowel `vowel`. */
function toneOf(marked: string, vowel: string): string {
  const tone = marked.normalize('NFD').slice(1);
  return `${vowel}${tone}`.normalize('NFC');
}

/** A vowel without its tone. */
function base(marked: string): string {
  return marked.normalize('NFD').slice(0, 1);
}

/** A stretch of one to three words of one seed line, as a query. */
const stretch = fc
  .record({
    line: fc.integer({ min: 0, max: LINES.length - 1 }),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ line, at, length }) => {
    const words = (LINES[line] ?? '').split(/\s+/u).filter((word) => /\p{L}/u.test(word));
    const start = words.length === 0 ? 0 : at % words.length;
    return words.slice(start, start + length).join(' ');
  })
  .filter((query) => query.length > 0);

describe('spelling variants', () => {
  it('are written the other way by the test helper', () => {
    expect(
      ['hoá', 'hóa', 'khoẻ', 'thủy', 'uỷ', 'tỷ', 'kĩ', 'lý', 'quý'].map(otherSpelling),
    ).toEqual(['hóa', 'hoá', 'khỏe', 'thuỷ', 'ủy', 'tỉ', 'kỹ', 'lí', 'quí']);
  });

  it('find the same clauses in the same order whichever spelling is typed', () => {
    fc.assert(
      fc.property(stretch, (query) => {
        const other = query.split(' ').map(otherSpelling).join(' ');
        expect(found(other)).toEqual(found(query));
      }),
      { numRuns: 200 },
    );
  });

  it('find what the seed writes in the other spelling', () => {
    expect(found('đơn giản hóa thủ tục').length).toBeGreaterThan(0);
    expect(found('sức khoẻ')).toEqual(found('sức khỏe'));
    expect(found('tỉ lệ')).toEqual(found('tỷ lệ'));
    expect(found('quản lí').length).toBeGreaterThan(0);
  });
});

describe('diacritics as typed', () => {
  it('never find fewer clauses for a query without marks than for the same query with them', () => {
    fc.assert(
      fc.property(stretch, (query) => {
        const accented = new Set(found(query));
        const folded = new Set(found(fold(query)));
        for (const id of accented) expect(folded.has(id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keep a word typed with marks apart from the words it folds like', () => {
    const holds = (id: string, phrase: string) =>
      LINES[Number(id.replace('dong-', '')) - 1]?.toLowerCase().includes(phrase) ?? false;
    for (const [query, phrase] of [
      ['đường sắt', 'đường sắt'],
      ['đô thị', 'đô thị'],
      ['kinh tế biển', 'biển'],
      ['nước sạch', 'sạch'],
    ] as const) {
      const ids = found(query);
      expect(ids.length, query).toBeGreaterThan(0);
      expect(
        ids.every((id) => holds(id, phrase)),
        query,
      ).toBe(true);
    }
  });

  it('mix both in one query: marks where typed, every form elsewhere', () => {
    const ids = found('dau tư công');
    expect(ids.length).toBeGreaterThan(0);
    expect(found('dau tu cong')).toEqual(expect.arrayContaining(ids));
    expect(ids).not.toEqual(expect.arrayContaining(found('dau tu cong')));
  });
});

/** Letters, marks, digits and the punctuation of legal texts, NFC and NFD. */
const text = fc
  .array(
    fc.constantFrom(
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐÀÔ0123456789 .,;:%/-()"“”',
      'đô',
      'thị',
      'sắt',
      'sát',
      '57-NQ/TW',
      '12,5%',
      'hoá',
      'hóa',
    ),
    { maxLength: 60 },
  )
  .chain((pieces) => fc.constantFrom(pieces.join(''), pieces.join('').normalize('NFD')));

/** A letter, mark or digit: a character that is part of a word. */
const WORDLIKE = /[\p{L}\p{M}\p{N}]/u;

describe('highlighting', () => {
  it('ends a number at a percent sign only when no letter follows it', () => {
    const page = 'ữ12,5%a';
    expect(wordsIn(page).map((word) => word.text)).toEqual(['ữ12,5', 'a']);
    expect(matchRanges(page, parseQuery('u'), true)).toEqual([[0, 5]]);
    expect(wordsIn('đạt 12,5%.').map((word) => word.text)).toEqual(['đạt', '12,5%']);
  });

  it('never marks part of a word, for any text and any query', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (page, query, open) => {
        for (const [start, end] of matchRanges(page, parseQuery(query), open)) {
          expect(start).toBeLessThan(end);
          expect(WORDLIKE.test(page.slice(start - 1, start))).toBe(false);
          expect(WORDLIKE.test(page.slice(end, end + 1))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('marks only words the query finds, and keeps the text whole', () => {
    fc.assert(
      fc.property(text, text, (page, query) => {
        const segments = markedSegments(page, parseQuery(query));
        expect(segments.map((segment) => segment.text).join('')).toBe(page);
        const words = new Set(wordsIn(page).map((word) => word.text));
        for (const segment of segments.filter((s) => s.mark)) {
          const first = wordsIn(segment.text)[0]?.text ?? '';
          expect(words.has(first)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('marks a quoted phrase only where its words stand together', () => {
    const page = 'kinh tế tư nhân, kinh tế và tư nhân, "kinh tế - tư nhân"';
    const ranges = matchRanges(page, parseQuery('"kinh tế tư nhân"'));
    expect(ranges.map(([start, end]) => page.slice(start, end))).toEqual([
      'kinh tế tư nhân',
      'kinh tế - tư nhân',
    ]);
  });
});
