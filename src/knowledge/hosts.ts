/**
 * The physical-host products: which can nest, on which CPU, and the keys the outer .vmx needs.
 *
 * Sources (summarised in ../shared/nested-vm-requirements.md):
 * - legacy rows: VMware community document "Running Nested VMs" (2008, revised 2009), tables
 *   "Which hosts can nest at all" and "Keys the OUTER vmx must contain";
 * - modern rows: VMware's virtualized-HV documentation for Workstation 8+/Player 4+/Fusion 4+ and
 *   ESXi 5.x+ (section "Modern products"); KB 2009916 for ESXi as a guest;
 * - `maxHwVersion`: VMware KB 1003746 via ../shared/vmx-syntax.md (see hardware.ts).
 * Adding a product is adding a row here, never code in a rule.
 */
import type {AmdFamily, Cpu} from '../engine/types.js';

/** A key in VMware's camelCase spelling and its value, unquoted (`TRUE`, `hardware`). */
export interface KeyValue {
  key: string;
  value: string;
}
export type HostFamily = 'legacy' | 'modern';
export type Product = 'esx' | 'esxi' | 'workstation' | 'player' | 'fusion';

/** Whether a host can nest on one CPU vendor. */
export interface Support {
  ok: boolean;
  /** AMD only: the processor families that work (absent: no family limit is documented). */
  amdFamilies?: AmdFamily[];
  note: string;
}

export interface HostRow {
  /** Canonical id: `esx-3.0`, `workstation-6.5`, `fusion-2.x`, `esxi-8.0`, `workstation-17`. */
  id: string;
  label: string;
  product: Product;
  /** For ordering within a product line (ESX and ESXi share one line). */
  version: number;
  family: HostFamily | 'too-old';
  /** Other spellings `resolveHost` accepts (besides the generic forms it documents). */
  aliases: string[];
  intel: Support;
  amd: Support;
  /**
   * Keys the outer .vmx must contain, per CPU. Absent for a CPU the host cannot nest on; an
   * empty list means nothing is needed in the .vmx (ESXi 5.0: see `hostConfig`).
   */
  outerKeys: {intel?: KeyValue[]; amd?: KeyValue[]};
  /** Host-wide keys in the host's own config file instead of the .vmx (ESXi 5.0). */
  hostConfig?: {path: string; keys: KeyValue[]};
  /** Lowest `virtualHW.version` at which nesting is supported on this host (modern rows). */
  minHwVersionForNesting?: number;
  /** Whether VMware calls virtualized HV fully supported here (desktop products, modern rows). */
  vhvFullySupported?: boolean;
  /** Player only: the Workstation release it shares its engine with. */
  workstationVersion?: number;
  /** Highest `virtualHW.version` the product can power on. */
  maxHwVersion?: number;
  /** Whether the E30 rules apply (physical host ESX 3.0). */
  e30: boolean;
  notes: string[];
}

/** Shared by many rows, so frozen. */
const kv = (key: string, value: string): KeyValue => Object.freeze({key, value});
const VT32 = kv('monitor_control.vt32', 'TRUE');
const SVM = kv('monitor_control.enable_svm', 'TRUE');
const BACKDOOR = kv('monitor_control.restrict_backdoor', 'TRUE');
const EXEC = kv('monitor.virtual_exec', 'hardware');
const MMU = kv('monitor.virtual_mmu', 'hardware');
const VHV = kv('vhv.enable', 'TRUE');

const yes = (note = 'Yes'): Support => Object.freeze({ok: true, note});
const no = (note: string): Support => Object.freeze({ok: false, note});
const amdOnly = (amdFamilies: AmdFamily[], note: string): Support => ({ok: true, amdFamilies, note});
const NO_AMD_MACS = no('There are no AMD Macs');
const TOO_OLD = 'Products older than the 2008 table (ESX 2.x, Workstation 5.x, ...) cannot run nested VMs';
const E30_NOTE =
  'E30: the inner VM needs `vmx.allowNested = "TRUE"`, the outer guest product must be Workstation 6.0+ ' +
  'or ESX 3.5+, and the inner guest must not use the backdoor (no VMware Tools)';
const VHV_NOTE =
  'Virtualized HV: the outer VM needs `vhv.enable = "TRUE"` ("Virtualize Intel VT-x/EPT or AMD-V/RVI"); ' +
  '`virtualHW.version` below 9 is unsupported, below 8 it does nothing';
