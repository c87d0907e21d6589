/**
 * How a file's nested context is resolved: CLI > directive > config > inference, and inference
 * only where the candidates agree on what a check needs (src/engine/settings.ts, evidence.ts,
 * decide.ts).
 */
import {describe, expect, it} from '@jest/globals';
import {decide, nestedContext, type Scenario} from '../../src/engine/decide.js';
import {inferRole, looksNested, productsForHwVersion, readEvidence} from '../../src/engine/evidence.js';
import {howToSetAll, normalizeSettings} from '../../src/engine/settings.js';
import type {ResolvedSettings} from '../../src/engine/types.js';
import {parse} from '../../src/syntax/index.js';
import {ids, lintNested} from './_helpers.js';

const ctx = (text: string, settings: Omit<ResolvedSettings, 'sources'> = {}) => nestedContext(parse(text), {sources: {}, ...settings});

describe('inference from the file', () => {
  it.each([
    ['monitor_control.vt32 = "TRUE"\n', 'outer'],
    ['Monitor_Control.Enable_Svm = true\n', 'outer'],
    // W4: anti-VM-detection recipes set restrict_backdoor; alone it does not mean nesting
    ['monitor_control.restrict_backdoor = "TRUE"\n', undefined],
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

  it('W1: virtualHW.version narrows the product to every product that can power the VM on (and, for a host, nest)', () => {
    const six = productsForHwVersion(6).map((h) => h.id);
    expect(six).toEqual(expect.arrayContaining(['workstation-6.0', 'fusion-1.x', 'workstation-6.5', 'esx-4.0', 'workstation-17']));
    expect(six).not.toContain('esx-3.0'); // ESX 3.x runs up to hardware version 4
    expect(productsForHwVersion(5)).not.toEqual([]); // 5 is invalid, but every product from 6 on could run it
    const hw21 = productsForHwVersion(21).map((h) => h.id);
    expect(hw21).toEqual(expect.arrayContaining(['workstation-17.5', 'workstation-17.6', 'fusion-13.5', 'fusion-13.6', 'esxi-8.0', 'esxi-9.0']));
    expect(hw21).not.toContain('workstation-17');
  });

  it('narrows the host of an outer VM, the outer guest product of an inner VM, and nothing given', () => {
    const text = 'virtualHW.version = "7"\n';
    const hosts = ctx(text, {role: 'outer'}).hosts.map((h) => h.id);
    expect(hosts).toEqual(expect.arrayContaining(['esx-4.0', 'workstation-6.5', 'fusion-2.x', 'workstation-7.x', 'esxi-8.0']));
    expect(hosts).not.toContain('esx-3.5');
    expect(ctx(text, {role: 'inner'}).outerProducts.map((h) => h.id)).toEqual(hosts);
    expect(ctx(text, {role: 'inner'}).hosts.length).toBeGreaterThan(40);
    expect(ctx(text, {role: 'outer', host: 'esx-3.0'}).hosts.map((h) => h.id)).toEqual(['esx-3.0']);
  });

  it('hostHyperV narrows an unknown host to Workstation/Player 15.5 and later', () => {
    const hosts = ctx('virtualHW.version = "19"\n', {role: 'outer', hostHyperV: true}).hosts.map((h) => h.id);
    expect(hosts).toEqual(['workstation-16.2', 'workstation-17', 'workstation-17.5', 'workstation-17.6', 'workstation-25h2', 'player-16.2', 'player-17', 'player-17.5']);
  });
});

describe('decide: only where the candidates agree', () => {
  const keys = (text: string, settings: Omit<ResolvedSettings, 'sources'>) =>
    decide(ctx(text, settings), (s) => s.host.outerKeys[s.cpu]?.map((k) => k.key) ?? null);

  it('W1: hardware version 6 no longer pins Workstation 6.0 / Fusion 1.x: later products run it too, so the host is asked for', () => {
    // before: known, `workstation-6.0/intel or fusion-1.x/intel (from virtualHW.version 6)`
    expect(keys('virtualHW.version = "6"\n', {role: 'outer', cpu: 'intel'})).toEqual({known: false, missing: 'host'});
  });

  it('candidates that agree say where the answer comes from', () => {
    expect(keys('virtualHW.version = "20"\n', {role: 'outer', cpu: 'intel'})).toEqual({
      known: true,
      value: ['vhv.enable'],
      where: 'any of 12 hosts/intel (from `virtualHW.version` 20)',
    });
  });

  it('ESX 3.0, ESX 3.5 and Workstation 6.x do not: the host is asked for', () => {
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

  it('point 8: hostHyperV from a directive (any spelling) or a config, as a boolean; a bad value is a directive error', () => {
    const file = 'virtualHW.version = "20"\nguestOS = "vmkernel8"\nvhv.enable = "TRUE"\n';
    for (const directive of ['# vmxlint role=outer host=workstation-17 hostHyperV=true\n', '# vmxlint role=outer host=ws-17 host-hyper-v=TRUE\n']) {
      expect(ids(lintNested(directive + file))).toContain('modern-nested-virtualization/hostHyperV');
    }
    expect(ids(lintNested('# vmxlint role=outer host=workstation-17 hostHyperV=false\n' + file))).not.toContain('modern-nested-virtualization/hostHyperV');
    expect(normalizeSettings({hostHyperV: true})).toEqual({settings: {hostHyperV: true}, errors: []});
    expect(normalizeSettings({hostHyperV: 'maybe'}).errors).toEqual(['invalid hostHyperV "maybe": expected one of true, false']);
    expect(lintNested('# vmxlint hostHyperV=maybe\n').messages.map((m) => m.message)).toEqual(['Invalid `# vmxlint` directive: invalid hostHyperV "maybe": expected one of true, false']);
  });

  it('howToSetAll names every flag, directive pair and config key', () => {
    expect(howToSetAll(['host', 'amdFamily'])).toBe(
      'pass `--host` and `--amd-family`, add a `# vmxlint host=… amdFamily=…` comment to the file, or set `settings.host` and `settings.amdFamily` in the config',
    );
  });
});
