/** The machine a benchmark ran on: figures mean little without it. */
import { cpus, loadavg, release, totalmem, type } from 'node:os';

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
