import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from '@jest/globals';
import {
  E30,
  GUEST_OS_IDS,
  HOSTS,
  HW_VERSIONS,
  INNER_FORCING_KEYS,
  KNOWN_KEYS,
  LEGACY_OUTER_KEYS,
  MAX_KNOWN_HW_VERSION,
  MODERN,
  canonicalGuestOs,
  canonicalKey,
  foreignOuterKeys,
  guestBitness,
  hostIds,
  hwVersionInfo,
  isHypervisorGuest,
  isKnownGuestOs,
  isKnownHwVersion,
  lookupKey,
  nearestGuestOs,
  nearestKey,
  outerKeysFor,
  productAtLeast,
  resolveHost,
  supportFor,
} from '../src/knowledge/index.js';
import {productsForHwVersion} from '../src/engine/evidence.js';
import type {HostRow} from '../src/knowledge/index.js';

const host = (id: string): HostRow => {
  const row = resolveHost(id);
  if (!row) throw new Error(`no host ${id}`);
  return row;
};
const keysOf = (id: string, cpu: 'intel' | 'amd') => outerKeysFor(host(id), cpu)?.map((k) => `${k.key}=${k.value}`);

describe('hosts: "Keys the OUTER vmx must contain" (requirements doc)', () => {
  const VT32 = 'monitor_control.vt32=TRUE';
  const SVM = 'monitor_control.enable_svm=TRUE';
  const RB = 'monitor_control.restrict_backdoor=TRUE';
  const EXEC = 'monitor.virtual_exec=hardware';
  const MMU = 'monitor.virtual_mmu=hardware';
  const table: Array<[string, 'intel' | 'amd', string[]]> = [
    ['esx-3.0', 'intel', [VT32]],
    ['esx-3.0', 'amd', [SVM]],
    ['workstation-6.0', 'intel', [VT32, RB]],
    ['fusion-1.x', 'intel', [VT32, RB]],
    ['workstation-6.0', 'amd', [SVM, RB]],
    ['esx-3.5', 'amd', [MMU, RB]],
    ['workstation-6.5', 'intel', [EXEC, RB]],
    ['workstation-6.5', 'amd', [EXEC, RB]],
    ['fusion-2.x', 'intel', [EXEC, RB]],
    ['esx-4.0', 'intel', [EXEC, RB]],
    ['esx-4.0', 'amd', [EXEC, RB]],
  ];
  it.each(table)('%s on %s needs exactly its row', (id, cpu, keys) => {
    expect(keysOf(id, cpu)).toEqual(keys);
    expect(host(id).family).toBe('legacy');
  });

  it('ESX 3.5 on Intel is impossible: no keys, no fix', () => {
    expect(host('esx-3.5').intel).toEqual({ok: false, note: 'You cannot run nested VMs on Intel systems when the host is running ESX 3.5 (ESX 3.0, ESX 4.0 and Workstation 6.x can)'});
    expect(outerKeysFor(host('esx-3.5'), 'intel')).toBeUndefined();
    expect(foreignOuterKeys(host('esx-3.5'), 'intel')).toEqual([]);
  });

  it('records the AMD family limits', () => {
    expect(host('esx-3.5').amd.amdFamilies).toEqual(['10h']);
    expect(host('workstation-6.0').amd.amdFamilies).toEqual(['0fh-revf', '0fh-revg', '10h']);
    expect(host('workstation-6.5').amd.amdFamilies).toEqual(['10h']);
    expect(host('esx-4.0').amd.amdFamilies).toEqual(['10h']);
    expect(host('esx-3.0').amd).toMatchObject({ok: true});
    expect(supportFor(host('workstation-6.5'), 'amd', '0fh-revf').ok).toBe(false);
    expect(supportFor(host('workstation-6.0'), 'amd', '0fh-revg').ok).toBe(true);
    expect(supportFor(host('esx-4.0'), 'amd').ok).toBe(true);
  });

  it('Fusion has no AMD row', () => {
    for (const id of ['fusion-1.x', 'fusion-2.x', 'fusion-13']) {
      expect(host(id).amd).toEqual({ok: false, note: 'There are no AMD Macs'});
      expect(outerKeysFor(host(id), 'amd')).toBeUndefined();
    }
  });

  it('products older than the table cannot nest', () => {
    for (const id of ['esx-2.x', 'workstation-5.x']) {
      const row = host(id);
      expect(row.family).toBe('too-old');
      expect(row.intel.ok).toBe(false);
      expect(row.amd.ok).toBe(false);
      expect(row.outerKeys).toEqual({});
    }
  });

  it('only ESX 3.0 carries the E30 rules', () => {
    expect(HOSTS.filter((h) => h.e30).map((h) => h.id)).toEqual(['esx-3.0']);
    expect(E30.innerKey).toEqual({key: 'vmx.allowNested', value: 'TRUE'});
  });
});

