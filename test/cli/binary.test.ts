/**
 * The real binary (`node bin/vmxlint.js`, built by the jest globalSetup when dist/ is stale): every
 * flag at least once, every exit code, stdin, globs with spaces and an ignore file, as a user runs it.
 * The many combinations are in flags.test.ts (in-process, faster).
 */
import {afterAll, describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {BAD_VMX, BIN, coreProject, FIXABLE_VMX, GOOD_VMX, removeDir, runBin} from './helpers.js';

const dirs: string[] = [];
function make(files: Record<string, string | Buffer> = {}): string {
  const dir = coreProject(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(removeDir));

it('the binary is built (dist/ exists)', () => {
  expect(fs.existsSync(path.join(path.dirname(BIN), '..', 'dist', 'src', 'cli', 'main.js'))).toBe(true);
});

describe('exit codes through the binary', () => {
  it('0: clean; 1: errors; 2: unreadable file; 2: usage error with a did-you-mean', async () => {
    const cwd = make({'good.vmx': GOOD_VMX, 'bad.vmx': BAD_VMX});
    expect(await runBin(['good.vmx'], {cwd})).toMatchObject({code: 0, stdout: '', stderr: ''});
    const bad = await runBin(['bad.vmx'], {cwd});
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
    expect((await runBin(['nope.vmx'], {cwd})).code).toBe(2);
    const typo = await runBin(['--quite', 'bad.vmx'], {cwd});
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Unknown option: --quite (did you mean --quiet?)');
  });

  it('--max-warnings and --quiet', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const warn = ['--rule', 'no-duplicate-keys: warn', '--rule', 'no-invalid-lines: warn'];
    expect((await runBin([...warn, 'bad.vmx'], {cwd})).code).toBe(0);
    expect((await runBin([...warn, '--max-warnings', '1', 'bad.vmx'], {cwd})).code).toBe(1);
    expect(await runBin([...warn, '--quiet', 'bad.vmx'], {cwd})).toMatchObject({code: 0, stdout: ''});
  });
});

describe('flags through the binary', () => {
  it('--version, -v, --help, -h', async () => {
    const cwd = make();
    const version = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect((await runBin(['--version'], {cwd})).stdout).toBe(`${version}\n`);
    expect((await runBin(['-v'], {cwd})).stdout).toBe(`${version}\n`);
    const help = await runBin(['--help'], {cwd});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fix-dry-run');
    expect((await runBin(['-h'], {cwd})).stdout).toBe(help.stdout);
  });

  it('--fix writes, --fix-dry-run and -f diff do not; --fix-type filters', async () => {
    const cwd = make({'a.vmx': FIXABLE_VMX});
    const dry = await runBin(['--fix-dry-run', 'a.vmx'], {cwd});
    expect(dry.stdout).toContain('-memsize = "1024"');
    const diff = await runBin(['-f', 'diff', 'a.vmx'], {cwd});
    expect(diff.stdout).toBe(dry.stdout);
    expect((await runBin(['--fix', '--fix-type', 'layout', 'a.vmx'], {cwd})).code).toBe(1);
    expect(fs.readFileSync(path.join(cwd, 'a.vmx'), 'utf8')).toBe(FIXABLE_VMX);
    expect(await runBin(['--fix', 'a.vmx'], {cwd})).toMatchObject({code: 0, stdout: ''});
    expect(fs.readFileSync(path.join(cwd, 'a.vmx'), 'utf8')).toBe(GOOD_VMX);
  });

  it('every --format (-f) prints something of its kind; -o writes it to a file', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const expected: Record<string, RegExp> = {
      stylish: /no-duplicate-keys/,
      json: /^\[\{"filePath":/,
      compact: /bad\.vmx: line 4, col 1, Error/,
      unix: /bad\.vmx:4:1: /,
      sarif: /"version": "2\.1\.0"/,
      junit: /^<\?xml version="1\.0" encoding="utf-8"\?>\n<testsuites/,
      checkstyle: /^<\?xml version="1\.0" encoding="utf-8"\?><checkstyle version="4\.3">/,
      github: /^::error file=bad\.vmx,line=4,col=1,/,
      diff: /^diff --git a\/bad\.vmx b\/bad\.vmx\n/,
    };
    for (const [format, shape] of Object.entries(expected)) {
      const r = await runBin(['--format', format, 'bad.vmx'], {cwd});
      expect([format, r.code, shape.test(r.stdout)]).toEqual([format, 1, true]);
    }
    expect(await runBin(['-f', 'sarif', '-o', 'out/vmxlint.sarif', 'bad.vmx'], {cwd})).toMatchObject({code: 1, stdout: ''});
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'out/vmxlint.sarif'), 'utf8')).version).toBe('2.1.0');
    expect((await runBin(['--output-file', 'r.txt', 'bad.vmx'], {cwd})).stdout).toBe('');
    expect(fs.readFileSync(path.join(cwd, 'r.txt'), 'utf8')).toContain('no-duplicate-keys');
  });

  it('colour: --color forces it, --no-color, NO_COLOR and a pipe turn it off', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const ansi = /\u001B\[\d+m/;
    expect((await runBin(['--color', 'bad.vmx'], {cwd})).stdout).toMatch(ansi);
    expect((await runBin(['--color', '--no-color', 'bad.vmx'], {cwd})).stdout).not.toMatch(ansi);
    expect((await runBin(['bad.vmx'], {cwd, env: {NO_COLOR: '1'}})).stdout).not.toMatch(ansi);
    expect((await runBin(['bad.vmx'], {cwd})).stdout).not.toMatch(ansi);
  });

  it('--config/-c, --no-config-lookup, --rule', async () => {
    const cwd = make({'bad.vmx': BAD_VMX, 'off.json': '[{"rules": {}}]'});
    expect((await runBin(['-c', 'off.json', 'bad.vmx'], {cwd})).code).toBe(0);
    expect((await runBin(['--config', 'off.json', '--rule', 'no-invalid-lines: error', '-f', 'unix', 'bad.vmx'], {cwd})).stdout).toMatch(/^bad\.vmx:5:1: .*no-invalid-lines\]$/m);
    fs.writeFileSync(path.join(cwd, 'vmxlint.config.json'), '[]');
    expect((await runBin(['bad.vmx'], {cwd})).code).toBe(0);
    expect((await runBin(['--no-config-lookup', 'bad.vmx'], {cwd})).code).toBe(1);
  });

  it('--role, --host, --cpu, --amd-family, --outer-product and --print-config', async () => {
    const cwd = make();
    const r = await runBin(['--role', 'inner', '--host', 'workstation-6.5', '--cpu', 'amd', '--amd-family', '0fh-revf', '--outer-product', 'esx-3.5', '--print-config', 'x.vmx'], {cwd});
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).settings).toEqual({role: 'inner', host: 'workstation-6.5', cpu: 'amd', amdFamily: '0fh-revf', outerProduct: 'esx-3.5'});
  });

  it('--no-inline-config and --report-unused-disable-directives', async () => {
    const cwd = make({'a.vmx': '# vmxlint-disable-next-line no-invalid-lines\nbad line\n# vmxlint-disable-next-line\nx = "1"\n'});
    expect((await runBin(['a.vmx'], {cwd})).code).toBe(0);
    expect((await runBin(['--no-inline-config', 'a.vmx'], {cwd})).code).toBe(1);
    const unused = await runBin(['--report-unused-disable-directives', '--max-warnings', '0', '-f', 'unix', 'a.vmx'], {cwd});
    expect(unused.code).toBe(1);
    expect(unused.stdout).toContain('a.vmx:3:1: Unused `vmxlint-disable-next-line` directive');
  });

  it('--list-rules, --list-hosts, --init (no terminal: asks nothing)', async () => {
    const cwd = make();
    expect((await runBin(['--list-rules'], {cwd})).stdout).toMatch(/^no-duplicate-keys\s+fix\s+error/m);
    expect((await runBin(['--list-hosts'], {cwd})).stdout).toMatch(/^esx-3\.0\s+intel\s+monitor_control\.vt32 = "TRUE"/m);
    fs.rmSync(path.join(cwd, 'vmxlint.config.json'));
    expect(await runBin(['--init'], {cwd})).toMatchObject({code: 0, stdout: expect.stringContaining('Wrote vmxlint.config.json')});
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'vmxlint.config.json'), 'utf8'))[0]).toBe('vmxlint:recommended');
  });
});

