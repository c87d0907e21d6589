/**
 * The host rows of the modern era: products that virtualize VT-x/AMD-V themselves ("virtualized
 * HV": Workstation 8, Player 4, Fusion 4, ESXi 5.0 "(or later)", per VMware's current "Running
 * Nested VMs"). Hardware versions: KB 1003746 and hardware.ts. Adding a release is adding a line.
 */
import {base, kv, NO_AMD_MACS, NOT_APPLE, VHV, yes, type Base, type HostRow, type Support} from './host-types.js';
import type {SourceId} from './sources.js';

const VHV_NOTE =
  'Virtualized HV: the outer VM needs `vhv.enable = "TRUE"` ("Virtualize Intel VT-x/EPT or AMD-V/RVI"); ' +
  'VMware supports it for `virtualHW.version` 9 or later';
const ESXI_NOTE =
  'vSphere: "Expose hardware assisted virtualization to the guest OS" (API `nestedHVEnabled`) writes ' +
  '`vhv.enable`; optional: `featMask.vm.hv.capable = "Min:1"`, `vpmc.enable = "TRUE"`';
const HOST_VBS_NOTE =
  'Windows hosts with Hyper-V, VBS, WSL2, Windows Sandbox or Virtual Machine Platform on run VMs in Host VBS mode: ' +
  'no nested virtualization, no virtual performance counters (setting `hostHyperV`)';
const APPLE_NOTE =
  'Apple silicon: Arm guests only; VMware documents no nested virtualization for Fusion on Apple silicon (unverified either way)';

/** What EPT/RVI gates, per host family (desktop products refuse virtualized HV without it; ESXi 5.x runs 32-bit nested guests). */
const DESKTOP_INTEL = yes('Yes (virtualized HV): needs VT-x with EPT on the physical CPU; Workstation and Fusion refuse virtualized HV without EPT');
const DESKTOP_AMD = yes('Yes (virtualized HV): needs AMD-V with RVI on the physical CPU; Workstation refuses virtualized HV without RVI');
const ESXI5_INTEL = yes('Yes (virtualized HV): VT-x alone runs only 32-bit nested guests; 64-bit nested guests need EPT');
const ESXI5_AMD = yes('Yes (virtualized HV): AMD-V alone runs only 32-bit nested guests; 64-bit nested guests need RVI');
const ESXI_INTEL = yes('Yes (virtualized HV): supported on CPUs with VT-x and EPT');
const ESXI_AMD = yes('Yes (virtualized HV): supported on CPUs with AMD-V and RVI');
const APPLE: Support = Object.freeze({ok: true, undocumented: true, note: APPLE_NOTE});

const SHORT: Record<HostRow['product'], string> = {esx: 'esx', esxi: 'esxi', workstation: 'ws', player: 'player', fusion: 'fusion', server: 'server'};

interface ModernOptions {
  /** More aliases: point releases that kept the hardware version. */
  extra?: string[];
  notes?: string[];
  /** `vhvFullySupported`. */
  fully?: boolean;
  /** `workstationVersion` (Player rows). */
  ws?: number;
  sources?: SourceId[];
}

