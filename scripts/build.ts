/**
 * `npm run build [-- --skip-invalid] [astro build options]`: the content step, and Astro's build
 * (pages, sitemap, search index) in its own process. Astro is started at once and loads and
 * bundles the site while the content step runs on the other cores; it goes on to the pages when
 * told the content is ready (`content-ready.ts`). A seed that cannot be read does not stop the
 * others: the site is built without it and the exit status is 1 unless `--skip-invalid` is
 * given; a library that cannot be built at all stops here, and Astro with it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  ASTRO_BUNDLED,
  CONTENT_PENDING,
  CONTENT_READY,
} from '../src/integrations/content-ready.ts';
import { astroConfigArguments } from '../src/lib/build/programs.ts';
import { contentStep, restOf } from './content-step.ts';

const root = process.cwd();
const args = process.argv.slice(2);
/** The options that are Astro's, not the content step's. */
const astroOptions = restOf(args);
const astro = spawn(
  process.execPath,
  [
    join(root, 'node_modules', 'astro', 'astro.js'),
    'build',
    ...astroConfigArguments(root, astroOptions),
    ...astroOptions,
  ],
  {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [CONTENT_PENDING]: '1' },
  },
);
const astroEnd = new Promise<number>((resolve) => {
  astro.on('error', (error) => {
    console.error(`build: Astro could not be started: ${error.message}`);
    resolve(1);
  });
  astro.on('close', (code) => resolve(code ?? 1));
});
// Astro bundles the site on one core meanwhile; the content step takes it once that is done.
const bundled = new Promise<void>((resolve) => {
  astro.on('message', (message) => {
    if (message === ASTRO_BUNDLED) resolve();
  });
});
const content = await contentStep(root, args, { cores: 1, until: bundled });
if (!content.made) {
  astro.kill();
  await astroEnd;
  process.exitCode = 1;
} else {
  astro.send(CONTENT_READY);
  const status = await astroEnd;
  process.exitCode = status !== 0 ? status : content.status;
  if (content.status !== 0 && status === 0) {
    console.error('build: the site was built without the seeds named above');
  }
}