describe('input through the binary', () => {
  it('--stdin, --stdin-filename, and --stdin --fix for editors', async () => {
    const cwd = make();
    const r = await runBin(['--stdin', '--stdin-filename', 'vms/my vm.vmx', '-f', 'unix'], {cwd, input: BAD_VMX});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${path.join('vms', 'my vm.vmx')}:4:1:`);
    expect(await runBin(['--stdin', '--fix'], {cwd, input: FIXABLE_VMX})).toMatchObject({code: 0, stdout: GOOD_VMX, stderr: ''});
  });

  it('globs and directories with spaces, .vmxlintignore and --ignore-pattern', async () => {
    const cwd = make({
      'VM Templates/Ubuntu 22.04/Ubuntu 22.04.vmx': BAD_VMX,
      'VM Templates/Win 11/Win 11.vmtx': BAD_VMX,
      'VM Templates/old/Old.vmx': BAD_VMX,
      '.vmxlintignore': 'VM Templates/old/\n',
    });
    const json = async (args: string[]) => {
      const r = await runBin(['-f', 'json', ...args], {cwd});
      return (JSON.parse(r.stdout) as Array<{filePath: string}>).map((x) => path.relative(cwd, x.filePath).split(path.sep).join('/'));
    };
    expect(await json(['VM Templates/**/*.vmx'])).toEqual(['VM Templates/Ubuntu 22.04/Ubuntu 22.04.vmx']);
    expect(await json(['VM Templates'])).toEqual(['VM Templates/Ubuntu 22.04/Ubuntu 22.04.vmx', 'VM Templates/Win 11/Win 11.vmtx']);
    expect(await json(['--ignore-pattern', '*.vmtx', 'VM Templates'])).toEqual(['VM Templates/Ubuntu 22.04/Ubuntu 22.04.vmx']);
    expect(await json(['--no-ignore', 'VM Templates'])).toHaveLength(3);
  });

  it('a reader that stops early (| head) is not a crash', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`v${i}.vmx`] = BAD_VMX;
    const cwd = make(files);
    const r = await runBin(['-f', 'json', '.'], {cwd, env: {}});
    expect(r.code).toBe(1);
    const {spawnSync} = await import('node:child_process');
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" -f json . | head -c 10 >/dev/null; echo "status=\${PIPESTATUS:-}"`], {cwd, encoding: 'utf8'});
    expect(piped.stderr).not.toContain('EPIPE');
  });
});
