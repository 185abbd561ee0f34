import { describe, expect, it } from 'vitest';
import { onLiveService } from '../../src/integrations/search-index/service';

/**
 * A document's indexing on a Pagefind service that stops answering: the service is restarted
 * once for all the documents waiting on it, and each is indexed again; a service that stalls
 * twice stops the build in one line. Stand-in tasks and a stand-in restart, with a short wait.
 */

/** A wait that stands for Pagefind's two minutes. */
const SHORT = 30;

/** A task that never ends the first `stalls` times it runs, then gives `value`. */
function stallingTask<T>(stalls: number, value: T): { task: () => Promise<T>; runs: () => number } {
  let runs = 0;
  return {
    task: () => {
      runs += 1;
      return runs <= stalls ? new Promise<T>(() => undefined) : Promise.resolve(value);
    },
    runs: () => runs,
  };
}

describe('indexing on a service that stops answering', () => {
  it('restarts the service and indexes the document again', async () => {
    const { task, runs } = stallingTask(1, 'qn');
    let restarts = 0;
    const restart = (): Promise<void> => {
      restarts += 1;
      return Promise.resolve();
    };
    await expect(onLiveService(task, 'qn', SHORT, restart)).resolves.toBe('qn');
    expect([runs(), restarts]).toEqual([2, 1]);
  });

  it('restarts it once for every document that was waiting on it', async () => {
    let restarts = 0;
    const waiting: (() => void)[] = [];
    // The restart fails what was waiting on the old service, as closing Pagefind's service does.
    const restart = (): Promise<void> => {
      restarts += 1;
      for (const fail of waiting.splice(0)) fail();
      return Promise.resolve();
    };
    const onOldService = (value: string): (() => Promise<string>) => {
      let runs = 0;
      return () => {
        runs += 1;
        if (runs > 1) return Promise.resolve(value);
        return new Promise<string>((_, reject) => {
          waiting.push(() => reject(new Error('Pagefind backend closed')));
        });
      };
    };
    const stalled = stallingTask(1, 'qn');
    const results = await Promise.all([
      onLiveService(stalled.task, 'qn', SHORT, restart),
      onLiveService(onOldService('hn'), 'hn', 10 * SHORT, restart),
    ]);
    expect(results).toEqual(['qn', 'hn']);
    expect(restarts).toBe(1);
  });

  it('passes on a failure of the document itself without restarting anything', async () => {
    let restarts = 0;
    const restart = (): Promise<void> => {
      restarts += 1;
      return Promise.resolve();
    };
    const failing = (): Promise<string> => Promise.reject(new Error('khong-co: no pages'));
    await expect(onLiveService(failing, 'khong-co', SHORT, restart)).rejects.toThrow(
      'khong-co: no pages',
    );
    expect(restarts).toBe(0);
  });

  it('stops in one line naming the document when the fresh service stalls too', async () => {
    const { task, runs } = stallingTask(2, 'qn');
    const error = await onLiveService(task, 'qn', SHORT, () => Promise.resolve()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `qn: Pagefind's service gave no answer in ${SHORT / 1000} s, twice`,
    );
    expect(runs()).toBe(2);
  });
});
