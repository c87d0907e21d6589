/**
 * Big and odd input works, and its work grows linearly with its size. No wall-clock time here (a
 * loaded machine made the old 4x-vs-1x timing fail): each input is linted with --fix at n and 4n and
 * the work is counted -- messages reported, fix passes, bytes of output -- which must grow at most
 * 4x (plus a constant), never 16x. The timing of the same inputs is in `npm run bench` (and
 * `npm run bench:linear`: scripts/bench/linear.mjs). Memory is bounded by running the 100 MB case
 * under a heap limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {lintBytes, lintTextSync} from '../../src/engine/linter.js';
import {rules} from '../../lib/rules/index.js';
import {BIG, ODD_FILE_FROM, ODD_FILES, ODD_LINE_FROM, ODD_LINES, PIPES, PIPES_FROM, type Make} from '../../scripts/bench/shapes.mjs';
import {ensureBuilt, removeDir, runCli, tempDir} from './helpers.js';

/** The work one lint does on a text: the messages it reports, and with --fix the messages left and the bytes written. */
function work(text: string): {messages: number; output: number} {
  const fixed = lintTextSync(text, {fix: true});
  return {messages: lintTextSync(text).messages.length + fixed.messages.length, output: (fixed.output ?? text).length};
}

/**
 * Lint `make(n)` and `make(4n)` (bytes, with --fix): nothing fatal, and the work grows at most as the
 * input does (k: 4, or the bigger input's size over the smaller's when more), plus a constant: a quadratic
 * cost (~16x) fails.
 */
function expectLinearWork(make: Make, n: number): void {
  const small = make(n);
  const big = make(4 * n);
  for (const text of [small, big]) expect(lintBytes(Buffer.from(text), {fix: true}).result.fatalErrorCount).toBe(0);
  const k = Math.max(4, big.length / small.length);
  const one = work(small);
  const four = work(big);
  // + 8 messages: those a file gets whatever its size (no .encoding, no config.version, …)
  expect({messages: four.messages <= k * one.messages + 8, output: four.output <= k * one.output + 64, k, one, four}).toEqual({messages: true, output: true, k, one, four});
}

describe('big input: the work grows linearly', () => {
  it('an empty file has no problems', () => {
    const {result} = lintBytes(new Uint8Array(0), {fix: true});
    expect(result.messages).toEqual([]);
    expect(result.output).toBeUndefined();
  });

  it.each(Object.keys(BIG))('%s', (name) => {
    expectLinearWork(BIG[name].make, BIG[name].from);
  }, 60_000);
});

describe('deeply odd whitespace: the work grows linearly', () => {
  it.each(Object.keys(ODD_LINES))('one line: %s (4x vs 1x, from 1 MB)', (name) => {
    expectLinearWork(ODD_LINES[name], ODD_LINE_FROM);
  }, 30_000);
  it.each(Object.keys(ODD_FILES))('many lines: %s (4x vs 1x, from 16 KB)', (name) => {
    expectLinearWork(ODD_FILES[name], ODD_FILE_FROM);
  }, 30_000);
  it('one line of `|2` repeated: a message per pipe (4x vs 1x, from 4 KB)', () => {
    const messages = (n: number) => lintTextSync(PIPES(n)).messages.length;
    expect(messages(4 * PIPES_FROM)).toBeGreaterThan(3 * messages(PIPES_FROM)); // one per pipe: it does grow
    expectLinearWork(PIPES, PIPES_FROM);
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
