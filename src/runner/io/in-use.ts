/**
 * Signs, cheap to see, that a file `--fix` is about to replace is shared with someone else (R9 in
 * docs/reliability.md). A fix is written as a new file renamed over the old one, so:
 * - other hard links to the file keep the old content;
 * - a program that holds the old file open goes on writing into it, and what it writes is lost.
 *
 * vmxlint cannot see other processes' open handles cheaply, but VMware announces its own: a
 * running virtual machine keeps a locking subdirectory named after each file it uses, `<file>.lck`
 * next to the `.vmx`, and removes it at power-off ("Using Lock Files to Prevent Consistency
 * Problems on Virtual Hard Disks", VMware Workstation Pro 16 and Workstation Player 16 manuals,
 * docs.vmware.com GUID-82154846-411F-4BA9-A18A-23B61BD4F9A2). A stale lock survives a host crash,
 * so this is a warning, not a refusal. ESXi uses no such directory: VMFS locks files in the file
 * system itself, and NFS 3 datastores hold `.lck-<file id>` files named by inode ("NFS File
 * Locking", vSphere Storage guide 6.5+), which vmxlint does not look for: nothing is said there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {LintMessage} from '../../engine/types.js';
import type {ReadFile} from './read.js';

function note(message: string): LintMessage {
  return {ruleId: null, severity: 1, message, line: 1, column: 1};
}

/** Warnings for a file whose fix was written at `written` (its real path; the fix is written all the same). */
export function inUseWarnings(filePath: string, written: string, read: ReadFile): LintMessage[] {
  const notes: LintMessage[] = [];
  // next to the name given, and next to the file itself when that name is a symlink (the fix was
  // written there, and VMware locks the file it opened)
  const lock = [...new Set([filePath, written])].map((f) => `${f}.lck`).find((candidate) => {
    try {
      return fs.statSync(candidate, {throwIfNoEntry: false})?.isDirectory() === true;
    } catch {
      return false; // unreadable: no sign either way
    }
  });
  if (lock !== undefined) {
    notes.push(note(`${path.basename(lock)} exists: the VM looks powered on (VMware removes this lock at power-off, unless it is stale). The fix is written, but the running VM does not read it and VMware may write the file over it: power the VM off and run --fix again.`));
  }
  if ((read.nlink ?? 1) > 1) {
    const others = read.nlink === 2 ? 'the other name no longer shares its content (it keeps' : 'the other names no longer share its content (they keep';
    notes.push(note(`the file has ${read.nlink} hard links: the fix replaces this name only, so ${others} the old content unless fixed too).`));
  }
  return notes;
}
