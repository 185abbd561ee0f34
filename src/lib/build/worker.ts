/** A worker thread of the content step: makes the documents it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './task.ts';

parentPort?.on('message', (task: Task) => {
  parentPort?.postMessage(runTask(task));
});
