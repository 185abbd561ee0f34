import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import contentReadyIntegration, {
  ASTRO_BUNDLED,
  CONTENT_PENDING,
  CONTENT_READY,
  contentReady,
  tellBundled,
} from '../../src/integrations/content-ready';

/**
 * `npm run build` starts Astro while the content step runs; Astro waits for the word that the
 * content is ready, and only when it was started that way.
 */

/** A stand-in for the process's IPC channel, recording whether it let the process exit. */
function channel(): { process: NodeJS.Process; emitter: EventEmitter; unrefs: () => number } {
  let unrefs = 0;
  const emitter = Object.assign(new EventEmitter(), {
    send: () => true,
    channel: { unref: () => (unrefs += 1), ref: () => undefined },
  });
  return { process: emitter as unknown as NodeJS.Process, emitter, unrefs: () => unrefs };
}

/** Whether `promise` has settled once pending events have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('waiting for the content step', () => {
  it('waits for the word when started by the build, then lets the process exit', async () => {
    const ipc = channel();
    const waiting = contentReady({ [CONTENT_PENDING]: '1' }, ipc.process);
    expect(await settled(waiting)).toBe(false);
    ipc.emitter.emit('message', 'something else');
    expect(await settled(waiting)).toBe(false);
    ipc.emitter.emit('message', CONTENT_READY);
    expect(await settled(waiting)).toBe(true);
    expect(ipc.unrefs()).toBe(1);
    expect(ipc.emitter.listenerCount('message')).toBe(0);
    expect(ipc.emitter.listenerCount('disconnect')).toBe(0);
  });

  it('stops when the build that started it is gone', async () => {
    const ipc = channel();
    const waiting = contentReady({ [CONTENT_PENDING]: '1' }, ipc.process);
    ipc.emitter.emit('disconnect');
    await expect(waiting).rejects.toThrow('the build stopped before the content was ready');
  });

  it('does not wait when started on its own or without a channel', async () => {
    expect(await settled(contentReady({}, channel().process))).toBe(true);
    const alone = Object.assign(new EventEmitter(), {}) as unknown as NodeJS.Process;
    expect(await settled(contentReady({ [CONTENT_PENDING]: '1' }, alone))).toBe(true);
  });
});

describe('telling the build that the bundles are made', () => {
  /** A channel that records what is sent on it. */
  function recording(connected: boolean): { process: NodeJS.Process; sent: unknown[] } {
    const sent: unknown[] = [];
    const process = { connected, send: (message: unknown) => sent.push(message) > 0 };
    return { process: process as unknown as NodeJS.Process, sent };
  }

  it('says so when started by the build, so the content step may take the core', () => {
    const ipc = recording(true);
    tellBundled({ [CONTENT_PENDING]: '1' }, ipc.process);
    expect(ipc.sent).toEqual([ASTRO_BUNDLED]);
  });

  it('says nothing when started on its own or once the build is gone', () => {
    const alone = recording(true);
    tellBundled({}, alone.process);
    expect(alone.sent).toEqual([]);
    const gone = recording(false);
    tellBundled({ [CONTENT_PENDING]: '1' }, gone.process);
    expect(gone.sent).toEqual([]);
  });
});

describe('the build step that waits', () => {
  /** Runs one of the integration's hooks with the options a test needs. */
  function hook(integration: ReturnType<typeof contentReadyIntegration>, name: string): unknown {
    const hooks = integration.hooks as Record<string, (options: object) => unknown>;
    return hooks[name]?.({});
  }

  it('stops a build started by `npm run build` that reached its end without waiting', () => {
    const before = process.env[CONTENT_PENDING];
    process.env[CONTENT_PENDING] = '1';
    try {
      expect(() => hook(contentReadyIntegration(), 'astro:build:done')).toThrow(
        'the pages were built before the content step had finished',
      );
    } finally {
      if (before === undefined) delete process.env[CONTENT_PENDING];
      else process.env[CONTENT_PENDING] = before;
    }
  });

  it('lets a build end that waited, or that was not started by `npm run build`', async () => {
    const waited = contentReadyIntegration();
    await hook(waited, 'astro:build:ssr');
    expect(() => hook(waited, 'astro:build:done')).not.toThrow();
    expect(() => hook(contentReadyIntegration(), 'astro:build:done')).not.toThrow();
  });
});
