/**
 * SIGKILL at random points while `vmxlint --fix` rewrites many files: afterwards every file is the
 * original or the fully fixed version (never a mix, never empty), the only leftovers are temp
 * files named `.<name>.vmxlint-<pid>-<hex>.tmp` (never linted), and a second run finishes the job.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {lintTextSync} from '../../src/engine/linter.js';
import {TEMP_FILE} from '../../src/runner/io/write.js';
import {BIN, ensureBuilt, removeDir, runCli, tempDir} from './helpers.js';

const FILES = 100;
const ROUNDS = 6;

/** A file of a few hundred lines with problems the recommended rules fix (exact duplicate keys). */
function original(i: number): string {
  const eol = i % 3 === 0 ? '\r\n' : '\n';
  const lines = ['.encoding = "UTF-8"', 'config.version = "8"', 'virtualHW.version = "19"', `displayName = "vm ${i}"`, 'guestOS = "ubuntu-64"'];
  for (let k = 0; k < 300; k++) lines.push(`sched.scsi0:${k}.shares = "normal"`);
  lines.push(`displayName = "vm ${i}"`, 'guestOS = "ubuntu-64"'); // exact duplicates: removed by the fix
  return lines.join(eol) + eol;
}

let dir: string;
const originals = new Map<string, string>();
const fixed = new Map<string, string>();

function restore(): void {
  for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name));
  for (const [name, text] of originals) fs.writeFileSync(path.join(dir, name), text);
}

/** Every file is the original or the fixed text; returns how many are fixed and the leftover names. */
function inspect(): {fixedCount: number; leftovers: string[]} {
  let fixedCount = 0;
  const leftovers: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!originals.has(name)) {
      leftovers.push(name);
      continue;
    }
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    if (text === fixed.get(name)) fixedCount++;
    else expect({name, state: text === originals.get(name) ? 'original' : 'MIXED OR EMPTY'}).toEqual({name, state: 'original'});
  }
  for (const name of originals.keys()) expect(fs.existsSync(path.join(dir, name))).toBe(true);
  return {fixedCount, leftovers};
}

function runAndKill(afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--fix', '--no-config-lookup', '--format', 'json', dir], {stdio: 'ignore'});
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir('crash');
  for (let i = 0; i < FILES; i++) {
    const name = `vm${String(i).padStart(3, '0')}.vmx`;
    const text = original(i);
    originals.set(name, text);
    const out = lintTextSync(text, {fix: true}).output;
    if (out === undefined) throw new Error('the fixture has nothing to fix');
    fixed.set(name, out);
  }
}, 120_000);
afterAll(() => removeDir(dir));

describe('crash safety of --fix', () => {
  let fullRunMs = 1000;

  it('a full run fixes every file (the baseline the kills interrupt)', async () => {
    restore();
    const started = Date.now();
    const run = await runCli(['--fix', '--no-config-lookup', '--format', 'json', dir], {cwd: dir});
    expect(run.stderr).toBe('');
    expect(inspect()).toEqual({fixedCount: FILES, leftovers: []});
    fullRunMs = Date.now() - started;
  });

  it(`after SIGKILL at ${ROUNDS}+ random points, every file is either original or fully fixed`, async () => {
    const seen: Array<{afterMs: number; fixedCount: number; leftovers: number}> = [];
    // kill times are drawn from [lo, hi], narrowed to the part of the run where files are written
    let [lo, hi] = [0.1 * fullRunMs, 1.1 * fullRunMs];
    const partial = () => seen.filter((s) => s.fixedCount > 0 && s.fixedCount < FILES).length;
    for (let round = 0; round < 3 * ROUNDS && (round < ROUNDS || partial() < 2); round++) {
      restore();
      const afterMs = Math.round(lo + (hi - lo) * Math.random());
      await runAndKill(afterMs);
      const {fixedCount, leftovers} = inspect();
      // a temp file left by the kill: never a .vmx/.vmtx name, so never linted, never mistaken for a VM
      for (const name of leftovers) expect(name).toMatch(TEMP_FILE);
      seen.push({afterMs, fixedCount, leftovers: leftovers.length});
      if (fixedCount === 0) lo = Math.max(lo, afterMs);
      if (fixedCount === FILES) hi = Math.min(hi, afterMs);
    }
    // the kills must have landed while files were being written, or the test proved nothing
    if (partial() === 0) throw new Error(`no kill landed while files were being written: ${JSON.stringify(seen)}`);
  }, 120_000);

  it('a run after a kill finishes the job and ignores the leftover temp files', async () => {
    restore();
    await runAndKill(Math.round(fullRunMs * 0.6));
    const leftover = path.join(dir, `.vm000.vmx.vmxlint-99999-deadbeef.tmp`);
    fs.writeFileSync(leftover, 'half a fi'); // as if a kill had struck mid-write
    const run = await runCli(['--fix', '--no-config-lookup', '--format', 'json', dir], {cwd: dir});
    const results = JSON.parse(run.stdout) as Array<{filePath: string}>;
    expect(results).toHaveLength(FILES);
    expect(inspect().fixedCount).toBe(FILES);
    expect(fs.readFileSync(leftover, 'utf8')).toBe('half a fi');
  }, 60_000);
});
