/**
 * Big and odd input works, in time linear in its size. Linearity is tested without absolute times:
 * the best of a few runs on 4x the input must take less than 10x as long (linear: ~4x, quadratic:
 * ~16x). Memory is bounded by running the 100 MB case under a heap limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {lintBytes} from '../../src/engine/linter.js';
import {rules} from '../../lib/rules/index.js';
import {ensureBuilt, removeDir, runCli, tempDir, vmxText} from './helpers.js';

const MAX_RATIO = 10;

function bestOf(reps: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Below this the smaller run is too short to time: its size is doubled until it takes longer. */
const MIN_MS = 25;

/**
 * Lint (with fix) `make(n)` and `make(4n)`; the bigger must not cost more than MAX_RATIO times the
 * smaller. `n` grows until the smaller run takes MIN_MS, so that timer noise cannot decide.
 */
function expectLinear(make: (n: number) => string, n: number, reps = 3): void {
  const lint = (bytes: Buffer) => () => {
    const {result} = lintBytes(bytes, {fix: true});
    expect(result.fatalErrorCount).toBe(0);
  };
  let small = Buffer.from(make(n));
  lint(small)(); // warm up the JIT
  // grow until even the best of the timed runs takes MIN_MS (a cheap line shape needs many doublings)
  for (let i = 0; i < 12 && bestOf(reps, lint(small)) < MIN_MS; i++) small = Buffer.from(make((n *= 2)));
  const big = Buffer.from(make(4 * n));
  // a busy machine can stall one run (another process, a major GC): the two sizes alternate, and a
  // ratio over the bound is measured again, up to three times. Quadratic time (~16x) fails them all.
  let t1 = Infinity;
  let t4 = Infinity;
  for (let attempt = 0; attempt < 3 && !(t4 / t1 < MAX_RATIO); attempt++) {
    for (let i = 0; i < reps; i++) {
      t1 = Math.min(t1, bestOf(1, lint(small)));
      t4 = Math.min(t4, bestOf(1, lint(big)));
    }
  }
  expect({ratio: t4 / t1 < MAX_RATIO, n, t1: Math.round(t1), t4: Math.round(t4)}).toEqual({ratio: true, n, t1: Math.round(t1), t4: Math.round(t4)});
}

describe('big input is linted in linear time', () => {
  it('an empty file has no problems', () => {
    const {result} = lintBytes(new Uint8Array(0), {fix: true});
    expect(result.messages).toEqual([]);
    expect(result.output).toBeUndefined();
  });

  it('100,000 keys (vs 25,000)', () => {
    expectLinear((n) => vmxText(n), 25_000, 2);
  }, 60_000);

  it('a single 10 MB line (vs 2.5 MB)', () => {
    expectLinear((n) => `.encoding = "UTF-8"\nencryption.data = "${'QUJD'.repeat(n / 4)}"\n`, 2.5 * 1024 * 1024, 2);
  }, 60_000);
});

/** Single-line shapes that could make a regular expression backtrack, from 1 MB. */
const ODD_LINES: Record<string, (n: number) => string> = {
  'spaces and tabs only': (n) => ' \t'.repeat(n / 2) + '\n',
  'a key then spaces, no =': (n) => 'key' + ' '.repeat(n) + '\n',
  'spaces after =': (n) => 'key =' + ' '.repeat(n) + '\n',
  'tabs before =': (n) => 'key' + '\t'.repeat(n) + '= "x"\n',
  'spaces after the closing quote, then junk': (n) => 'key = "v"' + ' '.repeat(n) + 'x\n',
  'an unterminated quote': (n) => 'key = "' + ' \t'.repeat(n / 2) + '\n',
  'an unquoted value with spaces': (n) => 'key = a' + ' b'.repeat(n / 2) + '\n',
  'many = signs': (n) => 'key' + ' ='.repeat(n / 2) + '\n',
  'many # signs': (n) => '#'.repeat(n) + '\n',
  'many quotes': (n) => 'key = ' + '"'.repeat(n) + '\n',
  '.encoding then spaces': (n) => '.encoding' + ' '.repeat(n) + '\n',
  'a trailing comment of # and spaces': (n) => 'key = "v" #' + ' #'.repeat(n / 2) + '\n',
};

/** Many-line shapes, from 16 KB (most lines get a message: ~20 µs each). */
const ODD_FILES: Record<string, (n: number) => string> = {
  'blank lines': (n) => '\n'.repeat(n),
  'CRLF blank lines': (n) => '\r\n'.repeat(n / 2),
  'lone CR line ends': (n) => 'a = "b"\r'.repeat(n / 8),
  'whitespace-only lines': (n) => ' \t \n'.repeat(n / 4),
  'one key repeated (duplicates)': (n) => 'a = "b"\n'.repeat(n / 8),
  'mixed odd lines': (n) => ['  key\t=\t"v"  # c', '\t\t', 'k = v w', '= "x"', 'a="b"c', '#!x'].join('\r\n').repeat(n / 40),
};

