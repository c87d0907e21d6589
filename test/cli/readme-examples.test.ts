/**
 * README samples are the real output: every code block of README.md that starts with `$ <command>`
 * is run, in order, by `sh` in a temp directory holding a copy of fixtures/examples and fixtures/labs (with `vmxlint`
 * the built binary), and its standard output must be exactly the rest of the block.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from '@jest/globals';
import {BIN, project, removeDir, ROOT} from './helpers.js';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Each ``` block whose first line is `$ command`: the command and the lines after it. */
const samples = [...README.matchAll(/^```\n\$ (.+)\n([^]*?)^```$/gm)].map((m) => ({command: m[1], output: m[2]}));

let cwd = '';
afterAll(() => {
  if (cwd) removeDir(cwd);
});

describe('README samples are the real output', () => {
  it('the README has command samples', () => {
    expect(samples.map((s) => s.command)).toEqual(expect.arrayContaining(['vmxlint --host esx-3.0 --cpu intel --role outer lab.vmx']));
  });

  it.each(samples.map((s) => [s.command, s] as const))('$ %s', (_, {command, output}) => {
    if (!cwd) {
      cwd = project({});
      for (const dir of ['fixtures/examples', 'fixtures/labs']) fs.cpSync(path.join(ROOT, dir), path.join(cwd, dir), {recursive: true});
    }
    const real = command.replace(/(^|&& )vmxlint /g, `$1"${process.execPath}" "${BIN}" `);
    const run = spawnSync('sh', ['-c', real], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '', NODE_OPTIONS: ''}});
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(output);
  });
});
