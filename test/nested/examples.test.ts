/**
 * The shipped examples and the README walkthrough: fixing the example outer VM for ESX 3.0 on
 * Intel (what `vmxlint --host esx-3.0 --cpu intel --role outer --fix` does) leaves no error under
 * the recommended config, and the inner VM carries its own context.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, expect, it} from '@jest/globals';
import {lintTextSync} from '../../src/engine/linter.js';
import {project, removeDir, runMain} from '../cli/helpers.js';

const example = (name: string) => fs.readFileSync(new URL(`../../fixtures/examples/${name}`, import.meta.url), 'utf8');

it('outer.vmx without context: the one missing setting is named', () => {
  const result = lintTextSync(example('outer.vmx'), {filePath: 'outer.vmx'});
  expect(result.errorCount).toBe(0);
  expect(result.messages.filter((m) => m.ruleId === 'nested-context').map((m) => m.message)).toEqual([
    expect.stringMatching(/^Cannot check this outer VM \(inferred from `monitor_control\.enable_svm = "TRUE"`\) without `host`/),
  ]);
});

it('outer.vmx for esx-3.0/intel: an error and a warning, fixed to zero', () => {
  const settings = {host: 'esx-3.0', cpu: 'intel', role: 'outer'} as const;
  const before = lintTextSync(example('outer.vmx'), {filePath: 'outer.vmx', settings});
  expect(before.messages.filter((m) => m.severity === 2).map((m) => m.messageId)).toEqual(['foreignKey']);
  expect(before.messages.filter((m) => m.severity === 1).map((m) => m.messageId)).toEqual(['foreignKeyExtra']);
  const fixed = lintTextSync(example('outer.vmx'), {filePath: 'outer.vmx', settings, fix: true});
  expect(fixed.errorCount).toBe(0);
  expect(fixed.warningCount).toBe(0);
  expect(fixed.output).toContain('\nmonitor_control.vt32 = "TRUE"\n');
  expect(fixed.output).not.toMatch(/enable_svm|virtual_exec/);
});

it('inner.vmx: context from its directive; the 64-bit guest is the error --fix cannot fix', () => {
  const fixed = lintTextSync(example('inner.vmx'), {filePath: 'inner.vmx', fix: true});
  expect(fixed.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}/${m.messageId}`)).toEqual(['inner-32bit-guest/guest64']);
  expect(fixed.output).toContain('tools.upgrade.policy = "manual"\ntools.remindInstall = "FALSE"\ntools.syncTime = "TRUE"\nvmx.allowNested = "TRUE"\n');
});

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

it('the command line of the acceptance, on a copy: vmxlint --host esx-3.0 --cpu intel --role outer --fix', async () => {
  const cwd = project({'lab.vmx': example('outer.vmx')});
  dirs.push(cwd);
  const fix = await runMain(['--host', 'esx-3.0', '--cpu', 'intel', '--role', 'outer', '--fix', 'lab.vmx'], {cwd});
  expect(fix.code).toBe(0);
  expect(fs.readFileSync(path.join(cwd, 'lab.vmx'), 'utf8')).toBe(example('outer.vmx').replace('monitor_control.enable_svm = "TRUE"\nmonitor.virtual_exec = "hardware"\n', 'monitor_control.vt32 = "TRUE"\n'));
  const again = await runMain(['--host', 'esx-3.0', '--cpu', 'intel', '--role', 'outer', '-f', 'unix', 'lab.vmx'], {cwd});
  expect(again.code).toBe(0);
  expect(again.stdout).not.toMatch(/\[Error/);
  expect(again.stdout).toContain('[Info/nested-unsupported]');
});

it('an unknown host is a usage error (exit 2) that points to --list-hosts; aliases are accepted', async () => {
  const cwd = project({'lab.vmx': example('outer.vmx')});
  dirs.push(cwd);
  const bad = await runMain(['--host', 'ws-99', 'lab.vmx'], {cwd});
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/^vmxlint: unknown --host "ws-99"( \(did you mean [\w.-]+\?\))?: vmxlint --list-hosts lists the \d+ known hosts\n$/);
  expect((await runMain(['--host', 'ws-6.5', '--cpu', 'intel', '--role', 'outer', 'lab.vmx'], {cwd})).code).toBe(1);
});
