import { describe, expect, it } from 'vitest';
import { awaitedLater } from '../../src/integrations/awaited-later';

/** A promise awaited later by a build step: its failure is reported there, not as unhandled. */
describe('awaitedLater', () => {
  it('keeps a failure for the step that awaits it, without an unhandled rejection meanwhile', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', record);
    try {
      const failing = awaitedLater(Promise.reject(new Error('copy failed')));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      await expect(failing).rejects.toThrow('copy failed');
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('gives the same promise and its value', async () => {
    const promise = Promise.resolve(3);
    expect(awaitedLater(promise)).toBe(promise);
    expect(await awaitedLater(promise)).toBe(3);
  });
});
