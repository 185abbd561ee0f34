import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  KEPT_DIR,
  discardUnkept,
  keepUnchanged,
  pagesStamp,
  restoreKept,
  setAsideBuilt,
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

/**
 * A whole build as the integrations run it: set aside, (Astro empties the folder and bundles),
 * keep, (pages), restore, stamp.
 */
async function build(site: string): Promise<string[]> {
  setAsideBuilt(root, outDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, '_astro'), { recursive: true });
  const kept = keepUnchanged(root, DOCS, site);
  const discarding = discardUnkept(root, kept);
  for (const doc of DOCS.filter((d) => !kept.includes(d))) {
    mkdirSync(join(outDir, doc), { recursive: true });
    writeFileSync(join(outDir, doc, 'index.html'), `<p>${doc} ${site}</p>`);
  }
  await discarding;
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
  it('keeps nothing on the first build, then every document whose stamps did not change', async () => {
    expect(await build('site-1')).toEqual([]);
    expect(readFileSync(join(root, SITE_DATA_DIR, 'qn', SITE_FILES.pagesStamp), 'utf8')).toBe(
      pagesStamp('b', 'site-1'),
    );
    expect(await build('site-1')).toEqual(['hn', 'qn']);
    expect(readFileSync(join(outDir, 'qn', 'index.html'), 'utf8')).toBe('<p>qn site-1</p>');
    expect(readdirSync(outDir).sort()).toEqual(['_astro', 'hn', 'qn']);
    expect(existsSync(join(root, KEPT_DIR))).toBe(false);
    expect(readKept(root)).toEqual([]);
  });

  it("remakes a document whose content changed, and every document when the site's code did", async () => {
    await build('site-1');
    writeFileSync(join(root, SITE_DATA_DIR, 'hn', SITE_FILES.stamp), 'a2');
    expect(await build('site-1')).toEqual(['qn']);
    expect(await build('site-2')).toEqual([]);
    expect(readFileSync(join(outDir, 'qn', 'index.html'), 'utf8')).toBe('<p>qn site-2</p>');
  });

  it('keeps nothing after a build that stopped before it finished', async () => {
    await build('site-1');
    setAsideBuilt(root, outDir);
    expect(keepUnchanged(root, DOCS, 'site-1')).toEqual(['hn', 'qn']);
    expect(readKept(root)).toEqual(['hn', 'qn']);
    // The build stops here: nothing is put back or stamped.
    setAsideBuilt(root, outDir);
    expect(keepUnchanged(root, DOCS, 'site-1')).toEqual([]);
  });

  it('sets aside every folder of the last build and discards what is not kept', async () => {
    await build('site-1');
    mkdirSync(join(outDir, 'old-doc'), { recursive: true });
    writeFileSync(join(outDir, 'sitemap-index.xml'), '<sitemapindex/>');
    setAsideBuilt(root, outDir);
    expect(readdirSync(outDir)).toEqual(['sitemap-index.xml']);
    expect(readdirSync(join(root, KEPT_DIR)).sort()).toEqual(['_astro', 'hn', 'old-doc', 'qn']);
    const kept = keepUnchanged(root, DOCS, 'site-1');
    await discardUnkept(root, kept);
    expect(readdirSync(join(root, KEPT_DIR)).sort()).toEqual(['hn', 'qn']);
  });
});
