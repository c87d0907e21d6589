/**
 * How a file's nested context is resolved: CLI > directive > config > inference, and inference
 * only where the candidates agree on what a check needs (src/engine/settings.ts).
 */
import {describe, expect, it} from '@jest/globals';
import {decide, howToSetAll, inferRole, looksNested, nestedContext, productsForHwVersion, readEvidence, type Scenario} from '../../src/engine/settings.js';
import type {ResolvedSettings} from '../../src/engine/types.js';
import {parse} from '../../src/syntax/index.js';
import {ids, lintNested} from './_helpers.js';

const ctx = (text: string, settings: Omit<ResolvedSettings, 'sources'> = {}) => nestedContext(parse(text), {sources: {}, ...settings});

describe('inference from the file', () => {
  it.each([
    ['monitor_control.vt32 = "TRUE"\n', 'outer'],
    ['Monitor_Control.Restrict_Backdoor = true\n', 'outer'],
    ['vhv.enable = "TRUE"\n', 'outer'],
    ['vmx.allowNested = "TRUE"\n', 'inner'],
    ['vhv.enable = "FALSE"\n', undefined],
    ['monitor_control.vt32 = "TRUE"\nvmx.allowNested = "TRUE"\n', undefined],
    ['guestOS = "vmkernel7"\n', undefined],
    ['monitor.virtual_exec = "hardware"\n', undefined],
  ])('%j → role %s', (text, role) => {
    expect(inferRole(parse(text))).toBe(role);
  });

  it('a hypervisor guest is a hint for nested-context, not a role', () => {
    const e = readEvidence(parse('guestOS = "winHyperV"\n'));
    expect(e.hypervisorGuest?.value).toBe('winHyperV');
    expect(looksNested(e)).toBe(true);
    expect(looksNested(readEvidence(parse('guestOS = "ubuntu-64"\nvhv.enable = "FALSE"\n')))).toBe(false);
  });

  it('an empty encryption.data is not an encrypted file', () => {
    expect(readEvidence(parse('encryption.data = "QUJD"\n')).encrypted).toBeDefined();
    expect(readEvidence(parse('encryption.data = ""\n')).encrypted).toBeUndefined();
  });

  it('virtualHW.version narrows the product: the doc\'s table for 4/6/7, then every product that can power the VM on', () => {
    expect(productsForHwVersion(6).map((h) => h.id)).toEqual(['workstation-6.0', 'fusion-1.x']);
    expect(productsForHwVersion(3)).toEqual([]);
    const hw21 = productsForHwVersion(21).map((h) => h.id);
    expect(hw21).toEqual(expect.arrayContaining(['workstation-17.5', 'fusion-13.5', 'esxi-8.0', 'esxi-9.0']));
    expect(hw21).not.toContain('workstation-17');
  });

  it('narrows the host of an outer VM, the outer guest product of an inner VM, and nothing given', () => {
    const text = 'virtualHW.version = "7"\n';
    expect(ctx(text, {role: 'outer'}).hosts.map((h) => h.id)).toEqual(['esx-4.0', 'workstation-6.5', 'fusion-2.x']);
    expect(ctx(text, {role: 'inner'}).outerProducts.map((h) => h.id)).toEqual(['esx-4.0', 'workstation-6.5', 'fusion-2.x']);
    expect(ctx(text, {role: 'inner'}).hosts.length).toBeGreaterThan(40);
    expect(ctx(text, {role: 'outer', host: 'esx-3.0'}).hosts.map((h) => h.id)).toEqual(['esx-3.0']);
  });
});

