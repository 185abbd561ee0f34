import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../support/dist.ts';
import { createValidator, validatePage } from '../support/validate.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/html');

/** A small valid page around a body, so each case tests one thing. */
function page(body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thử</title></head><body><main>${body}</main></body></html>`;
}

describe('the project html-validate config', () => {
  const validator = createValidator();

  it('reports a duplicate id', async () => {
    const messages = await validatePage(
      validator,
      'broken/index.html',
      readText(FIXTURES, 'broken/index.html'),
    );
    expect(messages.some((message) => message.includes('no-dup-id'))).toBe(true);
  });

  it('accepts the dotted ids that are the site’s fragment URLs', async () => {
    expect(
      await validatePage(validator, 'a.html', page('<p id="dieu-1.khoan-3-1.diem-b">b)</p>')),
    ).toEqual([]);
  });

  it('accepts an ARIA listbox for the search combobox but still wants real buttons', async () => {
    expect(
      await validatePage(
        validator,
        'a.html',
        page(
          '<ul role="listbox" aria-label="Kết quả"><li role="option" aria-selected="false">x</li></ul>',
        ),
      ),
    ).toEqual([]);
    const messages = await validatePage(
      validator,
      'a.html',
      page('<div role="button" tabindex="0">Sao chép</div>'),
    );
    expect(messages.some((message) => message.includes('prefer-native-element'))).toBe(true);
  });
});