describe('hosts: modern products', () => {
  it('Workstation 8+, Player 4+, Fusion 4+, ESXi 5.1+ need vhv.enable = TRUE', () => {
    for (const id of ['workstation-8', 'workstation-17', 'workstation-17.5', 'player-4', 'player-17', 'fusion-4', 'fusion-13', 'esxi-5.1', 'esxi-8.0', 'esxi-9.0']) {
      expect(keysOf(id, 'intel')).toEqual(['vhv.enable=TRUE']);
      expect(host(id).family).toBe('modern');
    }
    expect(keysOf('esxi-7.0', 'amd')).toEqual(['vhv.enable=TRUE']);
  });

  it('W2: Workstation 8, Player 4, Fusion 4 and ESXi 5.0 nest at hardware version 8, their maximum; the rest from 9', () => {
    for (const id of ['workstation-8', 'player-4', 'fusion-4', 'esxi-5.0']) expect([id, host(id).minHwVersionForNesting]).toEqual([id, 8]);
    for (const id of ['workstation-9', 'workstation-17', 'player-5', 'fusion-13', 'esxi-5.1', 'esxi-9.0']) expect([id, host(id).minHwVersionForNesting]).toEqual([id, 9]);
    // never advise a version above the host's maximum
    for (const row of HOSTS.filter((h) => h.family === 'modern')) expect(row.minHwVersionForNesting!).toBeLessThanOrEqual(row.maxHwVersion!);
  });

  it('W6: what EPT/RVI gates, per host family', () => {
    expect(host('esxi-5.1').intel.note).toMatch(/VT-x alone runs only 32-bit nested guests; 64-bit nested guests need EPT/);
    expect(host('esxi-5.5').amd.note).toMatch(/64-bit nested guests need RVI/);
    for (const id of ['workstation-17', 'player-17', 'fusion-13', 'esxi-6.0', 'esxi-8.0']) {
      expect([id, host(id).intel.note]).not.toEqual([id, expect.stringMatching(/32-bit/)]);
    }
    expect(host('workstation-17').intel.note).toMatch(/needs VT-x with EPT.*refuse virtualized HV without EPT/);
    expect(host('workstation-17').amd.note).toMatch(/needs AMD-V with RVI/);
  });

  it('W7: Fusion 13 and later run on Apple silicon, with nothing demanded and nesting undocumented', () => {
    for (const id of ['fusion-13', 'fusion-13.6', 'fusion-25h2']) {
      expect(host(id).apple).toMatchObject({ok: true, undocumented: true});
      expect(outerKeysFor(host(id), 'apple')).toEqual([]);
    }
    for (const id of ['fusion-12.2', 'workstation-17', 'esxi-8.0', 'esx-3.0']) expect([id, host(id).apple.ok]).toEqual([id, false]);
  });

  it('point 9: the releases between the 2009 rows, marked unverified, with the Workstation 6.5 / ESX 4.0 keys', () => {
    for (const id of ['workstation-7.x', 'player-3.x', 'fusion-3.x', 'esx-4.1', 'server-2.x']) {
      expect([id, host(id).verified, host(id).maxHwVersion, keysOf(id, 'intel')]).toEqual([id, false, 7, ['monitor.virtual_exec=hardware', 'monitor_control.restrict_backdoor=TRUE']]);
    }
    expect(host('fusion-3.x').amd.ok).toBe(false);
    expect(productAtLeast(host('server-2.x'), E30.minOuterProducts)).toBe(true);
    expect(productAtLeast(host('player-3.x'), E30.minOuterProducts)).toBe(true);
    expect(HOSTS.filter((h) => !h.verified).map((h) => h.id)).toEqual(['workstation-7.x', 'player-3.x', 'fusion-3.x', 'esx-4.1', 'server-2.x']);
  });

  it('point 8: Workstation and Player from 15.5 on know Host VBS mode', () => {
    expect(HOSTS.filter((h) => h.hostVbsMode).map((h) => h.id)).toEqual([
      'workstation-15.5', 'workstation-16', 'workstation-16.2', 'workstation-17', 'workstation-17.5', 'workstation-17.6', 'workstation-25h2',
      'player-15.5', 'player-16', 'player-16.2', 'player-17', 'player-17.5',
    ]);
  });

  it('ESXi 5.0 needs nothing in the .vmx but vhv.allow host-wide', () => {
    const row = host('esxi-5.0');
    expect(row.outerKeys).toEqual({intel: [], amd: []});
    expect(row.hostConfig).toEqual({path: '/etc/vmware/config', keys: [{key: 'vhv.allow', value: 'TRUE'}]});
    expect(MODERN.hostWide.key).toEqual({key: 'vhv.allow', value: 'TRUE'});
  });

  it('states the modern facts', () => {
    expect(MODERN.outerKeys).toEqual([{key: 'vhv.enable', value: 'TRUE'}]);
    expect(MODERN.minHwVersion).toBe(9);
    expect(MODERN.noEffectBelowHw).toBe(8);
    expect(MODERN.hyperVKey).toEqual({key: 'hypervisor.cpuid.v0', value: 'FALSE'});
    expect(MODERN.obsoleteKeys).toEqual(['monitor_control.vt32', 'monitor_control.enable_svm', 'monitor_control.restrict_backdoor', 'vmx.allowNested']);
    expect(MODERN.optional).toEqual([
      {key: 'featMask.vm.hv.capable', value: 'Min:1'},
      {key: 'vpmc.enable', value: 'TRUE'},
    ]);
    expect(host('workstation-9').vhvFullySupported).toBe(false);
    expect(host('workstation-10').vhvFullySupported).toBe(true);
    expect(host('fusion-6').vhvFullySupported).toBe(true);
  });

  it('every maxHwVersion is a valid hardware version, rising within a product', () => {
    for (const row of HOSTS) expect(isKnownHwVersion(row.maxHwVersion!)).toBe(true);
    const lines = [['esx', 'esxi'], ['workstation'], ['player'], ['fusion'], ['server']];
    for (const line of lines) {
      const rows = HOSTS.filter((h) => line.includes(h.product)).sort((a, b) => a.version - b.version);
      const max = rows.map((h) => h.maxHwVersion!);
      expect(max).toEqual([...max].sort((a, b) => a - b));
    }
    expect(host('esx-3.0').maxHwVersion).toBe(4);
    expect(host('workstation-6.5').maxHwVersion).toBe(7);
    expect(host('workstation-17').maxHwVersion).toBe(20);
    expect(host('esxi-8.0').maxHwVersion).toBe(21);
  });
});