const ESXI_NOTE =
  'vSphere: "Expose hardware assisted virtualization to the guest OS" (API `nestedHVEnabled`) writes ' +
  '`vhv.enable`; optional: `featMask.vm.hv.capable = "Min:1"`, `vpmc.enable = "TRUE"`';

type Base = Pick<HostRow, 'id' | 'label' | 'product' | 'version'>;
const base = (id: string, label: string, product: Product, version: number): Base => ({id, label, product, version});

function tooOld(b: Base, maxHwVersion: number, aliases: string[] = []): HostRow {
  const notNested = no(TOO_OLD);
  return {...b, family: 'too-old', aliases, intel: notNested, amd: notNested, outerKeys: {}, maxHwVersion, e30: false, notes: [TOO_OLD]};
}

type LegacyFields = Omit<HostRow, keyof Base | 'family' | 'e30' | 'notes'> & {e30?: boolean; notes?: string[]};
function legacy(b: Base, r: LegacyFields): HostRow {
  return {...b, family: 'legacy', e30: false, notes: [], ...r};
}

const SHORT: Record<Product, string> = {esx: 'esx', esxi: 'esxi', workstation: 'ws', player: 'player', fusion: 'fusion'};
const INTEL_VHV = yes('Yes (virtualized HV): 64-bit inner guests need EPT; without it only 32-bit inner guests run');
const AMD_VHV = yes('Yes (virtualized HV): 64-bit inner guests need RVI; without it only 32-bit inner guests run');

interface ModernOptions {
  /** More aliases: point releases that kept the hardware version. */
  extra?: string[];
  notes?: string[];
  /** `vhvFullySupported`. */
  fully?: boolean;
  /** `workstationVersion` (Player rows). */
  ws?: number;
}

/** A modern row: `vhv.enable` on either CPU (Fusion: Intel only), supported from hardware version 9. */
function modern(b: Base, maxHwVersion: number, opts: ModernOptions = {}): HostRow {
  const aliases = [`${SHORT[b.product]}-${b.id.slice(b.id.indexOf('-') + 1)}`, ...(opts.extra ?? [])].filter((a) => a !== b.id);
  if (b.product === 'esxi') aliases.push(`esx-${b.version.toFixed(1)}`);
  const fusionRow = b.product === 'fusion';
  const row: HostRow = {
    ...b,
    family: 'modern',
    aliases,
    intel: INTEL_VHV,
    amd: fusionRow ? NO_AMD_MACS : AMD_VHV,
    outerKeys: fusionRow ? {intel: [VHV]} : {intel: [VHV], amd: [VHV]},
    minHwVersionForNesting: 9,
    maxHwVersion,
    e30: false,
    notes: [VHV_NOTE, ...(opts.notes ?? [])],
  };
  if (opts.fully !== undefined) row.vhvFullySupported = opts.fully;
  if (opts.ws !== undefined) row.workstationVersion = opts.ws;
  return row;
}

/** `name` is the version as written in the id (`17.5`, `25h2`); `v` orders it. */
const ws = (v: number, hw: number, extra?: string[], name = String(v), notes?: string[]) =>
  modern(base(`workstation-${name}`, `Workstation ${name.toUpperCase()}`, 'workstation', v), hw, {fully: v >= 10, extra, notes});
const player = (v: number, hw: number, wsVersion: number) =>
  modern(base(`player-${v}`, `Player ${v}`, 'player', v), hw, {fully: wsVersion >= 10, ws: wsVersion});
const fusion = (v: number, hw: number, extra?: string[], name = String(v), notes?: string[]) =>
  modern(base(`fusion-${name}`, `Fusion ${name.toUpperCase()}`, 'fusion', v), hw, {fully: v >= 6, extra, notes});
const esxi = (v: string, hw: number, label = `ESXi ${v}`, notes: string[] = []) =>
  modern(base(`esxi-${v}`, label, 'esxi', Number(v)), hw, {notes: [ESXI_NOTE, ...notes]});

