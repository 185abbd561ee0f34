/**
 * Memory of a running build, sampled from Linux's /proc: the largest resident set among the
 * build's processes, so memory can be traced to the phase that needs it. Elsewhere the samples
 * are simply empty.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** A resident-set sample: seconds since the build started, and megabytes. */
export interface MemorySample {
  at: number;
  mb: number;
}

/** The parent pid from `/proc/<pid>/stat`, whose second field may itself hold spaces. */
export function parentPid(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : null;
}

/** Resident set in MB from `/proc/<pid>/status`, or 0 when the line is absent. */
export function residentMb(status: string): number {
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kb === undefined ? 0 : Math.round(Number(kb) / 1024);
}

/** Reads a /proc file, or null when the process has just gone. */
function readProc(pid: string, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** `root` and every process below it. */
function processTree(root: number): string[] {
  const children = new Map<number, string[]>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const pid of pids) {
    const stat = readProc(pid, 'stat');
    const ppid = stat === null ? null : parentPid(stat);
    if (ppid === null) continue;
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const tree = [String(root)];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(Number(tree[i])) ?? []));
  return tree;
}

/** The largest resident set, in MB, among `root` and its descendants. */
export function largestResident(root: number): number {
  let largest = 0;
  for (const pid of processTree(root)) {
    const status = readProc(pid, 'status');
    if (status !== null) largest = Math.max(largest, residentMb(status));
  }
  return largest;
}
