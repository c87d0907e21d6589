/** --fix writes: atomic, never over a changed file, never a temp file left after an error. */
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals';
import {InputError, readVmxFile} from '../../src/runner/io/read.js';
import {nodeWriteOps, TEMP_FILE, writeFixed, type WriteOps} from '../../src/runner/io/write.js';
import {removeDir, tempDir} from './helpers.js';

let dir: string;
let file: string;
const BEFORE = '.encoding = "UTF-8"\nnumvcpus = "2"\n';
const AFTER = '.encoding = "UTF-8"\nnumvcpus = "4"\n';

beforeEach(() => {
  dir = tempDir('write');
  file = path.join(dir, 'vm.vmx');
  fs.writeFileSync(file, BEFORE, {mode: 0o640});
  fs.chmodSync(file, 0o640);
});
afterEach(() => removeDir(dir));

const leftovers = () => fs.readdirSync(dir).filter((n) => TEMP_FILE.test(n) || n.includes('vmxlint-'));
const bytes = (t: string) => new Uint8Array(Buffer.from(t));
const ioError = (code: string) => Object.assign(new Error(`${code}: simulated`), {code});

/** Real fs, with one call on the temp file's descriptor failing. */
function failing(step: 'write' | 'fsync' | 'fchmod', code: string): WriteOps {
  let tempFd = -1;
  const fail = <A extends unknown[], R>(real: (fd: number, ...rest: A) => R) => (fd: number, ...rest: A): R => {
    if (fd === tempFd) throw ioError(code);
    return real(fd, ...rest);
  };
  return {
    ...nodeWriteOps,
    open(f, flags, mode) {
      const fd = nodeWriteOps.open(f, flags, mode);
      if (TEMP_FILE.test(path.basename(f))) tempFd = fd;
      return fd;
    },
    ...(step === 'fsync'
      ? {fsync: async (fd: number) => (fd === tempFd ? Promise.reject(ioError(code)) : nodeWriteOps.fsync(fd))}
      : {[step]: fail(nodeWriteOps[step] as (fd: number, ...rest: unknown[]) => void)}),
  };
}

describe('writeFixed', () => {
  it('replaces the file by rename, keeps its mode, and leaves no temp file', async () => {
    const read = await readVmxFile(file);
    const inodeBefore = fs.statSync(file).ino;
    await writeFixed(file, bytes(AFTER), read);
    expect(fs.readFileSync(file, 'utf8')).toBe(AFTER);
    expect(fs.statSync(file).mode & 0o7777).toBe(0o640);
    expect(fs.statSync(file).ino).not.toBe(inodeBefore); // a new file renamed over, not rewritten in place
    expect(leftovers()).toEqual([]);
  });

  (process.getuid?.() === 0 ? it : it.skip)(`keeps the owner and group${process.getuid?.() === 0 ? '' : ' (skipped: needs root to chown)'}`, async () => {
    fs.chownSync(file, 4321, 4322);
    const read = await readVmxFile(file);
    await writeFixed(file, bytes(AFTER), read);
    const st = fs.statSync(file);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([4321, 4322, 0o640]);
  });

  it('fixes a symlinked file at its target; the link stays a link', async () => {
    const link = path.join(dir, 'link.vmx');
    fs.symlinkSync('vm.vmx', link);
    const read = await readVmxFile(link);
    await writeFixed(link, bytes(AFTER), read);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('vm.vmx');
    expect(fs.readFileSync(file, 'utf8')).toBe(AFTER);
  });

  it('refuses a read-only file with one line, and does not touch it', async () => {
    fs.chmodSync(file, 0o444);
    const read = await readVmxFile(file);
    await expect(writeFixed(file, bytes(AFTER), read)).rejects.toThrow(new InputError('cannot write the fix: the file is read-only'));
    expect(fs.readFileSync(file, 'utf8')).toBe(BEFORE);
    expect(leftovers()).toEqual([]);
  });

  it('skips a file edited after it was read (never clobbers the edit)', async () => {
    const read = await readVmxFile(file);
    fs.appendFileSync(file, 'memsize = "1024"\n');
    await expect(writeFixed(file, bytes(AFTER), read)).rejects.toThrow(/file changed on disk since vmxlint read it: fix not written \(run vmxlint again\)/);
    expect(fs.readFileSync(file, 'utf8')).toBe(BEFORE + 'memsize = "1024"\n');
  });

  it('skips a same-size edit whose mtime was put back (ctime and content still differ)', async () => {
    const read = await readVmxFile(file);
    const {atime, mtime} = fs.statSync(file);
    fs.writeFileSync(file, BEFORE.replace('2', '8'));
    fs.utimesSync(file, atime, mtime);
    await expect(writeFixed(file, bytes(AFTER), read)).rejects.toThrow(/changed on disk/);
    expect(fs.readFileSync(file, 'utf8')).toBe(BEFORE.replace('2', '8'));
  });

  it('skips a file edited while the temp file was being written (checked right before the rename)', async () => {
    const read = await readVmxFile(file);
    const ops: WriteOps = {
      ...nodeWriteOps,
      open(f, flags, mode) {
        const fd = nodeWriteOps.open(f, flags, mode);
        if (TEMP_FILE.test(path.basename(f))) fs.writeFileSync(file, 'edited = "meanwhile"\n'); // someone saves in between
        return fd;
      },
    };
    await expect(writeFixed(file, bytes(AFTER), read, ops)).rejects.toThrow(/changed on disk/);
    expect(fs.readFileSync(file, 'utf8')).toBe('edited = "meanwhile"\n');
    expect(leftovers()).toEqual([]);
  });

  it('skips a file replaced by another one (new inode) since it was read', async () => {
    const read = await readVmxFile(file);
    fs.writeFileSync(path.join(dir, 'other'), BEFORE);
    fs.renameSync(path.join(dir, 'other'), file);
    await expect(writeFixed(file, bytes(AFTER), read)).rejects.toThrow(/changed on disk/);
  });

  it.each([
    ['write', 'ENOSPC', 'no space left on the device'],
    ['fchmod', 'EPERM', 'permission denied'],
    ['fsync', 'EIO', 'input/output error'],
  ] as const)('a %s failure (%s) leaves the original untouched and removes the temp file', async (step, code, text) => {
    const read = await readVmxFile(file);
    await expect(writeFixed(file, bytes(AFTER), read, failing(step, code))).rejects.toThrow(`cannot write the fix: writing failed, the file is unchanged: ${text}`);
    expect(fs.readFileSync(file, 'utf8')).toBe(BEFORE);
    expect(leftovers()).toEqual([]);
  });

  it('a failing rename (EXDEV) leaves the original untouched and removes the temp file', async () => {
    const read = await readVmxFile(file);
    const ops: WriteOps = {
      ...nodeWriteOps,
      rename: () => {
        throw ioError('EXDEV');
      },
    };
    await expect(writeFixed(file, bytes(AFTER), read, ops)).rejects.toThrow('cannot write the fix: writing failed, the file is unchanged: cannot rename across file systems');
    expect(fs.readFileSync(file, 'utf8')).toBe(BEFORE);
    expect(leftovers()).toEqual([]);
  });

  it('a temp file that cannot be created (EACCES on the directory) is one clear error', async () => {
    const read = await readVmxFile(file);
    const ops: WriteOps = {
      ...nodeWriteOps,
      open: () => {
        throw ioError('EACCES');
      },
    };
    await expect(writeFixed(file, bytes(AFTER), read, ops)).rejects.toThrow(`cannot write the fix: cannot create a temporary file in ${fs.realpathSync(dir)}: permission denied`);
    expect(fs.readFileSync(file, 'utf8')).toBe(BEFORE);
  });
});