/** The host table: legacy rows from the 2008 document, then modern rows. */
export const HOSTS: readonly HostRow[] = Object.freeze([
  tooOld(base('esx-2.x', 'ESX 2.x', 'esx', 2), 3),
  tooOld(base('workstation-4.x', 'Workstation 4.x', 'workstation', 4), 3, ['ws-4.x']),
  tooOld(base('workstation-5.x', 'Workstation 5.x', 'workstation', 5), 4, ['ws-5.x']),
  legacy(base('esx-3.0', 'ESX 3.0', 'esx', 3.0), {
    aliases: ['esx-3.0.x'],
    intel: yes('Yes, with caveats: the E30 rules apply'),
    amd: yes('Yes: the E30 rules apply'),
    outerKeys: {intel: [VT32], amd: [SVM]},
    maxHwVersion: 4,
    e30: true,
    notes: [E30_NOTE],
  }),
  legacy(base('esx-3.5', 'ESX 3.5', 'esx', 3.5), {
    aliases: ['esxi-3.5'],
    intel: no('Nested VMs are impossible on Intel hosts'),
    amd: amdOnly(['10h'], 'Only some CPUs: needs AMD Family 10h'),
    outerKeys: {amd: [MMU, BACKDOOR]},
    maxHwVersion: 4,
  }),
  legacy(base('workstation-6.0', 'Workstation 6.0', 'workstation', 6.0), {
    aliases: ['ws-6.0'],
    intel: yes(),
    amd: amdOnly(['0fh-revf', '0fh-revg', '10h'], 'Needs AMD Family 0Fh Rev F/G or 10h'),
    outerKeys: {intel: [VT32, BACKDOOR], amd: [SVM, BACKDOOR]},
    maxHwVersion: 6,
  }),
  legacy(base('workstation-6.5', 'Workstation 6.5', 'workstation', 6.5), {
    aliases: ['ws-6.5'],
    intel: yes(),
    amd: amdOnly(['10h'], 'Needs AMD Family 10h'),
    outerKeys: {intel: [EXEC, BACKDOOR], amd: [EXEC, BACKDOOR]},
    maxHwVersion: 7,
  }),
  legacy(base('fusion-1.x', 'Fusion 1.x', 'fusion', 1), {
    aliases: ['fusion-1'],
    intel: yes(),
    amd: NO_AMD_MACS,
    outerKeys: {intel: [VT32, BACKDOOR]},
    // vmx-syntax.md lists Fusion 1.x under hardware version 4, the requirements doc under 6.
    maxHwVersion: 6,
    notes: ['Sources disagree whether Fusion 1.x writes hardware version 4 or 6: 6 is taken as its maximum'],
  }),
  legacy(base('fusion-2.x', 'Fusion 2.x', 'fusion', 2), {
    aliases: ['fusion-2'],
    intel: yes(),
    amd: NO_AMD_MACS,
    outerKeys: {intel: [EXEC, BACKDOOR]},
    maxHwVersion: 7,
  }),
  legacy(base('esx-4.0', 'ESX 4.0', 'esx', 4.0), {
    aliases: ['esxi-4.0'],
    intel: yes(),
    amd: amdOnly(['10h'], 'Needs AMD Family 10h'),
    outerKeys: {intel: [EXEC, BACKDOOR], amd: [EXEC, BACKDOOR]},
    maxHwVersion: 7,
  }),
  ws(8, 8, ['workstation-8.0']),
  ws(9, 9, ['workstation-9.0']),
  ws(10, 10, ['workstation-10.0']),
  ws(11, 11, ['workstation-11.0']),
  ws(12, 12, ['workstation-12.0', 'workstation-12.5']),
  ws(14, 14, ['workstation-14.0']),
  ws(15, 16, ['workstation-15.0', 'workstation-15.5']),
  ws(16, 18, ['workstation-16.0']),
  ws(16.2, 19),
  ws(17, 20, ['workstation-17.0']),
  ws(17.5, 21),
  ws(25, 22, [], '25h2', ['Hardware version 22, as a 2026 Workstation file in the corpus has (unverified)']),
  player(4, 8, 8),
  player(5, 9, 9),
  player(6, 10, 10),
  player(7, 11, 11),
  player(12, 12, 12),
  player(14, 14, 14),
  player(15, 16, 15),
  player(16, 18, 16),
  player(17, 20, 17),
  fusion(4, 8, ['fusion-4.0']),
  fusion(5, 9, ['fusion-5.0']),
  fusion(6, 10, ['fusion-6.0']),
  fusion(7, 11, ['fusion-7.0']),
  fusion(8, 12, ['fusion-8.0', 'fusion-8.5']),
  fusion(10, 14, ['fusion-10.0']),
  fusion(11, 16, ['fusion-11.0', 'fusion-11.5']),
  fusion(12, 18, ['fusion-12.0']),
  fusion(12.2, 19),
  fusion(13, 20, ['fusion-13.0']),
  fusion(13.5, 21),
  fusion(25, 22, [], '25h2', ['Hardware version 22 assumed as for Workstation 25H2 (unverified)']),
  {
    ...esxi('5.0', 8),
    outerKeys: {intel: [], amd: []},
    hostConfig: {path: '/etc/vmware/config', keys: [kv('vhv.allow', 'TRUE')]},
    minHwVersionForNesting: 8,
    notes: [
      'Nothing in the .vmx: set `vhv.allow = "TRUE"` host-wide in /etc/vmware/config (same syntax as a .vmx)',
      'Hardware version 8 is the highest ESXi 5.0 runs',
    ],
  },
  esxi('5.1', 9),
  esxi('5.5', 10),
  esxi('6.0', 11),
  esxi('6.5', 13),
  esxi('6.7', 15, 'ESXi 6.7', ['Hardware version 15 needs 6.7 U2; 6.7 before U2 runs up to 14']),
  esxi('7.0', 19, 'ESXi 7.0', ['Hardware version 18 needs 7.0 U1 and 19 needs 7.0 U2; 7.0 before U1 runs up to 17']),
  esxi('8.0', 21, 'ESXi 8.0', ['Hardware version 21 needs 8.0 U2; 8.0 before U2 runs up to 20']),
  esxi('9.0', 22, 'ESX 9.0', ['VMware calls ESXi "ESX" again from 9.0']),
] satisfies HostRow[]);

