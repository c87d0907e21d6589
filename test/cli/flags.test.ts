/** Every flag and exit code of `vmxlint`, through `main(argv, io)` in-process (fast). */
import {afterAll, describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {BAD_VMX, coreProject, FIXABLE_VMX, GOOD_VMX, removeDir, runMain} from './helpers.js';

const dirs: string[] = [];
function make(files: Record<string, string | Buffer>): string {
  const dir = coreProject(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(removeDir));

describe('exit codes', () => {
  it('0 and no output for a clean file', async () => {
    const cwd = make({'good.vmx': GOOD_VMX});
    const r = await runMain(['good.vmx'], {cwd});
    expect(r).toMatchObject({code: 0, stdout: '', stderr: ''});
  });

  it('1 for lint errors, with the stylish report naming file, place, message and rule id', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const r = await runMain(['bad.vmx'], {cwd});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad.vmx');
    expect(r.stdout).toMatch(/4:1-4:8\s+error\s+Duplicate key `memsize` with the same value as on line 3\s+no-duplicate-keys/);
    expect(r.stdout).toContain('no-invalid-lines');
    expect(r.stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
  });

  it('0 for warnings only; --max-warnings N turns more than N warnings into exit 1', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const warn = ['--rule', 'no-duplicate-keys: warn', '--rule', 'no-invalid-lines: warn', 'bad.vmx'];
    expect((await runMain(warn, {cwd})).code).toBe(0);
    expect((await runMain([...warn, '--max-warnings', '2'], {cwd})).code).toBe(0);
    const over = await runMain([...warn, '--max-warnings', '1'], {cwd});
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('2 warnings');
  });

  it('2 for a file that cannot be read, and the others are still linted', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const r = await runMain(['missing.vmx', 'bad.vmx'], {cwd});
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('missing.vmx');
    expect(r.stdout).toContain('no such file');
    expect(r.stdout).toContain('no-duplicate-keys');
  });

  it('2 for a config file that is not valid', async () => {
    const cwd = make({'bad.vmx': BAD_VMX, 'vmxlint.config.json': '[{"rules": {"no-such-rule": "error"}}]'});
    const r = await runMain(['bad.vmx'], {cwd});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/vmxlint\.config\.json: invalid config at `\[0\]\.rules\.no-such-rule`: expected a known rule id/);
  });

  it('2 when a pattern matches nothing, 0 with --no-error-on-unmatched-pattern', async () => {
    const cwd = make({'good.vmx': GOOD_VMX});
    const r = await runMain(['vms/*.vmx'], {cwd});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No files matching the pattern "vms/*.vmx"');
    expect((await runMain(['vms/*.vmx', 'good.vmx', '--no-error-on-unmatched-pattern'], {cwd})).code).toBe(0);
  });
});

