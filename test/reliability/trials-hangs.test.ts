/**
 * docs/reliability.md, "Hangs and unbounded memory": R10-R15, R18, R19, R21, R22 of
 * ../shared/reliability-trials.md. Each run has a generous bound (runCli kills it after
 * `timeoutMs`, and a killed run fails the test); no test compares durations.
 */
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from '@jest/globals';
import {readVmxFile} from '../../src/runner/io/read.js';
import {nodeWriteOps, writeFixed, type WriteOps} from '../../src/runner/io/write.js';
import {BIN, runCli, scratchProjects} from './helpers.js';

const {project} = scratchProjects('trials-hangs');
const FIXABLE = 'guestOS = "ubuntu-64"\nethernet0.present = "yes"\n';
let fifoWorks = true;
function mkfifo(file: string): boolean {
  try {
    execFileSync('mkfifo', [file]);
    return true;
  } catch {
    fifoWorks = false;
    return false;
  }
}
/** A bounded run: a hang is a kill after 20 s, and fails the test through its exit code. */
const BOUND = {timeoutMs: 20_000};

/**
 * A JS config (it runs inside the CLI's process) that swaps the file being fixed inside the
 * re-read that guards the rename: after the stat that compares the size (a FIFO or /dev/zero
 * has size 0, so a swap before it is caught by the size alone), before the file is opened and
 * read. The race of the report, made deterministic, through the built CLI: the config wraps
 * `fs.openSync` (to see the temp file created) and `fs.statSync`, which the CLI looks up on the
 * shared node:fs object at each call.
 */
function swappingConfig(swap: string): string {
  return `import fs from 'node:fs';
import path from 'node:path';
import {execFileSync} from 'node:child_process';
const open = fs.openSync;
const stat = fs.statSync;
let armed;
fs.openSync = function (file, flags, mode) {
  const fd = open.call(this, file, flags, mode);
  const temp = /^\\.(.+)\\.vmxlint-\\d+-[0-9a-f]+\\.tmp$/.exec(path.basename(String(file)));
  if (temp) {
    armed = path.join(path.dirname(String(file)), temp[1]);
    fs.openSync = open;
  }
  return fd;
};
fs.statSync = function (file, options) {
  const result = stat.call(this, file, options);
  if (armed !== undefined && String(file) === armed) {
    const f = armed;
    armed = undefined;
    fs.statSync = stat;
    fs.unlinkSync(f);
    ${swap}
  }
  return result;
};
export default ['vmxlint:recommended'];
`;
}

describe('R10, R11 through the built CLI: the file swapped while --fix runs', () => {
  it('R10: swapped for a FIFO: "changed on disk", exit 2, no hang, no temp file', async () => {
    const probe = project({});
    if (!mkfifo(path.join(probe, 'probe'))) {
      process.stderr.write('R10 (CLI): mkfifo not found, skipped\n');
      return;
    }
    const d = project({'vmxlint.config.mjs': swappingConfig("execFileSync('mkfifo', [f]);"), 'f.vmx': FIXABLE});
    const r = await runCli(['--fix', 'f.vmx'], {cwd: d, ...BOUND});
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vmxlint: .*f\.vmx: file changed on disk since vmxlint read it/m);
    expect(fs.lstatSync(path.join(d, 'f.vmx')).isFIFO()).toBe(true);
    expect(fs.readdirSync(d).sort()).toEqual(['f.vmx', 'vmxlint.config.mjs']);
  });

  it('R11: swapped for a symlink to /dev/zero: "changed on disk", exit 2, no endless read', async () => {
    const d = project({'vmxlint.config.mjs': swappingConfig("fs.symlinkSync('/dev/zero', f);"), 'z.vmx': FIXABLE});
    const r = await runCli(['--fix', 'z.vmx'], {cwd: d, ...BOUND});
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vmxlint: .*z\.vmx: file changed on disk since vmxlint read it/m);
    expect(fs.readlinkSync(path.join(d, 'z.vmx'))).toBe('/dev/zero');
    expect(fs.readdirSync(d).sort()).toEqual(['vmxlint.config.mjs', 'z.vmx']);
  });
});

