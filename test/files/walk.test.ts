/**
 * A directory argument is walked with readdir (walkVmxFiles in src/files.ts) instead of
 * tinyglobby: it must find exactly the files the glob it replaced finds, on trees with what a
 * glob treats specially (dot directories, node_modules and .git in any case, symbolic links to
 * files and directories, a FIFO, odd names, upper-case extensions, a directory named like a file).
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {glob} from 'tinyglobby';
import {findFiles, walkVmxFiles} from '../../src/runner/files.js';

/** What findFiles used for a directory before walkVmxFiles. */
async function globbed(dir: string): Promise<string[]> {
  const found = await glob('**/*.{vmx,vmtx}', {
    cwd: dir,
    absolute: true,
    dot: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
    followSymbolicLinks: false,
    caseSensitiveMatch: false,
  });
  return found.map(path.normalize).sort();
}

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-walk-'));
});
afterAll(() => fs.rmSync(root, {recursive: true, force: true}));

function touch(dir: string, rel: string): void {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, 'a = "1"\n');
}

describe('walkVmxFiles', () => {
  it('finds what the glob finds on a tree with every special case', async () => {
    const dir = path.join(root, 'special');
    const names = [
      'a.vmx', 'b.vmtx', 'C.VMX', 'd.VmTx', '.vmx', '..vmx', '.hidden.vmx', 'e.vmx.bak', 'f.vmxx', 'vmx', 'g. vmx', ' .vmx',
      'odd\\name.vmx', 'new\nline.vmx', '[x].vmx', '*.vmx', 'spaced name.vmx', 'é中😀.vmx',
      'sub/deeper/h.vmx', '.dot/i.vmx', 'node_modules/j.vmx', 'sub/node_modules/k.vmx', 'Node_Modules/l.vmx',
      '.git/m.vmx', 'sub/.GIT/n.vmx', '.gitx/o.vmx', 'node_modules_x/p.vmx', 'dir.vmx/q.vmx',
      'dir.vmx/notes.txt', 'dir.vmx/sub/r.log', 'dir.vmx/node_modules/s.txt',
    ];
    for (const name of names) touch(dir, name);
    fs.symlinkSync(path.join(dir, 'a.vmx'), path.join(dir, 'link-to-file.vmx'));
    fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'link-to-dir'));
    fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'link-to-dir.vmx'));
    fs.symlinkSync(path.join(dir, 'missing.vmx'), path.join(dir, 'dangling.vmx'));
    try {
      execFileSync('mkfifo', [path.join(dir, 'fifo.vmx')]);
    } catch {
      // no mkfifo: the rest still compares
    }
    const walked = walkVmxFiles(dir).sort();
    expect(walked).toEqual(await globbed(dir));
    expect(walked).toContain(path.join(dir, 'dir.vmx', 'q.vmx'));
    // as the glob did: a directory named like a VM file is listed whole
    expect(walked).toContain(path.join(dir, 'dir.vmx', 'sub', 'r.log'));
    expect(walked).not.toContain(path.join(dir, 'dir.vmx', 'node_modules', 's.txt'));
    expect(walked).not.toContain(path.join(dir, 'link-to-file.vmx'));
  });

  it('finds what the glob finds on generated trees', async () => {
    const segment = fc.constantFrom('a', 'B', '.d', 'node_modules', 'NODE_MODULES', '.git', 'x.vmx', 'Y.VMTX', 'sp ace');
    const leaf = fc.constantFrom('a.vmx', 'b.VMTX', 'c.txt', '.vmx', 'd.vmx.bak', 'e.vMx');
    const tree = fc.array(fc.tuple(fc.array(segment, {maxLength: 3}), leaf), {minLength: 1, maxLength: 12});
    let n = 0;
    await fc.assert(
      fc.asyncProperty(tree, async (files) => {
        const dir = path.join(root, `gen-${n++}`);
        fs.mkdirSync(dir);
        for (const [dirs, name] of files) {
          const parent = path.join(dir, ...dirs);
          // a segment may already be a file from another path: such a path is left out
          try {
            touch(parent, name);
          } catch {
            continue;
          }
        }
        expect(walkVmxFiles(dir).sort()).toEqual(await globbed(dir));
      }),
      {numRuns: 100},
    );
  });

  it('is what findFiles lists for a directory, ignore files and root included', async () => {
    const dir = path.join(root, 'find');
    for (const name of ['a.vmx', 'skip/b.vmx', 'keep/c.vmtx', 'node_modules/d.vmx']) touch(dir, name);
    fs.writeFileSync(path.join(dir, '.vmxlintignore'), 'skip/\n');
    const {files} = await findFiles(['.'], {cwd: dir});
    expect(files).toEqual([path.join(dir, 'a.vmx'), path.join(dir, 'keep', 'c.vmtx')]);
    expect(walkVmxFiles('/nonexistent-vmxlint-dir')).toEqual([]);
  });
});