/* ---------------------------------------------------------------- lookups */

/** Words accepted for a product in host names; ESX and ESXi are one version line. */
const PRODUCT_WORDS: Readonly<Record<string, Product>> = {
  esx: 'esx', esxi: 'esxi', workstation: 'workstation', workstationpro: 'workstation', ws: 'workstation',
  player: 'player', workstationplayer: 'player', vmplayer: 'player', fusion: 'fusion', fusionpro: 'fusion',
};
const LINES: Record<Product, Product[]> = {
  esx: ['esx', 'esxi'], esxi: ['esx', 'esxi'], workstation: ['workstation'], player: ['player'], fusion: ['fusion'],
};

/** Lower case, without a leading `vmware`, spaces, `-` and `_`: `VMware Workstation 6.5` → `workstation6.5`. */
const compact = (s: string) => s.trim().toLowerCase().replace(/^vmware(?=[\s_-]*[a-z])/, '').replace(/[\s_-]+/g, '');

const BY_NAME = new Map<string, HostRow>();
for (const row of HOSTS) {
  for (const name of [row.id, ...row.aliases]) {
    const other = BY_NAME.get(compact(name));
    if (other && other !== row) throw new Error(`hosts.ts: "${name}" names both ${other.id} and ${row.id}`);
    BY_NAME.set(compact(name), row);
  }
}

/**
 * The host row for a name, case-insensitively, ignoring spaces, `-`, `_` and a leading `VMware`.
 * Accepted, in this order:
 * 1. a canonical id or alias (`workstation-6.5`, `ws-6.5`, `Workstation 6.5`, `esx3.0`, `ws17`);
 * 2. product word + version (`vmplayer-17`; `esx-7.0` = `esxi-7.0`, as ESXi is the later ESX),
 *    where `N.0` also names a per-major row (`workstation-17.0`) and a third component is ignored
 *    (`esxi-7.0.3` → `esxi-7.0`, `workstation-17.5.1` → `workstation-17.5`);
 * 3. product + major alone when exactly one row has that major (`esxi-7` → `esxi-7.0`,
 *    `esx-4` → `esx-4.0`); ambiguous ones are rejected (`esx-3`: 3.0 or 3.5? `workstation-6`);
 * 4. any `N.*` version of an `N.x` row (`fusion-2.1` → `fusion-2.x`, `ws-5.5` → `workstation-5.x`).
 * Anything else (`workstation-17.6`, which the table does not list) is `undefined`: no guessing.
 */
