/**
 * The integrations as shipped and documented: .pre-commit-hooks.yaml run as pre-commit runs it, the
 * README's plain git hook and lint-staged config, and every vmxlint command line in the README and
 * docs/ci.md (known flags only, YAML that parses). The install from git is in install.test.ts.
 */
import {afterAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {BAD_VMX, BIN, coreProject, FIXABLE_VMX, GOOD_VMX, project, removeDir, ROOT, runCommand, runMain} from './helpers.js';

const dirs: string[] = [];
function make(files: Record<string, string | Buffer> = {}): string {
  const dir = coreProject(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(removeDir));

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const ciDoc = fs.readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');

function section(name: string): string {
  const start = readme.indexOf(`<!-- section: ${name} -->`);
  const end = readme.indexOf(`<!-- /section: ${name} -->`);
  expect([name, start >= 0 && end > start]).toEqual([name, true]);
  return readme.slice(start, end);
}

/** The fenced code blocks of a markdown text, with their language. */
function codeBlocks(markdown: string): Array<{lang: string; code: string}> {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({lang: m[1], code: m[2]}));
}

async function loadYaml(text: string): Promise<unknown> {
  // js-yaml comes with cosmiconfig (a dependency); its types are not installed
  const yaml = (await import('js-yaml' as string)) as {load(text: string): unknown};
  return yaml.load(text);
}

/** A directory holding a `vmxlint` command that runs this checkout's binary, for hooks that call `vmxlint`. */
function shimDir(): string {
  const dir = project({});
  dirs.push(dir);
  const shim = path.join(dir, 'vmxlint');
  fs.writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, {mode: 0o755});
  return dir;
}

const hasGit = spawnSync('git', ['--version']).status === 0;
const hasBash = spawnSync('bash', ['--version']).status === 0;
const posix = process.platform !== 'win32';
const withShell = hasGit && hasBash && posix ? describe : describe.skip;
const why = hasGit && hasBash && posix ? '' : ' (skipped: needs git, bash and a POSIX system)';

function git(cwd: string, ...args: string[]) {
  return spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'core.hooksPath=.git/hooks', ...args], {cwd, encoding: 'utf8', env: {...process.env, PATH: `${shim}${path.delimiter}${process.env.PATH}`}});
}
const shim = posix ? shimDir() : '';

