import { describe, expect, it } from 'vitest';
import { identityOf } from '../../src/lib/build/compile.ts';
import { deployOf } from '../../src/lib/build/deploy.ts';
import fc from 'fast-check';
import {
  addedWorkers,
  DOCUMENT_BYTES,
  HELD_UP_TO,
  largestFirst,
  startingThreads,
  threadCount,
  WORKER_START_DOCUMENTS,
  workOf,
} from '../../src/lib/build/pool.ts';
import { sameDocument, seedsOf } from '../../src/lib/build/seeds.ts';
import { seedStamp } from '../../src/lib/build/stamp.ts';
import { documentOf } from '../support/trees.ts';

describe('the seeds of a library', () => {
  it('are the seed files of the folder, by slug, whatever the case of their extension', () => {
    expect(seedsOf('seeds', ['b.txt', 'a.TXT', 'notes.md', '.hidden.txt'])).toEqual([
      { file: 'seeds/a.TXT', slug: 'a' },
      { file: 'seeds/b.txt', slug: 'b' },
    ]);
  });

  it('fail in one line when there are none, or when two give the same slug', () => {
    expect(() => seedsOf('seeds', ['notes.md'])).toThrow(
      /^seeds\/: no \.txt or \.docx or \.doc or \.pdf or \.html or \.htm files to read$/,
    );
    expect(() => seedsOf('seeds', ['a.txt', 'a.docx'], ['.txt', '.docx'])).toThrow(
      /^seeds\/a\.docx, seeds\/a\.txt: both give the document slug "a"$/,
    );
    expect(() => seedsOf('seeds', ['Nghị quyết 1.txt'])).toThrow(/^seeds\/Nghị quyết 1\.txt: /);
  });

  it('are the same document when issuer, number and year agree', () => {
    const meta = (issuer: string, number: string | null, date: string | null) => {
      const document = documentOf([]);
      return { ...document, meta: { ...document.meta, issuer, number, date } };
    };
    const a = identityOf(meta('HĐND TỈNH A', '12/NQ-HĐND', '2020-01-02'));
    expect(identityOf(meta('HĐND TỈNH A', '12/NQ-HĐND', '2021-01-02'))).not.toBe(a);
    expect(identityOf(meta('HĐND TỈNH B', '12/NQ-HĐND', '2020-01-02'))).not.toBe(a);
    expect(identityOf(meta('HĐND TỈNH A', null, '2020-01-02'))).toBeNull();
    const seeds = [
      { file: 'a.txt', identity: a, number: '12/NQ-HĐND' },
      { file: 'b.txt', identity: null, number: null },
      { file: 'c.txt', identity: null, number: null },
      { file: 'd.txt', identity: a, number: '12/NQ-HĐND' },
    ];
    expect(sameDocument(seeds)).toEqual({ files: ['a.txt', 'd.txt'], number: '12/NQ-HĐND' });
    expect(sameDocument(seeds.slice(0, 3))).toBeNull();
  });
});

describe('the content step', () => {
  it('stamps a seed by its bytes and what every seed shares', () => {
    const bytes = new TextEncoder().encode('Điều 1.');
    expect(seedStamp('code', bytes)).toBe(seedStamp('code', bytes));
    expect(seedStamp('code', bytes)).not.toBe(seedStamp('other code', bytes));
    expect(seedStamp('code', bytes)).not.toBe(
      seedStamp('code', new TextEncoder().encode('Điều 2.')),
    );
  });

  it('uses one thread per core, never more than there are documents', () => {
    expect(threadCount(1000, 2)).toBe(2);
    expect(threadCount(1, 8)).toBe(1);
    expect(threadCount(0, 2)).toBe(1);
  });

  it('leaves the cores Astro holds while it bundles to it when the library is small', () => {
    const held = { cores: 1, until: new Promise<void>(() => {}) };
    expect(startingThreads(2, 100, held)).toBe(1);
    expect(startingThreads(8, 100, held)).toBe(7);
    expect(startingThreads(1, 10, held)).toBe(1);
    expect(startingThreads(2, HELD_UP_TO + 1, held)).toBe(2);
    expect(startingThreads(2, 100)).toBe(2);
  });

  it('counts work by the size of the seeds, a seed counting at least one document', () => {
    expect(workOf([])).toBe(0);
    expect(workOf([{ bytes: DOCUMENT_BYTES }, { bytes: 10 }, { bytes: 0 }])).toBe(3);
    expect(workOf([{ bytes: 70 * DOCUMENT_BYTES }])).toBe(70);
    // A few long laws keep both cores: a worker is added for them once Astro has bundled.
    const laws = Array.from({ length: 3 }, () => ({ bytes: 17 * DOCUMENT_BYTES }));
    expect(addedWorkers(1, workOf(laws))).toBe(1);
    expect(addedWorkers(1, laws.length)).toBe(0);
    // Twelve such laws are a large library, made on every core from the start.
    const held = { cores: 1, until: new Promise<void>(() => {}) };
    const twelve = Array.from({ length: 12 }, () => ({ bytes: 17 * DOCUMENT_BYTES }));
    expect(startingThreads(2, workOf(twelve), held)).toBe(2);
    expect(startingThreads(2, twelve.length, held)).toBe(1);
  });

  it('takes the largest seeds first, the others in their order', () => {
    const sizes = [10, 400, 10, 90, 400].map((bytes) => ({ bytes }));
    expect(largestFirst(sizes)).toEqual([1, 4, 3, 0, 2]);
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 30 }), (bytes) => {
        const order = largestFirst(bytes.map((b) => ({ bytes: b })));
        expect([...order].sort((a, b) => a - b)).toEqual(bytes.map((_, index) => index));
        for (let i = 1; i < order.length; i++) {
          const [a, b] = [order[i - 1]!, order[i]!];
          expect(bytes[a]! > bytes[b]! || (bytes[a] === bytes[b] && a < b)).toBe(true);
        }
      }),
    );
  });

  it('adds a worker on a freed core only for enough documents to pay its start', () => {
    expect(addedWorkers(1, WORKER_START_DOCUMENTS)).toBe(1);
    expect(addedWorkers(1, WORKER_START_DOCUMENTS - 1)).toBe(0);
    expect(addedWorkers(3, 2 * WORKER_START_DOCUMENTS)).toBe(2);
    expect(addedWorkers(1, 0)).toBe(0);
    fc.assert(
      fc.property(fc.nat(16), fc.nat(10_000), (free, left) => {
        const added = addedWorkers(free, left);
        return added >= 0 && added <= free && added * WORKER_START_DOCUMENTS <= left;
      }),
    );
  });

  it('reads where the site is published from the environment', () => {
    expect(deployOf({})).toEqual({ site: 'http://localhost:4321', base: '/', published: null });
    expect(deployOf({ SITE_URL: 'https://nq.example.vn', BASE_PATH: 'a/b' })).toEqual({
      site: 'https://nq.example.vn',
      base: '/a/b/',
      published: 'https://nq.example.vn/',
    });
    expect(() => deployOf({ SITE_URL: 'nq.example.vn' })).toThrow(/^SITE_URL=nq\.example\.vn: /);
  });
});
