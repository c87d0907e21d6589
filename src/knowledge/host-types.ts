/**
 * The shape of a host row and the small builders the host tables (hosts-legacy.ts,
 * hosts-modern.ts) share. No rows here: hosts.ts puts the tables together and answers questions.
 */
import type {AmdFamily} from '../engine/types.js';
import type {SourceId} from './sources.js';

/** A key in VMware's camelCase spelling and its value, unquoted (`TRUE`, `hardware`). */
export interface KeyValue {
  key: string;
  value: string;
}
export type HostFamily = 'legacy' | 'modern';
export type Product = 'esx' | 'esxi' | 'workstation' | 'player' | 'fusion' | 'server';

/** Whether a host can nest on one CPU. */
export interface Support {
  ok: boolean;
  /**
   * AMD only: the processor families that work (absent: no family limit is documented). `10h`
   * stands for "Family 10h or later", as the 2009 document says.
   */
  amdFamilies?: AmdFamily[];
  /** The host runs on this CPU, but VMware documents no nested virtualization there (Fusion on Apple silicon). */
  undocumented?: boolean;
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
  /** Apple silicon (Fusion 13 and later only). */
  apple: Support;
  /**
   * Keys the outer .vmx must contain, per CPU. Absent for a CPU the host cannot nest on; an
   * empty list means nothing is needed in the .vmx (ESXi 5.0: see `hostConfig`; Apple silicon).
   */
  outerKeys: {intel?: KeyValue[]; amd?: KeyValue[]; apple?: KeyValue[]};
  /** Host-wide keys in the host's own config file instead of the .vmx (ESXi 5.0). */
  hostConfig?: {path: string; keys: KeyValue[]};
  /** Lowest `virtualHW.version` at which nesting works on this host (modern rows; never above `maxHwVersion`). */
  minHwVersionForNesting?: number;
  /** Whether VMware calls virtualized HV fully supported here (desktop products, modern rows). */
  vhvFullySupported?: boolean;
  /** Player and Server: the Workstation release they share their engine with. */
  workstationVersion?: number;
  /** Highest `virtualHW.version` the product can power on. */
  maxHwVersion?: number;
  /** Whether the E30 rules apply (physical host ESX 3.0). */
  e30: boolean;
  /** Windows Workstation/Player 15.5 and later: with Hyper-V/VBS on, the host runs VMs in Host VBS mode. */
  hostVbsMode?: boolean;
  /** Whether the row's keys are documented (false: inferred from a neighbouring release, say so). */
  verified: boolean;
  /** Where the row's facts come from (sources.ts): never empty. */
  sources: SourceId[];
  notes: string[];
}

/** Shared by many rows, so frozen. */
export const kv = (key: string, value: string): KeyValue => Object.freeze({key, value});
export const VT32 = kv('monitor_control.vt32', 'TRUE');
export const SVM = kv('monitor_control.enable_svm', 'TRUE');
export const BACKDOOR = kv('monitor_control.restrict_backdoor', 'TRUE');
export const EXEC = kv('monitor.virtual_exec', 'hardware');
export const MMU = kv('monitor.virtual_mmu', 'hardware');
export const VHV = kv('vhv.enable', 'TRUE');
export const ALLOW_NESTED = kv('vmx.allowNested', 'TRUE');

export const yes = (note = 'Yes'): Support => Object.freeze({ok: true, note});
export const no = (note: string): Support => Object.freeze({ok: false, note});
export const amdOnly = (amdFamilies: AmdFamily[], note: string): Support => Object.freeze({ok: true, amdFamilies, note});
export const NO_AMD_MACS = no('There are no AMD Macs');
/** Every row but Fusion 13+: no VMware product other than Fusion runs on Apple silicon. */
export const NOT_APPLE = no('Only VMware Fusion 13 or later runs on Apple silicon');

export type Base = Pick<HostRow, 'id' | 'label' | 'product' | 'version'>;
export const base = (id: string, label: string, product: Product, version: number): Base => ({id, label, product, version});
