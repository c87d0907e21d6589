/** The commands that print or write instead of linting: --list-rules, --list-hosts, --init. */
import {afterAll, describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {rules} from '../../lib/rules/index.js';
import {HOSTS} from '../../src/knowledge/hosts.js';
import {BAD_VMX, project, removeDir, runMain} from './helpers.js';

const dirs: string[] = [];
function make(files: Record<string, string> = {}): string {
  const dir = project(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(removeDir));

describe('--list-rules', () => {
  it('a table: one row per rule of the registry with id, fixable, default severity, description', async () => {
    const r = await runMain(['--list-rules'], {cwd: make()});
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^rule\s+fixable\s+default\s+type\s+recommended\s+description$/);
    expect(lines).toHaveLength(Object.keys(rules).length + 1);
    expect(r.stdout).toMatch(/^no-duplicate-keys\s+fix\s+error\s+problem\s+yes\s+Disallow the same key twice, in any letter case$/m);
    expect(r.stdout).toMatch(/^no-invalid-lines\s+-\s+error\s+problem\s+yes\s+/m);
    // every rule's type, as --fix-type takes it
    for (const [id, rule] of Object.entries(rules)) expect(r.stdout).toMatch(new RegExp(`^${id}\\s+\\S+\\s+\\S+\\s+${rule.meta.type}\\s`, 'm'));
    expect(new Set(Object.values(rules).map((rule) => rule.meta.type))).toEqual(new Set(['problem', 'suggestion', 'layout']));
  });

  it('-f json: the same as data', async () => {
    const list = JSON.parse((await runMain(['--list-rules', '-f', 'json'], {cwd: make()})).stdout);
    expect(list.map((r: {id: string}) => r.id)).toEqual(Object.keys(rules));
    expect(list.find((r: {id: string}) => r.id === 'no-duplicate-keys')).toMatchObject({fixable: true, type: 'problem', defaultSeverity: 'error', recommended: true, url: expect.stringContaining('docs/rules/no-duplicate-keys.md')});
    for (const r of list) expect(['problem', 'suggestion', 'layout']).toContain(r.type);
  });
});

describe('--list-hosts', () => {
  it('one row per host and CPU vendor, with the keys an outer VM needs', async () => {
    const r = await runMain(['--list-hosts'], {cwd: make()});
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // Intel and AMD for every host, and Apple silicon for Fusion 13 and later
    expect(lines).toHaveLength(HOSTS.length * 2 + HOSTS.filter((h) => h.apple.ok).length + 1);
    expect(r.stdout).toMatch(/^esx-3\.0\s+intel\s+monitor_control\.vt32 = "TRUE"/m);
    expect(r.stdout).toMatch(/^fusion-13\s+apple\s+\(nothing in the \.vmx\)\s+Apple silicon: Arm guests only/m);
    expect(r.stdout).toMatch(/^workstation-7\.x\s+intel\s+monitor\.virtual_exec = "hardware", monitor_control\.restrict_backdoor = "TRUE"\s+UNVERIFIED row; Unverified: /m);
    // a note is printed once, not repeated in the same row
    for (const line of lines) {
      const notes = line.split(/\s{2,}/).slice(3).join('  ').split('; ');
      expect(new Set(notes).size).toBe(notes.length);
    }
  });
});

describe('--list-hosts -f json (point 13)', () => {
  it('an array of hosts, each with its sources (title + URL) and whether its row is verified', async () => {
    const r = await runMain(['--list-hosts', '-f', 'json'], {cwd: make()});
    expect(r.code).toBe(0);
    const hosts = JSON.parse(r.stdout) as Array<{id: string; verified: boolean; sources: Array<{title: string; url: string}>; cpus: Record<string, unknown>}>;
    expect(hosts.map((h) => h.id)).toEqual(HOSTS.map((h) => h.id));
    for (const h of hosts) {
      expect([h.id, h.sources.length > 0, typeof h.verified]).toEqual([h.id, true, 'boolean']);
      for (const s of h.sources) expect([h.id, s.title.length > 0, s.url]).toEqual([h.id, true, expect.stringMatching(/^https?:\/\/\S+$/)]);
    }
    expect(hosts.find((h) => h.id === 'workstation-7.x')).toMatchObject({verified: false});
    expect(hosts.find((h) => h.id === 'esx-3.0')).toMatchObject({
      verified: true,
      sources: expect.arrayContaining([{title: expect.stringContaining('Running Nested VMs'), url: 'https://communities.vmware.com/docs/DOC-8970'}]),
      cpus: {intel: {canNest: true, outerKeys: [{key: 'monitor_control.vt32', value: 'TRUE'}]}, amd: {canNest: true}},
    });
    expect(Object.keys(hosts.find((h) => h.id === 'fusion-13')!.cpus)).toEqual(['intel', 'apple']);
  });
});

describe('--init', () => {
  it('without a terminal: writes the starter config and asks nothing; the config then lints', async () => {
    const cwd = make({'a.vmx': BAD_VMX});
    const r = await runMain(['--init'], {cwd});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Wrote vmxlint.config.json: the recommended rules for every .vmx and .vmtx. Set "settings" (role, host, cpu) for nested VMs.\n');
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'vmxlint.config.json'), 'utf8'))).toEqual([
      'vmxlint:recommended',
      {files: ['**/*.vmx', '**/*.vmtx'], rules: {}, settings: {}},
    ]);
    const lint = await runMain(['-f', 'unix', 'a.vmx'], {cwd});
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('no-duplicate-keys');
  });

  it('refuses to overwrite an existing config (exit 2)', async () => {
    const cwd = make({'.vmxlintrc.json': '[]'});
    const r = await runMain(['--init'], {cwd});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.vmxlintrc.json already exists: not overwritten');
    expect(fs.existsSync(path.join(cwd, 'vmxlint.config.json'))).toBe(false);
  });

  it('on a terminal: asks role, host, CPU (and AMD family), re-asks a bad answer, writes the settings', async () => {
    const cwd = make();
    const answers = ['outer', 'esx-99', 'esx-3.0', 'AMD', '10h', 'y'];
    const r = await runMain(['--init'], {cwd, input: answers, stdinTTY: true, stdoutTTY: true});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Role of the VMs here (outer/inner/none; empty: mixed or unknown): ');
    expect(r.stdout).toContain('unknown host "esx-99"');
    expect(r.stdout).toContain('AMD processor family');
    expect(r.stdout).toContain('Wrote vmxlint.config.json: every rule for every .vmx and .vmtx.');
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'vmxlint.config.json'), 'utf8'))).toEqual([
      'vmxlint:all',
      {files: ['**/*.vmx', '**/*.vmtx'], rules: {}, settings: {role: 'outer', host: 'esx-3.0', cpu: 'amd', amdFamily: '10h'}},
    ]);
  });

  it('on a terminal, empty answers keep the defaults', async () => {
    const cwd = make();
    const r = await runMain(['--init'], {cwd, input: ['', '', '', ''], stdinTTY: true, stdoutTTY: true});
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'vmxlint.config.json'), 'utf8'))[0]).toBe('vmxlint:recommended');
  });
});
