/**
 * `readVmxFile` (src/runner/io/read.ts) without promises, for linting many files: the same open
 * (non-blocking), the same checks on the open handle, the same error sentences and the same
 * `ReadFile`, in four system calls and no event-loop round trips. Async reads of 10,000 small
 * files spend more time in promise and FileHandle machinery than in the kernel.
 * test/parallel/read-sync.test.ts keeps the two readers in step.
 */
import fs, {constants} from 'node:fs';
import {checkStat, describeIoError, InputError, toReadFile, type ReadFile} from '../io/read.js';

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of an open regular file whose size fstat gave: read into a buffer of that size, then
 * one more read to be sure the end was reached (a file that grew meanwhile is read to its end,
 * as readFileSync would). One fstat fewer than readFileSync(fd), which stats the file again.
 */
const probe = Buffer.alloc(8192);
function readAll(fd: number, size: number): Uint8Array {
  let bytes = Buffer.allocUnsafe(size);
  let length = 0;
  for (;;) {
    if (length === bytes.length) {
      // full: the end of the file, or it grew since fstat
      const n = fs.readSync(fd, probe, 0, probe.length, null);
      if (n === 0) return bytes;
      bytes = Buffer.concat([bytes, probe.subarray(0, n)]);
      length = bytes.length;
      continue;
    }
    const n = fs.readSync(fd, bytes, length, bytes.length - length, null);
    if (n === 0) return bytes.subarray(0, length); // shrank since fstat
    length += n;
  }
}

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
    checkStat(stat);
    return toReadFile(readAll(fd, Number(stat.size)), stat);
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