describe('R10, R11: the re-read before the rename (in-process, each write step)', () => {
  // the swap happens at a known point (while the temp file is fsynced), so the test is deterministic
  const swapped = (swap: (file: string) => void): WriteOps => ({...nodeWriteOps, fsync: async (fd) => {
    await nodeWriteOps.fsync(fd);
    swap(currentTarget);
  }});
  let currentTarget = '';

  it('R10: the file replaced by a FIFO while the fix is written: "changed on disk", no hang, no temp file', async () => {
    const d = project({'f.vmx': FIXABLE});
    currentTarget = path.join(d, 'f.vmx');
    const read = await readVmxFile(currentTarget);
    const ops = swapped((f) => {
      fs.unlinkSync(f);
      if (!mkfifo(f)) fs.writeFileSync(f, FIXABLE + '# changed\n');
    });
    await expect(writeFixed(currentTarget, Buffer.from('fixed\n'), read, ops)).rejects.toThrow('file changed on disk since vmxlint read it');
    expect(fs.readdirSync(d)).toEqual(['f.vmx']);
    if (!fifoWorks) process.stderr.write('R10: mkfifo not found: checked with a plain edit instead\n');
  });

  it('R11: the file replaced by a symlink to /dev/zero: "changed on disk", no endless read', async () => {
    const d = project({'z.vmx': FIXABLE});
    currentTarget = path.join(d, 'z.vmx');
    const read = await readVmxFile(currentTarget);
    const ops: WriteOps = {...swapped((f) => {
      fs.unlinkSync(f);
      fs.symlinkSync('/dev/zero', f);
    }), realpath: (f) => f};
    await expect(writeFixed(currentTarget, Buffer.from('fixed\n'), read, ops)).rejects.toThrow('file changed on disk since vmxlint read it');
    expect(fs.readlinkSync(currentTarget)).toBe('/dev/zero');
  });
});

describe('R12: paths that cannot be created', () => {
  const proc = fs.existsSync('/proc/self');
  (proc ? it : it.skip)(`-o /proc/nope/x.txt and --cache-location /proc/nope/c fail fast${proc ? '' : ' (skipped: no /proc)'}`, async () => {
    const d = project({'a.vmx': FIXABLE});
    const o = await runCli(['--no-config-lookup', 'a.vmx', '-o', '/proc/nope/x.txt'], {cwd: d, ...BOUND});
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/^vmxlint: cannot write --output-file \/proc\/nope\/x\.txt: .*\n$/);
    const c = await runCli(['--no-config-lookup', '--cache', '--cache-location', '/proc/nope/c', 'a.vmx'], {cwd: d, ...BOUND});
    expect(c.signal).toBeNull();
    expect(c.stderr).toMatch(/^vmxlint: cannot write the cache \/proc\/nope\/c: /m);
  });
});

describe('R13, R14: FIFOs where vmxlint reads its own files', () => {
  it.each([
    ['.vmxlintcache', ['--cache', 'a.vmx'], null],
    ['vmxlint.config.json', ['a.vmx'], /^vmxlint: .*vmxlint\.config\.json: cannot load config: not a regular file/],
    ['.vmxlintrc.json', ['a.vmx'], /^vmxlint: .*\.vmxlintrc\.json: cannot load config: not a regular file/],
    ['vmxlint.config.js', ['a.vmx'], /^vmxlint: .*vmxlint\.config\.js: cannot load config: not a regular file/],
    ['package.json', ['a.vmx'], null],
    ['.vmxlintignore', ['a.vmx'], /^vmxlint: .*\.vmxlintignore: cannot read the ignore file: not a regular file/],
  ])('%s is a FIFO: no hang', async (name, args, stderr) => {
    const d = project({'a.vmx': '.encoding = "UTF-8"\nguestOS = "ubuntu-64"\n'});
    if (!mkfifo(path.join(d, name))) {
      process.stderr.write(`R13/R14 ${name}: mkfifo not found, skipped\n`);
      return;
    }
    const r = await runCli(args, {cwd: d, ...BOUND});
    expect(r.signal).toBeNull();
    if (stderr) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(stderr);
    } else {
      expect(r.code).toBe(0); // a cache or package.json that cannot be read is no cache, no config
    }
  });
});

