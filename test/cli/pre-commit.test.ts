/**
 * The real pre-commit framework (https://pre-commit.com) installing and running this repository's
 * hooks, as a user's `.pre-commit-config.yaml` does: `repo:` a git repository of vmxlint, `rev:` a
 * commit sha. The repository is a clone of this checkout with its working tree committed on top
 * (so what is tested is what is checked out, uncommitted changes included).
 *
 * pre-commit installs a `language: node` hook with nodeenv (`language_version: system`, its
 * default when node and npm are on the PATH: no Node.js download), `npm install` in its clone,
 * `npm pack` (whose whole standard output it takes as the tarball's name) and `npm install -g` of
 * the tarball; the npm registry must be reachable (npm's cache serves what it has:
 * `npm_config_prefer_offline`). Slow (a few minutes: two builds and three npm installs).
 *
 * Skipped, visibly, without `pre-commit` or git, when the npm registry cannot be reached, or when
 * CI_SKIP_INSTALL_TEST is set.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {BAD_VMX, FIXABLE_VMX, GOOD_VMX, ROOT} from './helpers.js';

const MINUTES = 60_000;

/** npm's own variables of the `npm test` that runs jest must not leak into pre-commit's installs. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'NODE_OPTIONS' && k !== 'INIT_CWD') env[k] = v;
  return {...env, ...extra};
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv(), timeout = 2 * MINUTES) {
  return spawnSync(command, args, {cwd, env, encoding: 'utf8', timeout});
}

function sh(command: string, args: string[], cwd: string): string {
  const r = run(command, args, cwd);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function skipReason(): string | undefined {
  if (process.env.CI_SKIP_INSTALL_TEST) return 'CI_SKIP_INSTALL_TEST is set';
  if (run('pre-commit', ['--version'], ROOT).status !== 0) return '`pre-commit` is not installed (Debian: apt-get install pre-commit)';
  if (run('git', ['--version'], ROOT).status !== 0) return 'git not found';
  const ping = run('npm', ['ping'], ROOT, cleanEnv(), 30_000);
  if (ping.status !== 0) return `npm registry not reachable (npm ping: ${(ping.stderr || ping.error?.message || '').trim().split('\n').pop()})`;
  return undefined;
}

const reason = skipReason();
// eslint-disable-next-line no-console
if (reason) console.warn(`test/cli/pre-commit.test.ts: the pre-commit framework tests are skipped: ${reason}`);
const suite = reason ? describe.skip : describe;

const git = (cwd: string, ...args: string[]) => sh('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], cwd);

/** A clone of this checkout whose HEAD is the working tree as it is (tracked and new files, not ignored ones). */
function snapshot(into: string): string {
  sh('git', ['clone', '--quiet', '--no-hardlinks', ROOT, into], path.dirname(into));
  const listed = sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).split('\0').filter(Boolean);
  const deleted = new Set(sh('git', ['ls-files', '-z', '--deleted'], ROOT).split('\0').filter(Boolean));
  for (const file of new Set(listed)) {
    const target = path.join(into, file);
    if (deleted.has(file)) {
      fs.rmSync(target, {force: true});
      continue;
    }
    fs.mkdirSync(path.dirname(target), {recursive: true});
    fs.copyFileSync(path.join(ROOT, file), target);
  }
  git(into, 'add', '-A');
  if (git(into, 'status', '--porcelain').trim()) git(into, 'commit', '--quiet', '--no-verify', '-m', 'working tree under test');
  return git(into, 'rev-parse', 'HEAD').trim();
}

suite(`the pre-commit framework installs and runs the hooks${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let tmp = '';
  let work = '';
  let env: NodeJS.ProcessEnv = {};

  /** `pre-commit run <hook> --all-files` in the user's repository. */
  const preCommit = (hook: string) => run('pre-commit', ['run', hook, '--all-files', '--color', 'never'], work, env, 10 * MINUTES);

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-pre-commit-'));
    const hooks = path.join(tmp, 'vmxlint');
    const sha = snapshot(hooks);
    work = path.join(tmp, 'vm-templates');
    fs.mkdirSync(work);
    git(work, 'init', '--quiet');
    // as a user writes it; `language_version: system` is also pre-commit's default when node is on the PATH
    const config = [
      'repos:',
      `  - repo: ${hooks}`,
      `    rev: ${sha}`,
      '    hooks:',
      '      - id: vmxlint',
      '        language_version: system',
      '      - id: vmxlint-fix',
      '        language_version: system',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(work, '.pre-commit-config.yaml'), config);
    fs.writeFileSync(path.join(work, 'good.vmx'), GOOD_VMX);
    fs.writeFileSync(path.join(work, 'bad.vmx'), BAD_VMX);
    env = cleanEnv({PRE_COMMIT_HOME: path.join(tmp, 'cache'), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false'});
  }, 5 * MINUTES);

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, {recursive: true, force: true});
  });

  it(
    'installs from a commit sha and blocks a broken .vmx: exit 1, the problem shown',
    () => {
      git(work, 'add', '-A');
      const r = preCommit('vmxlint');
      const output = `${r.stdout}${r.stderr}`;
      // an install failure is exit 3 ("An unexpected error has occurred"): show pre-commit's log then
      if (r.status === 3) throw new Error(`pre-commit could not install the hook:\n${output}\n${fs.readFileSync(path.join(tmp, 'cache', 'pre-commit.log'), 'utf8')}`);
      expect(r.status).toBe(1);
      expect(output).toMatch(/vmxlint\.+Failed/);
      expect(output).toContain('bad.vmx');
      expect(output).toContain('Duplicate key `memsize` with the same value as on line 3');
      expect(output).toContain('no-duplicate-keys');
    },
    10 * MINUTES,
  );

  it(
    'passes a clean .vmx',
    () => {
      git(work, 'rm', '--quiet', '-f', 'bad.vmx');
      const r = preCommit('vmxlint');
      expect([r.status, `${r.stdout}${r.stderr}`]).toEqual([0, expect.stringMatching(/vmxlint\.+Passed/)]);
    },
    5 * MINUTES,
  );

  it(
    'vmxlint-fix fixes the file in place and fails once, so the fix can be reviewed; then passes',
    () => {
      fs.writeFileSync(path.join(work, 'fix me.vmx'), FIXABLE_VMX);
      git(work, 'add', '-A');
      const first = preCommit('vmxlint-fix');
      expect([first.status, `${first.stdout}${first.stderr}`]).toEqual([1, expect.stringContaining('files were modified by this hook')]);
      expect(fs.readFileSync(path.join(work, 'fix me.vmx'), 'utf8')).toBe(GOOD_VMX);
      git(work, 'add', '-A');
      expect(preCommit('vmxlint-fix').status).toBe(0);
    },
    5 * MINUTES,
  );
});
