/**
 * `readVmxFile` (src/io/read.ts) without promises, for linting many files: the same open
 * (non-blocking), the same checks on the open handle, the same error sentences and the same
 * `ReadFile`, in four system calls and no event-loop round trips. Async reads of 10,000 small
 * files spend more time in promise and FileHandle machinery than in the kernel.
 * test/parallel/read-sync.test.ts keeps the two readers in step.
 */
import fs, {constants} from 'node:fs';
import {describeIoError, identityOf, InputError, MAX_FILE_BYTES, type ReadFile} from '../io/read.js';

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Read a file's bytes, refusing what is not a regular file or is too large. Throws InputError. */
export function readVmxFileSync(file: string): ReadFile {
  let fd: number;
  try {
    fd = fs.openSync(file, FLAGS);
  } catch (error) {
    throw new InputError(describeIoError(error));
  }
  try {
    const stat = fs.fstatSync(fd, {bigint: true});
    if (stat.isDirectory()) throw new InputError(describeIoError({code: 'EISDIR'}));
    if (!stat.isFile()) throw new InputError('not a regular file (a device, pipe or socket): refusing to read it');
    if (stat.size > BigInt(MAX_FILE_BYTES)) {
      throw new InputError(`file too large (${Number(stat.size / 1048576n)} MiB, the limit is ${MAX_FILE_BYTES / 1048576} MiB): not a .vmx configuration`);
    }
    const bytes = fs.readFileSync(fd);
    return {
      bytes,
      size: Number(stat.size),
      mtimeMs: Number(stat.mtimeMs),
      mode: Number(stat.mode),
      uid: Number(stat.uid),
      gid: Number(stat.gid),
      identity: identityOf(stat),
    };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeIoError(error));
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // closing a read-only descriptor cannot lose data
    }
  }
}