/** A message for every `|` that is no escape, from 4 KB. */
const PIPES = (n: number) => 'key = "' + '|2'.repeat(n / 2) + '"\n';

describe('deeply odd whitespace is linted in linear time', () => {
  it.each(Object.keys(ODD_LINES))('one line: %s (4x vs 1x, from 1 MB)', (name) => {
    expectLinear(ODD_LINES[name], 1024 * 1024, 5);
  });
  it.each(Object.keys(ODD_FILES))('many lines: %s (4x vs 1x, from 16 KB)', (name) => {
    expectLinear(ODD_FILES[name], 16 * 1024, 2);
  }, 30_000);
  it('one line of `|2` repeated: a message per pipe (4x vs 1x, from 4 KB)', () => {
    expectLinear(PIPES, 4 * 1024, 2);
  }, 30_000);
});

describe('through the binary', () => {
  let dir: string;
  beforeAll(async () => {
    await ensureBuilt();
    dir = tempDir('big');
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('fixes a 100 MB file under a 640 MB heap limit', async () => {
    const file = path.join(dir, 'big.vmx');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '.encoding = "UTF-8"\nconfig.version = "8"\nnumvcpus = "2"\nnumvcpus = "2"\n');
    const blob = 'QUJD'.repeat(25_000);
    for (let i = 0; fs.fstatSync(fd).size < 100 * 1024 * 1024; i++) fs.writeSync(fd, `guestinfo.blob${i} = "${blob}"\n`);
    fs.closeSync(fd);
    const size = fs.statSync(file).size;
    const run = await runCli(['--fix', '--no-config-lookup', '--format', 'json', 'big.vmx'], {cwd: dir, timeoutMs: 50_000, env: {NODE_OPTIONS: '--max-old-space-size=640'}});
    expect(run.stderr).toBe('');
    expect(run.signal).toBeNull();
    expect(fs.statSync(file).size).toBe(size - 'numvcpus = "2"\n'.length);
    expect(fs.readdirSync(dir)).toEqual(['big.vmx']);
  }, 60_000);

  /** The nested rules say "cannot be checked" for an encrypted file (rule with an `encrypted` message). */
  const encryptedRule = Object.entries(rules).find(([, r]) => 'encrypted' in r.meta.messages)?.[0];
  const ENCRYPTED = '.encoding = "UTF-8"\ndisplayName = "secret vm"\nencryption.keySafe = "vmware:key/list/(pair/(phrase/a%2fb/c%3d))"\nencryption.data = "U2FsdGVkX1+vupppZksvRf5pq5g5XjFRlipRkwB0K1Y96Qsv2Lm+31cmzaAILwyt"\n';

  it('an encrypted .vmx of an outer VM on a host that needs keys: no missing-key reports', async () => {
    fs.writeFileSync(path.join(dir, 'enc.vmx'), ENCRYPTED);
    const run = await runCli(['--no-config-lookup', '--format', 'json', '--role', 'outer', '--host', 'esx-3.5', '--cpu', 'intel', 'enc.vmx'], {cwd: dir});
    const [result] = JSON.parse(run.stdout) as Array<{messages: Array<{ruleId: string; messageId?: string; message: string}>}>;
    expect(result.messages.filter((m) => /missing|not set|expected `/i.test(m.message) || /^missing/i.test(m.messageId ?? ''))).toEqual([]);
    expect(result.messages.filter((m) => !/encrypt/i.test(m.message))).toEqual([]);
  });

  (encryptedRule ? it : it.skip)(
    `an encrypted .vmx gets exactly one message: it cannot be checked${encryptedRule ? '' : ' (skipped: no registered rule has an `encrypted` message yet)'}`,
    async () => {
      fs.writeFileSync(path.join(dir, 'enc.vmx'), ENCRYPTED);
      for (const role of ['outer', 'inner']) {
        const run = await runCli(['--no-config-lookup', '--format', 'json', '--role', role, '--host', 'esx-3.5', '--cpu', 'intel', 'enc.vmx'], {cwd: dir});
        const [result] = JSON.parse(run.stdout) as Array<{messages: Array<{ruleId: string; message: string}>}>;
        expect(result.messages).toEqual([expect.objectContaining({ruleId: encryptedRule, message: expect.stringMatching(/^Cannot check this .*encrypted/)})]);
      }
    },
  );
});
