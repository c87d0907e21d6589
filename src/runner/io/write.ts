/**
 * Atomic writes for --fix, without a library so that the "unchanged since read" check sits right
 * before the rename:
 *
 * 1. resolve symlinks (a symlinked .vmx is fixed at its target, the link stays a link);
 * 2. refuse what is not a regular file, a read-only file, a file changed since it was read;
 * 3. write the bytes to a new temp file in the target's directory (`O_EXCL`, mode 0600), give it
 *    the original's owner (where permitted) and mode, fsync it;
 * 4. check again that the original is unchanged: same device, inode, size, mtime and ctime (ns)
 *    and the same bytes — only then rename the temp file over it, and fsync the directory (one
 *    fsync for the renames that finish together in one directory, each waited for by its writes).
 *
 * Every step but the fsyncs is a synchronous system call: a --fix run writes thousands of files,
 * and a promise round trip through libuv's thread pool per step cost more CPU than the calls
 * themselves. The fsyncs, which wait on the disk, run in the thread pool, so that a run keeps
 * several of them in flight.
 *
 * On any error the temp file is removed and the original is untouched. Killed with SIGKILL, the
 * process cannot clean up: the original is then either the old or the new file (rename is atomic),
 * and at most one `.<name>.vmxlint-<pid>-<random>.tmp` file per file being written is left next to
 * it; it is never matched by vmxlint's `*.vmx`/`*.vmtx` search and can be deleted.
 */
import fs, {constants, type BigIntStats} from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {promisify} from 'node:util';
import {describeIoError, identityOf, InputError, MAX_FILE_BYTES, readRegularFileSync, sameIdentity, type ReadFile} from './read.js';

/** Write all of `bytes` to `fd` (a single write may take only part of them). */
export function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done);
}

/** The file-system calls a write makes: node:fs by default, replaceable in tests. Only `fsync` waits. */
export interface WriteOps {
  realpath(file: string): string;
  stat(file: string): BigIntStats;
  access(file: string, mode: number): void;
  /** Returns a file descriptor. */
  open(file: string, flags: number, mode?: number): number;
  write(fd: number, bytes: Uint8Array): void;
  fchown(fd: number, uid: number, gid: number): void;
  fchmod(fd: number, mode: number): void;
  fsync(fd: number): Promise<void>;
  close(fd: number): void;
  readFile(file: string): Uint8Array;
  rename(from: string, to: string): void;
  unlink(file: string): void;
}

const fsyncAsync = promisify(fs.fsync);

export const nodeWriteOps: WriteOps = {
  realpath: (f) => fs.realpathSync.native(f),
  stat: (f) => fs.statSync(f, {bigint: true}),
  access: (f, m) => fs.accessSync(f, m),
  open: (f, flags, mode) => fs.openSync(f, flags, mode),
  write: (fd, bytes) => writeAllSync(fd, bytes),
  fchown: (fd, uid, gid) => fs.fchownSync(fd, uid, gid),
  fchmod: (fd, mode) => fs.fchmodSync(fd, mode),
  fsync: (fd) => fsyncAsync(fd),
  close: (fd) => fs.closeSync(fd),
  // non-blocking, regular files only, capped: a FIFO or a /dev/zero link swapped in meanwhile cannot hang it (R10, R11)
  readFile: (f) => readRegularFileSync(f, Math.max(MAX_FILE_BYTES, 1)),
  rename: (a, b) => fs.renameSync(a, b),
  unlink: (f) => fs.unlinkSync(f),
};

/** Temp files are named so: hidden, next to the target, never ending in .vmx/.vmtx. */
export const TEMP_FILE = /^\..+\.vmxlint-\d+-[0-9a-f]+\.tmp$/;

/** Temp files of writes in flight (this thread's): removed by `removeTempFiles` on SIGINT/SIGTERM/SIGHUP. */
const inFlight = new Set<string>();

/** Remove the temp files of the writes in flight, synchronously (a signal handler's last act). */
export function removeTempFiles(): void {
  for (const temp of inFlight) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // renamed or removed already
    }
  }
  inFlight.clear();
}

/** node:crypto on first use: requiring it costs ~5 ms of every start-up, and most runs write nothing. */
let randomBytes: typeof import('node:crypto').randomBytes | undefined;

