/**
 * Runs the content step's jobs on worker threads, one job per worker at a time, so each thread
 * holds one document and the machine's cores work in parallel. Results come back in the order
 * of the jobs.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundledProgram } from './programs.ts';
import { runTask, type Task, type TaskResult } from './task.ts';

/**
 * A worker's entry: the bundled worker when the build's programs were bundled
 * (`scripts/launch.mjs`); else one that registers tsx's TypeScript loader in the new thread
 * (loaders registered in this thread do not reach workers), then loads the worker module. Null
 * where modules cannot be resolved (inside a test runner's own loader): the jobs then run in
 * this thread.
 */
function workerEntry(): URL | null {
  const bundled = bundledProgram('worker');
  if (bundled !== null) return pathToFileURL(bundled);
  if (typeof import.meta.resolve !== 'function') return null;
  const loader = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(loader)}; register(); await import(${JSON.stringify(worker)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** How many threads to use for `jobs` jobs: one per core, no more than there are jobs. */
export function threadCount(jobs: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(jobs, cores));
}

/** Jobs a started worker holds at once: the one it makes and the next. */
const WORKER_QUEUE = 2;

/** Lets queued events (a worker's result) run between two jobs of this thread. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Cores another program holds while the tasks start, and when it lets them go. */
export interface HeldCores {
  cores: number;
  /** Resolves when the other program no longer needs them; may never resolve. */
  until: Promise<void>;
}

/**
 * The seed size of a typical document of the benchmark's library (23 kB on average), the unit
 * in which the content step counts work: a document's work grows with its text, and one law of
 * four hundred articles is as much work as seventy such documents.
 */
export const DOCUMENT_BYTES = 23_000;

/** The work of `tasks` in typical documents, a seed counting at least one whatever its size. */
export function workOf(tasks: readonly Pick<Task, 'bytes'>[]): number {
  return tasks.reduce((work, task) => work + Math.max(1, task.bytes / DOCUMENT_BYTES), 0);
}

/**
 * Documents' work a worker must have left for its start to pay: loading the pipeline's modules
 * takes a thread about half a second, some ten to twenty documents' work.
 */
export const WORKER_START_DOCUMENTS = 20;

/**
 * Documents' work up to which the held cores are left to the other program: a thread makes
 * about that many documents while Astro starts and bundles the site (5 to 7 s at 50 ms a
 * document, measured on 2 cores). A larger library is made on every core from the start, its
 * content step being the longer of the two by far.
 */
export const HELD_UP_TO = 200;

/** Threads to start with for `work` documents' work out of `threads`, leaving small runs the held cores. */
export function startingThreads(threads: number, work: number, held?: HeldCores): number {
  if (held === undefined || work > HELD_UP_TO) return threads;
  return Math.max(1, threads - held.cores);
}

/** How many workers to add on `free` cores with `left` documents' work not yet taken. */
export function addedWorkers(free: number, left: number): number {
  return Math.max(0, Math.min(free, Math.floor(left / WORKER_START_DOCUMENTS)));
}

/**
 * The order in which to take tasks: the largest seeds first, the others in their order, so that
 * a long law is not the last task left while the other threads have nothing to do.
 */
export function largestFirst(tasks: readonly Pick<Task, 'bytes'>[]): number[] {
  return tasks
    .map((_, index) => index)
    .sort((a, b) => (tasks[b]?.bytes ?? 0) - (tasks[a]?.bytes ?? 0) || a - b);
}

/**
 * Runs every task on `threads` threads: this one and `threads - 1` workers. This thread starts
 * at once while the workers load their modules, so a small library pays no start-up; a large
 * one has every core busy. Up to `HELD_UP_TO` documents' work, cores that another program holds
 * at first (`held`: Astro bundling the site beside the content step) are left to it, and workers
 * are added on them once it lets them go, if enough work is left. Tasks are taken largest first
 * (`largestFirst`); `done` is called after each; results keep the order of the tasks.
 */
export async function runTasks(
  tasks: readonly Task[],
  done: (result: TaskResult) => void = () => {},
  threads: number = threadCount(tasks.length),
  held?: HeldCores,
): Promise<TaskResult[]> {
  const first = startingThreads(threads, workOf(tasks), held);
  const entry = threads > 1 ? workerEntry() : null;
  const results: TaskResult[] = new Array<TaskResult>(tasks.length);
  const order = largestFirst(tasks);
  let next = 0;
  const finish = (index: number, result: TaskResult): void => {
    results[index] = result;
    done(result);
  };
  const worker = (url: URL): Promise<void> =>
    new Promise((resolve, reject) => {
      const thread = new Worker(url);
      // Jobs sent and not yet answered, in order. Once it has started, a worker holds the next
      // job before it answers the last one: this thread reads its answers only between jobs.
      const sent: number[] = [];
      let started = false;
      const feed = (): void => {
        while (next < tasks.length && sent.length < (started ? WORKER_QUEUE : 1)) {
          const index = order[next++] as number;
          sent.push(index);
          thread.postMessage(tasks[index]);
        }
        if (sent.length === 0) void thread.terminate().then(() => resolve());
      };
      thread.on('message', (result: TaskResult) => {
        started = true;
        finish(sent.shift() as number, result);
        feed();
      });
      thread.on('error', reject);
      thread.on('exit', (code) => {
        const [current] = sent;
        if (current !== undefined) {
          const file = tasks[current]?.file ?? 'a seed';
          reject(new Error(`a content worker stopped (exit ${code}) while making ${file}`));
        }
      });
      feed();
    });
  const here = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = order[next++] as number;
      finish(index, runTask(tasks[index] as Task));
      await yieldToEvents();
    }
  };
  const workers = entry === null ? [] : Array.from({ length: first - 1 }, () => worker(entry));
  const mine = here();
  // Waits for the held cores no longer than this thread has tasks to take.
  const added = async (): Promise<void> => {
    if (!held || entry === null || first >= threads) return;
    await Promise.race([held.until, mine]);
    const left = order.slice(next).map((index) => tasks[index] as Task);
    const count = addedWorkers(threads - first, workOf(left));
    await Promise.all(Array.from({ length: count }, () => worker(entry)));
  };
  await Promise.all([mine, ...workers, added()]);
  return results;
}
