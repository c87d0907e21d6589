/** Which files `vmxlint` reads: files, directories, globs, ignore files, and standard input. */
import {afterAll, describe, expect, it} from '@jest/globals';
import path from 'node:path';
import {globKeeps} from '../../src/runner/files.js';
import {BAD_VMX, coreProject, FIXABLE_VMX, GOOD_VMX, removeDir, runMain} from './helpers.js';

const dirs: string[] = [];
function make(files: Record<string, string | Buffer>): string {
  const dir = coreProject(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(removeDir));

/** The files a run linted, relative and with forward slashes, from `-f json`. */
async function linted(args: string[], cwd: string): Promise<string[]> {
  const r = await runMain(['-f', 'json', ...args], {cwd});
  if (r.code === 2) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as Array<{filePath: string}>).map((x) => path.relative(cwd, x.filePath).split(path.sep).join('/'));
}

const tree = {
  'a.vmx': GOOD_VMX,
  'templates/base.vmtx': GOOD_VMX,
  'templates/Win 10/Win 10.VMX': GOOD_VMX,
  'templates/Win 10/Win 10.vmsd': '',
  'templates/Win 10/notes.txt': 'not a vm',
  'README.md': '# VMs',
  'node_modules/pkg/x.vmx': BAD_VMX,
  '.git/x.vmx': BAD_VMX,
  '.vagrant/machines/default.vmx': GOOD_VMX,
};

describe('files, directories and globs', () => {
  it('a directory: every .vmx and .vmtx below it (any letter case), not node_modules or .git', async () => {
    const cwd = make(tree);
    expect(await linted(['.'], cwd)).toEqual(['.vagrant/machines/default.vmx', 'a.vmx', 'templates/Win 10/Win 10.VMX', 'templates/base.vmtx']);
  });

  it('no pattern at all lints the current directory, as ESLint does', async () => {
    const cwd = make(tree);
    expect(await linted([], cwd)).toEqual(await linted(['.'], cwd));
  });

  it('globs, with spaces in paths; a catch-all glob skips non-VM files; a glob naming another extension keeps it', async () => {
    const cwd = make(tree);
    expect(await linted(['templates/Win 10/*'], cwd)).toEqual(['templates/Win 10/Win 10.VMX']);
    expect(await linted(['templates/**/*.{vmtx,VMX}'], cwd)).toEqual(['templates/Win 10/Win 10.VMX', 'templates/base.vmtx']);
    expect(await linted(['**/*.vmsd'], cwd)).toEqual(['templates/Win 10/Win 10.vmsd']);
    expect(await linted(['**/*'], cwd)).not.toContain('README.md');
  });

  it('an explicit file is linted whatever its extension, with the path as given (spaces included)', async () => {
    const cwd = make(tree);
    expect(await linted(['templates/Win 10/Win 10.vmsd', 'a.vmx', './a.vmx'], cwd)).toEqual(['a.vmx', 'templates/Win 10/Win 10.vmsd']);
  });

  it('globKeeps: VM files always, other extensions only when the pattern names them', () => {
    expect(globKeeps('**/*', 'x/y.vmx')).toBe(true);
    expect(globKeeps('**/*', 'x/y.VMTX')).toBe(true);
    expect(globKeeps('**/*', 'README.md')).toBe(false);
    expect(globKeeps('**/*.{vmx,vmsd}', 'a.vmsd')).toBe(true);
    expect(globKeeps('**/*.vmsdx', 'a.vmsd')).toBe(false);
  });
});

