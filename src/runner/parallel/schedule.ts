/**
 * How `lintFiles` gets through its file list: results replayed from --cache, the rest linted on
 * worker threads when there are many (all cores), else on the main thread. Whatever the route,
 * results come out in file order and are the ones a plain sequential run gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {cacheFilePath, copyResult, LintCache, packageVersion, type CachedResult, type Deps} from '../cache.js';
import {ConfigKeys} from '../cache-keys.js';
import {hashBytes} from '../hash.js';
import type {ConfigLoader} from '../config-loader.js';
import type {LintResult} from '../../engine/types.js';
import type {Concurrency, LintFilesOptions} from '../lint-file.js';
import {decode} from '../../syntax/encoding.js';
import {inOrder, lintOne, WRITE_CONCURRENCY} from './lint-one.js';
import {lintInWorkers, workerUrl, type Linted, type WorkerInit} from './pool.js';
import {readVmxFileSync} from './read-sync.js';

export type {Concurrency, RunOptions} from '../lint-file.js';

export const DEFAULT_CACHE_LOCATION = '.vmxlintcache';
/**
 * Below this many files per worker, starting workers costs more than it saves: each needs ~50 ms
 * to start and lints its first files several times slower until V8 has optimized the code.
 */
export const MIN_FILES_PER_WORKER = 4000;

function parseConcurrency(value: string | undefined): Concurrency | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'auto' || value === 'off') return value;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * How many workers to start for `count` files (0: lint on the main thread). `auto` uses half the
 * cores, as ESLint's own `--concurrency=auto` does: the main thread (finding files, configs, the
 * report) and V8's helper threads (garbage collection, compilation: a single linting thread
 * already keeps ~1.25 cores busy) need the rest. So a 2-core machine lints on the main thread:
 * there, two workers were measured slower than one thread, at every repository size
 * (docs/performance.md). `cores` is for tests.
 */
export function workerCount(count: number, concurrency: Concurrency = 'auto', cores = os.availableParallelism()): number {
  const wanted = parseConcurrency(process.env.VMXLINT_CONCURRENCY) ?? concurrency;
  if (wanted === 'off' || count === 0) return 0;
  if (typeof wanted === 'number') return Math.min(wanted, count);
  const n = Math.min(Math.floor(cores / 2), Math.floor(count / MIN_FILES_PER_WORKER));
  return n >= 2 ? n : 0;
}

/** Lint `files` (all of them, in order) on the main thread or on workers. */
function lintAll(files: string[], loader: ConfigLoader, options: LintFilesOptions, withHash: boolean, keepSource: boolean): AsyncGenerator<Linted> {
  const n = workerCount(files.length, options.concurrency);
  const url = n > 0 ? workerUrl() : undefined;
  if (url) {
    const plain = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function'));
    const init: WorkerInit = {options: plain, keepSource, withHash};
    return (async function* parallel() {
      let i = 0;
      for await (const item of lintInWorkers(files, n, init, url)) {
        // a file too big for a worker's heap comes back unlinted: lint it here, in its place
        yield item.deferred ? await lintOne(files[i], loader, options, withHash, keepSource) : item;
        i++;
      }
    })();
  }
  return inOrder(files, options.write ? WRITE_CONCURRENCY : 1, (file) => lintOne(file, loader, options, withHash, keepSource));
}

/** A cached result as lintFile would return it (with the source text read again when it is wanted). */
function replay(file: string, cached: CachedResult, keepSource: boolean, bytes?: Uint8Array): Linted {
  const result: LintResult = {filePath: file, ...copyResult(cached)};
  if (keepSource && cached.messages.length) {
    try {
      result.source = decode(bytes ?? readVmxFileSync(file).bytes).text;
    } catch {
      // decoded when it was cached; if it no longer reads, the cache entry was stale anyway
    }
  }
  return {result};
}

export type Outcome = {result: LintResult; source?: string};

/**
 * Results for `files`, in order, in batches: a run of replayed results comes as one batch (a
 * re-run over an unchanged repo is a loop, not an await per file), a linted file as soon as it is.
 */