describe('.pre-commit-hooks.yaml', () => {
  it('declares the vmxlint and vmxlint-fix hooks as node hooks on .vmx/.vmtx files', async () => {
    const hooks = (await loadYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'))) as Array<Record<string, string>>;
    expect(hooks.map((h) => [h.id, h.language, h.entry, h.files])).toEqual([
      ['vmxlint', 'node', 'vmxlint', '\\.(vmx|vmtx)$'],
      ['vmxlint-fix', 'node', 'vmxlint --fix', '\\.(vmx|vmtx)$'],
    ]);
    for (const h of hooks) expect(typeof h.name).toBe('string');
    // the entry is the package's bin, which pre-commit puts on the PATH after `npm install -g`
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin).toEqual({vmxlint: 'bin/vmxlint.js', 'vmxlint-language-server': 'bin/vmxlint-language-server.js'});
    const files = new RegExp(hooks[0].files);
    expect(['a.vmx', 'vms/Win 11.vmtx'].every((f) => files.test(f))).toBe(true);
    expect(['a.vmxf', 'a.vmsd', 'vmx'].some((f) => files.test(f))).toBe(false);
  });

  (posix ? it : it.skip)('each hook, run as pre-commit runs it (entry, args, then the matching staged files)', async () => {
    const hooks = (await loadYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'))) as Array<Record<string, string>>;
    const staged = ['bad.vmx', 'vms/fix me.vmx', 'notes.txt'];
    const cwd = make({'bad.vmx': BAD_VMX, 'vms/fix me.vmx': FIXABLE_VMX, 'notes.txt': 'x'});
    const run = (hook: Record<string, string>, args: string[] = []) => {
      const [command, ...entryArgs] = hook.entry.split(' ');
      const files = staged.filter((f) => new RegExp(hook.files).test(f));
      return runCommand(path.join(shim, command), [...entryArgs, ...args, ...files], {cwd});
    };
    const lint = await run(hooks[0]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('bad.vmx');
    expect(fs.readFileSync(path.join(cwd, 'vms/fix me.vmx'), 'utf8')).toBe(FIXABLE_VMX);
    const fix = await run(hooks[1]);
    expect(fix.code).toBe(1); // bad.vmx keeps a line no fix can mend
    expect(fs.readFileSync(path.join(cwd, 'vms/fix me.vmx'), 'utf8')).toBe(GOOD_VMX);
    expect((await run(hooks[0], ['--max-warnings', '0'])).code).toBe(1);
  });
});

withShell(`the README's plain .git/hooks/pre-commit${why}`, () => {
  const hook = codeBlocks(section('integrations')).find((b) => b.code.includes('# .git/hooks/pre-commit'));

  function repo(): string {
    const cwd = make({'ok.vmx': GOOD_VMX});
    git(cwd, 'init', '-q');
    fs.writeFileSync(path.join(cwd, '.git/hooks/pre-commit'), hook!.code, {mode: 0o755});
    expect(git(cwd, 'add', '-A').status).toBe(0);
    expect(git(cwd, 'commit', '-q', '-m', 'first').status).toBe(0);
    return cwd;
  }

  it('is in the README as a bash script', () => {
    expect(hook?.lang).toBe('bash');
    expect(hook!.code.startsWith('#!/usr/bin/env bash\n')).toBe(true);
  });

  it('stops a commit whose staged VM file has errors, names the file, lets a clean one through', () => {
    const cwd = repo();
    fs.mkdirSync(path.join(cwd, 'Win 11'));
    fs.writeFileSync(path.join(cwd, 'Win 11/Win 11.vmx'), BAD_VMX);
    git(cwd, 'add', '-A');
    const refused = git(cwd, 'commit', '-m', 'bad vm');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain(path.join('Win 11', 'Win 11.vmx'));
    expect(git(cwd, 'log', '--oneline').stdout.trim().split('\n')).toHaveLength(1);
    fs.writeFileSync(path.join(cwd, 'Win 11/Win 11.vmx'), GOOD_VMX);
    git(cwd, 'add', '-A');
    expect(git(cwd, 'commit', '-q', '-m', 'good vm').status).toBe(0);
  });

  it('lints what is staged, not the working copy', () => {
    const cwd = repo();
    fs.writeFileSync(path.join(cwd, 'ok.vmx'), FIXABLE_VMX);
    git(cwd, 'add', 'ok.vmx');
    fs.writeFileSync(path.join(cwd, 'ok.vmx'), GOOD_VMX + 'annotation = "fixed, not staged"\n');
    expect(git(cwd, 'commit', '-q', '-m', 'staged duplicate').status).not.toBe(0);
    // a commit without VM files does not run vmxlint at all
    fs.writeFileSync(path.join(cwd, 'README.txt'), 'docs');
    git(cwd, 'reset', '-q');
    git(cwd, 'add', 'README.txt');
    expect(git(cwd, 'commit', '-q', '-m', 'docs').status).toBe(0);
  });
});

describe('lint-staged (README)', () => {
  it('the package.json snippet parses; its command, given absolute paths as lint-staged does, fixes and fails on what remains', async () => {
    const block = codeBlocks(section('integrations')).find((b) => b.code.includes('"lint-staged"'));
    const config = JSON.parse(block!.code)['lint-staged'] as Record<string, string>;
    expect(Object.keys(config)).toEqual(['*.{vmx,vmtx}']);
    const args = config['*.{vmx,vmtx}'].split(' ');
    expect(args[0]).toBe('vmxlint');
    const cwd = make({'a.vmx': FIXABLE_VMX, 'b.vmx': BAD_VMX});
    const fixedOnly = await runMain([...args.slice(1), path.join(cwd, 'a.vmx')], {cwd});
    expect(fixedOnly.code).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'a.vmx'), 'utf8')).toBe(GOOD_VMX);
    expect((await runMain([...args.slice(1), path.join(cwd, 'b.vmx')], {cwd})).code).toBe(1);
  });
});