describe('ignoring files', () => {
  it('.vmxlintignore (gitignore syntax, negation included) in the current directory', async () => {
    const cwd = make({...tree, '.vmxlintignore': '# generated\ntemplates/Win 10/\n*.vmtx\n!templates/base.vmtx\n.vagrant\n'});
    expect(await linted(['.'], cwd)).toEqual(['a.vmx', 'templates/base.vmtx']);
    expect(await linted(['--no-ignore', '.'], cwd)).toHaveLength(4);
  });

  it('--ignore-pattern (repeatable) adds to the ignore file', async () => {
    const cwd = make(tree);
    expect(await linted(['--ignore-pattern', 'templates/', '--ignore-pattern', '.vagrant', '.'], cwd)).toEqual(['a.vmx']);
    expect(await linted(['--ignore-pattern', '*.VMX', '.'], cwd)).not.toContain('templates/Win 10/Win 10.VMX');
    expect(await linted(['--ignore-pattern', '*.VMX', '--no-ignore', '.'], cwd)).toContain('templates/Win 10/Win 10.VMX');
  });

  it('an explicitly named ignored file gets a warning, not a lint', async () => {
    const cwd = make({'bad.vmx': BAD_VMX, '.vmxlintignore': 'bad.vmx\n'});
    const r = await runMain(['-f', 'unix', 'bad.vmx'], {cwd});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bad.vmx:0:0: File ignored because of a matching ignore pattern [Warning]');
  });

  it('a directory whose files are all ignored is a usage error (exit 2), as ESLint', async () => {
    const cwd = make({'vms/a.vmx': GOOD_VMX, '.vmxlintignore': 'vms/\n'});
    const r = await runMain(['vms'], {cwd});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('All files matched by "vms" are ignored.');
  });

  it('global `ignores` in the config skip files found in directories', async () => {
    const cwd = make({'a.vmx': GOOD_VMX, 'old/b.vmx': BAD_VMX, 'vmxlint.config.js': 'export default [{ignores: ["old/**"]}, {rules: {"no-duplicate-keys": "error"}}];\n'});
    expect(await linted(['.'], cwd)).toEqual(['a.vmx']);
  });
});

describe('--stdin', () => {
  it('lints standard input, reported as <stdin>', async () => {
    const cwd = make({});
    const r = await runMain(['--stdin', '-f', 'unix'], {cwd, input: BAD_VMX});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>:4:1: Duplicate key `memsize` with the same value as on line 3 [Error/no-duplicate-keys]');
  });

  it('--stdin-filename names it and picks the config for that path', async () => {
    const cwd = make({'lab/vmxlint.config.json': '[{"rules": {"no-invalid-lines": "error"}}]'});
    const r = await runMain(['--stdin', '--stdin-filename', 'lab/outer vm.vmx', '-f', 'unix'], {cwd, input: BAD_VMX});
    expect(r.stdout).toContain(`${path.join('lab', 'outer vm.vmx')}:5:1:`);
    expect(r.stdout).not.toContain('no-duplicate-keys');
  });

  it('--stdin --fix prints the fixed text and nothing else (for editors), exit code for what remains', async () => {
    const cwd = make({});
    expect(await runMain(['--stdin', '--fix'], {cwd, input: FIXABLE_VMX})).toMatchObject({code: 0, stdout: GOOD_VMX, stderr: ''});
    expect(await runMain(['--stdin', '--fix'], {cwd, input: BAD_VMX})).toMatchObject({code: 1, stdout: GOOD_VMX + 'bad line\n', stderr: ''});
    expect(await runMain(['--stdin', '--fix'], {cwd, input: GOOD_VMX})).toMatchObject({code: 0, stdout: GOOD_VMX});
  });

  it('--stdin --fix keeps the text in its own encoding, and -o still gets the report', async () => {
    const cwd = make({});
    const latin = Buffer.from('.encoding = "windows-1252"\ndisplayName = "caf\xe9"\nx = "1"\nx = "1"\n', 'latin1');
    const r = await runMain(['--stdin', '--fix', '-f', 'json', '-o', 'report.json'], {cwd, input: latin});
    expect(r.raw.equals(Buffer.from('.encoding = "windows-1252"\ndisplayName = "caf\xe9"\nx = "1"\n', 'latin1'))).toBe(true);
    const {readFileSync} = await import('node:fs');
    expect(JSON.parse(readFileSync(path.join(cwd, 'report.json'), 'utf8'))[0].filePath).toBe('<stdin>');
  });

  it('--stdin --fix on bytes that cannot be decoded echoes them unchanged, says why on stderr, exit 2', async () => {
    const cwd = make({});
    const broken = Buffer.from('.encoding = "UTF-8"\nx = "\xff"\n', 'latin1');
    const r = await runMain(['--stdin', '--fix'], {cwd, input: broken});
    expect(r.code).toBe(2);
    expect(r.raw.equals(broken)).toBe(true);
    expect(r.stderr).toMatch(/^vmxlint: <stdin>: bytes invalid in the declared encoding UTF-8 at line 2/);
  });

  it('--stdin --fix-dry-run -f json: the fixed text is the result\'s output', async () => {
    const cwd = make({});
    const r = await runMain(['--stdin', '--fix-dry-run', '-f', 'json'], {cwd, input: FIXABLE_VMX});
    expect(JSON.parse(r.stdout)[0]).toMatchObject({filePath: '<stdin>', output: GOOD_VMX, errorCount: 0});
  });
});