describe('R15, R21, R22: JS configs that never finish or export a monster', () => {
  const env = {VMXLINT_CONFIG_TIMEOUT_MS: '1500'};
  it.each([
    ['R15: a never-settling promise with a live timer', 'setInterval(() => {}, 1000);\nexport default await new Promise(() => {});\n', /did not finish loading within 1\.5 s/],
    ['R21: a top-level await that never settles', 'export default await new Promise(() => {});\n', /did not finish loading within 1\.5 s/],
    ['R22: a Proxy claiming a billion blocks', 'export default new Proxy([], {get: (t, k) => (k === "length" ? 1e9 : Reflect.get(t, k))});\n', /invalid config: 1000000000 blocks/],
  ])('%s: one line, exit 2', async (_name, source, message) => {
    const d = project({'vmxlint.config.mjs': source, 'a.vmx': FIXABLE});
    const r = await runCli(['--fix', 'a.vmx'], {cwd: d, env, ...BOUND});
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(message)]);
    expect(fs.readFileSync(path.join(d, 'a.vmx'), 'utf8')).toBe(FIXABLE);
  });
});

describe('R18: a file too big for a worker', () => {
  it('the report\'s case: a 2 MB file of 73,000 fixes among others, with workers: all fixed, no temp files, exit 0', async () => {
    const big = ['.encoding = "UTF-8"', ...Array.from({length: 73_000}, (_, i) => `ethernet${i}.present = "yes"`)].join('\n') + '\n';
    const files: Record<string, string> = {'big.vmx': big};
    for (let i = 0; i < 40; i++) files[`f${i}.vmx`] = FIXABLE;
    const d = project(files);
    const r = await runCli(['--no-config-lookup', '--fix', '-f', 'json', '.'], {cwd: d, env: {VMXLINT_CONCURRENCY: '2'}, timeoutMs: 120_000});
    expect(r.stderr).toBe('');
    expect(fs.readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(fs.readFileSync(path.join(d, 'big.vmx'), 'utf8')).not.toContain('"yes"');
    for (let i = 0; i < 40; i++) expect(fs.readFileSync(path.join(d, `f${i}.vmx`), 'utf8')).toContain('"TRUE"');
  }, 150_000);

  it('workers that run out of memory hand their files back to the main thread: same result, no temp files', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`f${i}.vmx`] = FIXABLE;
    const d = project(files);
    const r = await runCli(['--no-config-lookup', '--fix', '.'], {cwd: d, env: {VMXLINT_CONCURRENCY: '2', VMXLINT_WORKER_HEAP_MB: '1'}, timeoutMs: 60_000});
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    for (let i = 0; i < 30; i++) expect(fs.readFileSync(path.join(d, `f${i}.vmx`), 'utf8')).toContain('"TRUE"');
    expect(fs.readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 90_000);
});

describe('R19: standard input has the size limit of files', () => {
  it('257 MiB on --stdin: refused in one line, exit 2, never held whole', async () => {
    const d = project({x: ''});
    const child = spawn(process.execPath, [BIN, '--stdin', '--no-config-lookup'], {cwd: d, env: {...process.env, NODE_OPTIONS: ''}});
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.resume();
    const chunk = Buffer.alloc(1 << 20, 'a = "1"\n');
    let sent = 0;
    child.stdin.on('error', () => undefined); // it stops reading: EPIPE
    const pump = () => {
      while (sent < 257 && child.stdin.writable) {
        sent++;
        if (!child.stdin.write(chunk)) return void child.stdin.once('drain', pump);
      }
      child.stdin.end();
    };
    pump();
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(2);
    expect(stderr).toBe('vmxlint: <stdin>: standard input too large (more than 256 MiB): not a .vmx configuration\n');
  }, 120_000);
});
