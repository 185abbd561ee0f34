/**
 * `npm run content [-- --skip-invalid]`: every seed → `content/<doc>/` (one MDX file per page and
 * the tree) and the site data the pages place (`.cache/site/`), remaking only changed seeds, on
 * every core. Warnings go to stderr as `FILE:LINE:COL: warning: …`. A seed that cannot be read
 * is one line on stderr; the others are still made, and the exit status is 1 unless
 * `--skip-invalid` is given. A library that cannot be built at all is one line and status 1.
 */
import { contentStep } from './content-step.ts';

const code = await contentStep(process.cwd(), process.argv.slice(2));
process.exitCode = code.status;
