/** A whole lab through the real binary: --outer, --lab, --print-config, --cache, JSON and SARIF related locations. */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from '@jest/globals';
import {project, removeDir, ROOT, runBin} from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
const labs = path.join(ROOT, 'fixtures', 'labs');

/** A temp copy of a shipped lab (the tests edit files). */
function copyLab(name: string): string {
  const files: Record<string, string> = {};
  for (const sub of fs.readdirSync(path.join(labs, name))) {
    for (const f of fs.readdirSync(path.join(labs, name, sub))) files[`${sub}/${f}`] = fs.readFileSync(path.join(labs, name, sub, f), 'utf8');
  }
  const dir = project(files);
  dirs.push(dir);
  return dir;
}

describe('--lab', () => {
  it('prints the shipped labs as a tree: host, outer VM, inner VMs, a verdict each; exit 1 for the errors', async () => {
    const r = await runBin(['--no-config-lookup', '--lab', 'fixtures/labs'], {cwd: ROOT});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'fixtures/labs: 9 VMs',
        '',
        'esx-3.0/intel',
        '└── esx30-ws60/ws60/ws60.vmx  outer VM, winXPPro, HW 4: ✔ ok',
        '    ├── esx30-ws60/xp/xp.vmx  inner VM, winXPPro, HW 6: ✔ ok',
        '    └── esx30-ws60/xp64/xp64.vmx  inner VM, winXPPro-64, HW 7: ✖ 2 errors, 2 warnings',
        '',
        'esxi-8.0/amd',
        '└── esxi8-esxi7/esxi7/esxi7.vmx  outer VM, vmkernel7 (ESXi 7.0), HW 19: ✔ ok',
        '    ├── esxi8-esxi7/win2019/win2019.vmx  inner VM, windows2019srv-64, HW 19: ✔ ok',
        '    └── esxi8-esxi7/win2025/win2025.vmx  inner VM, windows2022srvNext-64, HW 21: ✖ 1 error',
        '',
        'workstation-17/intel',
        '└── ws17-esxi8/esxi8/esxi8.vmx  outer VM, vmkernel8 (ESXi 8.0), HW 20: ✔ ok',
        '    ├── ws17-esxi8/photon/photon.vmx  inner VM, vmware-photon-64, HW 22: ✖ 1 error, 2 warnings',
        '    └── ws17-esxi8/ubuntu/ubuntu.vmx  inner VM, ubuntu-64, HW 20: ✔ ok',
        '',
        'Run `vmxlint fixtures/labs` for the messages.',
        '',
      ].join('\n'),
    );
  });

  it('a missing outer and a plain VM: shown as such; a lab without errors exits 0', async () => {
    const cwd = project({
      'inner.vmx': '# vmxlint outer=gone/esxi.vmx\nguestOS = "ubuntu-64"\n',
      'plain.vmx': '.encoding = "UTF-8"\nguestOS = "ubuntu-64"\n',
    });
    dirs.push(cwd);
    const r = await runBin(['--no-config-lookup', '--lab', '.'], {cwd});
    expect(r.stdout).toContain('physical host not given\n└── gone/esxi.vmx (not in the linted directory)  outer VM: does not exist\n    └── inner.vmx  inner VM, ubuntu-64: ✖ 1 error');
    expect(r.stdout).toContain('not nested (no outer VM, no inner VMs)\n└── plain.vmx  not nested, ubuntu-64: ✔ ok');
    expect(r.code).toBe(1);
    fs.rmSync(path.join(cwd, 'inner.vmx'));
    expect((await runBin(['--no-config-lookup', '--lab', '.'], {cwd})).code).toBe(0);
  });

  it('bad usage: not a directory, or with file patterns: one line, exit 2', async () => {
    const r = await runBin(['--lab', 'nope'], {cwd: ROOT});
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'vmxlint: nope: not a directory (--lab takes a directory of VMs)\n']);
    const both = await runBin(['--lab', 'fixtures/labs', 'x.vmx'], {cwd: ROOT});
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^vmxlint: --lab takes one directory/);
  });
});