describe('hosts: names', () => {
  it.each([
    ['ws-6.5', 'workstation-6.5'],
    ['Workstation 6.5', 'workstation-6.5'],
    ['workstation6.5', 'workstation-6.5'],
    [' WORKSTATION-6.5 ', 'workstation-6.5'],
    ['esx3.0', 'esx-3.0'],
    ['ESX 3.5', 'esx-3.5'],
    ['fusion-2', 'fusion-2.x'],
    ['fusion-2.1', 'fusion-2.x'],
    ['ws-5.5', 'workstation-5.x'],
    ['ws17', 'workstation-17'],
    ['VMware Workstation 17', 'workstation-17'],
    ['workstation-17.0', 'workstation-17'],
    ['workstation-17.5.1', 'workstation-17.5'],
    ['vmplayer-16', 'player-16'],
    ['esxi-7', 'esxi-7.0'],
    ['esxi-7.0.3', 'esxi-7.0'],
    ['esx-7.0', 'esxi-7.0'],
    ['esx-9.0', 'esxi-9.0'],
    ['Workstation 7', 'workstation-7.x'],
    ['workstation-7.1', 'workstation-7.x'],
    ['ESX 4.1', 'esx-4.1'],
    ['esxi-4.1', 'esx-4.1'],
    ['Fusion 3.1', 'fusion-3.x'],
    ['player-3', 'player-3.x'],
    ['Server 2.0', 'server-2.x'],
    ['workstation-17.6', 'workstation-17.6'],
    ['workstation-17.6.4', 'workstation-17.6'],
    ['Fusion 13.6', 'fusion-13.6'],
    ['player-16.2', 'player-16.2'],
    ['player-17.5', 'player-17.5'],
    ['workstation-15.5', 'workstation-15.5'],
    // a release between known ones: the newest row at or below it
    ['workstation-16.1', 'workstation-16'],
    ['fusion-12.1', 'fusion-12'],
    ['esxi-6.7.0', 'esxi-6.7'],
  ])('%s → %s', (name, id) => {
    expect(resolveHost(name)?.id).toBe(id);
  });

  it.each(['', 'esx-3', 'esx-4', 'workstation-6', 'esxi-6', 'workstation-18', 'esx-9.9', 'fusion-25.1', 'hyper-v', 'workstation-99', 'esx-3.0-intel'])(
    '%s is not a host',
    (name) => {
      expect(resolveHost(name)).toBeUndefined();
    },
  );

  it('every id resolves to its own row and is listed once', () => {
    const ids = hostIds();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(resolveHost(id)?.id).toBe(id);
    for (const row of HOSTS) for (const alias of row.aliases) expect(resolveHost(alias)).toBe(row);
    expect(ids).toEqual(expect.arrayContaining(['esx-3.0', 'esx-3.5', 'esx-4.0', 'workstation-6.0', 'workstation-6.5', 'fusion-1.x', 'fusion-2.x', 'esx-2.x', 'workstation-5.x', 'esxi-5.0']));
  });
});

