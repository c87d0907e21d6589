/**
 * Worker threads for linting many files: contiguous batches of files go to the workers (two
 * batches in flight each, so none waits for the next), and results come back in file order.
 * Each worker runs the same `lintFile` as the main thread, with its own config loader, and
 * writes fixes through the same atomic write (src/io/write.ts).
 */
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import {ConfigError} from '../config/config-array.js';
import type {LintResult} from '../engine/types.js';
import type {FileIdentity} from '../io/read.js';

/** What the worker is told once. Options are the lint options without functions. */
export interface WorkerInit {
  options: Record<string, unknown>;
  /** Keep `result.source` (the JSON format prints it). */
  keepSource: boolean;
  /** Send each file's stat identity and content hash back (for --cache). */
  withHash: boolean;
}

export interface Linted {
  result: LintResult;
  /** The worker handed the file back unlinted (too big for its heap): no result then. */
  deferred?: boolean;
  /** The text before fixes, for files the fix changed (diffs). */
  source?: string;
  identity?: FileIdentity;
  hash?: string;
  /** The outer VM files the result depends on, with their content hashes (src/nested/outer-link.ts). */
  deps?: Array<[string, string]>;
}

/** Heap limits of a worker (MB). */
export const WORKER_LIMITS = {maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 96};
/** Larger files are handed back to the main thread (its heap has no such limit). */
export const WORKER_MAX_FILE_BYTES = 2 * 1024 * 1024;

export type Reply = {id: number; items: Linted[]} | {id: number; error: {name: string; message: string; stack?: string}};

declare const __VMXLINT_WORKER__: string | undefined;

/** The worker script: the bundled one next to the bundle, else tsc's output next to this module. */
export function workerUrl(): URL | undefined {
  const url = typeof __VMXLINT_WORKER__ === 'string' ? new URL(__VMXLINT_WORKER__, import.meta.url) : new URL('./worker.js', import.meta.url);
  // under ts-jest this module is src/parallel/pool.ts and there is no worker.js: no workers then
  return url.protocol === 'file:' && fs.existsSync(fileURLToPath(url)) ? url : undefined;
}

function revive(error: {name: string; message: string; stack?: string}): Error {
  const e = error.name === 'ConfigError' ? new ConfigError(error.message) : new Error(error.message);
  if (error.stack) e.stack = error.stack;
  return e;
}

/** Lint `files` on `size` workers; yields one item per file, in the order of `files`. */
export async function* lintInWorkers(files: string[], size: number, init: WorkerInit, url: URL): AsyncGenerator<Linted> {
  const {Worker} = await import('node:worker_threads'); // not at start-up: most runs lint a few files
  const batch = Math.max(8, Math.min(64, Math.ceil(files.length / (size * 8))));
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += batch) batches.push(files.slice(i, i + batch));
  const done = new Map<number, Linted[]>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  let next = 0;
  let received = 0;
  const workers: InstanceType<typeof Worker>[] = [];
  const send = (worker: InstanceType<typeof Worker>) => {
    if (next < batches.length) {
      worker.postMessage({id: next, files: batches[next]});
      next++;
    }
  };
  for (let i = 0; i < Math.min(size, batches.length); i++) {
    // a worker needs little memory at a time (one batch); without a limit V8 lets each heap grow
    // far beyond that before collecting. Files too big for this limit are linted on the main thread.
    const worker = new Worker(url, {workerData: init, resourceLimits: WORKER_LIMITS});
    worker.on('message', (reply: Reply) => {
      if ('error' in reply) failure ??= revive(reply.error);
      else done.set(reply.id, reply.items);
      // every batch is back: idle workers must not keep the process alive, even if nobody terminates them
      if (++received === batches.length) for (const w of workers) w.unref();
      send(worker);
      notify();
    });
    worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`a lint worker stopped (exit code ${code})`);
      notify();
    });
    workers.push(worker);
    send(worker);
    send(worker);
  }
  try {
    for (let k = 0; k < batches.length; k++) {
      while (!done.has(k)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const items = done.get(k)!;
      done.delete(k);
      yield* items;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
