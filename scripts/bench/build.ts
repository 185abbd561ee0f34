/**
 * Runs `npm run build` in a benchmark project and times it: the whole build, and its phases
 * from the moments their log lines arrive, so a figure that grows too fast can be traced to the
 * step that causes it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { largestResident, type MemorySample } from './memory.ts';

/** How often memory is sampled during a build. */
const SAMPLE_MS = 1000;

/** A log line and the seconds since the build started when it arrived. */
export interface LogLine {
  at: number;
  text: string;
}

export interface BuildRun {
  seconds: number;
  /** Largest resident set of any process of the build (GNU time's %M), in MB; null without it. */
  peakMb: number | null;
  phases: Record<string, number>;
  /** Largest resident set of any build process within each phase, sampled every second. */
  phasePeakMb: Record<string, number>;
  lines: LogLine[];
}

/**
 * Phase boundaries: a phase ends when the first line matching its marker arrives, and the last
 * phase (`finish`) ends with the build. Astro's own log lines are stable across 5.x; a missing
 * marker merges its phase into the next one.
 */
export const PHASE_MARKERS: readonly (readonly [phase: string, marker: RegExp])[] = [
  ['content', /^content: \d+ pages/],
  ['astro start + sync', /Building static entrypoints/],
  ['server bundle', /building client \(vite\)/],
  ['client bundle', /generating static routes/],
  ['pages + sitemap', /sitemap-index\.xml. created/],
  ['pagefind', /\[nghi-quyet-pagefind\]/],
];

/** The first line that says why a build stopped, or the last line when none does. */
export function failureReason(lines: readonly LogLine[]): string {
  const reason = lines.find((line) => /FATAL ERROR|\berror\b|Error:/i.test(line.text));
  return (reason ?? lines.at(-1))?.text.trim() ?? 'no output';
}

/** The phase a failed build was in: the one after the last marker it reached. */
export function failedPhase(lines: readonly LogLine[], seconds: number): string {
  const reached = phaseWindows(lines, seconds).filter((window) => window.phase !== 'finish');
  const last = reached.at(-1)?.phase;
  const index = PHASE_MARKERS.findIndex(([phase]) => phase === last);
  return PHASE_MARKERS[index + 1]?.[0] ?? 'finish';
}

/** A build that exited with an error: why, in which phase, and after how long. */
export class BuildFailure extends Error {
  override name = 'BuildFailure';
  readonly seconds: number;
  readonly phase: string;
  readonly reason: string;

  constructor(dir: string, code: number | null, seconds: number, lines: readonly LogLine[]) {
    const tail = lines
      .slice(-30)
      .map((line) => line.text)
      .join('\n');
    super(`npm run build failed in ${dir} (exit ${code}):\n${tail}`);
    this.seconds = round(seconds);
    this.phase = failedPhase(lines, seconds);
    this.reason = failureReason(lines);
  }
}

/** Removes terminal colour codes. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** One phase of a build: its name and when it began and ended, in seconds. */
export interface PhaseWindow {
  phase: string;
  from: number;
  to: number;
}

/** The phases of a build, from timed log lines and the build's total. */
export function phaseWindows(lines: readonly LogLine[], total: number): PhaseWindow[] {
  const windows: PhaseWindow[] = [];
  let previous = 0;
  let index = 0;
  for (const [phase, marker] of PHASE_MARKERS) {
    const found = lines.findIndex((line, i) => i >= index && marker.test(line.text));
    if (found === -1) continue;
    const at = (lines[found] as LogLine).at;
    windows.push({ phase, from: previous, to: at });
    previous = at;
    index = found + 1;
  }
  windows.push({ phase: 'finish', from: previous, to: total });
  return windows;
}

/** Seconds spent in each phase. */
export function phasesFrom(lines: readonly LogLine[], total: number): Record<string, number> {
  return Object.fromEntries(
    phaseWindows(lines, total).map((window) => [window.phase, round(window.to - window.from)]),
  );
}

/** The largest memory sample within each phase, in MB; phases without a sample are left out. */
export function phasePeaks(
  windows: readonly PhaseWindow[],
  samples: readonly MemorySample[],
): Record<string, number> {
  const peaks: Record<string, number> = {};
  for (const window of windows) {
    const inside = samples.filter((s) => s.at >= window.from && s.at <= window.to);
    if (inside.length > 0) peaks[window.phase] = Math.max(...inside.map((s) => s.mb));
  }
  return peaks;
}

/** Rounds seconds to tenths. */
function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

/** Reads GNU time's `-o` file: its last line is the peak resident set in KB. */
function peakFromTimeFile(file: string): number | null {
  if (!existsSync(file)) return null;
  const kb = Number(readFileSync(file, 'utf8').trim().split('\n').at(-1));
  return Number.isFinite(kb) && kb > 0 ? Math.round(kb / 1024) : null;
}

/**
 * Runs `npm run build` in `dir`; rejects with the log's tail when the build fails. `heapMb`
 * raises V8's old-space limit for builds too large for Node's default.
 */
export function runBuild(
  dir: string,
  onLine?: (line: LogLine) => void,
  heapMb: number | null = null,
): Promise<BuildRun> {
  const timeFile = join(dir, '.build-time');
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : 'npm';
  const args = useTime ? ['-f', '%M', '-o', timeFile, 'npm', 'run', 'build'] : ['run', 'build'];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const lines: LogLine[] = [];
    const child = spawn(command, args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
        ...(heapMb === null ? {} : { NODE_OPTIONS: `--max-old-space-size=${heapMb}` }),
      },
    });
    const partial = { stdout: '', stderr: '' };
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const at = (performance.now() - start) / 1000;
      const parts = (partial[stream] + chunk.toString()).split('\n');
      partial[stream] = parts.pop() ?? '';
      for (const part of parts) {
        const line = { at, text: plain(part) };
        lines.push(line);
        onLine?.(line);
      }
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    child.once('error', reject);
    const samples: MemorySample[] = [];
    const sampler = setInterval(() => {
      if (child.pid !== undefined) {
        samples.push({ at: (performance.now() - start) / 1000, mb: largestResident(child.pid) });
      }
    }, SAMPLE_MS);
    child.once('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) {
        reject(new BuildFailure(dir, code, seconds, lines));
        return;
      }
      const windows = phaseWindows(lines, seconds);
      resolve({
        seconds: round(seconds),
        peakMb: peakFromTimeFile(timeFile),
        phases: phasesFrom(lines, seconds),
        phasePeakMb: phasePeaks(windows, samples),
        lines,
      });
    });
  });
}
