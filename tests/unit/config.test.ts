import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const CONFIG = pathToFileURL(resolve(import.meta.dirname, '../../astro.config.mjs')).href;

/** ASTRO_TELEMETRY_DISABLED as it is once the configuration is loaded, from `start` (or unset). */
function afterLoading(start: string | undefined): string {
  const env = { ...process.env };
  delete env['ASTRO_TELEMETRY_DISABLED'];
  if (start !== undefined) env['ASTRO_TELEMETRY_DISABLED'] = start;
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(CONFIG)}); console.log(JSON.stringify(process.env.ASTRO_TELEMETRY_DISABLED ?? null));`,
    ],
    { encoding: 'utf8', env },
  );
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string;
}

describe('astro.config.mjs', () => {
  it("turns Astro's anonymous usage reports off, unless the variable is set", () => {
    expect(afterLoading(undefined)).toBe('1');
    expect(afterLoading('')).toBe('');
    expect(afterLoading('0')).toBe('0');
  });
});
