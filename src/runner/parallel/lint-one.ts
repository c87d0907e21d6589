/**
 * One file, as the main thread and the workers both lint it: `lintFile` with the synchronous
 * reader, the source text dropped unless asked for, and for --cache the identity and content
 * hash of the bytes that were linted.
 */
import {hashBytes} from '../hash.js';
import type {ConfigLoader} from '../config-loader.js';
import type {ReadFile} from '../io/read.js';
import {lintFile, type LintFilesOptions} from '../lint-file.js';
import type {Linted} from './pool.js';
import {readVmxFileSync} from './read-sync.js';

/** Thrown by the reader when a file is over `maxBytes`: the caller lints it elsewhere. */
class TooBig extends Error {}

/**
 * Lint one file. With `maxBytes` (workers), a larger file is not linted: `{deferred: true}` comes
 * back instead, and the main thread lints it.
 */
export async function lintOne(file: string, loader: ConfigLoader, options: LintFilesOptions, withHash: boolean, keepSource: boolean, maxBytes?: number): Promise<Linted> {
  let read: ReadFile | undefined;
  let result;
  let source;
  let deps: Array<[string, string]> | undefined;
  try {
    ({result, source, deps} = await lintFile(file, loader, {
      ...options,
      readFile(f) {
        read = readVmxFileSync(f);
        if (maxBytes !== undefined && read.size > maxBytes) throw new TooBig();
        return read;
      },
    }));
  } catch (error) {
    if (error instanceof TooBig) return {deferred: true} as Linted;
    throw error;
  }
  if (!keepSource) delete result.source;
  const item: Linted = {result};
  // the text before the fix, for diffs (--fix-dry-run)
  if (result.output !== undefined && source !== undefined) item.source = source;
  if (withHash && read) {
    item.identity = read.identity;
    item.hash = hashBytes(read.bytes);
    if (deps?.length) item.deps = deps;
  }
  return item;
}

/** Files in flight at once when fixes are written: a write waits on a dozen file-system calls. */
export const WRITE_CONCURRENCY = 32;

/**
 * `fn` over `items`, up to `limit` calls in flight (their awaits overlap: while one file's fix is
 * written, the next is read and linted); results in the order of `items`.
 */
export async function* inOrder<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = [];
  let next = 0;
  const start = () => {
    const p = fn(items[next], next++);
    p.catch(() => undefined); // awaited below, in order; not an unhandled rejection meanwhile
    pending.push(p);
  };
  while (next < items.length && pending.length < limit) start();
  while (pending.length) {
    const result = await pending.shift()!;
    if (next < items.length) start();
    yield result;
  }
}