export async function* lintEach(files: string[], loader: ConfigLoader, options: LintFilesOptions): AsyncGenerator<Outcome[]> {
  const keepSource = options.keepSource !== false;
  if (!options.cache) {
    for await (const item of lintAll(files, loader, options, false, keepSource)) yield [item];
    return;
  }
  const cwd = options.cwd ?? process.cwd();
  const cache = new LintCache(cacheFilePath(options.cacheLocation ?? DEFAULT_CACHE_LOCATION, cwd), packageVersion());
  const keys = new ConfigKeys([options.settings, options.inlineConfig !== false, Boolean(options.reportUnusedDisableDirectives)]);
  const fixing = Boolean(options.fix);
  // an inner VM's result depends on its outer VM files: each fingerprinted once per run
  const prints = new Map<string, string>();
  const fingerprint = async (file: string, hash?: string): Promise<string> => {
    const known = hash === undefined ? prints.get(file) : undefined;
    if (known !== undefined) return known;
    let content = hash;
    if (content === undefined) {
      try {
        content = hashBytes(readVmxFileSync(file).bytes);
      } catch {
        content = 'unreadable';
      }
    }
    let config = '';
    try {
      const array = loader.loadedForFile(file) ?? (await loader.forFile(file));
      config = keys.keyOf(array.forFile(file), array.source);
    } catch {
      config = 'no config';
    }
    const print = `${content} ${config}`;
    if (hash === undefined) prints.set(file, print);
    return print;
  };
  const current = new Map<string, string>();
  const depsUnchanged = (deps: NonNullable<Deps>) => deps.every(([file, print]) => current.get(file) === print);
  // the outer files named in the cache, fingerprinted before the lookups (which are synchronous)
  for (const file of cache.depFiles()) current.set(file, await fingerprint(file));
  const replays: Array<Linted | undefined> = new Array(files.length);
  const configKeys: string[] = new Array(files.length);
  const todo: string[] = [];
  // the config key of the previous file's directory, when its config is the same for all its files
  let lastDir: string | undefined;
  let lastKey: string | undefined;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const dir = file.slice(0, file.lastIndexOf(path.sep) + 1);
    let key = dir === lastDir ? lastKey : undefined;
    if (key === undefined) {
      const array = loader.loadedForFile(file) ?? (await loader.forFile(file));
      key = keys.keyOf(array.forFile(file), array.source);
      lastDir = dir;
      lastKey = array.byPath ? undefined : key;
    }
    configKeys[i] = key;
    const stat = fs.statSync(file, {bigint: true, throwIfNoEntry: false});
    const found = stat?.isFile() ? cache.lookup(file, stat, key, depsUnchanged) : undefined;
    let cached: CachedResult | undefined;
    let bytes: Uint8Array | undefined;
    if (found && 'hit' in found) cached = found.hit;
    else if (found) {
      try {
        const read = readVmxFileSync(file);
        bytes = read.bytes;
        cached = cache.confirm(file, found.verify, read.identity, hashBytes(read.bytes));
      } catch {
        cached = undefined; // unreadable now: lint it, which reports why
      }
    }
    // with --fix, a file with fixable problems must be linted (and fixed) again
    if (cached && !(fixing && cached.messages.some((m) => m.fix))) replays[i] = replay(file, cached, keepSource, bytes);
    else todo.push(file);
  }
  const linted = lintAll(todo, loader, options, true, keepSource);
  try {
    let batch: Outcome[] = [];
    for (let i = 0; i < files.length; i++) {
      const item = replays[i];
      if (item) {
        batch.push(item);
        continue;
      }
      if (batch.length) yield batch;
      batch = [];
      const next = await linted.next();
      if (next.done) throw new Error('internal error: a linted file is missing');
      if (next.value.identity && next.value.hash) {
        const deps = next.value.deps ? await Promise.all(next.value.deps.map(async ([f, h]) => [f, await fingerprint(f, h)] as [string, string])) : null;
        cache.store(files[i], next.value.identity, next.value.hash, configKeys[i], next.value.result, deps);
      }
      else cache.forget(files[i]);
      yield [next.value];
    }
    if (batch.length) yield batch;
  } finally {
    await linted.return(undefined); // stops the workers
  }
  const problem = cache.save();
  if (problem) options.onWarning?.(problem);
}
