/**
 * Misconfigurations of a modern outer VM that its .vmx shows (review §5), as data for the
 * `modern-nested-pitfalls` rule. Each names its sources (sources.ts).
 */
import type {KeyValue} from './host-types.js';
import {kv} from './host-types.js';
import type {SourceId} from './sources.js';

/** `vhv.enable` and PCI passthrough / vGPU are mutually exclusive (vSphere refuses to expose HV). */
export const PASSTHROUGH = Object.freeze({
  /** `pciPassthru<n>.present = "TRUE"`, or a vGPU profile `pciPassthru<n>.vgpu`. */
  present: /^pcipassthru\d+\.present$/i,
  vgpu: /^pcipassthru\d+\.vgpu$/i,
  sources: ['passthroughKb'] as SourceId[],
});

/**
 * The CPU/MMU virtualization setting: `"software"` turns off the hardware execution / hardware MMU
 * that virtualized HV builds on; from hardware version 14 (ESXi 6.7) the setting is deprecated and
 * cannot be changed.
 */
export const MONITOR_MODE = Object.freeze({
  keys: ['monitor.virtual_exec', 'monitor.virtual_mmu'],
  software: 'software',
  ignoredFromHw: 14,
  sources: ['cpuMmuDeprecated', 'nestedModern'] as SourceId[],
});

/** What an ESXi release needs to install, by its guestOS id (ESXi Installation, "ESXi Hardware Requirements"). */
export interface EsxiMinimum {
  guestOs: string;
  release: string;
  cores: number;
  memMb: number;
  source: SourceId;
}

export const ESXI_MINIMUMS: readonly EsxiMinimum[] = Object.freeze([
  {guestOs: 'vmkernel6', release: 'ESXi 6.0', cores: 2, memMb: 4096, source: 'esxiHw60'},
  {guestOs: 'vmkernel65', release: 'ESXi 6.5', cores: 2, memMb: 4096, source: 'esxiHw65'},
  {guestOs: 'vmkernel7', release: 'ESXi 7.0', cores: 2, memMb: 8192, source: 'esxiHw70'},
  {guestOs: 'vmkernel8', release: 'ESXi 8.0', cores: 2, memMb: 8192, source: 'esxiHw80'},
] satisfies EsxiMinimum[]);

/**
 * The ESXi release each `vmkernel*` id stands for (open-vm-tools guest_os_tables.h comments): an
 * ESXi host older than that release most likely does not know the id (unverified) and sets the VM
 * up as "Other".
 */
export const VMKERNEL_RELEASES: Readonly<Record<string, number>> = Object.freeze({
  vmkernel65: 6.5,
  vmkernel7: 7.0,
  vmkernel8: 8.0,
  vmkernel9: 9.0,
});

/**
 * VBS in the guest (`vvtd.enable`, the virtual IOMMU) also needs EFI firmware and Secure Boot, and
 * virtual hardware version 14 or later (the vSphere 6.7 blog's requirements for VBS; vSphere 6.7 is
 * where hardware version 14 appeared). AMD hosts need more (ESXi 7.0 U2): not checked.
 */
export const VBS = Object.freeze({
  intent: kv('vvtd.enable', 'TRUE'),
  needs: [kv('firmware', 'efi'), kv('uefi.secureBoot.enabled', 'TRUE')] as KeyValue[],
  minHwVersion: 14,
  sources: ['vbsVsphere67'] as SourceId[],
});
