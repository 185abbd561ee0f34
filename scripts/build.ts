/**
 * `npm run build [-- --skip-invalid] [astro build options]`: the content step, then Astro's
 * build (pages, sitemap, search index) in its own process. A seed that cannot be read does not
 * stop the others: the site is built without it and the exit status is 1 unless
 * `--skip-invalid` is given; a library that cannot be built at all stops here.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { contentStep } from './content-step.ts';

const root = process.cwd();
const content = await contentStep(root, process.argv.slice(2));
if (!content.made) {
  process.exitCode = 1;
} else {
  const astro = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'astro', 'astro.js'), 'build', ...content.rest],
    { stdio: 'inherit' },
  );
  process.exitCode = astro.status !== 0 ? (astro.status ?? 1) : content.status;
  if (content.status !== 0 && astro.status === 0) {
    console.error('build: the site was built without the seeds named above');
  }
}
