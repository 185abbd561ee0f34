import { describe, expect, it } from 'vitest';
import { luminance, parseRgb } from '../support/colors.ts';

describe('parseRgb', () => {
  it('reads the forms Chromium computes and treats full transparency as no colour', () => {
    expect(parseRgb('rgb(18, 52, 86)')).toEqual([18, 52, 86]);
    expect(parseRgb('rgba(18, 52, 86, 0.5)')).toEqual([18, 52, 86]);
    expect(parseRgb('rgb(18 52 86 / 40%)')).toEqual([18, 52, 86]);
    expect(parseRgb('rgba(0, 0, 0, 0)')).toBeNull();
    expect(parseRgb('transparent')).toBeNull();
  });
});

describe('luminance', () => {
  it('spans black to white and puts a dark grey below a light one', () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 10);
    expect(luminance([34, 34, 34])).toBeLessThan(luminance([230, 230, 230]));
  });
});
