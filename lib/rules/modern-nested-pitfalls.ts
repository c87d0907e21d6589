/**
 * `modern-nested-pitfalls`: settings of an outer VM on a modern host that defeat or contradict
 * nesting, as the .vmx shows them (src/knowledge/nested-pitfalls.ts): `vhv.enable` with PCI
 * passthrough or vGPU, the CPU/MMU virtualization forced to software (or set on hardware version
 * 14+, where it is ignored), a nested ESXi below its installer's minimum, a `vmkernel*` id newer
 * than the ESXi host, VBS (`vvtd.enable`) without EFI firmware and Secure Boot or below hardware version 14. No fixes: each
 * changes the VM in a way only its owner can choose.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {keyLoc, valueLoc} from '../../src/engine/fixer.js';
import {decide, type Scenario} from '../../src/engine/decide.js';
import {MODERN} from '../../src/knowledge/hosts.js';
import {ESXI_MINIMUMS, MONITOR_MODE, PASSTHROUGH, VBS, VMKERNEL_RELEASES} from '../../src/knowledge/nested-pitfalls.js';
import {applicable, entriesWith, roleApplies, sameValue, show} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';
import type {Entry} from '../../src/syntax/types.js';

/** The ESXi release of the host, or 0 for any other product (one function: `decide` remembers its answers). */
const esxiRelease = (s: Scenario) => (s.host.product === 'esxi' ? s.host.version : 0);
const written = (e: Entry) => `\`${show({key: e.key, value: e.value})}\``;

export default createRule({
  name: 'modern-nested-pitfalls',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow settings that defeat or contradict nesting in an outer VM on a modern host',
      requirement: ['G1'],
      recommended: true,
    },
    messages: {
      passthrough: '{{vhv}} and {{device}} cannot be combined: vSphere does not expose hardware virtualization to a VM with a PCI passthrough or vGPU device (Broadcom KB 437651)',
      softwareMonitor: '{{entry}} turns off the hardware support that virtualized hardware virtualization (`vhv.enable = "TRUE"`) runs on: remove it',
      monitorIgnored: '{{entry}} is ignored from `virtualHW.version` 14 on (the CPU/MMU virtualization setting is deprecated in ESXi 6.7 and cannot be changed)',
      esxiTooSmall: '{{entry}} is below what {{release}} needs to install ({{min}}): the installer stops',
      guestNewerThanHost: '`guestOS = "{{guest}}"` ({{release}}) is newer than {{where}}, which most likely does not know it and sets the VM up as "Other" (unverified)',
      vbsNeeds: '`vvtd.enable = "TRUE"` (virtualization-based security in the guest) also needs {{missing}}',
      vbsHwVersion: '`vvtd.enable = "TRUE"` (virtualization-based security in the guest) needs `virtualHW.version` {{min}} or later; this file has {{hw}}',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    if (!roleApplies(context, 'modern-nested-pitfalls')) return NO_VISITORS;
    return {
      root() {
        const a = applicable(context, 'modern-nested-pitfalls');
        if (!a || a.role !== 'outer') return;
        const {nested} = a;
        const vhv = entriesWith(context, MODERN.outerKeys[0])[0];
        const hw = nested.evidence.hwVersion?.version;

        // PCI passthrough / vGPU with virtualized HV
        if (vhv) {
          const device = context.entries().find((e) => (PASSTHROUGH.present.test(e.key) && sameValue(e.value, 'TRUE')) || (PASSTHROUGH.vgpu.test(e.key) && e.value.trim() !== ''));
          if (device) context.report({node: device, loc: keyLoc(device), messageId: 'passthrough', data: {vhv: written(vhv), device: written(device)}});
        }

        // the CPU/MMU virtualization setting
        for (const key of MONITOR_MODE.keys) {
          for (const e of context.getEntries(key)) {
            if (hw !== undefined && hw >= MONITOR_MODE.ignoredFromHw) context.report({node: e, loc: keyLoc(e), messageId: 'monitorIgnored', data: {entry: written(e)}, info: true});
            else if (vhv && sameValue(e.value, MONITOR_MODE.software)) context.report({node: e, loc: valueLoc(e), messageId: 'softwareMonitor', data: {entry: written(e)}, warn: true});
          }
        }

        // a nested ESXi too small to install, and a vmkernel id newer than the ESXi host
        const guest = nested.evidence.hypervisorGuest;
        const guestId = guest?.value.trim().toLowerCase() ?? '';
        const minimum = ESXI_MINIMUMS.find((m) => m.guestOs === guestId);
        if (minimum) {
          const cpus = context.getEntry('numvcpus');
          const mem = context.getEntry('memsize');
          if (cpus && /^\s*\d+\s*$/.test(cpus.value) && Number(cpus.value) < minimum.cores) {
            context.report({node: cpus, loc: valueLoc(cpus), messageId: 'esxiTooSmall', data: {entry: written(cpus), release: minimum.release, min: `${minimum.cores} CPU cores`}});
          }
          if (mem && /^\s*\d+\s*$/.test(mem.value) && Number(mem.value) < minimum.memMb) {
            context.report({node: mem, loc: valueLoc(mem), messageId: 'esxiTooSmall', data: {entry: written(mem), release: minimum.release, min: `${minimum.memMb} MB of memory`}});
          }
        }
        const release = VMKERNEL_RELEASES[guestId];
        if (guest && release !== undefined) {
          const host = decide(nested, esxiRelease);
          if (host.known && host.value > 0 && host.value < release) {
            context.report({node: guest, loc: valueLoc(guest), messageId: 'guestNewerThanHost', data: {guest: guest.value.trim(), release: `ESXi ${release.toFixed(1)}`, where: host.where}, info: true});
          }
        }

        // VBS in the guest: the virtual IOMMU also needs EFI firmware and Secure Boot
        const vbs = entriesWith(context, VBS.intent)[0];
        if (vbs) {
          const missing = VBS.needs.filter((k) => !entriesWith(context, k).length).map((k) => `\`${show(k)}\``);
          if (missing.length) context.report({node: vbs, loc: keyLoc(vbs), messageId: 'vbsNeeds', data: {missing: missing.join(' and ')}, warn: true});
          if (hw !== undefined && hw < VBS.minHwVersion) context.report({node: vbs, loc: keyLoc(vbs), messageId: 'vbsHwVersion', data: {min: String(VBS.minHwVersion), hw: String(hw)}, warn: true});
        }
      },
    };
  },
});