describe('hosts: derived facts', () => {
  it('LEGACY_OUTER_KEYS is the union of the legacy table', () => {
    expect([...LEGACY_OUTER_KEYS].sort()).toEqual(
      ['monitor.virtual_exec', 'monitor.virtual_mmu', 'monitor_control.enable_svm', 'monitor_control.restrict_backdoor', 'monitor_control.vt32'],
    );
  });

  it('foreignOuterKeys lists the other rows\' keys', () => {
    expect(foreignOuterKeys(host('workstation-6.5'), 'intel').sort()).toEqual(['monitor.virtual_mmu', 'monitor_control.enable_svm', 'monitor_control.vt32']);
    expect(foreignOuterKeys(host('esx-3.0'), 'intel')).not.toContain('monitor_control.vt32');
    expect(foreignOuterKeys(host('esx-3.0'), 'intel')).toContain('monitor_control.enable_svm');
    expect(foreignOuterKeys(host('workstation-17'), 'intel')).toEqual([]);
  });

  it('productAtLeast: Workstation 6.0+ or ESX 3.5+ (E30-2)', () => {
    const ok = (id: string) => productAtLeast(host(id), E30.minOuterProducts);
    expect(ok('workstation-6.0')).toBe(true);
    expect(ok('workstation-17')).toBe(true);
    expect(ok('player-4')).toBe(true);
    expect(ok('esx-3.5')).toBe(true);
    expect(ok('esxi-5.0')).toBe(true);
    expect(ok('workstation-5.x')).toBe(false);
    expect(ok('esx-3.0')).toBe(false);
    expect(ok('fusion-2.x')).toBe(false);
  });

  it('W1: a hardware version names the oldest product that runs the VM; every later product that can nest fits it', () => {
    const ids = (hw: number) => productsForHwVersion(hw).map((h) => h.id);
    // before: 4 → esx-3.0, esx-3.5, workstation-5.x (Workstation 5.x cannot nest; Workstation 6.x, Fusion, ESX 4.0 run HW 4)
    expect(ids(4)).toEqual(expect.arrayContaining(['esx-3.0', 'esx-3.5', 'workstation-6.0', 'workstation-6.5', 'fusion-1.x', 'fusion-2.x', 'esx-4.0', 'workstation-17', 'esxi-8.0']));
    expect(ids(4)).not.toContain('workstation-5.x');
    expect(ids(6)).toEqual(expect.arrayContaining(['workstation-6.0', 'fusion-1.x', 'workstation-6.5', 'esx-4.0', 'fusion-4']));
    expect(ids(6)).not.toContain('esx-3.0');
    expect(ids(7)).toEqual(expect.arrayContaining(['esx-4.0', 'workstation-6.5', 'fusion-2.x', 'workstation-7.x', 'esx-4.1', 'workstation-8', 'esxi-5.0']));
    expect(ids(19).every((id) => (host(id).maxHwVersion ?? 0) >= 19)).toBe(true);
    expect(ids(3).some((id) => host(id).family === 'too-old')).toBe(false);
    expect(productsForHwVersion(4, false).map((h) => h.id)).toContain('workstation-5.x');
  });

  it('G2: the keys that force hardware execution', () => {
    expect(INNER_FORCING_KEYS.map((k) => `${k.key}=${k.value}`)).toEqual([
      'monitor.virtual_exec=hardware',
      'monitor.virtual_mmu=hardware',
      'monitor_control.vt32=TRUE',
      'monitor_control.enable_svm=TRUE',
    ]);
  });
});

