/** Word-level comparison of an imported text with a verbatim truth: how many words survive, in order. */
import { words } from '../support/words.ts';

/** The length of the longest common subsequence of two word lists (two rows of the table). */
function commonInOrder(a: string[], b: string[]): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1]
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** The share of the truth's words that the import keeps in order, and the counts behind it. */
export function wordsKept(
  truth: string,
  imported: string,
): { share: number; kept: number; total: number; extra: number } {
  const expected = words(truth);
  const actual = words(imported);
  // Equal heads and tails are common to any alignment: only the middle needs the full table.
  let head = 0;
  while (head < expected.length && head < actual.length && expected[head] === actual[head]) head++;
  let tail = 0;
  while (
    tail < expected.length - head &&
    tail < actual.length - head &&
    expected[expected.length - 1 - tail] === actual[actual.length - 1 - tail]
  ) {
    tail++;
  }
  const middle = commonInOrder(
    expected.slice(head, expected.length - tail),
    actual.slice(head, actual.length - tail),
  );
  const kept = head + tail + middle;
  return {
    share: kept / Math.max(1, expected.length),
    kept,
    total: expected.length,
    extra: actual.length - kept,
  };
}
