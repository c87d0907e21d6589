/**
 * docs/reliability.md, "Files destroyed or written without being asked", continued: arguments,
 * directory walks, fixes around directives, plugin fix ranges, one file reached twice, --init,
 * -o onto a linted file and the Vim filter (R4-R7, R9, R30, R31, R33, R35, R36 of
 * ../shared/reliability-trials.md), through the built CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from '@jest/globals';
import {runCli, scratchProjects} from './helpers.js';

const {project} = scratchProjects('trials-args');
const text = (d: string, name: string) => fs.readFileSync(path.join(d, name), 'utf8');
/** Fixable by the recommended rules (`.encoding` missing, a "yes" boolean). */
const FIXABLE = 'guestOS = "ubuntu-64"\nethernet0.present = "yes"\n';

describe('R4, R5: arguments', () => {
  it('R4: `--fix -- one.vmx` fixes one.vmx only', async () => {
    const d = project({'one.vmx': FIXABLE, 'other/untouchable.vmx': FIXABLE});
    const r = await runCli(['--no-config-lookup', '--fix', '--', 'one.vmx'], {cwd: d});
    expect(r.code).toBe(0);
    expect(text(d, 'one.vmx')).toContain('"TRUE"');
    expect(text(d, 'other/untouchable.vmx')).toBe(FIXABLE);
  });

  it('R4: after `--`, a name starting with `-` is a file', async () => {
    const d = project({'-f.vmx': FIXABLE, 'other.vmx': FIXABLE});
    const r = await runCli(['--no-config-lookup', '--fix', '--', '-f.vmx'], {cwd: d});
    expect(r.code).toBe(0);
    expect(text(d, '-f.vmx')).toContain('"TRUE"');
    expect(text(d, 'other.vmx')).toBe(FIXABLE);
  });

  it.each([
    [['--fix.vmx'], 'Unknown option: --fix.vmx'],
    [['--init.x'], 'Unknown option: --init.x (did you mean --init?)'],
    [['--fix-dry-run.x'], 'Unknown option: --fix-dry-run.x (did you mean --fix-dry-run?)'],
    [['-f.vmx'], 'Unknown option: -f.vmx'],
    [['--format.x', 'json'], 'Unknown option: --format.x (did you mean --format?)'],
    [['--rule.x', 'a'], 'Unknown option: --rule.x (did you mean --rule?)'],
    [['--config.x', 'a'], 'Unknown option: --config.x (did you mean --config?)'],
    [['--print-config.x', 'a'], 'Unknown option: --print-config.x (did you mean --print-config?)'],
    [['--ignore-pattern.x', 'a'], 'Unknown option: --ignore-pattern.x (did you mean --ignore-pattern?)'],
    [['--format', 'json', '--format', 'stylish'], '--format can be given only once'],
    [['--config', 'a.json', '--config', 'b.json'], '--config can be given only once'],
  ])('R5, R23: %j is a usage error naming the flag, nothing written', async (args, message) => {
    const d = project({'a.vmx': FIXABLE});
    const r = await runCli([...args, 'a.vmx'], {cwd: d});
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`vmxlint: ${message}\n${r.stderr.includes('Run "vmxlint --help"') ? 'Run "vmxlint --help" for the options.\n' : ''}`);
    expect(text(d, 'a.vmx')).toBe(FIXABLE);
    expect(fs.existsSync(path.join(d, 'vmxlint.config.json'))).toBe(false);
  });
});

describe('R6: a directory named like a VM file', () => {
  it('only the .vmx/.vmtx files inside it are linted: settings.ini is never rewritten', async () => {
    const d = project({'vms/old.vmx/settings.ini': '[general]\nenabled = yes\n', 'vms/old.vmx/inner.vmx': FIXABLE});
    const r = await runCli(['--no-config-lookup', '--fix', 'vms'], {cwd: d});
    expect(r.code).toBe(0);
    expect(text(d, 'vms/old.vmx/settings.ini')).toBe('[general]\nenabled = yes\n');
    expect(text(d, 'vms/old.vmx/inner.vmx')).toContain('"TRUE"');
  });
});

describe('R7, R33: moving or inserting `.encoding`', () => {
  it('R7: the README example: the directive stays on its line, the suppressed line is not rewritten', async () => {
    const original = '# vmxlint-disable-next-line boolean-values -- our tooling reads "yes"\nisolation.tools.copy.disable = "yes"\nguestOS = "ubuntu-64"\n';
    const d = project({'d.vmx': original});
    const r = await runCli(['--no-config-lookup', '--report-unused-disable-directives', '--fix', 'd.vmx'], {cwd: d});
    expect(r.code).toBe(0);
    expect(text(d, 'd.vmx')).toBe(`.encoding = "UTF-8"\n${original}`);
  });

  it('R7: moving a late `.encoding` up does not come between a directive and its line', async () => {
    const d = project({'m.vmx': '# vmxlint-disable-next-line boolean-values\nisolation.tools.copy.disable = "yes"\n.encoding = "UTF-8"\n'});
    await runCli(['--no-config-lookup', '--fix', 'm.vmx'], {cwd: d});
    expect(text(d, 'm.vmx')).toBe('.encoding = "UTF-8"\n# vmxlint-disable-next-line boolean-values\nisolation.tools.copy.disable = "yes"\n');
  });

  it('R33: moving a trailing `.encoding` (no final newline) keeps the blank line before it', async () => {
    const d = project({'e.vmx': 'guestOS = "other"\n\n.encoding = "UTF-8"'});
    await runCli(['--no-config-lookup', '--rule', 'valid-guest-os: off', '--fix', 'e.vmx'], {cwd: d});
    expect(text(d, 'e.vmx')).toBe('.encoding = "UTF-8"\nguestOS = "other"\n\n');
  });
});

