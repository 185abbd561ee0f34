import type { AstroIntegration } from 'astro';
import { awaitedLater } from './awaited-later.ts';

/**
 * Set by `npm run build` (`scripts/build.ts`) when it starts Astro while the content step is
 * still running: Astro then waits for the word on its IPC channel before any step reads what
 * the content step writes.
 */
export const CONTENT_PENDING = 'NGHI_QUYET_CONTENT_PENDING';

/** The word `scripts/build.ts` sends once the content step has written the library. */
export const CONTENT_READY = 'content-ready';

/** The word Astro sends once its bundles are made: the content step may take its core. */
export const ASTRO_BUNDLED = 'astro-bundled';

/** Tells `npm run build`, when it started this process, that the bundles are made. */
export function tellBundled(
  env: Record<string, string | undefined> = process.env,
  channel: NodeJS.Process = process,
): void {
  if (env[CONTENT_PENDING] === '1' && channel.connected) channel.send?.(ASTRO_BUNDLED);
}

/** Waits, when started with `CONTENT_PENDING`, for the content step; does nothing otherwise. */
export function contentReady(
  env: Record<string, string | undefined> = process.env,
  channel: NodeJS.Process = process,
): Promise<void> {
  if (env[CONTENT_PENDING] !== '1' || !channel.send) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const gone = (): void => reject(new Error('the build stopped before the content was ready'));
    const listen = (message: unknown): void => {
      if (message !== CONTENT_READY) return;
      channel.off('message', listen);
      channel.off('disconnect', gone);
      // An open channel would keep this process alive once the build is done.
      channel.channel?.unref();
      resolve();
    };
    channel.on('message', listen);
    channel.once('disconnect', gone);
  });
}

/** This process's wait for the content step, begun once: every step that reads its output. */
let written: Promise<void> | undefined;

/**
 * Resolves once the content step's output can be read (at once when Astro was not started by
 * `npm run build`). Listening begins at the first call, so the word is not missed.
 */
export function contentWritten(): Promise<void> {
  written ??= awaitedLater(contentReady());
  return written;
}

/**
 * Build step, first of all: lets Astro load its configuration and bundle the site (about 4 s
 * of a build whatever its size) while the content step is still making the documents, and
 * waits for it once the bundles are made (`astro:build:ssr`, which a static build runs after
 * its client bundle), before the pages; it says then that its bundles are made, so the content
 * step may take the core Astro held. The steps that read the content step's output
 * (`kept-pages.ts`, `open-data.ts`, `pagefind.ts`) await `contentWritten` themselves; a build
 * that reached its end without waiting stops there rather than publish pages of a library
 * half written.
 */
export default function contentReadyIntegration(): AstroIntegration {
  let waited = false;
  return {
    name: 'nghi-quyet-content-ready',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') void contentWritten();
      },
      'astro:build:ssr': async () => {
        tellBundled();
        await contentWritten();
        waited = true;
      },
      'astro:build:done': () => {
        if (!waited && process.env[CONTENT_PENDING] === '1') {
          throw new Error('the pages were built before the content step had finished');
        }
      },
    },
  };
}
