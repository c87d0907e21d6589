/**
 * The GitHub Action (action.yml), its steps run by scripts/run-action.mjs as the runner runs a
 * composite action (inputs, expressions, bash steps, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * annotations), in a temp git repository, with several input sets.
 */
import {afterAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {BAD_VMX, GOOD_VMX, project, removeDir, ROOT} from './helpers.js';

interface Annotation {
  type: string;
  file?: string;
  line?: string;
  title?: string;
  message: string;
  shown: boolean;
}
interface ActionRun {
  exitCode: number;
  steps: Array<{name: string; code: number; stdout: string; stderr: string}>;
  outputs: Record<string, string>;
  annotations: Annotation[];
  summary: string;
}

const hasGit = spawnSync('git', ['--version']).status === 0;
const hasBash = spawnSync('bash', ['--version']).status === 0 && process.platform !== 'win32';
const why = hasGit && hasBash ? '' : ' (skipped: needs git and bash)';
// eslint-disable-next-line no-console
if (why) console.warn(`test/cli/action.test.ts: the action tests are skipped${why}`);
const suite = why ? describe.skip : describe;

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], {cwd, encoding: 'utf8'});
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

/** A repository with these files, committed. */
function repo(files: Record<string, string>): string {
  const dir = project(files);
  dirs.push(dir);
  git(dir, 'init', '--quiet');
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'base');
  return dir;
}

