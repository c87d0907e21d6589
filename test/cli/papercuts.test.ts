/**
 * Issue 14, "tried as a new user would": each papercut through the built binary (`node bin/vmxlint.js`),
 * or in-process where a terminal is needed (--init's questions).
 */
import {spawnSync} from 'node:child_process';
import {afterAll, describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {hostIds} from '../../src/knowledge/hosts.js';
import {BAD_VMX, coreProject, FIXABLE_VMX, project, removeDir, ROOT, runBin, runMain} from './helpers.js';

const dirs: string[] = [];
function make(files: Record<string, string | Buffer> = {}, core = true): string {
  const dir = core ? coreProject(files) : project(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(removeDir));

const HOSTS = hostIds().length;
const WARN = ['--rule', 'no-duplicate-keys: warn', '--rule', 'no-invalid-lines: warn'];
const TOO_MANY = 'vmxlint found too many warnings (maximum: 0).\n';

describe('--max-warnings says why it exits 1 (as ESLint)', () => {
  it.each([[[]], [['--quiet']], [['-f', 'json']], [['-f', 'json', '--quiet']], [['-f', 'unix', '--quiet']]])('%j', async (extra) => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const r = await runBin([...WARN, '--max-warnings', '0', ...extra, 'bad.vmx'], {cwd});
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(TOO_MANY);
  });

  it('not when errors decide the exit code, nor within the limit', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    expect(await runBin(['--max-warnings', '0', 'bad.vmx'], {cwd})).toMatchObject({code: 1, stderr: ''});
    expect(await runBin([...WARN, '--max-warnings', '2', 'bad.vmx'], {cwd})).toMatchObject({code: 0, stderr: ''});
  });
});

describe('--init', () => {
  it('without a terminal, writes the settings given as flags', async () => {
    const cwd = make({}, false);
    const r = await runBin(['--init', '--host', 'esxi-8.0', '--cpu', 'intel', '--role', 'outer'], {cwd});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Wrote vmxlint.config.json: the recommended rules for every .vmx and .vmtx.\n');
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'vmxlint.config.json'), 'utf8'))).toEqual([
      'vmxlint:recommended',
      {files: ['**/*.vmx', '**/*.vmtx'], rules: {}, settings: {role: 'outer', host: 'esxi-8.0', cpu: 'intel'}},
    ]);
  });

  it('on a terminal, flags given are not asked again', async () => {
    const cwd = make({}, false);
    const r = await runMain(['--init', '--role', 'inner', '--cpu', 'amd'], {cwd, input: ['esx-3.0', '0fh-revf', 'n'], stdinTTY: true, stdoutTTY: true});
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Role of the VMs');
    expect(r.stdout).not.toContain('Physical CPU vendor');
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'vmxlint.config.json'), 'utf8'))[1].settings).toEqual({role: 'inner', host: 'esx-3.0', cpu: 'amd', amdFamily: '0fh-revf'});
  });

  it.each([[[]], [['outer']], [['outer', '', '']]])('end of input (Ctrl-D) after the answers %j cancels: nothing written, exit 2', async (answers) => {
    const cwd = make({}, false);
    const r = await runMain(['--init'], {cwd, input: answers, stdinTTY: true, stdoutTTY: true});
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('\nvmxlint: --init cancelled (end of input): nothing written\n');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe('--print-config', () => {
  it('with no file is a usage error (exit 2), as ESLint; it does not lint the current directory', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const r = await runBin(['--print-config'], {cwd});
    expect(r).toMatchObject({code: 2, stdout: ''});
    expect(r.stderr).toBe('vmxlint: --print-config takes exactly one file: vmxlint --print-config path/to/vm.vmx\n');
    expect((await runBin(['--print-config', 'bad.vmx', 'other.vmx'], {cwd})).code).toBe(2);
    const one = await runBin(['--print-config', 'bad.vmx'], {cwd});
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).rules).toHaveProperty('no-duplicate-keys', 'error');
  });
});