describe('R30: plugin fix ranges', () => {
  it.each([['[5, 2]'], ['[NaN, NaN]'], ['[1.5, 3.7]'], ['[-5, 1e9]'], ['[0, 1e9]']])('a fix with range %s is the rule\'s error, nothing written', async (range) => {
    const plugin = `export default [{plugins: {p: {rules: {bad: {
      meta: {type: 'layout', fixable: 'code', docs: {description: 'x'}, messages: {m: 'bad'}},
      create(context) { return {root(node) { context.report({node, messageId: 'm', fix: () => ({range: ${range}, text: 'X'})}); }}; },
    }}}}, rules: {'p/bad': 'error', 'no-duplicate-keys': 'error'}}];\n`;
    const original = '.encoding = "UTF-8"\na = "1"\na = "1"\n';
    const d = project({'vmxlint.config.mjs': plugin, 'a.vmx': original});
    const r = await runCli(['--fix', 'a.vmx'], {cwd: d});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vmxlint: a\.vmx: Rule `p\/bad` returned a fix with an invalid range .* \(a bug in the rule\) on .*a\.vmx\n$/);
    expect(text(d, 'a.vmx')).toBe(original);
  });
});

describe('R31: the same file twice in one run', () => {
  it('a symlink and its target: fixed once, no "changed on disk", exit 0', async () => {
    const d = project({'t.vmx': FIXABLE});
    fs.symlinkSync('t.vmx', path.join(d, 'l.vmx'));
    const r = await runCli(['--no-config-lookup', '--fix', 't.vmx', 'l.vmx'], {cwd: d});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(text(d, 't.vmx')).toBe('.encoding = "UTF-8"\nguestOS = "ubuntu-64"\nethernet0.present = "TRUE"\n');
    expect(fs.lstatSync(path.join(d, 'l.vmx')).isSymbolicLink()).toBe(true);
  });

  it('two hard links: each name fixed, no "changed on disk", exit 0', async () => {
    const d = project({'h1.vmx': FIXABLE});
    fs.linkSync(path.join(d, 'h1.vmx'), path.join(d, 'h2.vmx'));
    fs.linkSync(path.join(d, 'h1.vmx'), path.join(d, 'h3.vmx'));
    const r = await runCli(['--no-config-lookup', '--fix', 'h1.vmx', 'h2.vmx', 'h3.vmx'], {cwd: d});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const name of ['h1.vmx', 'h2.vmx', 'h3.vmx']) expect(text(d, name)).toContain('"TRUE"');
  });
});

describe('R9: a file someone else may hold: warned, fixed all the same', () => {
  const json = (r: {stdout: string}) => JSON.parse(r.stdout) as Array<{messages: Array<{ruleId: string | null; severity: number; message: string}>}>;

  it('a VMware lock directory (<file>.lck, a powered-on VM) gives a warning; the fix is written', async () => {
    const d = project({'a.vmx': FIXABLE, 'a.vmx.lck/M12345.lck': 'lock'});
    const r = await runCli(['--no-config-lookup', '--fix', '-f', 'json', 'a.vmx'], {cwd: d});
    expect(r.code).toBe(0);
    expect(json(r)[0].messages).toEqual([{ruleId: null, severity: 1, line: 1, column: 1, message: expect.stringMatching(/^a\.vmx\.lck exists: the VM looks powered on .* power the VM off and run --fix again\.$/)}]);
    expect(text(d, 'a.vmx')).toContain('"TRUE"');
    // nothing left to write: nothing to warn about
    const again = await runCli(['--no-config-lookup', '--fix', '-f', 'json', 'a.vmx'], {cwd: d});
    expect(json(again)[0].messages).toEqual([]);
  });

  it('a symlink to a locked VM: the lock next to the real file counts (the fix is written there)', async () => {
    const d = project({'vm/a.vmx': FIXABLE, 'vm/a.vmx.lck/M1.lck': ''});
    fs.symlinkSync(path.join('vm', 'a.vmx'), path.join(d, 'link.vmx'));
    const r = await runCli(['--no-config-lookup', '--fix', '-f', 'json', 'link.vmx'], {cwd: d});
    expect(r.code).toBe(0);
    expect(json(r)[0].messages.map((m) => m.message)).toEqual([expect.stringMatching(/^a\.vmx\.lck exists: the VM looks powered on/)]);
    expect(text(d, 'vm/a.vmx')).toContain('"TRUE"');
  });

  it('no lock, one name: no warning; a lock without a fix to write: no warning', async () => {
    const d = project({'a.vmx': FIXABLE, 'clean.vmx': '.encoding = "UTF-8"\nguestOS = "ubuntu-64"\n', 'clean.vmx.lck/M1.lck': ''});
    const r = await runCli(['--no-config-lookup', '--fix', '-f', 'json', 'a.vmx', 'clean.vmx'], {cwd: d});
    expect(r.code).toBe(0);
    expect(json(r).map((f) => f.messages)).toEqual([[], []]);
  });

  it('a hard-linked file: the warning says the other name keeps the old content, and it does', async () => {
    const d = project({'h1.vmx': FIXABLE});
    fs.linkSync(path.join(d, 'h1.vmx'), path.join(d, 'h2.vmx'));
    const r = await runCli(['--no-config-lookup', '--fix', 'h1.vmx'], {cwd: d});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning the file has 2 hard links: the fix replaces this name only, so the other name no longer shares its content (it keeps the old content unless fixed too).');
    expect(text(d, 'h1.vmx')).toContain('"TRUE"');
    expect(text(d, 'h2.vmx')).toBe(FIXABLE);
  });
});