export function resolveHost(idOrAlias: string): HostRow | undefined {
  const name = compact(idOrAlias);
  const exact = BY_NAME.get(name);
  if (exact) return exact;
  const m = /^([a-z]+)(\d+(?:\.\d+)*)$/.exec(name);
  const product = m ? PRODUCT_WORDS[m[1]] : undefined;
  if (!m || !product) return undefined;
  const parts = m[2].split('.').slice(0, 2);
  const major = Number(parts[0]);
  const line = LINES[product];
  const versions = parts.length === 2 && parts[1] === '0' ? [parts.join('.'), parts[0]] : [parts.join('.')];
  for (const p of line) {
    for (const v of versions) {
      const row = BY_NAME.get(`${p}${v}`);
      if (row) return row;
    }
  }
  const rows = HOSTS.filter((h) => line.includes(h.product) && Math.floor(h.version) === major);
  if (parts.length === 1) return rows.length === 1 ? rows[0] : undefined;
  return rows.find((h) => h.id.endsWith('.x'));
}

/** Every canonical host id, in table order. */
export function hostIds(): string[] {
  return HOSTS.map((h) => h.id);
}

/** The outer keys a host needs on a CPU (`undefined`: the host cannot nest on that CPU). */
export function outerKeysFor(host: HostRow, cpu: Cpu): KeyValue[] | undefined {
  return host[cpu].ok ? host.outerKeys[cpu] : undefined;
}

/**
 * Whether the host can nest on this CPU (and AMD family, when given and the row limits families),
 * with the table's note as the reason.
 */
export function supportFor(host: HostRow, cpu: Cpu, amdFamily?: AmdFamily): Support {
  const s = host[cpu];
  if (cpu === 'amd' && s.ok && s.amdFamilies && amdFamily && !s.amdFamilies.includes(amdFamily)) {
    return {ok: false, amdFamilies: s.amdFamilies, note: s.note};
  }
  return s;
}

/** Every key of the legacy outer-key table, in the order the table first uses it. */
export const LEGACY_OUTER_KEYS: readonly string[] = Object.freeze([
  ...new Set(HOSTS.filter((h) => h.family === 'legacy').flatMap((h) => [...(h.outerKeys.intel ?? []), ...(h.outerKeys.amd ?? [])].map((k) => k.key))),
]);

/**
 * Legacy outer keys that do nothing useful on this host/CPU because they belong to another row
 * (`monitor_control.vt32` on Workstation 6.5, `enable_svm` on Intel). Only for legacy hosts
 * that can nest on `cpu`; otherwise `[]` (modern hosts: see `MODERN.obsoleteKeys`; a host that
 * cannot nest is reported as such, not key by key).
 */
export function foreignOuterKeys(host: HostRow, cpu: Cpu): string[] {
  const own = host.family === 'legacy' ? outerKeysFor(host, cpu) : undefined;
  if (!own) return [];
  const mine = new Set(own.map((k) => k.key.toLowerCase()));
  return LEGACY_OUTER_KEYS.filter((k) => !mine.has(k.toLowerCase()));
}