describe('-f diff', () => {
  it('says on stderr what the patch leaves; the README recipe applies the patch anyway', async () => {
    const cwd = make({'vm.vmx': BAD_VMX});
    const git = (...args: string[]) => expect(spawnSync('git', args, {cwd}).status).toBe(0);
    git('init', '-q');
    const r = await runBin(['-f', 'diff', 'vm.vmx'], {cwd});
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('vmxlint: 1 problem (1 error, 0 warnings) left that the patch does not fix: run vmxlint without -f diff to see them\n');
    expect(r.stdout).toContain('-memsize = "1024"');
    // the recipe of README.md and docs/ci.md, run by sh as written there
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const recipe = /`(\(vmxlint -f diff \. > fixes\.patch[^`]*)`/.exec(readme)?.[1];
    expect(recipe).toBe('(vmxlint -f diff . > fixes.patch || test $? -eq 1) && git apply --allow-empty fixes.patch');
    const sh = spawnSync('sh', ['-c', recipe!.replaceAll('vmxlint ', `"${process.execPath}" "${path.join(ROOT, 'bin/vmxlint.js')}" `)], {cwd, encoding: 'utf8'});
    expect(sh.status).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'vm.vmx'), 'utf8')).toBe('.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\nbad line\n');
    // nothing left to fix: an empty patch, still applied without error
    expect(spawnSync('sh', ['-c', recipe!.replaceAll('vmxlint ', `"${process.execPath}" "${path.join(ROOT, 'bin/vmxlint.js')}" `)], {cwd}).status).toBe(0);
  });

  it('prints nothing on stderr when the patch fixes everything', async () => {
    const cwd = make({'vm.vmx': FIXABLE_VMX});
    expect(await runBin(['-f', 'diff', 'vm.vmx'], {cwd})).toMatchObject({code: 0, stderr: ''});
  });
});

describe('--rule and --host usage errors', () => {
  it.each([
    [['--rule', 'no-dupes: off'], 'vmxlint: --rule "no-dupes: off": unknown rule "no-dupes" (did you mean no-duplicate-keys?); vmxlint --list-rules lists them\n'],
    [['--rule', '{"no-duplicate-key": "error"}'], 'vmxlint: --rule \'{"no-duplicate-key": "error"}\': unknown rule "no-duplicate-key" (did you mean no-duplicate-keys?); vmxlint --list-rules lists them\n'],
    [['--rule', '{"no-duplicate-keys": "loud"}'], 'vmxlint: --rule \'{"no-duplicate-keys": "loud"}\': expected "off", "info", "warn", "error" or [severity, {options}] for no-duplicate-keys, got "loud"\n'],
    [['--rule', 'no-duplicate-keys: ["error", {"bogus": 1}]'], "vmxlint: --rule: no-duplicate-keys: expected options that match the rule's schema (options must NOT have additional properties)\n"],
    [['--rule', '{"no-duplicate-keys": '], expect.stringMatching(/^vmxlint: --rule '\{"no-duplicate-keys": ': not valid JSON \(.+\)\n$/)],
    [['--host', 'esxii-8.0'], `vmxlint: unknown --host "esxii-8.0" (did you mean esxi-8.0?): vmxlint --list-hosts lists the ${HOSTS} known hosts\n`],
    [['--outer-product', 'workstaton-17'], `vmxlint: unknown --outer-product "workstaton-17" (did you mean workstation-17?): vmxlint --list-hosts lists the ${HOSTS} known hosts\n`],
  ])('%j', async (args, stderr) => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const r = await runBin([...args, 'bad.vmx'], {cwd});
    expect(r).toMatchObject({code: 2, stdout: '', stderr});
  });

  it("accepts ESLint's object form, --rule '{\"id\": \"error\"}', options included", async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const r = await runBin(['-f', 'json', '--rule', '{"no-duplicate-keys": "off", "no-invalid-lines": ["warn"]}', 'bad.vmx'], {cwd});
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].messages.map((m: {ruleId: string; severity: number}) => [m.ruleId, m.severity])).toEqual([['no-invalid-lines', 1]]);
  });
});

describe('--report-unused-disable-directives', () => {
  const UNUSED = '.encoding = "UTF-8"\nconfig.version = "8"\n# vmxlint-disable no-duplicate-keys\nmemsize = "1024"\n# vmxlint-enable no-duplicate-keys\nnumvcpus = "2"\n';

  it('--fix removes an unused disable and the enable that closed it', async () => {
    const cwd = make({'vm.vmx': UNUSED});
    const r = await runBin(['--report-unused-disable-directives', '--fix', 'vm.vmx'], {cwd});
    expect(r).toMatchObject({code: 0, stdout: '', stderr: ''});
    expect(fs.readFileSync(path.join(cwd, 'vm.vmx'), 'utf8')).toBe('.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\nnumvcpus = "2"\n');
  });

  it('reports an enable that ends no disable (as ESLint reports an unused eslint-enable), with a fix', async () => {
    const cwd = make({'vm.vmx': '.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\n# vmxlint-enable no-duplicate-keys\n# vmxlint-enable\n'});
    const r = await runBin(['--report-unused-disable-directives', '-f', 'unix', 'vm.vmx'], {cwd});
    expect(r.stdout.split('\n').filter((l) => l.startsWith('vm.vmx'))).toEqual([
      'vm.vmx:4:1: Unused `vmxlint-enable` directive (no matching `vmxlint-disable` directive for `no-duplicate-keys`) [Warning]',
      'vm.vmx:5:1: Unused `vmxlint-enable` directive (no matching `vmxlint-disable` directive) [Warning]',
    ]);
  });

  it('an unknown rule in a directive is reported once (the unknown rule), not also as unused', async () => {
    const cwd = make({'vm.vmx': '.encoding = "UTF-8"\nconfig.version = "8"\n# vmxlint-disable-next-line no-dupes\nmemsize = "1024"\n'});
    const r = await runBin(['--report-unused-disable-directives', '-f', 'unix', 'vm.vmx'], {cwd});
    expect(r.stdout.split('\n').filter((l) => l.startsWith('vm.vmx'))).toEqual(['vm.vmx:3:1: Unknown rule `no-dupes` in `vmxlint-disable-next-line` directive [Error]']);
  });
});

describe('--debug shows the stack plugin authors need', () => {
  const THROWING_RULE = `export default [{plugins: {boom: {rules: {bang: {
  meta: {type: 'problem', docs: {description: 'x'}, messages: {m: 'x'}},
  create() { throw new Error('kaboom'); },
}}}}, rules: {'boom/bang': 'error'}}];\n`;

  it('of a rule that crashes (and not without --debug)', async () => {
    const cwd = make({'vmxlint.config.mjs': THROWING_RULE, 'vm.vmx': FIXABLE_VMX}, false);
    const r = await runBin(['--debug', '-f', 'json', 'vm.vmx'], {cwd});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vmxlint: vm\.vmx: Rule `boom\/bang` crashed on .*vm\.vmx: kaboom\nError: kaboom\n\s+at Object\.create \(file:.*vmxlint\.config\.mjs:3:\d+\)/);
    expect((await runBin(['-f', 'json', 'vm.vmx'], {cwd})).stderr).toMatch(/^vmxlint: vm\.vmx: Rule `boom\/bang` crashed on .*: kaboom\n$/);
  });

  it('of a config that throws while loading (and not without --debug)', async () => {
    const cwd = make({'vmxlint.config.mjs': "throw new Error('plugin exploded');\n", 'vm.vmx': FIXABLE_VMX}, false);
    const r = await runBin(['--debug', 'vm.vmx'], {cwd});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vmxlint: .*vmxlint\.config\.mjs: cannot load config: plugin exploded\nError: plugin exploded\n\s+at file:.*vmxlint\.config\.mjs:1:\d+/);
    expect((await runBin(['vm.vmx'], {cwd})).stderr).toMatch(/^vmxlint: .*: cannot load config: plugin exploded\n$/);
  });
});

describe('a config that is a single object (documented as accepted, as ESLint accepts one)', () => {
  const BLOCK = {rules: {'no-duplicate-keys': 'warn'}};

  it.each([
    ['vmxlint.config.json', JSON.stringify(BLOCK)],
    ['vmxlint.config.mjs', `export default ${JSON.stringify(BLOCK)};\n`],
  ])('%s: the same as the list holding only that block', async (name, text) => {
    const one = make({[name]: text, 'vm.vmx': BAD_VMX}, false);
    const list = make({'vmxlint.config.json': JSON.stringify([BLOCK]), 'vm.vmx': BAD_VMX}, false);
    const a = await runBin(['-f', 'unix', 'vm.vmx'], {cwd: one});
    const b = await runBin(['-f', 'unix', 'vm.vmx'], {cwd: list});
    expect(a).toMatchObject({code: 0, stdout: b.stdout, stderr: ''});
    expect(a.stdout).toMatch(/^vm\.vmx:4:1: Duplicate key `memsize`.*\[Warning\/no-duplicate-keys\]\n\n1 problem\n$/);
  });

  it('README says so', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('A config that is a single block (an object, not a list) is accepted, as ESLint accepts a config file');
  });
});

describe('npx in docs and CI recipes; package.json says where the project lives', () => {
  it('never a bare `npx vmxlint` (not on the registry: npx could fetch someone else\'s package)', () => {
    const docs = ['README.md', 'CHANGELOG.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), '.pre-commit-hooks.yaml'];
    const bare = docs.flatMap((f) =>
      fs
        .readFileSync(path.join(ROOT, f), 'utf8')
        .split('\n')
        .map((line, i) => [f, i + 1, line] as const)
        .filter(([, , line]) => /\bnpx (?!--no-install )(?:-\S+ )*vmxlint\b/.test(line) && !/^- .*`npx vmxlint`/.test(line)),
    );
    expect(bare).toEqual([]);
    expect(fs.readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8')).toContain('npx --no-install vmxlint --format github .');
  });

  it('repository, homepage and bugs', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.repository).toEqual({type: 'git', url: 'git+https://github.com/vmxlint/vmxlint.git'});
    expect(pkg.homepage).toBe('https://github.com/vmxlint/vmxlint#readme');
    expect(pkg.bugs).toEqual({url: 'https://github.com/vmxlint/vmxlint/issues'});
  });
});
