/** The nested-rule parts of the knowledge table (src/knowledge/hosts.ts) and their link to the registry. */
import {describe, expect, it} from '@jest/globals';
import {NEEDS} from '../../lib/rules/util/nested.js';
import {rules} from '../../lib/rules/index.js';
import fs from 'node:fs';
import {SOURCES, type SourceId} from '../../src/knowledge/sources.js';
import {
  E30,
  E30_RULES,
  HOSTS,
  MODERN,
  NESTED_INFO,
  ROLE_HINT_KEYS,
  existingCpus,
  isEsxiGuest,
  legacyOuterKey,
  NESTED_RULES_BY_FAMILY,
  resolveHost,
  ruleHoldsOn,
  toolsTraceOf,
} from '../../src/knowledge/hosts.js';

const host = (id: string) => resolveHost(id)!;

describe('which rules hold where', () => {
  it('names only registered rules, and every nested rule holds somewhere', () => {
    const listed = new Set(Object.values(NESTED_RULES_BY_FAMILY).flat());
    for (const id of listed) expect(Object.keys(rules)).toContain(id);
    for (const id of [...Object.keys(NEEDS), 'nested-context']) expect([id, listed.has(id)]).toEqual([id, true]);
    for (const id of Object.keys(E30_RULES)) expect(NESTED_RULES_BY_FAMILY.legacy).toContain(id);
  });

  it('the 2008-only rules do not hold on modern hosts; E30 rules only on ESX 3.0', () => {
    expect(ruleHoldsOn('inner-32bit-guest', host('workstation-6.5'))).toBe(true);
    expect(ruleHoldsOn('inner-32bit-guest', host('workstation-17'))).toBe(false);
    expect(ruleHoldsOn('inner-binary-translation', host('esxi-8.0'))).toBe(false);
    expect(ruleHoldsOn('modern-nested-virtualization', host('esx-4.0'))).toBe(false);
    expect(ruleHoldsOn('inner-allow-nested', host('esx-3.0'))).toBe(true);
    expect(ruleHoldsOn('inner-allow-nested', host('esx-3.5'))).toBe(false);
    expect(ruleHoldsOn('host-supports-nesting', host('workstation-5.x'))).toBe(true);
    expect(ruleHoldsOn('outer-virtualization-keys', host('workstation-5.x'))).toBe(false);
  });

  it('Fusion hosts have no AMD CPUs; from Fusion 13 on also Apple silicon', () => {
    expect(existingCpus(host('fusion-1.x'))).toEqual(['intel']);
    expect(existingCpus(host('fusion-12.2'))).toEqual(['intel']);
    expect(existingCpus(host('fusion-25h2'))).toEqual(['intel', 'apple']);
    expect(existingCpus(host('esx-3.5'))).toEqual(['intel', 'amd']);
  });

  it('ESXi guests are the vmkernel ids, in any case', () => {
    expect(['vmkernel', 'VMKERNEL65', 'arm-vmkernel8'].map(isEsxiGuest)).toEqual([true, true, true]);
    expect(['winHyperV', 'ubuntu-64', ''].map(isEsxiGuest)).toEqual([false, false, false]);
  });

  it('legacyOuterKey gives a 2008 key its value, case-insensitively', () => {
    expect(legacyOuterKey('MONITOR.VIRTUAL_MMU')).toEqual({key: 'monitor.virtual_mmu', value: 'hardware'});
    expect(legacyOuterKey('monitor_control.restrict_backdoor')?.value).toBe('TRUE');
    expect(legacyOuterKey('vhv.enable')).toBeUndefined();
  });
});

describe('Tools traces (E30-3)', () => {
  it.each([
    ['guestInfo.detailed.data', 'strong'],
    ['GUESTOS.DETAILED.DATA', 'strong'],
    ['toolsInstallManager.lastInstallError', 'strong'],
    ['tools.capability.verifiedSamlToken', 'strong'],
    ['tools.syncTime', 'weak'],
    ['toolScripts.afterResume', 'weak'],
    ['isolation.tools.copy.disable', 'restricts'],
  ])('%s is %s', (key, kind) => {
    expect(toolsTraceOf(key)?.kind).toBe(kind);
  });

  it('the two keys with a fix, and keys that are no trace', () => {
    expect(toolsTraceOf('tools.upgrade.policy')?.bad).toMatchObject({value: 'upgradeAtPowerCycle', fix: 'manual'});
    expect(toolsTraceOf('Tools.RemindInstall')?.bad).toMatchObject({value: 'TRUE', fix: 'FALSE'});
    expect(toolsTraceOf('toolsX.foo')).toBeUndefined();
    expect(toolsTraceOf('guestinfo.ip')).toBeUndefined();
  });
});

describe('point 13: every host row and nested fact carries its sources', () => {
  const ids = Object.keys(SOURCES) as SourceId[];

  it('every source has a title and a URL', () => {
    for (const id of ids) expect([id, SOURCES[id].title.length > 10, SOURCES[id].url]).toEqual([id, true, expect.stringMatching(/^https?:\/\/\S+$/)]);
  });

  it('every host row names at least one known source, and says whether it is verified', () => {
    for (const row of HOSTS) {
      expect([row.id, row.sources.length > 0, typeof row.verified]).toEqual([row.id, true, 'boolean']);
      for (const id of row.sources) expect([row.id, ids.includes(id)]).toEqual([row.id, true]);
    }
  });

  it('the nested facts name theirs', () => {
    for (const facts of [E30, ROLE_HINT_KEYS, MODERN, NESTED_INFO]) {
      expect(facts.sources.length).toBeGreaterThan(0);
      for (const id of facts.sources) expect(ids).toContain(id);
    }
  });

  it('docs/nested.md lists every source with its URL', () => {
    const page = fs.readFileSync(new URL('../../docs/nested.md', import.meta.url), 'utf8');
    for (const id of ids) expect([id, page.includes(`\`${id}\``), page.includes(SOURCES[id].url)]).toEqual([id, true, true]);
  });
});