describe('guest OS ids', () => {
  it.each([
    ['ubuntu-64', '64'],
    ['winXPPro-64', '64'],
    ['OTHER26XLINUX-64', '64'],
    ['vmkernel65', '64'],
    ['vmkernel', '64'],
    ['winHyperV', '64'],
    ['winhyperv', '64'],
    ['arm-ubuntu-64', '64'],
    ['winXPPro', '32'],
    ['winxppro', '32'],
    ['rhel5', '32'],
    ['other', '32'],
    ['winServer2008Standard-32', '32'],
    ['beos', 'unknown'],
    ['', 'unknown'],
  ] as const)('guestBitness(%j) is %s', (id, bits) => {
    expect(guestBitness(id)).toBe(bits);
  });

  it('knows hypervisor guests', () => {
    expect(isHypervisorGuest('vmkernel7')).toBe(true);
    expect(isHypervisorGuest('VMKERNEL9')).toBe(true);
    expect(isHypervisorGuest('winHyperV')).toBe(true);
    expect(isHypervisorGuest('windows9-64')).toBe(false);
  });

  it('spells ids as VMware does and suggests close ones', () => {
    expect(canonicalGuestOs('WINXPPRO')).toBe('winXPPro');
    expect(isKnownGuestOs('Windows2019srvNext-64')).toBe(true);
    expect(new Set(GUEST_OS_IDS.map((g) => g.toLowerCase())).size).toBe(GUEST_OS_IDS.length);
    expect(nearestGuestOs('ubuntu64')).toBe('ubuntu-64');
    expect(nearestGuestOs('windows10-64')).toBe('windows9-64');
    expect(nearestGuestOs('ubuntu-64')).toBeUndefined();
    expect(nearestGuestOs('UBUNTU-64')).toBeUndefined();
    expect(nearestGuestOs('plan9')).toBeUndefined();
  });

  const corpus = new URL('../../shared/corpus/', import.meta.url);
  const haveCorpus = existsSync(fileURLToPath(corpus));
  if (!haveCorpus) console.warn(`knowledge.test: ${fileURLToPath(corpus)} is absent: the corpus guestOS check is skipped`);
  (haveCorpus ? it : it.skip)('knows every guestOS of the real files in ../shared/corpus', () => {
    const dir = fileURLToPath(corpus);
    const ids = new Set<string>();
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.vmx'))) {
      const text = readFileSync(`${dir}${name}`, 'latin1');
      for (const m of text.matchAll(/^[ \t]*guestOS[ \t]*=[ \t]*"?([^"\s#]*)/gim)) ids.add(m[1]);
    }
    expect(ids.size).toBeGreaterThan(10);
    expect([...ids].filter((id) => !isKnownGuestOs(id))).toEqual([]);
  });
});

describe('hardware versions', () => {
  it('3, 4 and 6–22 are known; 5 is invalid', () => {
    expect(HW_VERSIONS.map((h) => h.version)).toEqual([3, 4, 5, ...Array.from({length: 17}, (_, i) => i + 6)]);
    expect(isKnownHwVersion(5)).toBe(false);
    expect(hwVersionInfo(5)?.valid).toBe(false);
    expect(isKnownHwVersion(2)).toBe(false);
    expect(isKnownHwVersion(23)).toBe(false);
    expect(isKnownHwVersion(7)).toBe(true);
    expect(hwVersionInfo(7)?.desktop).toContain('Workstation 6.5');
    expect(hwVersionInfo(8)?.server).toBe('ESXi 5.0');
    expect(MAX_KNOWN_HW_VERSION).toBe(22);
  });
});

describe('well-known keys', () => {
  it('knows booleans, patterns and namespaces case-insensitively', () => {
    expect(lookupKey('ETHERNET0.Present')?.type).toBe('boolean');
    expect(lookupKey('ethernet0.present')?.key).toBe('ethernet#.present');
    expect(lookupKey('scsi0:1.present')?.type).toBe('boolean');
    expect(lookupKey('sata0:1.deviceType')?.type).toBe('string');
    expect(lookupKey('usb_xhci:4.present')?.type).toBe('boolean');
    expect(lookupKey('monitor_control.vt32')?.type).toBe('boolean');
    expect(lookupKey('vmx.allownested')?.key).toBe('vmx.allowNested');
    expect(lookupKey('memsize')?.type).toBe('number');
    expect(lookupKey('tools.upgrade.policy')).toEqual({key: 'tools.upgrade.policy', type: 'enum', values: ['manual', 'upgradeAtPowerCycle', 'useGlobal']});
    expect(lookupKey('guestinfo.my.own.key')?.key).toBe('guestinfo.*');
    expect(lookupKey('guestInfo.detailed.data')?.key).toBe('guestInfo.detailed.data');
    expect(lookupKey('ethernet1.dvs.switchId')?.key).toBe('ethernet#.dvs.*');
    expect(lookupKey('mks.enable3d')?.type).toBe('boolean');
    expect(lookupKey('no.such.key')).toBeUndefined();
  });

  it('gives VMware\'s spelling with the file\'s indexes', () => {
    expect(canonicalKey('ETHERNET0.PRESENT')).toBe('ethernet0.present');
    expect(canonicalKey('SCSI0:1.FILENAME')).toBe('scsi0:1.fileName');
    expect(canonicalKey('VIRTUALHW.VERSION')).toBe('virtualHW.version');
    expect(canonicalKey('GUESTINFO.Foo')).toBe('guestinfo.Foo');
    expect(canonicalKey('ethernet2.DVS.portId')).toBe('ethernet2.dvs.portId');
  });

  it('suggests close spellings only for unknown keys', () => {
    expect(nearestKey('monitor_control.vt23')).toBe('monitor_control.vt32');
    expect(nearestKey('monitor_control.restict_backdoor')).toBe('monitor_control.restrict_backdoor');
    expect(nearestKey('vmx.allowNestd')).toBe('vmx.allowNested');
    expect(nearestKey('ethernet0.presnet')).toBe('ethernet0.present');
    expect(nearestKey('scsi0:1.fielName')).toBe('scsi0:1.fileName');
    expect(nearestKey('monitor_control.vt32')).toBeUndefined();
    expect(nearestKey('MONITOR_CONTROL.VT32')).toBeUndefined();
    expect(nearestKey('ethernet0.present')).toBeUndefined();
    expect(nearestKey('completely.different.thing')).toBeUndefined();
    expect(nearestKey('sched.mem.pin')).toBeUndefined(); // a real key one letter from sched.mem.min
  });

  it('gives the same answers when asked again, in any letter case or spacing (answers are remembered per key)', () => {
    const keys = ['monitor_control.vt23', 'MONITOR_CONTROL.VT23', ' monitor_control.vt23 ', 'Ethernet3.Presnet', 'ethernet3.presnet', 'vmx.allowNested', 'VMX.ALLOWNESTED', 'no.such.thing', ''];
    const first = keys.map((k) => [nearestKey(k), lookupKey(k)?.key]);
    expect(keys.map((k) => [nearestKey(k), lookupKey(k)?.key])).toEqual(first);
    expect(first).toEqual([
      ['monitor_control.vt32', undefined],
      ['monitor_control.vt32', undefined],
      ['monitor_control.vt32', undefined],
      ['ethernet3.present', undefined],
      ['ethernet3.present', undefined],
      [undefined, 'vmx.allowNested'],
      [undefined, 'vmx.allowNested'],
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('lists each key once, with values only on enums', () => {
    const lower = KNOWN_KEYS.map((k) => k.key.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    for (const k of KNOWN_KEYS) expect(k.values !== undefined).toBe(k.type === 'enum');
    for (const key of [...LEGACY_OUTER_KEYS, ...MODERN.obsoleteKeys, MODERN.hyperVKey.key, 'vhv.enable', 'vhv.allow']) {
      expect(lookupKey(key)).toBeDefined();
    }
  });
});
