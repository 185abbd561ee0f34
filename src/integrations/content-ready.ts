import type { AstroIntegration } from 'astro';

/**
 * Set by `npm run build` (`scripts/build.ts`) when it starts Astro while the content step is
 * still running: Astro then waits for the word on its IPC channel before any step reads what
 * the content step writes.
 */
export const CONTENT_PENDING = 'NGHI_QUYET_CONTENT_PENDING';

/** The word `scripts/build.ts` sends once the content step has written the library. */
export const CONTENT_READY = 'content-ready';

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

/**
 * Build step, first of all: lets Astro load its configuration, integrations and tools while the
 * content step is still making the documents (about 1.5 s of a build), and waits for it before
 * the first step that reads its output (`kept-pages.ts`, at `astro:config:done`).
 */
export default function contentReadyIntegration(): AstroIntegration {
  return {
    name: 'nghi-quyet-content-ready',
    hooks: {
      'astro:config:setup': () => contentReady(),
    },
  };
}
