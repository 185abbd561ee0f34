/** The machine a benchmark ran on: figures mean little without it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  date: string;
}

/** Describes this machine now. */
export function describeMachine(now = new Date()): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${type()} ${release()}`,
    date: now.toISOString(),
  };
}

/** The one-minute load average: other work on a shared machine slows a build down. */
export function currentLoad(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** True when two descriptions are of the same hardware, so their figures can share a table. */
export function sameMachine(a: Machine, b: Machine): boolean {
  return a.cpu === b.cpu && a.cores === b.cores && a.memoryGb === b.memoryGb;
}

/**
 * How fast the machine is at a moment, by fixed work timed just before a build: a virtual
 * machine of the same kind may be other hardware from one day to the next, and its speed moves
 * within minutes with work its load average does not see (on one machine the probe's loop read
 * 158 to 415 ms within half an hour, the load under 3).
 */
export interface SpeedProbe {
  /** A fixed loop of arithmetic on one core, in ms. */
  cpuMs: number;
  /** Making 500 folders with a small file each, as a build writes its pages, in ms. */
  filesMs: number;
}

/** Iterations of the probe's loop: 0.16 to 0.42 s on the machine of `results-intel-xeon.json`. */
const PROBE_LOOP = 100_000_000;

/** Folders (each with one file) the probe makes. */
const PROBE_FOLDERS = 500;

/** Runs the speed probe in the system's temporary folder. */
export function probeSpeed(): SpeedProbe {
  let started = performance.now();
  let sum = 0;
  for (let i = 0; i < PROBE_LOOP; i += 1) sum = (sum + (i % 7)) | 0;
  const cpuMs = performance.now() - started;
  const dir = mkdtempSync(join(tmpdir(), 'nq-probe-'));
  const page = `<p>${String(sum)}</p>`.repeat(200);
  try {
    started = performance.now();
    for (let i = 0; i < PROBE_FOLDERS; i += 1) {
      mkdirSync(join(dir, String(i)));
      writeFileSync(join(dir, String(i), 'index.html'), page);
    }
    return { cpuMs: Math.round(cpuMs), filesMs: Math.round(performance.now() - started) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
