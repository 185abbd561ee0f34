/**
 * Marks a promise that a build step awaits later (at `astro:build:done`, or with others): a
 * failure before then is reported where it is awaited, not as an unhandled rejection that
 * would stop the process first. Returns the same promise.
 */
export function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
