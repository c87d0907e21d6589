/**
 * Bad input through the real binary: one clear line on stderr per problem, exit 2, no stack trace,
 * and every file's bytes unchanged -- even with --fix. One bad file does not stop the others.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {lintTextSync} from '../../src/engine/linter.js';
import {ensureBuilt, LYING_UTF8, nobodyCannotRun, removeDir, runCli, snapshot, tempDir, type Run} from './helpers.js';

const DUPLICATE = 'numvcpus = "2"\nnumvcpus = "2"\n';
const PLUGIN_RULE_THROWS = `export default [{plugins: {boom: {rules: {bang: {
  meta: {type: 'problem', docs: {description: 'x'}, messages: {m: 'x'}},
  create() { throw new Error('kaboom'); },
}}}}, rules: {'boom/bang': 'error'}}];\n`;
/** A UTF-8 path whose last character lost its third byte, as in the real broken corpus file. */
const OWN_LYING = Buffer.concat([Buffer.from('.encoding = "UTF-8"\r\nsharedFolder0.hostPath = "D:\\VMs\\文档'), Buffer.from([0xe6, 0x96]), Buffer.from('?"\r\n')]);
const AS_ROOT = process.getuid?.() === 0;
/**
 * Root cannot be denied permission: that case runs the CLI as `nobody`, who must be able to reach
 * the clone (not so in a clone inside a 0700 `mktemp -d` directory) and the temp directory. Without
 * that, it is skipped, saying why.
 */
const NOBODY_CANNOT_RUN = AS_ROOT ? nobodyCannotRun() : undefined;

interface Case {
  name: string;
  /** Content, or `dir`, `fifo`, `symlink:<target>`. */
  files: Record<string, string | Buffer>;
  args: string[];
  /** Each stderr line, in order. */
  stderr: Array<string | RegExp>;
  code?: number;
  /** Run as another user (root cannot be denied permission). */
  asNobody?: boolean;
  skip?: string;
}

