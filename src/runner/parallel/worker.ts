/**
 * A lint worker thread: receives batches of file paths, lints each with the same `lintFile` as
 * the main thread (src/runner/parallel/lint-one.ts), and posts the results back, one message per batch.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {makeLoader, type LintFilesOptions} from '../lint-file.js';
import {inOrder, lintOne, WRITE_CONCURRENCY} from './lint-one.js';
import {WORKER_MAX_FILE_BYTES, type Linted, type Reply, type WorkerInit} from './pool.js';

const init = workerData as WorkerInit;
const options = init.options as LintFilesOptions;
const loader = makeLoader(options);

parentPort!.on('message', async ({id, files}: {id: number; files: string[]}) => {
  let reply: Reply;
  try {
    const items: Linted[] = [];
    const one = (file: string) => lintOne(file, loader, options, init.withHash, init.keepSource, WORKER_MAX_FILE_BYTES);
    for await (const item of inOrder(files, options.write ? WRITE_CONCURRENCY : 1, one)) items.push(item);
    reply = {id, items};
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = {id, error: {name: e.name, message: e.message, stack: e.stack}};
  }
  parentPort!.postMessage(reply);
});
