import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {ConfigArray, ConfigError} from '../../src/config/config-array.js';
import {ConfigLoader} from '../../src/runner/config-loader.js';
import {lintFiles} from '../../src/runner/lint-files.js';

let root: string;
const write = (rel: string, text: string) => {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, text);
  return file;
};
const OURS = ['no-duplicate-keys', 'no-invalid-lines'];
const ruleIds = (r: {messages: Array<{ruleId: string | null}>}) => r.messages.map((m) => m.ruleId).filter((id) => OURS.includes(id!));
const DUP = 'a = "1"\na = "1"\nbad line\n';

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-config-'));
});
afterAll(() => fs.rmSync(root, {recursive: true, force: true}));

describe('config blocks', () => {
  it('merges blocks in order, later blocks win, files globs are relative to the config', () => {
    const config = new ConfigArray(
      [
        'vmxlint:recommended',
        {files: ['templates/**/*.vmx'], rules: {'no-invalid-lines': 'warn'}, settings: {role: 'outer', host: 'ws-6.5', cpu: 'intel'}},
        {files: ['templates/legacy/*.vmx'], rules: {'no-invalid-lines': 'off'}},
      ],
      '/repo',
      'vmxlint.config.json',
    );
    const severity = (file: string) => config.forFile(file).rules.find((r) => r.id === 'no-invalid-lines')?.severity;
    expect(severity('/repo/other.vmx')).toBe('error');
    expect(severity('/repo/templates/a/x.vmx')).toBe('warn');
    expect(severity('/repo/templates/legacy/x.vmx')).toBeUndefined();
    expect(config.forFile('/repo/templates/a/x.vmx').settings).toEqual({role: 'outer', host: 'workstation-6.5', cpu: 'intel'});
  });

  it('an ignores-only block ignores files globally', () => {
    const config = new ConfigArray([{ignores: ['vendor/**']}], '/repo', 'c.json');
    expect(config.isIgnored('/repo/vendor/x.vmx')).toBe(true);
    expect(config.isIgnored('/repo/x.vmx')).toBe(false);
  });

  it('vmxlint:all enables every built-in rule', () => {
    const config = new ConfigArray(['vmxlint:all'], '/', 'c.json');
    expect(config.forFile('/x.vmx').rules.length).toBe(config.ruleDefs.size);
  });

  it.each([
    [[{rules: {'no-such-rule': 'error'}}], 'c.json: invalid config at `[0].rules.no-such-rule`: expected a known rule id (see `vmxlint --list-rules`)'],
    [[{rules: {'no-invalid-lines': 'loud'}}], 'c.json: invalid config at `[0].rules.no-invalid-lines`: expected "off", "info", "warn", "error" or [severity, options], got "loud"'],
    [[{rulez: {}}], 'c.json: invalid config at `[0].rulez`: expected one of name, files, ignores, rules, settings, plugins'],
    [['vmxlint:everything'], 'c.json: invalid config at `[0]`: expected "vmxlint:recommended", "vmxlint:all" or a config block, got "vmxlint:everything"'],
    [[{settings: {cpu: 'arm'}}], 'c.json: invalid config at `[0].settings`: expected a valid cpu "arm": expected one of intel, amd'],
  ])('rejects a bad config with one line naming file, key and expectation (%#)', (items, message) => {
    expect(() => new ConfigArray(items as never, '/', 'c.json')).toThrow(new ConfigError(message));
  });
});

describe('config discovery', () => {
  it('walks up from each file; the nearest config wins; package.json counts only with a "vmxlint" key', async () => {
    write('proj/package.json', JSON.stringify({name: 'x'}));
    write('proj/.vmxlintrc.json', JSON.stringify(['vmxlint:recommended', {rules: {'no-invalid-lines': 'off'}}]));
    write('proj/sub/package.json', JSON.stringify({vmxlint: ['vmxlint:recommended', {rules: {'no-duplicate-keys': 'off'}}]}));
    const a = write('proj/a.vmx', DUP);
    const b = write('proj/sub/deeper/b.vmx', DUP);
    const [ra, rb] = await lintFiles([a, b], {cwd: root});
    expect(ruleIds(ra)).toEqual(['no-duplicate-keys']);
    expect(ruleIds(rb)).toEqual(['no-invalid-lines']);
  });

  it('loads vmxlint.config.mjs with a plugin whose rules run like built-in ones', async () => {
    write(
      'plug/vmxlint.config.mjs',
      `export default [
        'vmxlint:recommended',
        {plugins: {acme: {rules: {'no-memsize': {
          meta: {type: 'problem', docs: {description: 'd', recommended: false, url: 'u'}, messages: {m: 'memsize is banned'}, schema: {}, defaultSeverity: 'warn'},
          defaultOptions: {},
          create: (context) => ({entry(node) { if (node.key === 'memsize') context.report({node, messageId: 'm'}); }}),
        }}}}, rules: {'acme/no-memsize': 'warn'}},
      ];`,
    );
    const file = write('plug/vm.vmx', 'memsize = "1"\n');
    const [r] = await lintFiles([file], {cwd: root});
    expect(r.messages.filter((m) => m.ruleId?.startsWith('acme/')).map((m) => [m.ruleId, m.severity, m.message])).toEqual([['acme/no-memsize', 1, 'memsize is banned']]);
  });

  it('validates rule options against the rule schema (ajv)', async () => {
    write('opts/vmxlint.config.json', JSON.stringify([{rules: {'no-duplicate-keys': ['error', {unknownOption: true}]}}]));
    const file = write('opts/vm.vmx', 'a = "1"\n');
    await expect(lintFiles([file], {cwd: root})).rejects.toThrow(/opts\/vmxlint\.config\.json: invalid config at `\[0\]\.rules\.no-duplicate-keys options`: expected options that match the rule's schema \(options must NOT have additional properties\)/);
  });

  it('reports an unloadable config file in one line', async () => {
    write('broken/vmxlint.config.json', '{not json');
    const file = write('broken/vm.vmx', 'a = "1"\n');
    await expect(lintFiles([file], {cwd: root})).rejects.toThrow(/broken\/vmxlint\.config\.json: cannot load config: /);
  });

  it('--config uses one file for everything and --rule overrides it', async () => {
    const cfg = write('explicit.json', JSON.stringify([{rules: {'no-invalid-lines': 'warn'}}]));
    const file = write('proj/sub/deeper/c.vmx', DUP);
    const [r] = await lintFiles([file], {cwd: root, configFile: cfg, rules: {'no-duplicate-keys': 'info'}});
    expect(r.messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['no-duplicate-keys', 0],
      ['no-invalid-lines', 1],
    ]);
  });

  it('without lookup uses the recommended preset only', async () => {
    const loader = new ConfigLoader({lookup: false, cwd: root});
    const config = await loader.forFile(path.join(root, 'proj/a.vmx'));
    expect(config.forFile(path.join(root, 'proj/a.vmx')).rules.map((r) => r.id)).toContain('no-invalid-lines');
  });
});
