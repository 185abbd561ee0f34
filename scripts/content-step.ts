/**
 * The content step as the command line runs it, for `npm run content` and `npm run build`:
 * reads its flags, prints its report and says how it ended.
 */
import type { HeldCores } from '../src/lib/build/pool.ts';

/** The flag that builds the library without the seeds that cannot be read. */
export const SKIP_INVALID = '--skip-invalid';

/** How the step ended. */
export interface StepEnd {
  status: number;
  /** Whether the library was made (with or without failed seeds). */
  made: boolean;
}

/** The arguments the content step does not take, for Astro. */
export function restOf(args: readonly string[]): string[] {
  return args.filter((arg) => arg !== SKIP_INVALID);
}

/**
 * Runs the content step in `root`, printing warnings, failures and a summary line; `held` are
 * cores another program uses at first.
 */
export async function contentStep(
  root: string,
  args: readonly string[],
  held?: HeldCores,
): Promise<StepEnd> {
  const skipInvalid = args.includes(SKIP_INVALID);
  const started = performance.now();
  try {
    // Loaded here, not above: `npm run build` starts Astro before the pipeline's second of loading.
    const { runContent } = await import('../src/lib/build/run.ts');
    const report = await runContent(held ? { root, held } : { root });
    for (const line of report.warnings) console.error(line);
    for (const line of report.failures) console.error(line);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const failed = report.failures.length > 0 ? `; ${report.failures.length} seeds failed` : '';
    console.log(
      `content: ${report.pages} pages of ${report.documents} documents (${report.made} made, ` +
        `${report.unchanged} unchanged) in ${seconds} s${failed}`,
    );
    return { status: report.failures.length > 0 && !skipInvalid ? 1 : 0, made: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message.split('\n')[0]);
    return { status: 1, made: false };
  }
}
