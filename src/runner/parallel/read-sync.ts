/**
 * `readVmxFile` (src/runner/io/read.ts) without promises, for linting many files: the same open
 * (non-blocking), the same checks on the open handle, the same error sentences and the same
 * `ReadFile`, in four system calls and no event-loop round trips. Async reads of 10,000 small
 * files spend more time in promise and FileHandle machinery than in the kernel.
 * test/parallel/read-sync.test.ts keeps the two readers in step.
 */
import fs, {constants} from 'node:fs';
import {checkStat, describeIoError, InputError, readToEnd, toReadFile, type ReadFile} from '../io/read.js';

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
    checkStat(stat);
    // the limit is checked on fstat's size, as readVmxFile does
    return toReadFile(readToEnd(fd, Number(stat.size), Infinity)!, stat);
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
