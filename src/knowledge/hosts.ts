/**
 * The physical-host products: which can nest, on which CPU, and the keys the outer .vmx needs;
 * and the nested-VM facts the rules state. The rows are in hosts-legacy.ts (2008–2009 era) and
 * hosts-modern.ts (virtualized HV); each row and each fact here names its sources (sources.ts).
 * Summarised in ../shared/nested-vm-requirements.md and ../shared/nested-knowledge-review.md.
 * Adding a product is adding a row, never code in a rule.
 */
import type {AmdFamily, Cpu} from '../engine/types.js';
import {ALLOW_NESTED, BACKDOOR, EXEC, kv, MMU, NO_AMD_MACS, SVM, VHV, VT32, type HostRow, type KeyValue, type Product, type Support} from './host-types.js';
import {LEGACY_HOSTS} from './hosts-legacy.js';
import {MODERN_HOSTS} from './hosts-modern.js';
import type {SourceId} from './sources.js';

export type {HostFamily, HostRow, KeyValue, Product, Support} from './host-types.js';

/** The host table: legacy rows (2008–2009), then modern rows. */
export const HOSTS: readonly HostRow[] = Object.freeze([...LEGACY_HOSTS, ...MODERN_HOSTS]);

/* ---------------------------------------------------------------- lookups */

/** Words accepted for a product in host names; ESX and ESXi are one version line. */
const PRODUCT_WORDS: Readonly<Record<string, Product>> = {
  esx: 'esx', esxi: 'esxi', workstation: 'workstation', workstationpro: 'workstation', ws: 'workstation',
  player: 'player', workstationplayer: 'player', vmplayer: 'player', fusion: 'fusion', fusionpro: 'fusion',
  server: 'server', gsx: 'server',
};
const LINES: Record<Product, Product[]> = {
  esx: ['esx', 'esxi'], esxi: ['esx', 'esxi'], workstation: ['workstation'], player: ['player'], fusion: ['fusion'], server: ['server'],
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
 * 4. any `N.*` version of an `N.x` row (`fusion-2.1` → `fusion-2.x`, `ws-5.5` → `workstation-5.x`);
 * 5. a release between two known ones, of a known major: the newest row at or below it
 *    (`workstation-16.1` → `workstation-16`, `fusion-12.1` → `fusion-12`; not `esx-9.9`, past the newest).
 * Anything else (`workstation-18`, which the table does not list) is `undefined`: no guessing.
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
  const family = rows.find((h) => h.id.endsWith('.x'));
  if (family) return family;
  const wanted = Number(parts.join('.'));
  // only between two known releases: nothing is guessed past the newest one
  if (!HOSTS.some((h) => line.includes(h.product) && h.version > wanted)) return undefined;
  const below = rows.filter((h) => h.version <= wanted);
  const own = below.filter((h) => h.product === product);
  return (own.length ? own : below).sort((a, b) => b.version - a.version)[0];
}

/** Every canonical host id, in table order. */
export function hostIds(): string[] {
  return HOSTS.map((h) => h.id);
}

/** The outer keys a host needs on a CPU (`undefined`: the host cannot nest on that CPU). */
export function outerKeysFor(host: HostRow, cpu: Cpu): KeyValue[] | undefined {
  return host[cpu].ok ? host.outerKeys[cpu] : undefined;
}

/** The AMD families a support entry allows: `10h` in the list stands for "Family 10h or later". */
export function amdFamilyAllowed(allowed: readonly AmdFamily[], family: AmdFamily): boolean {
  if (allowed.includes(family)) return true;
  const n = amdFamilyNumber(family);
  return allowed.includes('10h') && n !== undefined && n >= 0x10;
}

/** The family number of `<hex>h` (`15h` → 0x15), `undefined` for `pre-revf` and the 0Fh revisions. */
export function amdFamilyNumber(family: AmdFamily): number | undefined {
  const m = /^([0-9a-f]{1,2})h$/.exec(family);
  return m ? parseInt(m[1], 16) : undefined;
}

/**
 * Whether the host can nest on this CPU (and AMD family, when given and the row limits families),
 * with the table's note as the reason.
 */
