/**
 * Atomic writes for --fix: write-file-atomic writes a temp file in the same directory, fsyncs
 * and renames it over the target (a symlink is written at its target), keeping mode and owner.
 * Before that, the file is checked to be unchanged since it was read: never clobber an edit.
 */
import fs from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import {describeIoError, InputError, type ReadFile} from './read.js';

export async function writeFixed(file: string, bytes: Uint8Array, original: ReadFile): Promise<void> {
  let target: string;
  let now;
  try {
    target = await fs.realpath(file);
    now = await fs.stat(target);
  } catch (error) {
    throw new InputError(`cannot write the fix: ${describeIoError(error)}`);
  }
  if (now.size !== original.size || now.mtimeMs !== original.mtimeMs) {
    throw new InputError('file changed on disk while vmxlint was fixing it: not written, run again');
  }
  // mode bits too: root passes access(W_OK) even for a file its owner made read-only
  const readOnly = (now.mode & 0o222) === 0 || (await fs.access(target, fs.constants.W_OK).then(() => false, () => true));
  if (readOnly) throw new InputError('cannot write the fix: the file is read-only');
  try {
    const chown = process.getuid?.() === 0 ? {uid: now.uid, gid: now.gid} : undefined;
    await writeFileAtomic(target, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), {mode: now.mode & 0o7777, chown, fsync: true});
  } catch (error) {
    throw new InputError(`cannot write the fix: ${describeIoError(error)}`);
  }
}
