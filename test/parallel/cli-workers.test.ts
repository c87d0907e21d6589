/**
 * Worker threads give exactly what one thread gives: the built binary with VMXLINT_CONCURRENCY=off
 * and =2 prints the same report, exits the same, and --fix writes the same bytes; --cache replays
 * the same report. The project mixes every kind of file: problems, fixes, directives, a declared
 * legacy encoding, binary, UTF-16, a disk descriptor, and a plugin rule that crashes on one file.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {WORKER_MAX_FILE_BYTES} from '../../src/runner/parallel/pool.js';
import {workerCount} from '../../src/runner/parallel/schedule.js';
import {CORPUS, ensureBuilt, removeDir, runCli, snapshot, tempDir} from '../reliability/helpers.js';

const FILES: Record<string, string | Buffer> = {
  'bad.vmx': '.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\nmemsize = "1024"\nbad line\n',
  'good.vmx': '.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\n',
  'fixable.vmtx': '.encoding = "UTF-8"\r\nconfig.version = "8"\r\nmemsize = "1024"\r\nmemsize = "1024"\r\n',
  'directives.vmx': '# vmxlint-disable no-invalid-lines\n.encoding = "UTF-8"\nbad line\nnumvcpus = "2"\nnumvcpus = "2"\n',
  'latin1.vmx': Buffer.concat([Buffer.from('.encoding = "windows-1252"\ndisplayName = "caf'), Buffer.from([0xe9]), Buffer.from('"\ndisplayName = "x"\n')]),
  'binary.vmx': Buffer.from('memsize = "1"\n\0\0\n'),
  'utf16.vmx': Buffer.from([0xff, 0xfe, 0x6d, 0x00]),
  'disk.vmx': '# Disk DescriptorFile\nversion=1\n',
  'crash.vmx': '.encoding = "UTF-8"\ncrash.here = "TRUE"\n',
  'sub dir/nested.vmx': '.encoding = "UTF-8"\nmemsize = "512"\nMemSize = "512"\n',
};

// a plugin rule that logs which thread linted each file, and throws on one key
const CONFIG = `import fs from 'node:fs';
import {isMainThread} from 'node:worker_threads';
const log = new URL('./threads.log', import.meta.url);
export default ['vmxlint:recommended', {
  plugins: {t: {rules: {thread: {
    meta: {type: 'problem', docs: {description: 'd', recommended: false, url: 'u'}, messages: {m: 'm'}, schema: {}, defaultSeverity: 'warn'},
    defaultOptions: {},
    create(context) {
      fs.appendFileSync(log, (isMainThread ? 'main' : 'worker') + '\\n');
      return {entry(node) { if (node.key === 'crash.here') throw new Error('boom'); }};
    },
  }}}},
  rules: {'t/thread': 'warn'},
}];
`;

let dir: string;

/** A project of FILES repeated `copies` times (so that a batch per worker has several files). */
function makeProject(copies = 6): string {
  const root = tempDir('workers');
  fs.writeFileSync(path.join(root, 'vmxlint.config.mjs'), CONFIG);
  for (let i = 0; i < copies; i++) {
    for (const [name, content] of Object.entries(FILES)) {
      const file = path.join(root, `copy-${i}`, name);
      fs.mkdirSync(path.dirname(file), {recursive: true});
      fs.writeFileSync(file, content);
    }
  }
  return root;
}

const threads = (root: string) => {
  const file = path.join(root, 'threads.log');
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  fs.rmSync(file, {force: true});
  return new Set(lines);
};

const lint = (root: string, concurrency: string, args: string[]) => runCli([...args, '.'], {cwd: root, env: {VMXLINT_CONCURRENCY: concurrency}, timeoutMs: 60_000});

beforeAll(async () => {
  await ensureBuilt();
  dir = makeProject();
}, 180_000);

afterAll(() => removeDir(dir));

