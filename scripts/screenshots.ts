import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/support/chromium.ts';
import { buildArgs, DIST_DIR, listFiles } from '../tests/support/dist.ts';
import { PROJECT_ROOT, startPreview } from '../tests/support/server.ts';
import { documentSlugs, sectionFileWithId } from '../tests/support/site.ts';

/**
 * `npm run screenshots`: PNGs of the front page, a target, a task group and a search, at phone
 * (360 px) and desktop (1280 px) widths, light and dark, into `screenshots/` (git-ignored), to
 * look at the pages as a reader does. Builds first when `dist/` is missing.
 */

const OUT_DIR = resolve(PROJECT_ROOT, 'screenshots');
const WIDTHS = [360, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

interface Shot {
  name: string;
  /** Path and query under the site root, with an optional fragment. */
  path: string;
  /** An element to wait for before the picture is taken. */
  ready: string;
}

/** The four views people meet, found in the build rather than assumed. */
function shots(): Shot[] {
  const files = listFiles(DIST_DIR);
  const doc = documentSlugs(files)[0];
  if (doc === undefined) throw new Error(`${DIST_DIR}: no document with a full-text page`);
  const targets = sectionFileWithId(DIST_DIR, files, doc, 'chi-tieu-7').replace(/index\.html$/, '');
  const tasks = sectionFileWithId(DIST_DIR, files, doc, 'dieu-1.khoan-3-1').replace(
    /index\.html$/,
    '',
  );
  return [
    { name: 'front', path: `${doc}/`, ready: 'main' },
    { name: 'target', path: `${targets}#chi-tieu-7`, ready: '#chi-tieu-7' },
    { name: 'task-group', path: tasks, ready: '[id="dieu-1.khoan-3-1"]' },
    { name: 'search', path: 'tim-kiem/?q=du%20lich', ready: '[data-search-results] a' },
  ];
}

/** Takes every shot at every width in every colour scheme. */
async function takeAll(browser: Browser, baseUrl: string): Promise<string[]> {
  const written: string[] = [];
  for (const shot of shots()) {
    for (const width of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({
          viewport: { width, height: width < 600 ? 780 : 900 },
          colorScheme,
          locale: 'vi-VN',
          reducedMotion: 'reduce',
        });
        const page = await context.newPage();
        await page.goto(new URL(shot.path, baseUrl).href, { waitUntil: 'networkidle' });
        await page.waitForSelector(shot.ready, { timeout: 10_000 });
        const file = join(OUT_DIR, `${shot.name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: shot.name !== 'target' });
        written.push(file);
        await context.close();
      }
    }
  }
  return written;
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST_DIR, 'index.html'))) {
    const build = spawnSync('npm', buildArgs(), {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('npm run build failed; see its output above');
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const server = await startPreview(DIST_DIR);
  const browser = await launchChromium();
  try {
    const written = await takeAll(browser, server.url);
    console.log(`${written.length} screenshots in ${OUT_DIR}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