const cases: Case[] = [
  {name: 'a missing path', files: {}, args: ['missing.vmx'], stderr: ['vmxlint: missing.vmx: no such file']},
  {name: 'a dangling symlink', files: {'gone.vmx': 'symlink:nowhere.vmx'}, args: ['gone.vmx'], stderr: ['vmxlint: gone.vmx: no such file']},
  {name: 'a symlink loop', files: {'loop.vmx': 'symlink:loop.vmx'}, args: ['loop.vmx'], stderr: ['vmxlint: loop.vmx: too many symbolic links (a link loop)']},
  {name: 'a directory given as a .vmx file', files: {'dir.vmx': 'dir'}, args: ['dir.vmx'], stderr: ['vmxlint: No .vmx or .vmtx files found in "dir.vmx".']},
  {name: 'a directory given as the config file', files: {'confdir': 'dir', 'vm.vmx': DUPLICATE}, args: ['--config', 'confdir', 'vm.vmx'], stderr: [/^vmxlint: .*confdir.*director/i]},
  {
    name: 'permission denied',
    files: {'secret.vmx': DUPLICATE},
    args: ['secret.vmx'],
    stderr: ['vmxlint: secret.vmx: permission denied'],
    asNobody: AS_ROOT,
    skip: NOBODY_CANNOT_RUN,
  },
  {name: 'a binary file (NUL bytes)', files: {'bin.vmx': 'a = "1"\nnumvcpus\0= "2"\n'}, args: ['bin.vmx'], stderr: ['vmxlint: bin.vmx: binary file: NUL byte at line 2, column 9; not a .vmx text file']},
  {
    name: 'the real corpus-broken file (invalid UTF-8 in a UTF-8 file)',
    files: fs.existsSync(LYING_UTF8) ? {'lying.vmx': fs.readFileSync(LYING_UTF8)} : {},
    args: ['lying.vmx'],
    stderr: ['vmxlint: lying.vmx: bytes invalid in the declared encoding UTF-8 at line 121, column 51: refusing to read or rewrite this file'],
    skip: fs.existsSync(LYING_UTF8) ? undefined : '../shared/corpus-broken not found',
  },
  {
    name: 'an own fixture with the same fault',
    files: {'own-lying.vmx': OWN_LYING},
    args: ['own-lying.vmx'],
    stderr: ['vmxlint: own-lying.vmx: bytes invalid in the declared encoding UTF-8 at line 2, column 36: refusing to read or rewrite this file'],
  },
  {
    name: 'an unknown .encoding',
    files: {'unk.vmx': '.encoding = "klingon-8"\nnumvcpus = "2"\n'},
    args: ['unk.vmx'],
    stderr: ['vmxlint: unk.vmx: unknown `.encoding` "klingon-8": vmxlint cannot read this file safely'],
  },
  {
    name: 'a .vmdk descriptor',
    files: {'disk.vmdk': '# Disk DescriptorFile\nversion=1\nCID=fffffffe\ncreateType="monolithicSparse"\n\nRW 41943040 SPARSE "disk-s001.vmdk"\n'},
    args: ['disk.vmdk'],
    stderr: ['vmxlint: disk.vmdk: this is a VMDK disk descriptor, not a .vmx configuration: vmxlint does not check disk files'],
  },
  {
    name: 'a .vmxf (XML)',
    files: {'team.vmxf': '<?xml version="1.0"?>\n<Foundry>\n<VM>\n<VMId type="string">52 1f</VMId></VM></Foundry>\n'},
    args: ['team.vmxf'],
    stderr: ['vmxlint: team.vmxf: this is an XML file (a .vmxf team/foundry file?), not a .vmx configuration'],
  },
  {
    name: 'a UTF-16 file',
    files: {'utf16.vmx': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('numvcpus = "2"\r\n', 'utf16le')])},
    args: ['utf16.vmx'],
    stderr: ['vmxlint: utf16.vmx: this file is UTF-16 text (it starts with a UTF-16 byte order mark): .vmx files are 8-bit text, save it as UTF-8'],
  },
  {name: 'a FIFO named .vmx', files: {'pipe.vmx': 'fifo'}, args: ['pipe.vmx'], stderr: ['vmxlint: pipe.vmx: not a regular file (a device, pipe or socket): refusing to read it']},
  {
    name: 'a pattern that matches nothing',
    files: {'vm.vmx': DUPLICATE},
    args: ['vms/*.vmx', 'vm.vmx'],
    stderr: ['vmxlint: No files matching the pattern "vms/*.vmx" were found (use --no-error-on-unmatched-pattern to allow this).'],
  },
  {
    name: 'a config that fails its schema',
    files: {'vmxlint.config.json': '[{"rules": {"no-duplicate-keys": "sometimes"}}]', 'vm.vmx': DUPLICATE},
    args: ['vm.vmx'],
    stderr: [/^vmxlint: .*vmxlint\.config\.json: invalid config at `\[0\]\.rules\.no-duplicate-keys`: expected .*, got "sometimes"$/],
  },
  {
    name: 'rule options that fail the rule schema',
    files: {'vmxlint.config.json': '[{"rules": {"no-duplicate-keys": ["error", {"bogus": 1}]}}]', 'vm.vmx': DUPLICATE},
    args: ['vm.vmx'],
    stderr: [/^vmxlint: .*vmxlint\.config\.json: invalid config at `\[0\]\.rules\.no-duplicate-keys options`: expected options that match the rule's schema/],
  },
  {
    name: 'a config (plugin) that throws while loading',
    files: {'vmxlint.config.mjs': "throw new Error('plugin exploded');\n", 'vm.vmx': DUPLICATE},
    args: ['vm.vmx'],
    stderr: [/^vmxlint: .*vmxlint\.config\.mjs: cannot load config: plugin exploded$/],
  },
  {
    name: 'a plugin rule that throws',
    files: {'vmxlint.config.mjs': PLUGIN_RULE_THROWS, 'vm.vmx': DUPLICATE},
    args: ['vm.vmx'],
    stderr: [/^vmxlint: vm\.vmx: Rule `boom\/bang` crashed on .*vm\.vmx: kaboom$/],
  },
];

let root: string;
beforeAll(async () => {
  await ensureBuilt();
  root = tempDir('bad');
  fs.chmodSync(root, 0o755); // the permission case runs as another user
}, 120_000);
afterAll(() => removeDir(root));

function materialize(dir: string, files: Case['files']): void {
  fs.mkdirSync(dir, {recursive: true, mode: 0o755});
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), {recursive: true});
    if (content === 'dir') fs.mkdirSync(p);
    else if (content === 'fifo') spawnSync('mkfifo', [p]);
    else if (typeof content === 'string' && content.startsWith('symlink:')) fs.symlinkSync(content.slice(8), p);
    else fs.writeFileSync(p, content, {mode: name.startsWith('secret') ? 0o600 : 0o644});
  }
  if (!AS_ROOT && files['secret.vmx']) fs.chmodSync(path.join(dir, 'secret.vmx'), 0o000);
}