describe('usage errors exit 2 and say what to do', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--fixx'], /Unknown option: --fixx \(did you mean --fix\?\)/],
    [['--formt', 'json'], /Unknown option: --formt \(did you mean --format\?\)/],
    [['--no-colr'], /Unknown option: --no-colr \(did you mean --no-color\?\)/],
    [['-x'], /Unknown option: -x/],
    [['--fix', '--fix-dry-run', 'a.vmx'], /--fix and --fix-dry-run cannot be used together/],
    [['--fix-type', 'problem', 'a.vmx'], /--fix-type needs --fix, --fix-dry-run or -f diff/],
    [['--fix', '--fix-type', 'cosmetic', 'a.vmx'], /unknown --fix-type "cosmetic": expected problem, suggestion, layout, directive/],
    [['-f', 'jsonn', 'a.vmx'], /unknown format "jsonn": expected one of .*\(did you mean json\?\)/],
    [['--max-warnings', 'many', 'a.vmx'], /--max-warnings takes a whole number/],
    [['--rule', 'no-duplicate-keys', 'a.vmx'], /--rule "no-duplicate-keys": expected "rule-id: severity"/],
    [['--rule', 'no-duplicate-keys: [warn', 'a.vmx'], /the value is not valid JSON/],
    [['--rule', 'no-duplicate-keys: loud', 'a.vmx'], /expected "off", "info", "warn", "error"/],
    [['--role', 'middle', 'a.vmx'], /invalid --role "middle": expected one of outer, inner, none/],
    [['--cpu', 'arm', 'a.vmx'], /invalid --cpu "arm": expected one of intel, amd, apple/],
    [['--host', 'esx-9.9.9', 'a.vmx'], /unknown --host "esx-9\.9\.9".*: vmxlint --list-hosts lists the \d+ known hosts$/m],
    [['--amd-family', 'zen3', 'a.vmx'], /invalid --amd-family "zen3": expected pre-revf, 0fh-revf, 0fh-revg, or a family from 10h on/],
    [['--outer-product', 'virtualbox', 'a.vmx'], /unknown --outer-product "virtualbox"/],
    [['--stdin', 'a.vmx'], /--stdin cannot be combined with file patterns/],
    [['--stdin-filename', 'x.vmx', 'a.vmx'], /--stdin-filename needs --stdin/],
    [['-c', 'nowhere.json', 'a.vmx'], /nowhere\.json: config file not found/],
  ];
  it.each(cases)('%j', async (args, message) => {
    const cwd = make({'a.vmx': GOOD_VMX});
    const r = await runMain(args, {cwd});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.startsWith('vmxlint: ')).toBe(true);
  });
});

describe('fixing', () => {
  it('--fix writes the file and reports what remains', async () => {
    const cwd = make({'bad.vmx': BAD_VMX, 'fixable.vmx': FIXABLE_VMX});
    const r = await runMain(['--fix', '.'], {cwd});
    expect(r.code).toBe(1);
    expect(fs.readFileSync(path.join(cwd, 'fixable.vmx'), 'utf8')).toBe(GOOD_VMX);
    expect(fs.readFileSync(path.join(cwd, 'bad.vmx'), 'utf8')).toBe(GOOD_VMX + 'bad line\n');
    expect(r.stdout).not.toContain('no-duplicate-keys');
    expect(r.stdout).toContain('no-invalid-lines');
    expect((await runMain(['--fix', 'fixable.vmx'], {cwd})).code).toBe(0);
  });

  it('--fix-dry-run prints the diff, writes nothing', async () => {
    const cwd = make({'fixable.vmx': FIXABLE_VMX});
    const r = await runMain(['--fix-dry-run', 'fixable.vmx'], {cwd});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'diff --git a/fixable.vmx b/fixable.vmx\n--- a/fixable.vmx\n+++ b/fixable.vmx\n@@ -1,4 +1,3 @@\n .encoding = "UTF-8"\n config.version = "8"\n memsize = "1024"\n-memsize = "1024"\n',
    );
    expect(fs.readFileSync(path.join(cwd, 'fixable.vmx'), 'utf8')).toBe(FIXABLE_VMX);
  });

  it('--fix-dry-run -f json puts the fixed text in `output`', async () => {
    const cwd = make({'fixable.vmx': FIXABLE_VMX});
    const r = await runMain(['--fix-dry-run', '-f', 'json', 'fixable.vmx'], {cwd});
    const [result] = JSON.parse(r.stdout);
    expect(result.output).toBe(GOOD_VMX);
    expect(result.messages).toEqual([]);
  });

  it('--fix-type filters fixes by rule type (comma-separated or repeated)', async () => {
    const cwd = make({'fixable.vmx': FIXABLE_VMX});
    const layoutOnly = await runMain(['--fix-dry-run', '--fix-type', 'layout,suggestion', '-f', 'json', 'fixable.vmx'], {cwd});
    expect(JSON.parse(layoutOnly.stdout)[0].output).toBeUndefined();
    const problem = await runMain(['--fix-dry-run', '--fix-type', 'layout', '--fix-type', 'problem', '-f', 'json', 'fixable.vmx'], {cwd});
    expect(JSON.parse(problem.stdout)[0].output).toBe(GOOD_VMX);
  });
});

