/**
 * The esbuild bundle (dist/vmxlint.mjs, what bin/vmxlint.js runs) prints exactly what tsc's output
 * (dist/src/cli/main.js) prints: the bundle replaces string-width with a shim whose fast path must
 * measure text as the real module does, so the report's columns line up the same, colours or not.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {ensureBuilt, removeDir, ROOT, runCli, tempDir, type Run} from '../reliability/helpers.js';
import {spawn} from 'node:child_process';

/** Keys that make messages with every kind of width: accents, CJK, emoji, symbols, joiners, combining marks. */
const KEYS = ['kéy', '中文', 'emoji😀', 'c©', 'a→b', 'dots…', 'soft\u00adhyphen', 'x\u0301y', 'α', 'Ж', '한국', '✓ok', '½', 'e\u200dz', '☺', 'plain'];

let dir: string;

/** Run tsc's output of the CLI, not the bundle. */
function runUnbundled(args: string[], cwd: string): Promise<Run> {
  const main = pathToFileURL(path.join(ROOT, 'dist/src/cli/main.js')).href;
  const code = `import {main} from ${JSON.stringify(main)}; process.exitCode = await main(process.argv.slice(1), {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin});`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code, '--', ...args], {cwd, env: {...process.env, NO_COLOR: '1', NODE_OPTIONS: ''}});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}));
  });
}

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir('bundle');
  const lines = ['.encoding = "UTF-8"'];
  for (const k of KEYS) lines.push(`${k} = "1"`, `${k} = "1"`);
  fs.writeFileSync(path.join(dir, 'wide.vmx'), lines.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'plain.vmx'), '.encoding = "UTF-8"\nmemsize = "1"\nmemsize = "1"\nbad line\n');
}, 180_000);

afterAll(() => removeDir(dir));

describe('the bundle', () => {
  it('is what bin/vmxlint.js runs', () => {
    expect(fs.existsSync(path.join(ROOT, 'dist/vmxlint.mjs'))).toBe(true);
  });

  it.each([[[]], [['--color']], [['--format', 'unix']]])('prints what tsc output prints (%j)', async (flags) => {
    const bundled = await runCli([...flags, '.'], {cwd: dir});
    const unbundled = await runUnbundled([...flags, '.'], dir);
    expect(bundled.stdout.replace(/\u001B\[[0-9;]*m/g, '')).toContain('Duplicate key `中文`');
    expect(bundled.stdout).toBe(unbundled.stdout);
    expect(bundled.code).toBe(unbundled.code);
  }, 30_000);
});
