import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../src/lib/text/pattern';

/** Text escaped for a regular expression matches itself, and only itself, in every mode. */
describe('escapeRegExp', () => {
  it('makes a pattern that matches exactly the text, with and without the Unicode flag', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const pattern = escapeRegExp(text);
        return new RegExp(`^${pattern}$`, 'u').test(text) && new RegExp(`^${pattern}$`).test(text);
      }),
    );
  });

  it('escapes the syntax characters and nothing else', () => {
    expect(escapeRegExp('tim-kiem.json')).toBe('tim-kiem\\.json');
    expect(escapeRegExp('(a)[b]{c}|d*e+f?^$\\')).toBe(
      '\\(a\\)\\[b\\]\\{c\\}\\|d\\*e\\+f\\?\\^\\$\\\\',
    );
    expect(escapeRegExp('Nghị quyết 01/2026')).toBe('Nghị quyết 01/2026');
    expect(new RegExp(`^${escapeRegExp('a.b')}$`).test('axb')).toBe(false);
  });
});