describe('output', () => {
  it('--output-file writes the report (creating directories) and leaves stdout empty', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const r = await runMain(['-f', 'json', '-o', 'reports/lint.json', 'bad.vmx'], {cwd});
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'reports/lint.json'), 'utf8'))[0].errorCount).toBe(2);
  });

  it.each(['json', 'stylish'])('--output-file that cannot be written (-f %s): one line on stderr, exit 2', async (format) => {
    const cwd = make({'bad.vmx': BAD_VMX, 'taken': 'a file, not a directory'});
    const r = await runMain(['-f', format, '-o', 'taken/lint.out', 'bad.vmx'], {cwd});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^vmxlint: cannot write --output-file taken\/lint\.out: .*\n$/);
  });

  it('-f json prints, as results come, exactly JSON.stringify of the results (no results: [])', async () => {
    const cwd = make({'a.vmx': BAD_VMX, 'b.vmx': GOOD_VMX, 'c.vmx': FIXABLE_VMX});
    const r = await runMain(['-f', 'json', '.'], {cwd});
    const parsed = JSON.parse(r.stdout);
    expect(parsed.map((x: {filePath: string}) => path.basename(x.filePath))).toEqual(['a.vmx', 'b.vmx', 'c.vmx']);
    expect(r.stdout).toBe(`${JSON.stringify(parsed)}\n`);
    expect(parsed[0].source).toBe(BAD_VMX);
    const empty = make({'ok.vmx': GOOD_VMX, '.vmxlintignore': 'ok.vmx\n'});
    expect((await runMain(['-f', 'json', '--no-error-on-unmatched-pattern', '.'], {cwd: empty})).stdout).toBe('[]\n');
  });

  it('--quiet shows errors only, but warnings still count for --max-warnings', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const args = ['--quiet', '--rule', 'no-invalid-lines: warn', '-f', 'unix', 'bad.vmx'];
    const r = await runMain(args, {cwd});
    expect(r.stdout).toContain('no-duplicate-keys');
    expect(r.stdout).not.toContain('no-invalid-lines');
    expect(r.code).toBe(1);
    const warnOnly = ['--quiet', '--rule', 'no-invalid-lines: warn', '--rule', 'no-duplicate-keys: off', 'bad.vmx'];
    expect(await runMain(warnOnly, {cwd})).toMatchObject({code: 0, stdout: ''});
    expect((await runMain([...warnOnly, '--max-warnings', '0'], {cwd})).code).toBe(1);
  });

  it('colour: on for a terminal, off with --no-color, NO_COLOR or a file; --color and FORCE_COLOR force it', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const ansi = /\u001B\[\d+m/;
    expect((await runMain(['bad.vmx'], {cwd, stdoutTTY: true})).stdout).toMatch(ansi);
    expect((await runMain(['bad.vmx'], {cwd})).stdout).not.toMatch(ansi);
    expect((await runMain(['--no-color', 'bad.vmx'], {cwd, stdoutTTY: true})).stdout).not.toMatch(ansi);
    expect((await runMain(['bad.vmx'], {cwd, stdoutTTY: true, env: {NO_COLOR: '1'}})).stdout).not.toMatch(ansi);
    expect((await runMain(['bad.vmx'], {cwd, stdoutTTY: true, env: {NO_COLOR: ''}})).stdout).toMatch(ansi);
    expect((await runMain(['--color', 'bad.vmx'], {cwd})).stdout).toMatch(ansi);
    expect((await runMain(['bad.vmx'], {cwd, env: {FORCE_COLOR: '1'}})).stdout).toMatch(ansi);
  });

  it('a progress line on a terminal stderr for runs of many files, cleared before the report', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`vms/vm${String(i).padStart(2, '0')}.vmx`] = GOOD_VMX;
    const cwd = make(files);
    const tty = await runMain(['vms'], {cwd, stderrTTY: true});
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/\r\u001B\[Kvmxlint: 50 files checked: vms[\\/]vm49\.vmx/);
    expect(tty.stderr.endsWith('\r\u001B[K')).toBe(true);
    expect((await runMain(['vms'], {cwd})).stderr).toBe('');
    const few = make({'a.vmx': GOOD_VMX});
    expect((await runMain(['.'], {cwd: few, stderrTTY: true})).stderr).toBe('');
  });
});

