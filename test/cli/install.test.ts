/**
 * Installing vmxlint from its git repository, as users and the pre-commit framework do (slow: real
 * npm installs, a few minutes; `--prefer-offline` lets npm's cache serve what it has). HEAD is cloned into a temp directory, then:
 *
 * - as a git dependency (`npm install git+file://…`): npm installs the devDependencies in its own
 *   checkout, runs `prepare` (the build) and installs the packed result;
 * - as pre-commit installs a `language: node` hook: `npm install` in the clone (dev and prod),
 *   `npm pack`, `npm install -g` of the tarball into an environment prefix; then the hooks of the
 *   clone's .pre-commit-hooks.yaml run with that environment's PATH;
 * - as the README says: `npm install --global .` in a clone whose dependencies are installed.
 *
 * Skipped, visibly, when CI_SKIP_INSTALL_TEST is set, when the npm registry cannot be reached, or
 * without git.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {BAD_VMX, FIXABLE_VMX, GOOD_VMX, ROOT, runCommand} from './helpers.js';

const MINUTES = 60_000;

/** npm's own variables of the `npm test` that runs jest must not leak into these installs. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'NODE_OPTIONS' && k !== 'INIT_CWD') env[k] = v;
  return {...env, ...extra};
}

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv(), timeout = 8 * MINUTES) {
  const r = spawnSync(command, args, {cwd, env, encoding: 'utf8', timeout});
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${r.status}${r.signal ? ` (${r.signal})` : ''}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function skipReason(): string | undefined {
  if (process.env.CI_SKIP_INSTALL_TEST) return 'CI_SKIP_INSTALL_TEST is set';
  if (spawnSync('git', ['--version']).status !== 0) return 'git not found';
  const ping = spawnSync('npm', ['ping'], {encoding: 'utf8', timeout: 30_000, env: cleanEnv()});
  if (ping.status !== 0) return `npm registry not reachable (npm ping: ${(ping.stderr || ping.error?.message || '').trim().split('\n').pop()})`;
  return undefined;
}

const reason = skipReason();
// eslint-disable-next-line no-console
if (reason) console.warn(`test/cli/install.test.ts: the install-from-git tests are skipped: ${reason}`);
const suite = reason ? describe.skip : describe;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {version: string; scripts: Record<string, string>};

suite(`install from git${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let tmp = '';
  let clone = '';
  let vms = '';

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-install-'));
    clone = path.join(tmp, 'clone');
    sh('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], tmp);
    vms = path.join(tmp, 'vms');
    fs.mkdirSync(vms);
    fs.writeFileSync(path.join(vms, 'bad.vmx'), BAD_VMX);
    fs.writeFileSync(path.join(vms, 'fix me.vmx'), FIXABLE_VMX);
    fs.writeFileSync(path.join(vms, 'vmxlint.config.json'), JSON.stringify([{rules: {'no-duplicate-keys': 'error', 'no-invalid-lines': 'error'}}]));
  }, 2 * MINUTES);

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, {recursive: true, force: true});
  });

  it('the package builds on install: a prepare script that runs the build', () => {
    // the build logs on stderr (and .npmrc runs it in the background): `npm pack` prints only the tarball's name
    expect(pkg.scripts.prepare).toBe('npm run build 1>&2');
    expect(fs.existsSync(path.join(clone, 'dist'))).toBe(false); // dist/ is not committed: install must build it
  });

  it(
    'as a git dependency of a project: prepare builds it with the devDependencies, the bin runs',
    async () => {
      const project = path.join(tmp, 'project');
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({name: 'vm-templates', version: '1.0.0', private: true}));
      sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-progress', `git+file://${clone}`], project);
      const bin = path.join(project, 'node_modules', '.bin', 'vmxlint');
      expect(fs.existsSync(path.join(project, 'node_modules', 'vmxlint', 'dist', 'src', 'cli', 'main.js'))).toBe(true);
      // typescript was needed to build, in npm's own checkout, not in the user's project
      expect(fs.existsSync(path.join(project, 'node_modules', 'typescript'))).toBe(false);
      expect((await runCommand(bin, ['--version'], {cwd: project})).stdout).toBe(`${pkg.version}\n`);
      // the second bin, with its own dependencies (vscode-languageserver) installed
      expect((await runCommand(path.join(project, 'node_modules', '.bin', 'vmxlint-language-server'), ['--version'], {cwd: project})).stdout).toBe(`${pkg.version}\n`);
      const lint = await runCommand(bin, ['-f', 'unix', '.'], {cwd: vms});
      expect(lint.code).toBe(1);
      expect(lint.stdout).toContain('bad.vmx:4:1: Duplicate key `memsize` with the same value as on line 3 [Error/no-duplicate-keys]');
    },
    10 * MINUTES,
  );

  it(
    'as the pre-commit framework installs a node hook (npm install, npm pack, npm install -g), then its hooks run',
    async () => {
      const env = path.join(tmp, 'node_env');
      const npmEnv = cleanEnv({NPM_CONFIG_PREFIX: env, npm_config_prefix: env});
      sh('npm', ['install', '--include=dev', '--include=prod', '--prefer-offline', '--no-progress', '--no-save', '--no-audit', '--no-fund'], clone, npmEnv);
      // pre-commit takes npm pack's whole standard output as the tarball's name
      const tarball = sh('npm', ['pack'], clone, npmEnv).trim();
      expect(tarball).toBe(`vmxlint-${pkg.version}.tgz`);
      sh('npm', ['install', '-g', '--prefer-offline', '--no-audit', '--no-fund', path.join(clone, tarball)], clone, npmEnv);
      const binDir = process.platform === 'win32' ? env : path.join(env, 'bin');
      const PATH = `${binDir}${path.delimiter}${process.env.PATH}`;
      expect((await runCommand(path.join(binDir, 'vmxlint'), ['--version'], {cwd: vms})).stdout).toBe(`${pkg.version}\n`);

      // the hooks of the clone's .pre-commit-hooks.yaml, run as pre-commit runs them: entry, then the matching files
      const yaml = (await import('js-yaml' as string)) as {load(text: string): unknown};
      const hooks = yaml.load(fs.readFileSync(path.join(clone, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{id: string; entry: string; files: string}>;
      const staged = ['bad.vmx', 'fix me.vmx', 'vmxlint.config.json'];
      const run = (id: string) => {
        const hook = hooks.find((h) => h.id === id)!;
        const [command, ...args] = hook.entry.split(' ');
        const found = spawnSync('sh', ['-c', `command -v ${command}`], {env: {...process.env, PATH}, encoding: 'utf8'}).stdout.trim();
        expect(found).toBe(path.join(binDir, command));
        return runCommand(found, [...args, ...staged.filter((f) => new RegExp(hook.files).test(f))], {cwd: vms, env: {PATH}});
      };
      const lint = await run('vmxlint');
      expect(lint.code).toBe(1);
      expect(lint.stdout).toContain('no-duplicate-keys');
      const fix = await run('vmxlint-fix');
      expect(fix.code).toBe(1); // bad.vmx keeps a malformed line no fix can mend
      expect(fs.readFileSync(path.join(vms, 'fix me.vmx'), 'utf8')).toBe(GOOD_VMX);
      fs.writeFileSync(path.join(vms, 'fix me.vmx'), FIXABLE_VMX);
    },
    10 * MINUTES,
  );

  it(
    "as the README says: npm install --global . in a clone where the dependencies are installed",
    async () => {
      // the README runs `npm ci` first; the pre-commit test above already installed and built the clone
      if (!fs.existsSync(path.join(clone, 'node_modules', '.bin', 'tsc'))) sh('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--no-progress'], clone);
      expect(fs.existsSync(path.join(clone, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
      const prefix = path.join(tmp, 'global');
      sh('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '.'], clone);
      const bin = path.join(prefix, process.platform === 'win32' ? '' : 'bin', 'vmxlint');
      expect((await runCommand(bin, ['--version'], {cwd: vms})).stdout).toBe(`${pkg.version}\n`);
      expect((await runCommand(bin, ['fix me.vmx'], {cwd: vms})).code).toBe(1);
    },
    10 * MINUTES,
  );
});
