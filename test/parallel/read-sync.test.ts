/**
 * readVmxFileSync (the batch paths' reader) must behave exactly like readVmxFile: the same bytes
 * and identity for a file, the same InputError sentence for everything it refuses.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {InputError, readVmxFile} from '../../src/runner/io/read.js';
import {readVmxFileSync} from '../../src/runner/parallel/read-sync.js';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-read-sync-'));
  fs.writeFileSync(path.join(dir, 'ok.vmx'), '.encoding = "UTF-8"\nmemsize = "1024"\r\n');
  fs.writeFileSync(path.join(dir, 'empty.vmx'), '');
  fs.mkdirSync(path.join(dir, 'folder.vmx'));
  fs.symlinkSync(path.join(dir, 'nowhere.vmx'), path.join(dir, 'dangling.vmx'));
  fs.symlinkSync('loop-b.vmx', path.join(dir, 'loop-a.vmx'));
  fs.symlinkSync('loop-a.vmx', path.join(dir, 'loop-b.vmx'));
  try {
    execFileSync('mkfifo', [path.join(dir, 'pipe.vmx')]);
  } catch {
    // no mkfifo: that case is skipped below
  }
});

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

async function outcome(read: (file: string) => unknown, file: string): Promise<unknown> {
  try {
    return {ok: await read(path.join(dir, file))};
  } catch (error) {
    return {error: error instanceof InputError ? `InputError: ${error.message}` : String(error)};
  }
}

describe('readVmxFileSync', () => {
  it('returns the same bytes, size, mode and identity as readVmxFile', async () => {
    const sync = readVmxFileSync(path.join(dir, 'ok.vmx'));
    const async_ = await readVmxFile(path.join(dir, 'ok.vmx'));
    expect(Buffer.from(sync.bytes).toString()).toBe('.encoding = "UTF-8"\nmemsize = "1024"\r\n');
    expect(sync).toEqual(async_);
    expect(sync.identity.size).toBe(38n);
  });

  it('reads an empty file as zero bytes', async () => {
    expect(readVmxFileSync(path.join(dir, 'empty.vmx')).bytes.length).toBe(0);
    expect(await outcome(readVmxFileSync, 'empty.vmx')).toEqual(await outcome(readVmxFile, 'empty.vmx'));
  });

  it.each(['missing.vmx', 'folder.vmx', 'dangling.vmx', 'loop-a.vmx'])('refuses %s with the same sentence as readVmxFile', async (name) => {
    const sync = await outcome(readVmxFileSync, name);
    expect(sync).toEqual(await outcome(readVmxFile, name));
    expect(sync).toHaveProperty('error');
    expect(String((sync as {error: string}).error)).toMatch(/^InputError: /);
  });

  it('names a directory as such', () => {
    expect(() => readVmxFileSync(path.join(dir, 'folder.vmx'))).toThrow('is a directory, not a file');
  });

  it('refuses a FIFO without blocking, like readVmxFile', async () => {
    if (!fs.existsSync(path.join(dir, 'pipe.vmx'))) return; // no mkfifo on this system
    const sync = await outcome(readVmxFileSync, 'pipe.vmx');
    expect(sync).toEqual({error: 'InputError: not a regular file (a device, pipe or socket): refusing to read it'});
    expect(sync).toEqual(await outcome(readVmxFile, 'pipe.vmx'));
  });

  const proc = fs.existsSync('/proc/self/status') ? it : it.skip;
  proc(`reads a file to its end when it holds more than fstat said${fs.existsSync('/proc/self/status') ? '' : ' (skipped: no /proc)'}`, () => {
    // /proc files are regular files that fstat sizes as 0 bytes: the end is found by reading
    expect(fs.statSync('/proc/self/status').size).toBe(0);
    const text = Buffer.from(readVmxFileSync('/proc/self/status').bytes).toString('utf8');
    expect(text).toMatch(/^Name:/);
    expect(text).toContain('\nPid:');
  });

  it('reads files larger than one read of the end probe', () => {
    const big = path.join(dir, 'big.vmx');
    const body = Buffer.from('key = "value"\n'.repeat(5000));
    fs.writeFileSync(big, body);
    expect(Buffer.compare(Buffer.from(readVmxFileSync(big).bytes), body)).toBe(0);
  });
});