describe('decide: only where the candidates agree', () => {
  const keys = (text: string, settings: Omit<ResolvedSettings, 'sources'>) =>
    decide(ctx(text, settings), (s) => s.host.outerKeys[s.cpu]?.map((k) => k.key) ?? null);

  it('Workstation 6.0 and Fusion 1.x agree on Intel, and the message says where the answer comes from', () => {
    expect(keys('virtualHW.version = "6"\n', {role: 'outer', cpu: 'intel'})).toEqual({
      known: true,
      value: ['monitor_control.vt32', 'monitor_control.restrict_backdoor'],
      where: 'workstation-6.0/intel or fusion-1.x/intel (from `virtualHW.version` 6)',
    });
  });

  it('ESX 3.0, ESX 3.5 and Workstation 5.x do not: the host is asked for', () => {
    expect(keys('virtualHW.version = "4"\n', {role: 'outer', cpu: 'intel'})).toEqual({known: false, missing: 'host'});
  });

  it('a CPU that changes the answer is asked for; one that does not is not', () => {
    expect(keys('', {role: 'outer', host: 'esx-3.0'})).toEqual({known: false, missing: 'cpu'});
    expect(keys('', {role: 'outer', host: 'workstation-6.5'})).toMatchObject({known: true, where: 'workstation-6.5'});
  });

  it('a check that reads nothing needs nothing', () => {
    expect(decide(ctx(''), () => 42)).toEqual({known: true, value: 42, where: 'this host'});
  });

  it('remembers an answer per check and context shape, never across shapes', () => {
    // one check function (remembered) against a fresh wrapper each time (never remembered), interleaved
    const check = (s: Scenario) => [s.host.family, s.host[s.cpu].ok, s.amdFamily];
    const product = (s: Scenario) => s.outerProduct.product;
    const shapes: Array<[string, Omit<ResolvedSettings, 'sources'>]> = [
      ['virtualHW.version = "7"\n', {role: 'outer'}],
      ['virtualHW.version = "6"\n', {role: 'outer', cpu: 'intel'}],
      ['virtualHW.version = "7"\n', {role: 'inner'}],
      ['virtualHW.version = "7"\n', {role: 'outer', host: 'esx-4.0'}],
      ['', {role: 'outer', host: 'esx-4.0', cpu: 'amd'}],
      ['', {role: 'outer', host: 'esx-4.0', cpu: 'amd', amdFamily: '10h'}],
      ['', {role: 'outer', host: 'workstation-6.5', cpu: 'intel'}],
      ['', {role: 'inner', host: 'esx-3.0', outerProduct: 'workstation-6.0'}],
      ['', {role: 'inner', host: 'esx-3.0', outerProduct: 'esx-3.5'}],
      ['', {role: 'inner', host: 'esx-3.0'}],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [text, settings] of shapes) {
        for (const f of [check, product] as Array<(s: Scenario) => unknown>) {
          expect([text, settings, decide(ctx(text, settings), f)]).toEqual([text, settings, decide(ctx(text, settings), (s) => f(s))]);
        }
      }
    }
    expect(decide(ctx('', {role: 'outer', host: 'esx-4.0', cpu: 'amd', amdFamily: '10h'}), check)).toEqual({
      known: true,
      value: ['legacy', true, '10h'],
      where: 'esx-4.0/amd',
    });
  });
});

describe('resolution order: CLI > directive > config > inference', () => {
  const file = '# vmxlint role=outer host=esx-3.5 cpu=intel\nvmx.allowNested = "TRUE"\n';

  it('the directive beats the inferred role', () => {
    expect(ids(lintNested(file))).toContain('host-supports-nesting/cannotNest');
  });

  it('CLI flags beat the directive', () => {
    expect(ids(lintNested(file, {settings: {host: 'esx-3.0'}}))).not.toContain('host-supports-nesting/cannotNest');
    expect(ids(lintNested(file, {settings: {role: 'none'}}))).toEqual([]);
  });

  it('howToSetAll names every flag, directive pair and config key', () => {
    expect(howToSetAll(['host', 'amdFamily'])).toBe(
      'pass `--host` and `--amd-family`, add a `# vmxlint host=… amdFamily=…` comment to the file, or set `settings.host` and `settings.amdFamily` in the config',
    );
  });
});