describe('configuration flags', () => {
  it('-c uses that config for every file, with no lookup', async () => {
    const cwd = make({'bad.vmx': BAD_VMX, 'ci/strict.json': '[{"rules": {"no-invalid-lines": "error"}}]'});
    const r = await runMain(['-c', 'ci/strict.json', '-f', 'unix', 'bad.vmx'], {cwd});
    expect(r.stdout).toContain('no-invalid-lines');
    expect(r.stdout).not.toContain('no-duplicate-keys');
  });

  it('--no-config-lookup ignores config files and uses the recommended rules', async () => {
    const cwd = make({'bad.vmx': BAD_VMX, 'vmxlint.config.json': '[{"rules": {"no-duplicate-keys": "off", "no-invalid-lines": "off"}}]'});
    expect((await runMain(['bad.vmx'], {cwd})).code).toBe(0);
    const r = await runMain(['--no-config-lookup', '-f', 'unix', 'bad.vmx'], {cwd});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no-duplicate-keys');
  });

  it('--rule wins over the config, is repeatable and takes options as JSON', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const r = await runMain(['--rule', 'no-duplicate-keys: off', '--rule', 'no-invalid-lines: ["warn", {}]', '-f', 'json', 'bad.vmx'], {cwd});
    const [result] = JSON.parse(r.stdout);
    expect(result.messages.map((m: {ruleId: string; severity: number}) => [m.ruleId, m.severity])).toEqual([['no-invalid-lines', 1]]);
    expect(r.code).toBe(0);
  });

  it('--no-inline-config ignores # vmxlint comments; --report-unused-disable-directives reports unused ones', async () => {
    const cwd = make({'a.vmx': '# vmxlint-disable-next-line no-invalid-lines\nbad line\n# vmxlint-disable-next-line no-duplicate-keys\nx = "1"\n'});
    expect((await runMain(['a.vmx'], {cwd})).code).toBe(0);
    const noInline = await runMain(['--no-inline-config', '-f', 'unix', 'a.vmx'], {cwd});
    expect(noInline.code).toBe(1);
    expect(noInline.stdout).toContain('a.vmx:2:1');
    const unused = await runMain(['--report-unused-disable-directives', '-f', 'unix', 'a.vmx'], {cwd});
    expect(unused.stdout).toContain('a.vmx:3:1: Unused `vmxlint-disable-next-line` directive (no problems were reported for `no-duplicate-keys`) [Warning]');
    const fixed = await runMain(['--report-unused-disable-directives', '--fix-dry-run', '--fix-type', 'directive', 'a.vmx'], {cwd});
    expect(fixed.stdout).toContain('-# vmxlint-disable-next-line no-duplicate-keys');
  });

  it('--role, --host, --cpu, --amd-family and --outer-product reach the settings (canonical ids)', async () => {
    const cwd = make({'a.vmx': GOOD_VMX});
    const r = await runMain(['--print-config', 'a.vmx', '--role', 'OUTER', '--host', 'esx-3.0', '--cpu', 'amd', '--amd-family', '10h', '--outer-product', 'esx-3.5'], {cwd});
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).settings).toEqual({role: 'outer', host: 'esx-3.0', cpu: 'amd', amdFamily: '10h', outerProduct: 'esx-3.5'});
  });

  it('point 8/10/7: --host-hyper-v / --no-host-hyper-v, --amd-family <hex>h, --cpu apple; a bad family is one line and exit 2', async () => {
    const cwd = make({'a.vmx': GOOD_VMX});
    const on = await runMain(['--print-config', 'a.vmx', '--host-hyper-v', '--host', 'Workstation 17.6', '--cpu', 'AMD', '--amd-family', '19H'], {cwd});
    expect(JSON.parse(on.stdout).settings).toEqual({host: 'workstation-17.6', cpu: 'amd', amdFamily: '19h', hostHyperV: true});
    const off = await runMain(['--print-config', 'a.vmx', '--no-host-hyper-v', '--cpu', 'apple', '--host', 'fusion-13.6'], {cwd});
    expect(JSON.parse(off.stdout).settings).toEqual({host: 'fusion-13.6', cpu: 'apple', hostHyperV: false});
    const bad = await runMain(['--amd-family', '0fh', 'a.vmx'], {cwd});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'vmxlint: invalid --amd-family "0fh": expected pre-revf, 0fh-revf, 0fh-revg, or a family from 10h on as <hex>h (10h, 15h, 17h, 19h, 1ah) (Family 0Fh: give its revision, 0fh-revf or 0fh-revg, or pre-revf before Rev F)\n',
    );
  });

  it('--print-config prints the rules that apply to a file, config settings included', async () => {
    const cwd = make({'vmxlint.config.json': '[{"rules": {"no-invalid-lines": "warn"}, "settings": {"cpu": "intel"}}, {"files": ["lab/**"], "settings": {"role": "inner"}}]'});
    const r = await runMain(['--print-config', 'lab/x.vmx', '--rule', 'no-duplicate-keys: error'], {cwd});
    expect(JSON.parse(r.stdout)).toEqual({configFile: 'vmxlint.config.json', rules: {'no-invalid-lines': 'warn', 'no-duplicate-keys': 'error'}, settings: {cpu: 'intel', role: 'inner'}});
  });

  it('--print-config names the config file that applied: the nearest one, -c, or null for the built-in rules', async () => {
    const cwd = make({'vmxlint.config.json': '[]', 'lab/.vmxlintrc.json': '[{"rules": {"no-invalid-lines": "warn"}}]', 'other.json': '[]'});
    const configFile = async (...args: string[]) => JSON.parse((await runMain(['--print-config', ...args], {cwd})).stdout).configFile;
    expect(await configFile('x.vmx')).toBe('vmxlint.config.json');
    expect(await configFile('lab/deep/x.vmx')).toBe('lab/.vmxlintrc.json');
    expect(await configFile('lab/x.vmx', '-c', 'other.json')).toBe('other.json');
    expect(await configFile('x.vmx', '--no-config-lookup')).toBeNull();
  });
});

describe('--help and --version', () => {
  it('--help lists every flag; -h is the same', async () => {
    const cwd = make({});
    const r = await runMain(['--help'], {cwd});
    expect(r.code).toBe(0);
    for (const flag of ['--fix', '--fix-dry-run', '--fix-type', '--format', '-f', '--output-file', '-o', '--quiet', '--max-warnings', '--config', '-c', '--no-config-lookup', '--config-lookup', '--rule', '--role', '--host', '--cpu', '--amd-family', '--outer-product', '--host-hyper-v', '--stdin', '--stdin-filename', '--print-config', '--list-rules', '--list-hosts', '--init', '--color', '--inline-config', '--report-unused-disable-directives', '--ignore-pattern', '--version', '--help']) {
      expect(r.stdout).toContain(flag.replace('--no-config-lookup', '--no-config-lookup: '));
    }
    expect((await runMain(['-h'], {cwd})).stdout).toBe(r.stdout);
  });

  it('--version and -v print the package version', async () => {
    const cwd = make({});
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(await runMain(['--version'], {cwd})).toMatchObject({code: 0, stdout: `${pkg.version}\n`});
    expect((await runMain(['-v'], {cwd})).stdout).toBe(`${pkg.version}\n`);
  });
});