/** The value a key of the legacy outer-key table takes in its rows (`TRUE`, `hardware`), if it is one. */
export function legacyOuterKey(key: string): KeyValue | undefined {
  const k = key.toLowerCase();
  for (const h of HOSTS) {
    if (h.family !== 'legacy') continue;
    const found = [...(h.outerKeys.intel ?? []), ...(h.outerKeys.amd ?? [])].find((x) => x.key.toLowerCase() === k);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether the host is one of the products at or above one of the minimums. ESXi counts as a
 * later ESX; a Player row counts as the Workstation release it shares its engine with.
 */
export function productAtLeast(host: HostRow, minimums: ReadonlyArray<{product: Product; version: number}>): boolean {
  return minimums.some(({product, version}) => {
    if (host.product === product || (product === 'esx' && host.product === 'esxi')) return host.version >= version;
    if (product === 'workstation' && host.workstationVersion !== undefined) return host.workstationVersion >= version;
    return false;
  });
}

/**
 * What a `virtualHW.version` says about the physical host, per the requirements doc ("How a
 * file's context is known", 4): only the legacy table's versions narrow it.
 */
export const HW_VERSION_HOSTS: Readonly<Record<number, readonly string[]>> = Object.freeze({
  4: ['esx-3.0', 'esx-3.5', 'workstation-5.x'],
  6: ['workstation-6.0', 'fusion-1.x'],
  7: ['esx-4.0', 'workstation-6.5', 'fusion-2.x'],
});

/** The hosts a hardware version points to (`[]` when it does not narrow the host). */
export function hostsForHwVersion(hw: number): HostRow[] {
  return (HW_VERSION_HOSTS[hw] ?? []).map((id) => resolveHost(id)!);
}

/* ---------------------------------------------------------------- per-role facts */

/** G2: keys that force hardware execution, wrong in an inner VM (which must use BT). */
export const INNER_FORCING_KEYS: readonly KeyValue[] = Object.freeze([EXEC, MMU, VT32, SVM]);

/** E30 (physical host ESX 3.0): the inner key, and the outer guest products that understand it. */
export const E30 = Object.freeze({
  innerKey: kv('vmx.allowNested', 'TRUE'),
  minOuterProducts: [
    {product: 'workstation', version: 6.0},
    {product: 'esx', version: 3.5},
  ] as ReadonlyArray<{product: Product; version: number}>,
});

/** Keys whose `TRUE` value shows a file's role (inference only where unambiguous). */
export const ROLE_HINT_KEYS: Readonly<{outer: readonly KeyValue[]; inner: readonly KeyValue[]}> = Object.freeze({
  outer: [VT32, SVM, BACKDOOR, VHV],
  inner: [E30.innerKey],
});

export interface ModernFacts {
  /** What the outer .vmx needs on Workstation 8+/Player 4+/Fusion 4+/ESXi 5.1+. */
  outerKeys: KeyValue[];
  /** `vhv.enable` below this `virtualHW.version` is unsupported. */
  minHwVersion: number;
  /** Below this version `vhv.enable` predates virtualized HV and does nothing. */
  noEffectBelowHw: number;
  /** An outer VM whose guest is Hyper-V also needs this (hide the hypervisor bit); not for ESXi guests. */
  hyperVKey: KeyValue;
  /** 2008 keys that are obsolete on a modern host: suggest `vhv.enable`. */
  obsoleteKeys: string[];
  /** ESXi 5.1+: optional, never required. */
  optional: KeyValue[];
  /** ESXi 5.0: the host-wide key in the host's own config. */
  hostWide: {path: string; key: KeyValue};
}

/** From "Modern products" of the requirements doc. */
export const MODERN: Readonly<ModernFacts> = Object.freeze({
  outerKeys: [VHV],
  minHwVersion: 9,
  noEffectBelowHw: 8,
  hyperVKey: kv('hypervisor.cpuid.v0', 'FALSE'),
  obsoleteKeys: [VT32.key, SVM.key, BACKDOOR.key, E30.innerKey.key],
  optional: [kv('featMask.vm.hv.capable', 'Min:1'), kv('vpmc.enable', 'TRUE')],
  hostWide: {path: '/etc/vmware/config', key: kv('vhv.allow', 'TRUE')},
});

/** Information the `nested-unsupported` rule states (G5, the 2009 revision, KB 2009916). */
export const NESTED_INFO = Object.freeze({
  unsupported: 'These configurations are entirely unsupported',
  onlySupported2009: 'The only officially supported nested setup was ESX 4.0 under Workstation 7',
  esxiGuest: 'VMware does not support ESXi as a guest OS under any product (KB 2009916)',
});

/* ---------------------------------------------------------------- which rules hold where */

/** The CPU vendors a host row can physically have (no Fusion host has an AMD CPU: there are no AMD Macs). */
export function existingCpus(host: HostRow): Cpu[] {
  return host.amd === NO_AMD_MACS ? ['intel'] : ['intel', 'amd'];
}

/**
 * Which nested rules hold for each host family: the 2008-only rules (G2, G4, E30) do not apply on
 * modern hosts, which virtualize VT-x/AMD-V; too-old hosts cannot nest at all. The E30 rules also
 * need a row with `e30` (see `ruleHoldsOn`). Adding a family or a rule is adding a row here.
 */
export const NESTED_RULES_BY_FAMILY: Readonly<Record<HostRow['family'], readonly string[]>> = Object.freeze({
  'too-old': ['host-supports-nesting', 'nested-context', 'nested-unsupported'],
  legacy: [
    'host-supports-nesting', 'inner-32bit-guest', 'inner-allow-nested', 'inner-binary-translation', 'inner-no-tools',
    'inner-outer-product', 'nested-context', 'nested-unsupported', 'outer-virtualization-keys',
  ],
  modern: ['host-supports-nesting', 'modern-nested-virtualization', 'nested-context', 'nested-unsupported'],
});

/** The rules that hold only where the physical host is ESX 3.0 (`e30: true`). */
export const E30_RULES: Readonly<Record<string, string>> = Object.freeze({
  'inner-allow-nested': 'E30-1',
  'inner-outer-product': 'E30-2',
  'inner-no-tools': 'E30-3',
});

/** Whether a nested rule holds on a host (its family lists it; E30 rules need an `e30` row). */
export function ruleHoldsOn(ruleId: string, host: HostRow): boolean {
  return NESTED_RULES_BY_FAMILY[host.family].includes(ruleId) && (!(ruleId in E30_RULES) || host.e30);
}

/* ---------------------------------------------------------------- Tools traces (E30-3) */

/**
 * What a key says about VMware Tools in an inner guest ("Reading the inner VM's guest and Tools
 * from a file"): `strong` traces mean Tools have run (errors under E30-3, no fix); `weak` ones are
 * written by default or only configure Tools (information), except a value that installs or
 * expects Tools (`bad`: an error, fixed to `fix`); `off` values turn Tools off and are fine, as are
 * `restricts` keys. A key ending in `*` covers every key with that prefix.
 */
export interface ToolsTrace {
  key: string;
  kind: 'strong' | 'weak' | 'restricts';
  off?: string[];
  bad?: {value: string; fix: string; why: string};
}

export const TOOLS_TRACES: readonly ToolsTrace[] = Object.freeze([
  {key: 'guestInfo.detailed.data', kind: 'strong'},
  {key: 'guestOS.detailed.data', kind: 'strong'},
  {key: 'toolsInstallManager.*', kind: 'strong'},
  {key: 'tools.capability.*', kind: 'strong'},
  {key: 'tools.upgrade.policy', kind: 'weak', off: ['manual'], bad: {value: 'upgradeAtPowerCycle', fix: 'manual', why: 'installs or upgrades VMware Tools by itself'}},
  {key: 'tools.remindInstall', kind: 'weak', off: ['FALSE'], bad: {value: 'TRUE', fix: 'FALSE', why: 'nags the user to install VMware Tools'}},
  {key: 'tools.syncTime', kind: 'weak', off: ['FALSE']},
  {key: 'toolScripts.*', kind: 'weak', off: ['FALSE']},
  {key: 'isolation.tools.*', kind: 'restricts'},
] satisfies ToolsTrace[]);

/** The Tools trace a key is (case-insensitive; `*` entries match by prefix), if any. */
export function toolsTraceOf(key: string): ToolsTrace | undefined {
  const k = key.toLowerCase();
  return TOOLS_TRACES.find((t) => (t.key.endsWith('*') ? k.startsWith(t.key.slice(0, -1).toLowerCase()) : k === t.key.toLowerCase()));
}

/** Whether a guestOS id is ESX/ESXi (`vmkernel*`), which VMware supports as a guest under no product (KB 2009916). */
export function isEsxiGuest(guestOs: string): boolean {
  return /^(arm-)?vmkernel/i.test(guestOs.trim());
}

/** guestOS ids of Hyper-V, which needs `MODERN.hyperVKey` in its outer VM. */
export const HYPER_V_GUESTS: readonly string[] = Object.freeze(['winHyperV']);

/**
 * Information about an outer key that holds whenever it is set ("Reading the inner VM's guest and
 * Tools from a file": restricting the backdoor also breaks Tools in the outer guest).
 */
export const OUTER_KEY_NOTES: Readonly<Record<string, string>> = Object.freeze({
  'monitor_control.restrict_backdoor': 'restricts the backdoor VMware Tools use, so Tools in the outer guest stop working',
});

/** "Workstation 10 / Player 6 / Fusion 6": the first releases of each line where virtualized HV is fully supported. */
export const VHV_FULLY_SUPPORTED_FROM: string = [...new Set(HOSTS.filter((h) => h.vhvFullySupported === true).map((h) => h.product))]
  .map((p) => HOSTS.find((h) => h.product === p && h.vhvFullySupported === true)!.label)
  .join(' / ');