/** Run the action's steps with these inputs, as the runner would. */
function runAction(workspace: string, inputs: Record<string, string>, event: string[] = []): ActionRun {
  const args = [path.join(ROOT, 'scripts', 'run-action.mjs'), '--json', '--workspace', workspace, ...event, ...Object.entries(inputs).map(([k, v]) => `${k}=${v}`)];
  const r = spawnSync(process.execPath, args, {cwd: workspace, encoding: 'utf8', timeout: 5 * 60_000});
  if (!r.stdout.trim()) throw new Error(`run-action.mjs exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as ActionRun;
}

const CONFIG = JSON.stringify([{rules: {'no-duplicate-keys': 'error', 'no-invalid-lines': 'error', 'quoted-values': 'warn'}}]);
/** Each test runs the action's steps a few times (each step several vmxlint runs): generous on a loaded machine. */
const TIMEOUT = 5 * 60_000;
const plain = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, '');

suite(`the GitHub Action, its steps run as the runner runs them${why}`, () => {
  it('defaults: lints the repository, a readable report in the log, annotations, outputs, a job summary; exits 1 like the CLI', () => {
    const cwd = repo({'vmxlint.config.json': CONFIG, 'vms/bad.vmx': BAD_VMX, 'vms/good.vmx': GOOD_VMX});
    const run = runAction(cwd, {});
    expect(run.exitCode).toBe(1);
    expect(run.steps.map((s) => [s.name, s.code])).toEqual([['Set up vmxlint', 0], ['Lint', 1]]);
    const log = plain(run.steps[1].stdout);
    expect(log).toContain('vms/bad.vmx');
    expect(log).toContain('✖ 2 problems (2 errors, 0 warnings)');
    expect(log).toContain('vmxlint: 2 errors, 0 warnings, 0 information messages in 1 file of 2 linted (exit code 1)');
    expect(run.annotations.map((a) => [a.type, a.file, a.line, a.title])).toEqual([
      ['error', 'vms/bad.vmx', '4', 'no-duplicate-keys'],
      ['error', 'vms/bad.vmx', '5', 'no-invalid-lines'],
    ]);
    expect(run.outputs).toEqual({'error-count': '2', 'warning-count': '0', 'exit-code': '1', 'sarif-file': '', 'results-file': expect.stringMatching(/vmxlint-results\.json$/)});
    expect(run.summary).toContain('### vmxlint: problems found');
    expect(run.summary).toContain('| `vms/bad.vmx:4:1` | error | Duplicate key `memsize` with the same value as on line 3 | [`no-duplicate-keys`](');
  }, TIMEOUT);

  it('sarif-file, an extra gitlab report, the nested context, fail-on none: reports written, the step passes, exit-code says 1', () => {
    const cwd = repo({'vmxlint.config.json': CONFIG, 'bad.vmx': BAD_VMX});
    const run = runAction(cwd, {
      'sarif-file': 'reports/vmxlint.sarif',
      format: 'gitlab',
      'output-file': 'gl-code-quality-report.json',
      role: 'outer',
      host: 'esxi-8.0',
      cpu: 'intel',
      'fail-on': 'none',
      annotations: 'false',
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.outputs['sarif-file']).toBe('reports/vmxlint.sarif');
    expect(run.annotations).toEqual([]);
    const sarif = JSON.parse(fs.readFileSync(path.join(cwd, 'reports/vmxlint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r: {ruleId: string}) => r.ruleId)).toEqual(['no-duplicate-keys', 'no-invalid-lines']);
    const gitlab = JSON.parse(fs.readFileSync(path.join(cwd, 'gl-code-quality-report.json'), 'utf8'));
    expect(gitlab.map((i: {check_name: string}) => i.check_name)).toEqual(['no-duplicate-keys', 'no-invalid-lines']);
    expect(plain(run.steps[1].stdout)).toContain('fail-on is none: the step passes');
  }, TIMEOUT);

  it('only-changed in a pull request: lints only the .vmx files it adds or changes', () => {
    const cwd = repo({'vmxlint.config.json': CONFIG, 'old/bad.vmx': BAD_VMX, 'old/good.vmx': GOOD_VMX});
    const base = git(cwd, 'rev-parse', 'HEAD');
    fs.writeFileSync(path.join(cwd, 'old/good.vmx'), GOOD_VMX + 'memsize = "1024"\n');
    fs.writeFileSync(path.join(cwd, 'new lab.VMX'), GOOD_VMX);
    fs.writeFileSync(path.join(cwd, 'notes.txt'), 'x');
    git(cwd, 'add', '-A');
    git(cwd, 'commit', '--quiet', '-m', 'pr');
    const run = runAction(cwd, {'only-changed': 'true'}, ['--event', 'pull_request', '--base', base]);
    expect(run.exitCode).toBe(1);
    const log = plain(run.steps[1].stdout);
    expect(log).toContain('vmxlint: 2 changed file(s): new lab.VMX old/good.vmx');
    expect(run.annotations.map((a) => [a.file, a.title])).toEqual([['old/good.vmx', 'no-duplicate-keys']]);
    expect(log).not.toContain('old/bad.vmx');
    // a pull request that changes no VM file: nothing to lint, success
    const none = runAction(cwd, {'only-changed': 'true'}, ['--event', 'pull_request', '--base', git(cwd, 'rev-parse', 'HEAD')]);
    expect([none.exitCode, none.outputs['error-count']]).toEqual([0, '0']);
    expect(none.steps[1].stdout).toContain('no .vmx or .vmtx file changed in this pull request');
    // not a pull request: every pattern
    const push = runAction(cwd, {'only-changed': 'true', patterns: 'old'});
    expect(push.annotations.map((a) => a.file)).toEqual(['old/bad.vmx', 'old/bad.vmx', 'old/good.vmx']);
  }, TIMEOUT);

  it('fail-on warning, patterns on several lines (spaces in paths), more flags; past 10 annotations of a type it says where the rest are', () => {
    const many = ['.encoding = "UTF-8"', 'config.version = "8"', ...Array.from({length: 12}, (_, i) => `key${i} = ${i}`), ''].join('\n');
    const cwd = repo({'vmxlint.config.json': CONFIG, 'my vms/unquoted.vmx': many, 'other/bad.vmx': BAD_VMX});
    const run = runAction(cwd, {'fail-on': 'warning', patterns: 'my vms\n', flags: '--rule no-invalid-lines:off'});
    expect(run.exitCode).toBe(1);
    expect(run.outputs['warning-count']).toBe('12');
    const warnings = run.annotations.filter((a) => a.type === 'warning');
    expect(warnings).toHaveLength(12);
    expect(warnings.filter((a) => a.shown)).toHaveLength(10);
    expect(run.annotations.find((a) => a.type === 'notice')?.message).toBe('GitHub shows only 10 annotations of each type per step: every problem is in the log above and in the job summary');
    expect((run.summary.match(/\| warning \|/g) ?? []).length).toBe(12);
    // without fail-on warning the same warnings pass
    expect(runAction(cwd, {patterns: 'my vms\n'}).exitCode).toBe(0);
  }, TIMEOUT);

  it('a bad input or a bad flag: one clear error, exit 2', () => {
    const cwd = repo({'a.vmx': GOOD_VMX});
    const bad = runAction(cwd, {'fail-on': 'always'});
    expect(bad.exitCode).toBe(2);
    expect(bad.annotations).toEqual([{type: 'error', title: 'vmxlint', message: 'fail-on must be error, warning or none, not "always"', shown: true}]);
    const badFlag = runAction(cwd, {host: 'esxi-99'});
    expect(badFlag.exitCode).toBe(2);
    expect(badFlag.outputs['exit-code']).toBe('2');
    expect(badFlag.steps[1].stderr).toMatch(/^vmxlint: unknown --host "esxi-99" \(did you mean esxi-9\.0\?\)/m);
  }, TIMEOUT);
});