describe('writeFixed: directory fsyncs', () => {
  it('renames finished together in one directory share a directory fsync, and each write waits for one started after its rename', async () => {
    const files = Array.from({length: 12}, (_, i) => path.join(dir, `vm-${i}.vmx`));
    for (const f of files) fs.writeFileSync(f, BEFORE);
    const reads = await Promise.all(files.map((f) => readVmxFile(f)));
    const events: string[] = [];
    const real = fs.realpathSync(dir);
    const dirFds = new Set<number>();
    const ops: WriteOps = {
      ...nodeWriteOps,
      rename(from, to) {
        nodeWriteOps.rename(from, to);
        events.push(`rename ${path.basename(to)}`);
      },
      open(f, flags, mode) {
        const fd = nodeWriteOps.open(f, flags, mode);
        if (f === real) dirFds.add(fd);
        return fd;
      },
      async fsync(fd) {
        const isDir = dirFds.has(fd);
        if (isDir) events.push('dir-sync start');
        await nodeWriteOps.fsync(fd);
        if (isDir) events.push('dir-sync end');
      },
      close(fd) {
        dirFds.delete(fd);
        nodeWriteOps.close(fd);
      },
    };
    await Promise.all(files.map((f, i) => writeFixed(f, bytes(AFTER), reads[i], ops).then(() => events.push(`done ${path.basename(f)}`))));
    for (const f of files) expect(fs.readFileSync(f, 'utf8')).toBe(AFTER);
    const syncs = events.filter((e) => e === 'dir-sync start').length;
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(syncs).toBeLessThan(files.length);
    for (const f of files.map((x) => path.basename(x))) {
      const renamed = events.indexOf(`rename ${f}`);
      const done = events.indexOf(`done ${f}`);
      const started = events.findIndex((e, i) => i > renamed && e === 'dir-sync start');
      const ended = events.findIndex((e, i) => i > started && e === 'dir-sync end');
      expect(started).toBeGreaterThan(renamed);
      expect(ended).toBeGreaterThan(started);
      expect(done).toBeGreaterThan(ended);
    }
  });
});

describe('readVmxFile', () => {
  it('refuses a FIFO without blocking on it', async () => {
    const fifo = path.join(dir, 'pipe.vmx');
    const made = (await import('node:child_process')).spawnSync('mkfifo', [fifo]).status === 0;
    if (!made) return; // no mkfifo on this platform: nothing to check
    await expect(readVmxFile(fifo)).rejects.toThrow('not a regular file (a device, pipe or socket): refusing to read it');
  });
  it('names a missing file and a directory in one line', async () => {
    await expect(readVmxFile(path.join(dir, 'nope.vmx'))).rejects.toThrow(new InputError('no such file'));
    await expect(readVmxFile(dir)).rejects.toThrow(new InputError('is a directory, not a file'));
  });
});