/** A modern row: `vhv.enable` on either CPU (Fusion: Intel, and Apple silicon from 13 on with nothing demanded). */
function modern(b: Base, maxHwVersion: number, opts: ModernOptions = {}): HostRow {
  const aliases = [`${SHORT[b.product]}-${b.id.slice(b.id.indexOf('-') + 1)}`, ...(opts.extra ?? [])].filter((a) => a !== b.id);
  if (b.product === 'esxi') aliases.push(`esx-${b.version.toFixed(1)}`);
  const fusionRow = b.product === 'fusion';
  const appleSilicon = fusionRow && b.version >= 13;
  const esxi5 = b.product === 'esxi' && b.version < 6;
  const desktop = b.product !== 'esxi';
  // Windows Workstation/Player from 15.5 on run in Host VBS mode when Hyper-V is on
  const hostVbs = (b.product === 'workstation' || b.product === 'player') && b.version >= 15.5;
  const row: HostRow = {
    ...b,
    family: 'modern',
    aliases,
    intel: desktop ? DESKTOP_INTEL : esxi5 ? ESXI5_INTEL : ESXI_INTEL,
    amd: fusionRow ? NO_AMD_MACS : desktop ? DESKTOP_AMD : esxi5 ? ESXI5_AMD : ESXI_AMD,
    apple: appleSilicon ? APPLE : NOT_APPLE,
    outerKeys: fusionRow ? (appleSilicon ? {intel: [VHV], apple: []} : {intel: [VHV]}) : {intel: [VHV], amd: [VHV]},
    // VMware supports virtualized HV from hardware version 9; the products whose maximum is 8 nest at 8
    minHwVersionForNesting: Math.min(9, maxHwVersion),
    maxHwVersion,
    e30: false,
    verified: true,
    sources: [
      'nestedModern',
      'kb1003746copy',
      ...(desktop ? (['packerEpt'] as const) : esxi5 ? (['esxi51Ept', 'vhvHw9'] as const) : (['gns3Ept', 'vhvHw9', 'vhvHw8Greyed'] as const)),
      ...(hostVbs ? (['hostVbsMode', 'gns3HyperV'] as const) : []),
      ...(appleSilicon ? (['fusionAppleSilicon'] as const) : []),
      ...(opts.sources ?? []),
    ],
    notes: [VHV_NOTE, ...(hostVbs ? [HOST_VBS_NOTE] : []), ...(appleSilicon ? [APPLE_NOTE] : []), ...(opts.notes ?? [])],
  };
  if (hostVbs) row.hostVbsMode = true;
  if (opts.fully !== undefined) row.vhvFullySupported = opts.fully;
  if (opts.ws !== undefined) row.workstationVersion = opts.ws;
  return row;
}

/** `name` is the version as written in the id (`17.5`, `25h2`); `v` orders it. */
const ws = (v: number, hw: number, extra?: string[], name = String(v), notes?: string[]) =>
  modern(base(`workstation-${name}`, `Workstation ${name.toUpperCase()}`, 'workstation', v), hw, {fully: v >= 10, extra, notes});
const player = (v: number, hw: number, wsVersion: number, extra?: string[]) =>
  modern(base(`player-${v}`, `Player ${v}`, 'player', v), hw, {fully: wsVersion >= 10, ws: wsVersion, extra});
const fusion = (v: number, hw: number, extra?: string[], name = String(v), notes?: string[], sources?: SourceId[]) =>
  modern(base(`fusion-${name}`, `Fusion ${name.toUpperCase()}`, 'fusion', v), hw, {fully: v >= 6, extra, notes, sources});
const esxi = (v: string, hw: number, label = `ESXi ${v}`, notes: string[] = []) =>
  modern(base(`esxi-${v}`, label, 'esxi', Number(v)), hw, {notes: [ESXI_NOTE, ...notes]});

export const MODERN_HOSTS: readonly HostRow[] = [
  ws(8, 8, ['workstation-8.0']),
  ws(9, 9, ['workstation-9.0']),
  ws(10, 10, ['workstation-10.0']),
  ws(11, 11, ['workstation-11.0']),
  ws(12, 12, ['workstation-12.0', 'workstation-12.5']),
  ws(14, 14, ['workstation-14.0']),
  ws(15, 16, ['workstation-15.0']),
  ws(15.5, 16),
  ws(16, 18, ['workstation-16.0']),
  ws(16.2, 19),
  ws(17, 20, ['workstation-17.0']),
  ws(17.5, 21),
  ws(17.6, 21),
  ws(25, 22, [], '25h2', ['Hardware version 22, as a 2026 Workstation file in the corpus has (unverified)']),
  player(4, 8, 8),
  player(5, 9, 9),
  player(6, 10, 10),
  player(7, 11, 11),
  player(12, 12, 12),
  player(14, 14, 14),
  player(15, 16, 15),
  player(15.5, 16, 15.5),
  player(16, 18, 16),
  player(16.2, 19, 16.2),
  player(17, 20, 17),
  player(17.5, 21, 17.5),
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
  fusion(13.6, 21, [], '13.6', [], ['fusion136Hw21']),
  fusion(25, 22, [], '25h2', ['Hardware version 22 assumed as for Workstation 25H2 (unverified)']),
  {
    ...esxi('5.0', 8),
    outerKeys: {intel: [], amd: []},
    hostConfig: {path: '/etc/vmware/config', keys: [kv('vhv.allow', 'TRUE')]},
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
];
