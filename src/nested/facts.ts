/**
 * What one VM's file says about the lab it belongs to: its guest, hardware version, memory,
 * vCPUs, architecture, whether it exposes hardware virtualization to its guest, and (for an
 * ESX/ESXi guest) which VMware product its guest is.
 *
 * Sources:
 * - guestOS ids of ESX/ESXi guests and the release each names: vSphere API reference,
 *   `vim.vm.GuestOsDescriptor.GuestOsIdentifier` ("vmkernelGuest: VMware ESX 4", "vmkernel5Guest:
 *   VMware ESX 5", "vmkernel6Guest: VMware ESX 6", "vmkernel65Guest: VMware ESX 6.5"), as published in
 *   vmware/pyvmomi, https://github.com/vmware/pyvmomi/blob/master/docs/vim/vm/GuestOsDescriptor/GuestOsIdentifier.rst;
 *   vmkernel7/8/9 ("indicates VMware ESXi 7.x / 8.x / 9.x"): Go constants `VirtualMachineGuestOSIdentifierVMkernel7/8/9`
 *   of a VMware VM Operator API seen in a stored copy whose repository could not be pinned (unverified
 *   beyond the id's own number); the vmx spellings:
 *   open-vm-tools `lib/include/guest_os_tables.h`, https://github.com/vmware/open-vm-tools.
 *   That ESXi 6.7 also writes `vmkernel65` (there is no `vmkernel67`) is read from that header's
 *   comments ("6.5–6.7"), not from a VMware statement: unverified.
 * - 64-bit ids, `arm-*` ids: see src/knowledge/guest-os.ts.
 */
import {guestBitness, isHypervisorGuest} from '../knowledge/guest-os.js';
import {resolveHost, type HostRow} from '../knowledge/hosts.js';
import {getEntry} from '../syntax/lookup.js';
import type {Entry, Root} from '../syntax/types.js';

/** A guestOS id of an ESX/ESXi guest, the release it names, and the host rows of that release. */
export interface VmkernelProduct {
  id: string;
  release: string;
  rows: readonly string[];
}

/** `vmkernel*` guest ids → the ESX/ESXi release the guest is (the table; sources above). */
export const VMKERNEL_PRODUCTS: readonly VmkernelProduct[] = Object.freeze([
  {id: 'vmkernel', release: 'ESX 4.x', rows: ['esx-4.0']},
  {id: 'vmkernel5', release: 'ESXi 5.x', rows: ['esxi-5.0', 'esxi-5.1', 'esxi-5.5']},
  {id: 'vmkernel6', release: 'ESXi 6.0', rows: ['esxi-6.0']},
  {id: 'vmkernel65', release: 'ESXi 6.5/6.7', rows: ['esxi-6.5', 'esxi-6.7']},
  {id: 'vmkernel7', release: 'ESXi 7.0', rows: ['esxi-7.0']},
  {id: 'vmkernel8', release: 'ESXi 8.0', rows: ['esxi-8.0']},
  {id: 'vmkernel9', release: 'ESX 9', rows: ['esxi-9.0']},
]);

/** The product a guestOS id names (`vmkernel7` → ESXi 7.0; `arm-vmkernel8` → ESXi 8.0 for Arm), if it names one. */
export function productOfGuest(guestOs: string): {release: string; rows: HostRow[]} | undefined {
  const id = guestOs.trim().toLowerCase().replace(/^arm-/, '');
  const found = VMKERNEL_PRODUCTS.find((p) => p.id === id);
  return found && {release: found.release, rows: found.rows.map((r) => resolveHost(r)!)};
}

export type Arch = 'x86' | 'arm';

export interface VmFacts {
  guestOs?: Entry;
  /** The guest's instruction set: `arm-*` ids are Arm, every other id x86; unknown without `guestOS`. */
  arch?: Arch;
  bits: '32' | '64' | 'unknown';
  hw?: {entry: Entry; version: number};
  memsize?: {entry: Entry; mb: number};
  /** `numvcpus` (VMware's default is 1 when the key is absent: `entry` is then undefined). */
  numvcpus: {entry?: Entry; n: number};
  /** `vhv.enable = "TRUE"`: the VM exposes VT-x/AMD-V to its guest. */
  vhv?: Entry;
  /** Keys that make a VM run its guest with hardware virtualization (2008 keys, `vhv.enable`). */
  hvKeys: Entry[];
  /** The ESX/ESXi release the guest is, from a `vmkernel*` id. */
  product?: {release: string; rows: HostRow[]};
  /** Whether the guest is itself a hypervisor (`vmkernel*`, `winHyperV`). */
  hypervisor: boolean;
}

const TRUE = (e: Entry | undefined) => e !== undefined && e.value.trim().toLowerCase() === 'true';
const HARDWARE = (e: Entry | undefined) => e !== undefined && e.value.trim().toLowerCase() === 'hardware';
const whole = (e: Entry | undefined) => (e && /^\s*\d+\s*$/.test(e.value) ? Number(e.value) : undefined);

/** Read a VM's facts from its tree. */
export function readFacts(tree: Root): VmFacts {
  const guestOs = getEntry(tree, 'guestOS');
  const id = guestOs?.value.trim() ?? '';
  const facts: VmFacts = {bits: id ? guestBitness(id) : 'unknown', numvcpus: {n: 1}, hvKeys: [], hypervisor: id !== '' && isHypervisorGuest(id)};
  if (guestOs && id) {
    facts.guestOs = guestOs;
    facts.arch = /^arm-/i.test(id) ? 'arm' : 'x86';
    facts.product = productOfGuest(id);
  }
  const hw = getEntry(tree, 'virtualHW.version');
  if (whole(hw) !== undefined) facts.hw = {entry: hw!, version: whole(hw)!};
  const mem = getEntry(tree, 'memsize');
  if (whole(mem) !== undefined) facts.memsize = {entry: mem!, mb: whole(mem)!};
  const cpus = getEntry(tree, 'numvcpus');
  if (whole(cpus) !== undefined) facts.numvcpus = {entry: cpus, n: whole(cpus)!};
  const vhv = getEntry(tree, 'vhv.enable');
  if (TRUE(vhv)) facts.vhv = vhv;
  for (const key of ['vhv.enable', 'monitor_control.vt32', 'monitor_control.enable_svm']) {
    const e = getEntry(tree, key);
    if (TRUE(e)) facts.hvKeys.push(e!);
  }
  for (const key of ['monitor.virtual_exec', 'monitor.virtual_mmu']) {
    const e = getEntry(tree, key);
    if (HARDWARE(e)) facts.hvKeys.push(e!);
  }
  return facts;
}