export function tempPathFor(target: string): string {
  randomBytes ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomBytes;
  return path.join(path.dirname(target), `.${path.basename(target)}.vmxlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

const CHANGED = 'file changed on disk since vmxlint read it: fix not written (run vmxlint again)';

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** Whether `target` is still exactly what was read: identity, timestamps and content. */
function unchanged(ops: WriteOps, target: string, original: ReadFile): boolean {
  try {
    // the size first: a file that grew (or was swapped for a bigger one) is changed, without reading it
    if (ops.stat(target).size !== original.identity.size) return false;
    const content = ops.readFile(target);
    if (!sameBytes(content, original.bytes)) return false;
    // stat after the read: a change during the read moves mtime/ctime
    return sameIdentity(identityOf(ops.stat(target)), original.identity);
  } catch {
    return false; // gone or replaced by something unreadable: changed
  }
}

/** Best effort: make the rename itself durable. Not every platform can fsync a directory. */
async function syncDirectory(ops: WriteOps, dir: string): Promise<void> {
  let fd: number | undefined;
  try {
    fd = ops.open(dir, constants.O_RDONLY);
    await ops.fsync(fd);
  } catch {
    // EISDIR/EPERM/EINVAL on some systems: the file itself was already fsynced
  } finally {
    if (fd !== undefined) {
      try {
        ops.close(fd);
      } catch {
        // a read-only descriptor: nothing to lose
      }
    }
  }
}

/** Directory fsyncs asked for but not started yet, per directory (and per set of ops, for tests). */
const queuedSyncs = new WeakMap<WriteOps, Map<string, Promise<void>>>();

/**
 * Make a rename in `dir` durable: resolves once a directory fsync that started after the caller's
 * rename has finished. Renames in one directory that complete close together (a --fix run keeps
 * dozens of writes in flight) share one fsync: it starts on the next turn of the event loop, and
 * every rename done before it starts joins it. Each write still waits for its own rename to be on
 * disk; a directory of 100 fixed files needs a few fsyncs instead of 100.
 */
function syncDirectorySoon(ops: WriteOps, dir: string): Promise<void> {
  let queued = queuedSyncs.get(ops);
  if (!queued) queuedSyncs.set(ops, (queued = new Map()));
  let pending = queued.get(dir);
  if (!pending) {
    const forOps = queued;
    pending = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      forOps.delete(dir); // from here on, a new rename needs a new fsync
      return syncDirectory(ops, dir);
    });
    queued.set(dir, pending);
  }
  return pending;
}

/**
 * Write fixed bytes over the file that was read as `original`; returns the path written (symlinks
 * resolved). Throws InputError (one line) on any failure.
 */
export async function writeFixed(file: string, bytes: Uint8Array, original: ReadFile, ops: WriteOps = nodeWriteOps): Promise<string> {
  const fail = (what: string, error?: unknown) => new InputError(`cannot write the fix: ${what}${error === undefined ? '' : `: ${describeIoError(error)}`}`);
  let target: string;
  let now: BigIntStats;
  try {
    target = ops.realpath(file);
    now = ops.stat(target);
  } catch (error) {
    throw fail('cannot find the file again', error);
  }
  if (!now.isFile()) throw fail('not a regular file');
  if (!sameIdentity(identityOf(now), original.identity)) throw new InputError(CHANGED);
  // mode bits too: root passes access(W_OK) even for a file its owner made read-only
  let readOnly = (Number(now.mode) & 0o222) === 0;
  if (!readOnly) {
    try {
      ops.access(target, constants.W_OK);
    } catch {
      readOnly = true;
    }
  }
  if (readOnly) throw fail('the file is read-only');

  const temp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = ops.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (error) {
    throw fail(`cannot create a temporary file in ${path.dirname(target)}`, error);
  }
  if (ops === nodeWriteOps) inFlight.add(temp);
  let renamed = false;
  try {
    ops.write(fd, bytes);
    const uid = Number(now.uid);
    const gid = Number(now.gid);
    if (uid !== process.getuid?.() || gid !== process.getgid?.()) {
      // keep the owner where permitted (root; or a group the user belongs to); otherwise the writer owns it
      try {
        ops.fchown(fd, uid, gid);
      } catch {
        try {
          ops.fchown(fd, process.getuid?.() ?? uid, gid);
        } catch {
          // not permitted: the writer owns the new file
        }
      }
    }
    // after chown, which clears set-id bits
    ops.fchmod(fd, Number(now.mode) & 0o7777);
    await ops.fsync(fd);
    const open = fd;
    fd = undefined;
    ops.close(open);
    if (!unchanged(ops, target, original)) throw new InputError(CHANGED);
    ops.rename(temp, target);
    renamed = true;
  } catch (error) {
    if (fd !== undefined) {
      try {
        ops.close(fd);
      } catch {
        // already failing: the temp file is removed below
      }
    }
    if (!renamed) {
      try {
        ops.unlink(temp);
      } catch {
        // gone already
      }
    }
    if (error instanceof InputError) throw error;
    throw fail('writing failed, the file is unchanged', error);
  } finally {
    inFlight.delete(temp);
  }
  await syncDirectorySoon(ops, path.dirname(target));
  return target;
}
