import { describe, expect, inject, it } from 'vitest';
import { htmlFiles, listFiles, readText } from '../support/dist.ts';
import { createValidator, validatePage } from '../support/validate.ts';

/** Gate: every built page passes html-validate with `.htmlvalidate.json` (see `validate.ts`). */

const distDir = inject('distDir');

describe('html-validate over dist/', () => {
  it('finds zero errors on every built page', async () => {
    const validator = createValidator();
    const pages = htmlFiles(listFiles(distDir));
    expect(pages.length).toBeGreaterThan(0);
    const messages: string[] = [];
    for (const file of pages) {
      messages.push(...(await validatePage(validator, file, readText(distDir, file))));
    }
    console.log(`html-validate: ${pages.length} pages, ${messages.length} messages`);
    expect(messages).toEqual([]);
  });
});
