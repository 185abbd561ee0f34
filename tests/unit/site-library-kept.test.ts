import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentsKept } from '../../src/lib/site/library';

/**
 * How many documents the pages keep in memory: a small library whole, since each kind of page
 * is built for every document in turn; a large one only the latest two, whatever its size.
 */
describe('documents kept in memory while the pages are built', () => {
  it('are the whole of a library of up to 200 documents, and two of a larger one', () => {
    expect(documentsKept(1)).toBe(2);
    expect(documentsKept(100)).toBe(100);
    expect(documentsKept(200)).toBe(200);
    expect(documentsKept(201)).toBe(2);
    expect(documentsKept(10_000)).toBe(2);
  });

  it('never exceed 200 nor fall under 2, for any size of library', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), (count) => {
        const kept = documentsKept(count);
        expect(kept).toBeGreaterThanOrEqual(2);
        expect(kept).toBeLessThanOrEqual(Math.max(2, Math.min(count, 200)));
      }),
    );
  });
});
