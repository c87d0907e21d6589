/**
 * The baseline, after ESLint's bulk suppressions: --suppress-all / --suppress-rule record today's
 * problems per file and rule in vmxlint-suppressions.json, later runs hide that many and report the
 * rest, unused counts are reported, --prune-suppressions lowers them. The cycle runs the real binary.
 */
import {afterAll, describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {BAD_VMX, coreProject, GOOD_VMX, removeDir, runBin, runMain} from './helpers.js';

const dirs: string[] = [];
function make(files: Record<string, string> = {}): string {
  const dir = coreProject(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(removeDir));

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('suppressions: the cycle (real binary)', () => {
  it('suppress, pass, a new problem fails, an unused count is reported, prune', async () => {
    const cwd = make({'vms/bad.vmx': BAD_VMX, 'vms/good.vmx': GOOD_VMX});
    const file = path.join(cwd, 'vmxlint-suppressions.json');
    expect((await runBin(['.'], {cwd})).code).toBe(1);

    // 1. record today's problems
    const suppress = await runBin(['--suppress-all', '.'], {cwd});
    expect([suppress.code, suppress.stdout, suppress.stderr]).toEqual([0, '', 'vmxlint: wrote vmxlint-suppressions.json: 2 suppressed problems in 1 file\n']);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      JSON.stringify({'vms/bad.vmx': {'no-duplicate-keys': {count: 1}, 'no-invalid-lines': {count: 1}}}, null, 2) + '\n',
    );

    // 2. later runs pass, the problems are in suppressedMessages (kind "file", as ESLint's)
    const pass = await runBin(['--max-warnings', '0', '.'], {cwd});
    expect([pass.code, pass.stdout, pass.stderr]).toEqual([0, '', '']);
    const json = JSON.parse((await runBin(['-f', 'json', '.'], {cwd})).stdout) as Array<{filePath: string; errorCount: number; suppressedMessages: Array<{ruleId: string; suppressions: unknown[]}>}>;
    const bad = json.find((r) => r.filePath.endsWith('bad.vmx'))!;
    expect(bad.errorCount).toBe(0);
    expect(bad.suppressedMessages.map((m) => [m.ruleId, m.suppressions])).toEqual([
      ['no-duplicate-keys', [{kind: 'file', justification: ''}]],
      ['no-invalid-lines', [{kind: 'file', justification: ''}]],
    ]);

    // 3. a new problem of a recorded rule in that file: more than recorded, so all of them are reported
    fs.appendFileSync(path.join(cwd, 'vms/bad.vmx'), 'memsize = "1024"\n');
    const more = await runBin(['-f', 'unix', '.'], {cwd});
    expect(more.code).toBe(1);
    expect(more.stdout.match(/no-duplicate-keys/g)).toHaveLength(2);
    expect(more.stdout).not.toContain('no-invalid-lines');
    // ... and a problem in a file without suppressions
    fs.writeFileSync(path.join(cwd, 'vms/bad.vmx'), BAD_VMX);
    fs.appendFileSync(path.join(cwd, 'vms/good.vmx'), 'bad line\n');
    const other = await runBin(['-f', 'unix', '.'], {cwd});
    expect([other.code, other.stdout]).toEqual([1, 'vms/good.vmx:4:1: Line is not `key = "value"`, a comment or blank: expected `=` after key `bad` [Error/no-invalid-lines]\n\n1 problem\n']);
    fs.writeFileSync(path.join(cwd, 'vms/good.vmx'), GOOD_VMX);

    // 4. an old problem fixed: its count is unused, reported as a warning on that file
    fs.writeFileSync(path.join(cwd, 'vms/bad.vmx'), BAD_VMX.replace('bad line\n', ''));
    const unused = await runBin(['-f', 'unix', '.'], {cwd});
    expect([unused.code, unused.stdout]).toEqual([
      0,
      'vms/bad.vmx:0:0: Unused suppression: vmxlint-suppressions.json accepts 1 `no-invalid-lines` problem in this file, 0 found (run vmxlint --prune-suppressions) [Warning]\n\n1 problem\n',
    ]);
    expect((await runBin(['--max-warnings', '0', '.'], {cwd})).code).toBe(1);

    // 5. prune: the count goes, the file is rewritten, the run is clean
    const prune = await runBin(['--prune-suppressions', '.'], {cwd});
    expect([prune.code, prune.stdout, prune.stderr]).toEqual([0, '', 'vmxlint: wrote vmxlint-suppressions.json: 1 suppressed problem in 1 file\n']);
    expect(readJson(file)).toEqual({'vms/bad.vmx': {'no-duplicate-keys': {count: 1}}});
    expect(await runBin(['--max-warnings', '0', '.'], {cwd})).toMatchObject({code: 0, stdout: '', stderr: ''});
    // nothing to prune: the file is not written again
    const mtime = fs.statSync(file).mtimeMs;
    expect((await runBin(['--prune-suppressions', '.'], {cwd})).stderr).toBe('');
    expect(fs.statSync(file).mtimeMs).toBe(mtime);

    // 6. a deleted file's entry goes with --prune-suppressions
    fs.rmSync(path.join(cwd, 'vms/bad.vmx'));
    expect((await runBin(['--prune-suppressions', '.'], {cwd})).code).toBe(0);
    expect(readJson(file)).toEqual({});
  }, 5 * 60_000);
});

describe('suppressions: options', () => {
  it('--suppress-rule records only that rule, and keeps what is recorded for others', async () => {
    const cwd = make({'a.vmx': BAD_VMX});
    expect((await runMain(['--suppress-rule', 'no-invalid-lines', '.'], {cwd})).code).toBe(1);
    expect(readJson(path.join(cwd, 'vmxlint-suppressions.json'))).toEqual({'a.vmx': {'no-invalid-lines': {count: 1}}});
    const r = await runMain(['-f', 'unix', '.'], {cwd});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[Error/no-duplicate-keys]');
    expect(r.stdout).not.toContain('no-invalid-lines');
    expect((await runMain(['--suppress-rule', 'no-duplicate-keys', '.'], {cwd})).code).toBe(0);
    expect(readJson(path.join(cwd, 'vmxlint-suppressions.json'))).toEqual({'a.vmx': {'no-duplicate-keys': {count: 1}, 'no-invalid-lines': {count: 1}}});
  });

  it('--suppressions-location: another file, relative paths still from the current directory', async () => {
    const cwd = make({'vms/a.vmx': BAD_VMX});
    const missing = await runMain(['--suppressions-location', '.ci/baseline.json', '.'], {cwd});
    expect([missing.code, missing.stderr]).toEqual([2, 'vmxlint: .ci/baseline.json does not exist: create it with --suppress-all or --suppress-rule\n']);
    expect((await runMain(['--suppress-all', '--suppressions-location', '.ci/baseline.json', 'vms'], {cwd})).code).toBe(0);
    expect(readJson(path.join(cwd, '.ci/baseline.json'))).toEqual({'vms/a.vmx': {'no-duplicate-keys': {count: 1}, 'no-invalid-lines': {count: 1}}});
    expect(fs.existsSync(path.join(cwd, 'vmxlint-suppressions.json'))).toBe(false);
    expect((await runMain(['--suppressions-location', '.ci/baseline.json', '.'], {cwd})).code).toBe(0);
    // without it, the default file (absent) applies nothing
    expect((await runMain(['.'], {cwd})).code).toBe(1);
    // run from the sub-directory with the same file, the paths do not match: the problems are reported
    expect((await runMain(['--suppressions-location', '../.ci/baseline.json', '.'], {cwd: path.join(cwd, 'vms')})).code).toBe(1);
  });

  it('refuses contradictory options, unknown rules, --stdin, and a broken file: one line, exit 2', async () => {
    const cwd = make({'a.vmx': BAD_VMX});
    const cases: Array<[string[], string]> = [
      [['--suppress-all', '--suppress-rule', 'no-duplicate-keys', '.'], 'vmxlint: --suppress-all and --suppress-rule cannot be used together\n'],
      [['--suppress-all', '--prune-suppressions', '.'], 'vmxlint: --suppress-all and --prune-suppressions cannot be used together\n'],
      [['--suppress-rule', 'no-duplicate-key', '.'], 'vmxlint: --suppress-rule: unknown rule "no-duplicate-key" (did you mean no-duplicate-keys?) (see vmxlint --list-rules)\n'],
      [['--stdin', '--suppress-all'], 'vmxlint: the suppression options cannot be used with --stdin\n'],
    ];
    for (const [args, stderr] of cases) expect([args, (await runMain(args, {cwd, input: GOOD_VMX})).stderr]).toEqual([args, stderr]);
    fs.writeFileSync(path.join(cwd, 'vmxlint-suppressions.json'), '{"a.vmx": {"no-duplicate-keys": {"count": 0}}}');
    const zero = await runMain(['.'], {cwd});
    expect([zero.code, zero.stderr]).toEqual([2, 'vmxlint: vmxlint-suppressions.json: "a.vmx" → "no-duplicate-keys" should be {"count": n} with a whole number n ≥ 1\n']);
    fs.writeFileSync(path.join(cwd, 'vmxlint-suppressions.json'), '{"a.vmx": ');
    const broken = await runMain(['.'], {cwd});
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^vmxlint: vmxlint-suppressions\.json: not valid JSON \(.+\)\n$/);
  });

  it('with --cache: replayed results are suppressed too, and the cache keeps the real problems', async () => {
    const cwd = make({'a.vmx': BAD_VMX});
    expect((await runMain(['--cache', '--suppress-all', '.'], {cwd})).code).toBe(0);
    expect((await runMain(['--cache', '.'], {cwd})).code).toBe(0);
    fs.rmSync(path.join(cwd, 'vmxlint-suppressions.json'));
    const r = await runMain(['--cache', '-f', 'unix', '.'], {cwd});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no-duplicate-keys');
  });

  it('a clean repository: --suppress-all still writes the (empty) file', async () => {
    const cwd = make({'a.vmx': GOOD_VMX});
    expect((await runMain(['--suppress-all', '.'], {cwd})).stderr).toBe('vmxlint: wrote vmxlint-suppressions.json: 0 suppressed problems in 0 files\n');
    expect(readJson(path.join(cwd, 'vmxlint-suppressions.json'))).toEqual({});
  });
});
