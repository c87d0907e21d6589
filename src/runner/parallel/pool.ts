/**
 * Worker threads for linting many files: contiguous batches of files go to the workers (two
 * batches in flight each, so none waits for the next), and results come back in file order.
 * Each worker runs the same `lintFile` as the main thread, with its own config loader, and
 * writes fixes through the same atomic write (src/runner/io/write.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {ConfigError} from '../../config/config-array.js';
import type {LintResult} from '../../engine/types.js';
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
/**
 * Larger files are handed back to the main thread (its heap has no such limit). A 2 MB file of
 * 73,000 fixes exhausted a worker's heap (R18); 512 KiB is 25 times the largest real .vmx.
 */
export const WORKER_MAX_FILE_BYTES = 512 * 1024;

/** The files of batches sent to workers and not back yet (for the signal handler and dead workers). */
const inWorkers = new Set<string[]>();

/**
 * Remove the temp files a worker left for `files` (a worker that died, or the process on a signal):
 * `.<name>.vmxlint-<this pid>-<hex>.tmp` next to each (workers share the process id).
 */
function removeTempFilesOf(files: Iterable<string>): void {
  const byDir = new Map<string, Set<string>>();
  for (const file of files) {
    const dir = path.dirname(file);
    if (!byDir.has(dir)) byDir.set(dir, new Set());
    byDir.get(dir)!.add(path.basename(file));
  }
  const own = new RegExp(`^\\.(.+)\\.vmxlint-${process.pid}-[0-9a-f]+\\.tmp$`);
  for (const [dir, names] of byDir) {
    let entries: string[];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const m = own.exec(entry);
      if (m && names.has(m[1])) {
        try {
          fs.unlinkSync(path.join(dir, entry));
        } catch {
          // gone already
        }
      }
    }
  }
}

/** On SIGINT/SIGTERM/SIGHUP: the temp files of the batches workers are writing. */
export function removeWorkerTempFiles(): void {
  removeTempFilesOf([...inWorkers].flat());
}

/** WORKER_LIMITS, with `VMXLINT_WORKER_HEAP_MB` (tests: make a worker run out of memory on purpose). */
function workerLimits(): typeof WORKER_LIMITS {
  const mb = Number(process.env.VMXLINT_WORKER_HEAP_MB);
  return Number.isFinite(mb) && mb > 0 ? {...WORKER_LIMITS, maxOldGenerationSizeMb: mb} : WORKER_LIMITS;
}

export type Reply = {id: number; items: Linted[]} | {id: number; error: {name: string; message: string; stack?: string}};

declare const __VMXLINT_WORKER__: string | undefined;

/** The worker script: the bundled one next to the bundle, else tsc's output next to this module. */
export function workerUrl(): URL | undefined {
  const url = typeof __VMXLINT_WORKER__ === 'string' ? new URL(__VMXLINT_WORKER__, import.meta.url) : new URL('./worker.js', import.meta.url);
  // under ts-jest this module is src/runner/parallel/pool.ts and there is no worker.js: no workers then
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
  /** Per worker, the batches sent to it and not back yet. */
  const sent = new Map<InstanceType<typeof Worker>, Set<number>>();
  const send = (worker: InstanceType<typeof Worker>) => {
    if (next < batches.length) {
      worker.postMessage({id: next, files: batches[next]});
      sent.get(worker)!.add(next);
      inWorkers.add(batches[next]);
      next++;
    }
  };
  /**
   * A worker died (out of memory, a crash): its batches are not lost, nor is the run. Its temp files
   * are removed and each of its files comes back `deferred`, linted again on the main thread (a file
   * it had fixed already reads as fixed: nothing is fixed twice). The other workers carry on (R18).
   */
  const lost = (worker: InstanceType<typeof Worker>) => {
    const ids = sent.get(worker);
    if (!ids) return;
    sent.delete(worker);
    for (const id of ids) {
      removeTempFilesOf(batches[id]);
      inWorkers.delete(batches[id]);
      done.set(id, batches[id].map(() => ({deferred: true}) as Linted));
      received++;
    }
    // the batches nobody took yet go to the main thread too when no worker is left
    if (sent.size === 0) {
      while (next < batches.length) {
        done.set(next, batches[next].map(() => ({deferred: true}) as Linted));
        next++;
        received++;
      }
    }
    notify();
  };
  for (let i = 0; i < Math.min(size, batches.length); i++) {
    // a worker needs little memory at a time (one batch); without a limit V8 lets each heap grow
    // far beyond that before collecting. Files too big for this limit are linted on the main thread.
    const worker = new Worker(url, {workerData: init, resourceLimits: workerLimits()});
    sent.set(worker, new Set());
    worker.on('message', (reply: Reply) => {
      sent.get(worker)?.delete(reply.id);
      inWorkers.delete(batches[reply.id]);
      if ('error' in reply) failure ??= revive(reply.error);
      else done.set(reply.id, reply.items);
      // every batch is back: idle workers must not keep the process alive, even if nobody terminates them
      if (++received === batches.length) for (const w of workers) w.unref();
      send(worker);
      notify();
    });
    worker.on('error', () => lost(worker));
    worker.on('exit', (code) => {
      if (code !== 0) lost(worker);
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
    for (const ids of sent.values()) for (const id of ids) inWorkers.delete(batches[id]);
    sent.clear(); // terminated on purpose: nothing is lost
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
