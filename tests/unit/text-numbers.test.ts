import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  findNumbers,
  formatVietnameseNumber,
  isYearLike,
  parseVietnameseNumber,
} from '../../src/lib/text/numbers';

describe('parseVietnameseNumber', () => {
  it.each([
    ['12,5', 12.5],
    ['11.800', 11800],
    ['74.000', 74000],
    ['2,05', 2.05],
    ['3.790.000', 3790000],
    ['17.500', 17500],
    ['96,6', 96.6],
    ['977,45', 977.45],
    ['1.234,5', 1234.5],
    ['01', 1],
    ['100', 100],
    ['0', 0],
    // A comma is always the decimal mark, even before three digits.
    ['1,500', 1.5],
  ])('reads %j as %d', (text, value) => {
    expect(parseVietnameseNumber(text)).toBe(value);
  });

  it.each([
    ['4.0', 'a version ("công nghệ 4.0")'],
    ['3.1', 'a sub-clause number'],
    ['66.7', 'part of a document number'],
    ['12.5', 'an English decimal'],
    ['1.2345', 'a group of four digits'],
    ['1234.567', 'a first group of four digits'],
    ['1,234,567', 'English grouping'],
    ['1.234,5,6', 'two decimal marks'],
    ['', 'empty text'],
    ['12a', 'letters'],
    ['-3', 'a sign'],
    ['1 000', 'a space inside'],
  ])('rejects %j (%s)', (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });

  it('reads back what formatVietnameseNumber writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.nat(999), (integer, cents) => {
        const value = integer + cents / 1000;
        expect(parseVietnameseNumber(formatVietnameseNumber(value))).toBe(value);
      }),
    );
  });

  it('reads any dot-grouped integer as the integer without dots', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }), (value) => {
        const grouped = value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        expect(parseVietnameseNumber(grouped)).toBe(value);
      }),
    );
  });
});

describe('formatVietnameseNumber', () => {
  it.each([
    [11800, '11.800'],
    [12.5, '12,5'],
    [2.05, '2,05'],
    [74000, '74.000'],
    [3790000, '3.790.000'],
    [100, '100'],
    [0, '0'],
    [-1500.25, '-1.500,25'],
  ])('writes %d as %j', (value, text) => {
    expect(formatVietnameseNumber(value)).toBe(text);
  });

  it('refuses values it cannot write out', () => {
    expect(() => formatVietnameseNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatVietnameseNumber(1e300)).toThrow(RangeError);
  });
});

describe('findNumbers', () => {
  it('finds quantities with their verbatim text and offsets, skipping labels', () => {
    const text =
      'đạt trên 74.000 tỷ đồng; thu 17.500 tỷ đồng; công nghệ 4.0; Nghị quyết số 66.7/NQ-CP; (4G, 5G); HĐ10; 2 - 2,5 tỷ USD.';
    const found = findNumbers(text);
    expect(found.map((number) => [number.text, number.value])).toEqual([
      ['74.000', 74000],
      ['17.500', 17500],
      ['2', 2],
      ['2,5', 2.5],
    ]);
    for (const number of found) expect(text.slice(number.start, number.end)).toBe(number.text);
  });

  it('stops a number at sentence punctuation', () => {
    expect(findNumbers('năm 2026. Tỷ lệ 12,5%, rồi 13%.').map((number) => number.value)).toEqual([
      2026, 12.5, 13,
    ]);
  });
});

describe('isYearLike', () => {
  it.each([
    ['2026', true],
    ['1945', true],
    ['2.026', false],
    ['2500', false],
    ['202', false],
  ])('%j → %s', (text, expected) => {
    expect(isYearLike(text)).toBe(expected);
  });
});
