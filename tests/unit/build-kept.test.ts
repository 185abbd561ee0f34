import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  KEPT_DIR,
  keepUnchanged,
  pagesStamp,
  restoreKept,
  stampPages,
} from '../../src/lib/build/kept';
import { SITE_DATA_DIR, SITE_FILES, readKept } from '../../src/lib/site/site-data';

/**
 * Kept pages on a made-up project: two documents with content stamps and built folders, moved
 * aside, put back and stamped as a build does, and what is kept after a build that stopped.
 */

let root: string;
let outDir: string;
const DOCS = ['hn', 'qn'];

/** Writes a document's content stamp and its built front page. */
function document(doc: string, stamp: string): void {
  mkdirSync(join(root, SITE_DATA_DIR, doc), { recursive: true });
  writeFileSync(join(root, SITE_DATA_DIR, doc, SITE_FILES.stamp), stamp);
  mkdirSync(join(outDir, doc), { recursive: true });
  writeFileSync(join(outDir, doc, 'index.html'), `<p>${doc}</p>`);
}

/** A whole build as the integrations run it: keep, (pages), restore, stamp. */
function build(site: string): string[] {
  const kept = keepUnchanged(root, outDir, DOCS, site);
  for (const doc of DOCS.filter((d) => !kept.includes(d))) {
    mkdirSync(join(outDir, doc), { recursive: true });
    writeFileSync(join(outDir, doc, 'index.html'), `<p>${doc}</p>`);
  }
  restoreKept(root, outDir);
  stampPages(root, outDir, DOCS, site);
  return kept;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kept-'));
  outDir = join(root, 'dist');
  document('hn', 'a');
  document('qn', 'b');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('kept pages', () => {
  it('keeps nothing on the first build, then every document whose stamps did not change', () => {
    expect(build('site-1')).toEqual([]);
    expect(readFileSync(join(root, SITE_DATA_DIR, 'qn', SITE_FILES.pagesStamp), 'utf8')).toBe(
      pagesStamp('b', 'site-1'),
    );
    expect(build('site-1')).toEqual(['hn', 'qn']);
    expect(readFileSync(join(outDir, 'qn', 'index.html'), 'utf8')).toBe('<p>qn</p>');
    expect(existsSync(join(root, KEPT_DIR))).toBe(false);
    expect(readKept(root)).toEqual([]);
  });

  it("remakes a document whose content changed, and every document when the site's code did", () => {
    build('site-1');
    writeFileSync(join(root, SITE_DATA_DIR, 'hn', SITE_FILES.stamp), 'a2');
    expect(build('site-1')).toEqual(['qn']);
    expect(build('site-2')).toEqual([]);
  });

  it('keeps nothing after a build that stopped before it finished', () => {
    build('site-1');
    expect(keepUnchanged(root, outDir, DOCS, 'site-1')).toEqual(['hn', 'qn']);
    expect(readKept(root)).toEqual(['hn', 'qn']);
    // The build stops here: nothing is put back or stamped.
    expect(keepUnchanged(root, outDir, DOCS, 'site-1')).toEqual([]);
  });
});