/** `vmxlint …` invocations in shell lines, split into arguments (quotes honoured, stops at | && || ; > #). */
function commandLines(markdown: string): string[][] {
  const out: string[][] = [];
  for (const line of markdown.split('\n')) {
    for (const m of line.matchAll(/(?:^|[\s`'(:])(?:npx |node bin\/)?vmxlint(?:\.js)? ((?:[^`|;&>#"']|"[^"]*"|'[^']*')*)/g)) {
      const args = [...m[1].matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((a) => a[1] ?? a[2] ?? a[3]);
      if (args.length) out.push(args);
    }
  }
  return out;
}

/** The code of a markdown text: its fenced blocks and its inline `code` spans. */
function codeOf(markdown: string): string {
  const blocks = codeBlocks(markdown).map((b) => b.code);
  const prose = markdown.replace(/^```\w*\n[\s\S]*?^```$/gm, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return [...blocks, ...spans].join('\n');
}

describe('every vmxlint command line in the README and docs/ci.md', () => {
  const lines = [...commandLines(codeOf(readme)), ...commandLines(codeOf(ciDoc))];

  it('finds the documented commands', () => {
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.flat()).not.toContain("properly");
    expect(lines).toContainEqual(['--format', 'sarif', '--output-file', 'vmxlint.sarif', '.']);
  });

  it('uses only options vmxlint knows, with valid values (no exit 2)', async () => {
    const cwd = make({'lab.vmx': GOOD_VMX, 'my.vmx': GOOD_VMX, 'off.json': '[]'});
    for (const args of lines) {
      // placeholders and paths of the examples are not part of what is checked
      const checked = args.filter((a) => !a.startsWith('~') && !a.includes('<') && !a.includes('%') && a !== '...');
      if (checked.includes('--stdin') || checked.includes('--init')) checked.push('--print-config', 'x.vmx');
      const r = await runMain([...checked, '--no-error-on-unmatched-pattern'], {cwd, input: GOOD_VMX});
      expect([args.join(' '), r.stderr.includes('Unknown option') || /^vmxlint: (invalid|unknown|--)/m.test(r.stderr)]).toEqual([args.join(' '), false]);
    }
  });

  it('the YAML in docs/ci.md and the README parses', async () => {
    const yamlBlocks = [...codeBlocks(ciDoc), ...codeBlocks(readme)].filter((b) => b.lang === 'yaml');
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(4);
    for (const b of yamlBlocks) expect(await loadYaml(b.code)).toBeTruthy();
    type Steps = {jobs: Record<string, {steps: Array<{run?: string; uses?: string; with?: Record<string, unknown>}>}>};
    const actions = (await loadYaml(codeBlocks(ciDoc).find((b) => b.code.includes('upload-sarif') && b.code.includes('npx --no-install vmxlint'))!.code)) as Steps;
    const steps = actions.jobs.vmxlint.steps;
    expect(steps.some((s) => s.run?.includes('--format github'))).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true);
    // the action's example: only inputs action.yml declares; its SARIF file is the one uploaded
    const action = (await loadYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))) as {inputs: Record<string, unknown>};
    const withAction = (await loadYaml(codeBlocks(ciDoc).find((b) => b.code.includes('uses: vmxlint/vmxlint@'))!.code)) as Steps;
    const step = withAction.jobs.vmxlint.steps.find((s) => s.uses?.startsWith('vmxlint/vmxlint@'))!;
    for (const input of Object.keys(step.with ?? {})) expect([input, input in action.inputs]).toEqual([input, true]);
    const upload = withAction.jobs.vmxlint.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.with?.sarif_file).toBe(step.with?.['sarif-file']);
    // reviewdog reads the SARIF file vmxlint writes
    const review = (await loadYaml(codeBlocks(ciDoc).find((b) => b.code.includes('reviewdog -f=sarif'))!.code)) as Steps;
    expect(review.jobs.review.steps.map((s) => s.run ?? '').join('\n')).toMatch(/--format sarif --output-file (\S+) [\s\S]*reviewdog -f=sarif .*< \1/);
    const gitlabBlocks = codeBlocks(ciDoc).filter((b) => b.code.includes('.gitlab-ci.yml'));
    const reports: string[] = [];
    for (const block of gitlabBlocks) {
      const gitlab = (await loadYaml(block.code)) as {vmxlint: {artifacts: {reports: Record<string, string>}; script: string[]}};
      const [kind, file] = Object.entries(gitlab.vmxlint.artifacts.reports)[0];
      reports.push(kind);
      expect(gitlab.vmxlint.script.join('\n')).toContain(`--format ${kind === 'codequality' ? 'gitlab' : kind} --output-file ${file}`);
    }
    expect(reports).toEqual(['codequality', 'junit']);
  });
});

describe('the README documents the CLI and the config', () => {
  it('the cli section has every option that --help has', async () => {
    const cli = section('cli');
    const help = (await runMain(['--help'], {cwd: make()})).stdout;
    const flags = new Set([...help.matchAll(/(?:^|\s)(--[a-z][a-z-]+|-[a-z])\b/gm)].map((m) => m[1]));
    expect(flags.size).toBeGreaterThan(30);
    for (const flag of flags) {
      const documented = cli.includes(`\`${flag}`) || cli.includes(`${flag}\``) || cli.includes(`, \`${flag}`) || (flag.startsWith('--') && cli.includes(`--no-${flag.slice(2)}\``));
      expect([flag, documented]).toEqual([flag, true]);
    }
  });

  it('the config section covers files and discovery, blocks, presets, severities, options, directives, settings', () => {
    const config = section('config');
    for (const word of [
      'vmxlint.config.js', 'vmxlint.config.mjs', 'vmxlint.config.json', '.vmxlintrc.json', '`package.json`',
      '`files`', '`ignores`', '`rules`', '`settings`', '`plugins`',
      'vmxlint:recommended', 'vmxlint:all',
      '"off"', '"info"', '"warn"', '"error"', '["warn", {...options}]',
      'vmxlint-disable', 'vmxlint-enable', 'vmxlint-disable-next-line', 'vmxlint-disable-line', '-- reason',
      '`role`', '`host`', '`cpu`', '`amdFamily`', '`outerProduct`', '# vmxlint role=',
    ]) {
      expect([word, config.includes(word)]).toEqual([word, true]);
    }
  });

  it('the config example in the README is a valid config', async () => {
    const example = codeBlocks(section('config')).find((b) => b.lang === 'json')!;
    const cwd = make({'vmxlint.config.json': example.code});
    const r = await runMain(['--print-config', 'lab/outer.vmx'], {cwd});
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).settings).toEqual({host: 'esxi-8.0', cpu: 'intel', role: 'outer'});
  });
});