export function supportFor(host: HostRow, cpu: Cpu, amdFamily?: AmdFamily): Support {
  const s = host[cpu];
  if (cpu === 'amd' && s.ok && s.amdFamilies && amdFamily && !amdFamilyAllowed(s.amdFamilies, amdFamily)) {
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

/* ---------------------------------------------------------------- per-role facts */

/** G2: keys that force hardware execution, wrong in an inner VM (which must use BT). Source: the 2009 document. */
export const INNER_FORCING_KEYS: readonly KeyValue[] = Object.freeze([EXEC, MMU, VT32, SVM]);

/** E30 (physical host ESX 3.0): the inner key, and the outer guest products that understand it. */
export const E30 = Object.freeze({
  sources: ['nested2009'] as SourceId[],
  innerKey: ALLOW_NESTED,
  minOuterProducts: [
    {product: 'workstation', version: 6.0},
    {product: 'esx', version: 3.5},
  ] as ReadonlyArray<{product: Product; version: number}>,
});

/**
 * Keys whose `TRUE` value shows a file's role (inference only where unambiguous): only keys that
 * mean nesting. Not `monitor_control.restrict_backdoor`: anti-VM-detection recipes (malware
 * sandboxes) set it with `hypervisor.cpuid.v0 = "FALSE"` and `monitor_control.disable_*`, none of
 * which means nesting (source `antiDetection`).
 */
export const ROLE_HINT_KEYS: Readonly<{outer: readonly KeyValue[]; inner: readonly KeyValue[]; sources: SourceId[]}> = Object.freeze({
  outer: [VT32, SVM, VHV],
  inner: [E30.innerKey],
  sources: ['nested2009', 'nestedModern', 'antiDetection'] as SourceId[],
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
  /** Keys a Windows host in Host VBS mode (Hyper-V/VBS on) cannot provide: errors with `hostHyperV`. */
  hostVbsKeys: KeyValue[];
  /** Written by Workstation for hosts with Hyper-V on ("Disable side channel mitigations for Hyper-V enabled hosts"). */
  hyperVHostMarker: KeyValue;
  sources: SourceId[];
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
  hostVbsKeys: [VHV, kv('vpmc.enable', 'TRUE')],
  hyperVHostMarker: kv('ulm.disableMitigations', 'TRUE'),
  sources: ['nestedModern', 'vhvHw9', 'vhvHw8Greyed', 'esxi51Ept', 'hostVbsMode', 'gns3HyperV', 'wslNested'] as SourceId[],
});

/**
 * What VMware supports, per era, as the `nested-unsupported` rule states it: the 2008–09 hosts
 * (G5 and the 2009 revision, source `nested2009`), the modern hosts (`nestedModern`), ESXi as a
 * guest (KB 2009916).
 */
export const NESTED_INFO = Object.freeze({
  unsupported: 'These configurations are entirely unsupported',
  onlySupported2009: 'The only officially supported nested setup was ESX 4.0 under Workstation 7',
  modernSupported:
    'VMware supports virtualized hardware virtualization for `virtualHW.version` 9 or later on CPUs with VT-x and EPT or AMD-V and RVI ' +
    '(Workstation 10, Player 6, Fusion 6 and ESXi 5.5 on)',
  esxiGuest: 'VMware does not support nested ESXi in production environments (KB 2009916), except the vSAN Witness Appliance',
  sources: ['nested2009', 'nestedModern', 'kb2009916'] as SourceId[],
});

/* ---------------------------------------------------------------- which rules hold where */

/** The CPUs a host row can physically have (no AMD Macs; Apple silicon runs only Fusion 13 and later). */
export function existingCpus(host: HostRow): Cpu[] {
  const cpus: Cpu[] = host.amd === NO_AMD_MACS ? ['intel'] : ['intel', 'amd'];
  return host.apple.ok ? [...cpus, 'apple'] : cpus;
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
  modern: ['host-supports-nesting', 'modern-nested-pitfalls', 'modern-nested-virtualization', 'nested-context', 'nested-unsupported'],
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

/**
 * What an outer VM without `vhv.enable` denies its hypervisor guest: ESX/ESXi (`vmkernel*`) can
 * still run 32-bit nested guests by binary translation, Hyper-V needs hardware virtualization to
 * start at all (sources: `nestedModern`, `wslNested`).
 */
export function withoutVhv(guestOs: string): string {
  return /^winhyperv$/i.test(guestOs.trim()) ? 'cannot run without it (Hyper-V needs hardware virtualization)' : 'cannot run 64-bit nested guests without it';
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

/**
 * What each key of the 2008 outer-key table does, for a key found on a row that does not list it
 * (the 2009 document lists only what each row needs; it never says other keys are ignored).
 */
export const LEGACY_KEY_EFFECTS: Readonly<Record<string, string>> = Object.freeze({
  ...OUTER_KEY_NOTES,
  'monitor_control.vt32': 'makes the monitor use VT-x for 32-bit guests too',
  'monitor_control.enable_svm': 'makes the monitor use AMD-V',
  'monitor.virtual_exec': 'makes the monitor use hardware execution (VT-x/AMD-V)',
  'monitor.virtual_mmu': 'makes the monitor use the hardware MMU (EPT/RVI)',
});

/** "Workstation 10 / Player 6 / Fusion 6": the first releases of each line where virtualized HV is fully supported. */
export const VHV_FULLY_SUPPORTED_FROM: string = [...new Set(HOSTS.filter((h) => h.vhvFullySupported === true).map((h) => h.product))]
  .map((p) => HOSTS.find((h) => h.product === p && h.vhvFullySupported === true)!.label)
  .join(' / ');