describe('R36: --init', () => {
  it('never writes through a dangling symlink named vmxlint.config.json', async () => {
    const d = project({'sub/x': ''});
    fs.symlinkSync(path.join(d, 'elsewhere.json'), path.join(d, 'sub', 'vmxlint.config.json'));
    const r = await runCli(['--init'], {cwd: path.join(d, 'sub')});
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vmxlint: vmxlint.config.json already exists: not overwritten (edit it, or delete it and run --init again)\n');
    expect(fs.existsSync(path.join(d, 'elsewhere.json'))).toBe(false);
  });
});

describe('R35: -o onto a linted file', () => {
  it.each([[['--fix']], [['--fix', '-f', 'json']], [[]], [['-f', 'json']]])('%j -o a.vmx: a usage error, the file untouched', async (args) => {
    const d = project({'a.vmx': FIXABLE});
    const r = await runCli(['--no-config-lookup', ...args, 'a.vmx', '-o', 'a.vmx'], {cwd: d});
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vmxlint: --output-file a.vmx is one of the files being linted: the report would overwrite it (nothing written)\n');
    expect(text(d, 'a.vmx')).toBe(FIXABLE);
  });

  it('also through a directory walk and a hard link', async () => {
    const d = project({'vms/a.vmx': FIXABLE});
    fs.linkSync(path.join(d, 'vms/a.vmx'), path.join(d, 'report.txt'));
    const r = await runCli(['--no-config-lookup', '--fix', 'vms', '-o', 'report.txt'], {cwd: d});
    expect(r.code).toBe(2);
    expect(text(d, 'vms/a.vmx')).toBe(FIXABLE);
  });
});

describe('the Vim filter: `:%!vmxlint --stdin --fix`', () => {
  const cases: Array<[string, string[], Record<string, string>]> = [
    ['an unknown flag', ['--stdin', '--fix', '--bogus'], {}],
    ['a bad flag value', ['--stdin', '--fix', '--max-warnings', 'x'], {}],
    ['a config that fails its schema', ['--stdin', '--fix'], {'vmxlint.config.json': '[{"rules": {"nope": "error"}}]'}],
    ['a config with a JSON syntax error', ['--stdin', '--fix'], {'vmxlint.config.json': '[{"rules": '}],
    ['a config that throws', ['--stdin', '--fix'], {'vmxlint.config.mjs': 'throw new Error("boom");\n'}],
    ['an unreadable encoding', ['--stdin', '--fix'], {}],
  ];
  it.each(cases)('%s: stdout is the input, unchanged; exit 2', async (name, args, files) => {
    const d = project({'x': '', ...files});
    const input = name === 'an unreadable encoding' ? '.encoding = "base64"\na = "yes"\n' : FIXABLE;
    const r = await runCli(args, {cwd: d, input});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(input);
    expect(r.stderr).toMatch(/^vmxlint: /);
  });

  it('a file in a legacy encoding: stdout is the fixed text in that encoding', async () => {
    const d = project({'x': ''});
    const input = Buffer.from('.encoding = "windows-1252"\nannotation = "caf\xe9"\nethernet0.present = "yes"\n', 'latin1');
    const r = await runCli(['--stdin', '--fix', '--no-config-lookup'], {cwd: d, input});
    expect(r.code).toBe(0);
    expect(r.raw).toEqual(Buffer.from('.encoding = "windows-1252"\nannotation = "caf\xe9"\nethernet0.present = "TRUE"\n', 'latin1'));
  });
});
