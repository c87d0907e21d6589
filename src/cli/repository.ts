/** Where the repository vmxlint runs in starts, for reports whose paths are relative to it. */
import fs from 'node:fs';
import path from 'node:path';

/**
 * The nearest directory at or above `cwd` holding `.git` (a directory, or a file in a worktree or
 * submodule), else `cwd` itself.
 */
export function repositoryRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}