describe('worker threads', () => {
  it.each([['--format', 'json'], ['--format', 'stylish'], ['--format', 'unix', '--report-unused-disable-directives']])(
    'print what one thread prints (%s %s)',
    async (...args) => {
      const one = await lint(dir, 'off', args);
      expect(threads(dir)).toEqual(new Set(['main']));
      const two = await lint(dir, '2', args);
      expect(threads(dir)).toEqual(new Set(['worker']));
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(two.code).toBe(one.code);
      expect(one.code).toBe(2); // the binary, UTF-16 and disk files and the crashing rule are fatal
      expect(one.stdout).toContain('Rule `t/thread` crashed');
    },
    60_000,
  );

  it('write the same fixes as one thread (--fix, atomic write path)', async () => {
    const a = makeProject(3);
    const b = makeProject(3);
    try {
      const one = await lint(a, 'off', ['--fix', '--format', 'unix']);
      const two = await lint(b, '2', ['--fix', '--format', 'unix']);
      expect(threads(b)).toEqual(new Set(['worker']));
      threads(a);
      expect(two.stdout.replaceAll(b, '<dir>')).toBe(one.stdout.replaceAll(a, '<dir>'));
      expect(two.code).toBe(one.code);
      const before = snapshot(makeProject(0));
      expect(before.size).toBe(1);
      const fixedA = snapshot(a);
      expect(snapshot(b)).toEqual(fixedA);
      expect(fixedA.get('copy-0/fixable.vmtx')?.toString()).toBe('.encoding = "UTF-8"\r\nconfig.version = "8"\r\nmemsize = "1024"\r\n');
      expect(fs.readdirSync(path.join(b, 'copy-0')).filter((f) => f.includes('.tmp'))).toEqual([]);
    } finally {
      removeDir(a);
      removeDir(b);
    }
  }, 90_000);

  it('--cache replays the report of an uncached run, on workers too', async () => {
    const uncached = await lint(dir, '2', ['--format', 'json']);
    const args = ['--cache', '--cache-location', path.join(dir, '.cache'), '--format', 'json'];
    const first = await lint(dir, '2', args);
    threads(dir);
    const second = await lint(dir, '2', args);
    expect(threads(dir)).toEqual(new Set(['worker'])); // only the files with fatal problems are linted again
    expect(first.stdout).toBe(uncached.stdout);
    expect(second.stdout).toBe(uncached.stdout);
    expect(second.code).toBe(uncached.code);
    const stylish = await lint(dir, 'off', ['--cache', '--cache-location', path.join(dir, '.cache')]);
    expect(stylish.stdout).toBe((await lint(dir, 'off', [])).stdout);
  }, 90_000);

  it('hand a file too big for a worker back to the main thread, in its place', async () => {
    const root = makeProject(2);
    try {
      // 2.2 MB of comments with one duplicate at the end: over WORKER_MAX_FILE_BYTES
      const big = '.encoding = "UTF-8"\n' + '# a comment line of filler text\n'.repeat(70_000) + 'memsize = "1"\nmemsize = "1"\n';
      expect(big.length).toBeGreaterThan(WORKER_MAX_FILE_BYTES);
      fs.writeFileSync(path.join(root, 'copy-0', 'big.vmx'), big);
      const one = await lint(root, 'off', ['--format', 'unix']);
      const two = await lint(root, '2', ['--format', 'unix']);
      expect(threads(root)).toEqual(new Set(['main', 'worker']));
      expect(two.stdout).toBe(one.stdout);
      expect(one.stdout).toContain('copy-0/big.vmx:70003:1: Duplicate key');
    } finally {
      removeDir(root);
    }
  }, 90_000);

  const corpus = fs.existsSync(CORPUS) ? it : it.skip;
  corpus(`give the same report as one thread on the corpus${fs.existsSync(CORPUS) ? '' : ' (skipped: ../shared/corpus not found)'}`, async () => {
    const one = await runCli(['--format', 'json', CORPUS], {cwd: dir, env: {VMXLINT_CONCURRENCY: 'off'}, timeoutMs: 60_000});
    const two = await runCli(['--format', 'json', CORPUS], {cwd: dir, env: {VMXLINT_CONCURRENCY: '2'}, timeoutMs: 60_000});
    expect(JSON.parse(one.stdout).length).toBeGreaterThan(100);
    expect(two.stdout).toBe(one.stdout);
  }, 90_000);
});

describe('workerCount', () => {
  const saved = process.env.VMXLINT_CONCURRENCY;
  afterAll(() => {
    if (saved === undefined) delete process.env.VMXLINT_CONCURRENCY;
    else process.env.VMXLINT_CONCURRENCY = saved;
  });

  it('uses workers only for many files, and never more than asked or than files', () => {
    delete process.env.VMXLINT_CONCURRENCY;
    expect(workerCount(50, 'auto')).toBe(0);
    expect(workerCount(5000, 'off')).toBe(0);
    expect(workerCount(3, 8)).toBe(3);
    expect(workerCount(100, 2)).toBe(2);
    expect(workerCount(0, 2)).toBe(0);
  });

  it('auto: half the cores, each with enough files; none on 2 or 3 cores', () => {
    delete process.env.VMXLINT_CONCURRENCY;
    expect(workerCount(100_000, 'auto', 2)).toBe(0);
    expect(workerCount(100_000, 'auto', 3)).toBe(0);
    expect(workerCount(100_000, 'auto', 4)).toBe(2);
    expect(workerCount(100_000, 'auto', 16)).toBe(8);
    expect(workerCount(10_000, 'auto', 16)).toBe(2); // 4,000 files per worker at least
    expect(workerCount(5_000, 'auto', 16)).toBe(0);
  });

  it('lets VMXLINT_CONCURRENCY override the option', () => {
    process.env.VMXLINT_CONCURRENCY = 'off';
    expect(workerCount(100_000, 'auto')).toBe(0);
    process.env.VMXLINT_CONCURRENCY = '2';
    expect(workerCount(10, 'off')).toBe(2);
  });
});
