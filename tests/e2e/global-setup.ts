import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { assertChromium } from '../support/chromium.ts';
import { assertBuilt, buildArgs, DIST_DIR } from '../support/dist.ts';
import { PROJECT_ROOT, startPreview } from '../support/server.ts';

/**
 * Once per `npm run test:e2e`: build the site (skipped when `E2E_DIST_FRESH=1` says `dist/` was
 * just built; `E2E_OUT_DIR` builds and serves another folder instead of `dist/`), serve it with
 * `astro preview` on 127.0.0.1, and hand its URL to the tests.
 * A missing Chromium fails here, before the slow build, with the command that fixes it.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** The preview server's root URL, including Astro's `base`, ending in `/`. */
    baseUrl: string;
    /** Absolute path of the build folder the server serves. */
    distDir: string;
  }
}

/** Builds the site the way CI and a reader's host would get it, into the folder under test. */
function build(): void {
  const result = spawnSync('npm', buildArgs(), {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(
      `npm run build failed (exit ${result.status ?? result.signal}); see its output above`,
    );
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromium();
  if (process.env['E2E_DIST_FRESH'] !== '1') build();
  assertBuilt(DIST_DIR);
  const server = await startPreview(DIST_DIR);
  project.provide('baseUrl', server.url);
  project.provide('distDir', DIST_DIR);
  return server.stop;
}
