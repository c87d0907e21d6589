/**
 * A lint worker thread: receives batches of file paths, lints each with the same `lintFile` as
 * the main thread (src/parallel/lint-one.ts), and posts the results back, one message per batch.
 */
import fs from 'node:fs';
import {parentPort, workerData} from 'node:worker_threads';
import {makeLoader, type LintFilesOptions} from '../lint-files.js';
import {lintOne} from './lint-one.js';
import {WORKER_MAX_FILE_BYTES, type Linted, type Reply, type WorkerInit} from './pool.js';

const init = workerData as WorkerInit;
const options = init.options as LintFilesOptions;
const loader = makeLoader(options);

parentPort!.on('message', async ({id, files}: {id: number; files: string[]}) => {
  let reply: Reply;
  try {
    const items: Linted[] = [];
    for (const file of files) {
      const size = fs.statSync(file, {throwIfNoEntry: false})?.size ?? 0;
      if (size > WORKER_MAX_FILE_BYTES) items.push({deferred: true} as Linted);
      else items.push(await lintOne(file, loader, options, init.withHash, init.keepSource));
    }
    reply = {id, items};
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = {id, error: {name: e.name, message: e.message, stack: e.stack}};
  }
  parentPort!.postMessage(reply);
});