describe('--outer', () => {
  it('links every file named to that outer (not the outer itself), relative to the current directory', async () => {
    const cwd = copyLab('ws17-esxi8');
    fs.writeFileSync(path.join(cwd, 'ubuntu/ubuntu.vmx'), fs.readFileSync(path.join(cwd, 'ubuntu/ubuntu.vmx'), 'utf8').replace(/^# vmxlint .*\n/m, '').replace('numvcpus = "2"', 'numvcpus = "6"'));
    const r = await runBin(['--no-config-lookup', '-f', 'unix', '--outer', 'esxi8/esxi8.vmx', 'ubuntu/ubuntu.vmx', 'esxi8/esxi8.vmx'], {cwd});
    expect(r.stdout).toContain('ubuntu/ubuntu.vmx:8:12: `numvcpus` 6 is more than the outer VM `../esxi8/esxi8.vmx` has (4)');
    expect(r.stdout).not.toContain('cycle');
    expect(r.code).toBe(0);
  });

  it('a missing outer is one message on the inner: not fatal, nothing on stderr', async () => {
    const cwd = project({'inner.vmx': 'guestOS = "ubuntu-64"\n'});
    dirs.push(cwd);
    const r = await runBin(['--no-config-lookup', '-f', 'compact', '--rule', 'encoding-declared: off', '--outer', 'esxi.vmx', 'inner.vmx'], {cwd});
    expect([r.code, r.stderr]).toEqual([1, '']);
    expect(r.stdout.trim().split('\n')[0]).toMatch(/inner\.vmx: line 1, col 1, Error - The outer VM `esxi\.vmx` \(from the command line\) does not exist/);
    expect(r.stdout).toContain('1 problem');
  });
});

describe('settings.outer in a config', () => {
  it('is relative to the config file, for the files of its block', async () => {
    const cwd = copyLab('ws17-esxi8');
    const ubuntu = path.join(cwd, 'ubuntu/ubuntu.vmx');
    fs.writeFileSync(ubuntu, fs.readFileSync(ubuntu, 'utf8').replace(/^# vmxlint .*\n/m, '').replace('memsize = "4096"', 'memsize = "20000"'));
    fs.mkdirSync(path.join(cwd, 'conf'));
    fs.writeFileSync(path.join(cwd, 'conf/lab.json'), JSON.stringify(['vmxlint:recommended', {files: ['../ubuntu/**'], settings: {outer: '../esxi8/esxi8.vmx'}}]));
    const r = await runBin(['-c', 'conf/lab.json', '-f', 'unix', 'ubuntu', 'esxi8'], {cwd});
    expect(r.stdout).toContain('ubuntu/ubuntu.vmx:7:11: `memsize` 20000 MB does not fit in the outer VM `../esxi8/esxi8.vmx` (16384 MB)');
  });
});

describe('--print-config', () => {
  it('shows the resolved chain: each outer file, what it gives, the settings and where each came from', async () => {
    const r = await runBin(['--no-config-lookup', '--print-config', 'fixtures/labs/esxi8-esxi7/win2019/win2019.vmx'], {cwd: ROOT});
    expect(r.code).toBe(0);
    const outer = JSON.parse(r.stdout).outer;
    expect(outer).toEqual({
      outer: '../esxi7/esxi7.vmx',
      from: 'directive',
      chain: [
        {
          file: 'fixtures/labs/esxi8-esxi7/esxi7/esxi7.vmx',
          settings: {role: {value: 'outer', from: 'directive'}, host: {value: 'esxi-8.0', from: 'directive'}, cpu: {value: 'amd', from: 'directive'}},
          guestOS: 'vmkernel7',
          runs: 'ESXi 7.0',
        },
      ],
      gives: {host: 'esxi-8.0', cpu: 'amd', outerProduct: 'esxi-7.0', role: 'inner'},
      resolved: {
        outer: {value: '../esxi7/esxi7.vmx', from: 'directive'},
        role: {value: 'inner', from: 'outer'},
        host: {value: 'esxi-8.0', from: 'outer'},
        cpu: {value: 'amd', from: 'outer'},
        outerProduct: {value: 'esxi-7.0', from: 'outer'},
      },
    });
    const plain = await runBin(['--no-config-lookup', '--print-config', 'fixtures/labs/esxi8-esxi7/esxi7/esxi7.vmx'], {cwd: ROOT});
    expect(JSON.parse(plain.stdout).outer).toBeUndefined();
  });
});

describe('--cache', () => {
  it('keys an inner on its outer: editing only the outer re-lints the inner', async () => {
    const cwd = copyLab('ws17-esxi8');
    const args = ['--no-config-lookup', '--cache', '-f', 'unix', 'ubuntu'];
    const first = await runBin(args, {cwd});
    expect(first.stdout).not.toContain('memsize');
    expect((await runBin(args, {cwd})).stdout).toBe(first.stdout);
    const outer = path.join(cwd, 'esxi8/esxi8.vmx');
    fs.writeFileSync(outer, fs.readFileSync(outer, 'utf8').replace('memsize = "16384"', 'memsize = "4096"'));
    const after = await runBin(args, {cwd});
    expect(after.stdout).toContain('`memsize` 4096 MB does not fit in the outer VM `../esxi8/esxi8.vmx` (4096 MB)');
    const cache = JSON.parse(fs.readFileSync(path.join(cwd, '.vmxlintcache'), 'utf8')) as {files: unknown[][]};
    expect(cache.files[0][8]).toEqual([[outer, expect.any(String)]]);
  });
});

describe('JSON and SARIF name the outer file', () => {
  it('relatedLocations in both', async () => {
    const cwd = path.join(labs, 'esxi8-esxi7');
    const json = await runBin(['--no-config-lookup', '-f', 'json', 'win2025'], {cwd});
    const m = (JSON.parse(json.stdout) as Array<{messages: Array<{ruleId: string; relatedLocations?: unknown}>}>)[0].messages.find((x) => x.ruleId === 'inner-runs-in-outer')!;
    expect(m.relatedLocations).toEqual([{filePath: path.join(cwd, 'esxi7/esxi7.vmx'), line: 6, column: 1, endLine: 6, endColumn: 22, message: "the outer VM's guest: ESXi 7.0"}]);
    const sarif = await runBin(['--no-config-lookup', '-f', 'sarif', 'win2025'], {cwd});
    const result = JSON.parse(sarif.stdout).runs[0].results.find((x: {ruleId: string}) => x.ruleId === 'inner-runs-in-outer');
    expect(result.relatedLocations).toEqual([
      {id: 1, physicalLocation: {artifactLocation: {uri: 'esxi7/esxi7.vmx'}, region: {startLine: 6, startColumn: 1, endLine: 6, endColumn: 22}}, message: {text: "the outer VM's guest: ESXi 7.0"}},
    ]);
  });
});

describe('the README section "A whole lab"', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const lab = readme.slice(readme.indexOf('<!-- section: lab -->'), readme.indexOf('<!-- /section: lab -->'));
  const blocks = [...lab.matchAll(/^```\n\$ vmxlint (.*)\n([\s\S]*?)^```$/gm)].map((m) => ({args: m[1].split(' '), output: m[2]}));

  it('shows the real output of --lab and of the lint (the --print-config excerpt is checked above)', async () => {
    const shown = blocks.filter((b) => !b.args.includes('--print-config'));
    expect(shown.map((b) => b.args[0])).toEqual(['--lab', 'fixtures/labs/ws17-esxi8/photon']);
    for (const {args, output} of shown) expect((await runBin(args, {cwd: ROOT})).stdout).toBe(output);
  });
});