function expectOneLineEach(run: Run, expected: Array<string | RegExp>): void {
  const lines = run.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(expected.length);
  expected.forEach((e, i) => (typeof e === 'string' ? expect(lines[i]).toBe(e) : expect(lines[i]).toMatch(e)));
  expect(run.stderr + run.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace without --debug
}

describe('bad input: one clear line on stderr, exit 2, nothing changed (with --fix)', () => {
  for (const c of cases) {
    const title = c.skip ? `${c.name} (skipped: ${c.skip})` : c.name;
    (c.skip ? it.skip : it)(title, async () => {
      const dir = path.join(root, c.name.replace(/\W+/g, '-'));
      materialize(dir, c.files);
      const before = snapshot(dir);
      const run = await runCli(['--fix', ...c.args], {cwd: dir, ...(c.asNobody ? {uid: 65534, gid: 65534} : {})});
      expectOneLineEach(run, c.stderr);
      expect(run.code).toBe(c.code ?? 2);
      expect(snapshot(dir)).toEqual(before);
      expect(fs.readdirSync(dir).filter((n) => n.includes('.vmxlint-'))).toEqual([]);
    });
  }
});

describe('one bad file does not stop the others', () => {
  it('lints, fixes and reports the good files; the bad ones stay as they were; exit 2', async () => {
    const dir = path.join(root, 'mixed');
    const bad = {'a-bin.vmx': 'a = "1"\0\n', 'b-lying.vmx': OWN_LYING, 'c-unk.vmx': '.encoding = "x-none"\n', 'e-disk.vmx': '# Disk DescriptorFile\n'};
    materialize(dir, {...bad, 'good1.vmx': DUPLICATE, 'sub/good2.vmx': 'memsize = "1024"\r\nmemsize = "1024"\r\n', 'z-good3.vmx': DUPLICATE});
    const before = snapshot(dir);
    const run = await runCli(['--fix', '--no-config-lookup', '--format', 'json', '.'], {cwd: dir});
    expect(run.code).toBe(2);
    expectOneLineEach(run, [
      'vmxlint: a-bin.vmx: binary file: NUL byte at line 1, column 8; not a .vmx text file',
      /^vmxlint: b-lying\.vmx: bytes invalid in the declared encoding UTF-8 at line 2, column 36/,
      'vmxlint: c-unk.vmx: unknown `.encoding` "x-none": vmxlint cannot read this file safely',
      /^vmxlint: e-disk\.vmx: this is a VMDK disk descriptor/,
    ]);
    const results = JSON.parse(run.stdout) as Array<{filePath: string; fatalErrorCount: number}>;
    expect(results.map((r) => [path.relative(dir, r.filePath), r.fatalErrorCount])).toEqual([
      ['a-bin.vmx', 1],
      ['b-lying.vmx', 1],
      ['c-unk.vmx', 1],
      ['e-disk.vmx', 1],
      ['good1.vmx', 0],
      [path.join('sub', 'good2.vmx'), 0],
      ['z-good3.vmx', 0],
    ]);
    const after = snapshot(dir);
    for (const name of ['a-bin.vmx', 'b-lying.vmx', 'c-unk.vmx', 'e-disk.vmx']) expect(after.get(name)).toEqual(before.get(name));
    // fixed as the recommended rules fix them (whatever else they add), the duplicate gone
    const fixed = (text: string) => lintTextSync(text, {fix: true}).output;
    expect(after.get('good1.vmx')?.toString()).toBe(fixed(DUPLICATE));
    expect(after.get('z-good3.vmx')?.toString()).toBe(fixed(DUPLICATE));
    expect(after.get(path.join('sub', 'good2.vmx'))?.toString()).toBe(fixed('memsize = "1024"\r\nmemsize = "1024"\r\n'));
    expect(after.get('good1.vmx')?.toString().match(/numvcpus/g)).toHaveLength(1);
    expect(after.get(path.join('sub', 'good2.vmx'))?.toString()).toMatch(/^(?!.*memsize[^]*memsize)[^]*memsize = "1024"\r\n/);
  });

  it('--no-error-on-unmatched-pattern lets an unmatched pattern pass and lints the rest', async () => {
    const dir = path.join(root, 'unmatched-allowed');
    materialize(dir, {'vm.vmx': 'numvcpus = "2"\n'});
    const run = await runCli(['--no-error-on-unmatched-pattern', 'vms/*.vmx', 'vm.vmx'], {cwd: dir});
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
