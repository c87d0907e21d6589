/**
 * `host-supports-nesting`: the physical host, CPU and AMD family can run nested VMs at all; and,
 * whatever the role, a guest of the other architecture (an Arm guest on an x86 host, an x86 guest
 * on Apple silicon) cannot run on the host at all.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {valueLoc} from '../../src/engine/fixer.js';
import {resolveHost, type HostRow} from '../../src/knowledge/hosts.js';
import {readEvidence} from '../../src/engine/evidence.js';
import type {Cpu} from '../../src/engine/types.js';
import {applicable, roleApplies, show} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

/** An Arm guest's host: Apple-silicon Fusion, or ESXi-Arm (from ESXi 7.0: not ruled out when only the host is given). */
const mayRunArm = (host: HostRow) => host.apple.ok || (host.product === 'esxi' && host.version >= 7);

/** Why a guest of `arch` cannot run on the given host/CPU, or `undefined` when it may. */
function mismatch(arch: 'arm' | 'x86', host: HostRow | undefined, cpu: Cpu | undefined): string | undefined {
  if (arch === 'arm') {
    if (cpu === 'intel' || cpu === 'amd') return `an ${cpu === 'intel' ? 'Intel' : 'AMD'} (x86) host runs x86 guests only`;
    if (host && !cpu && !mayRunArm(host)) return `${host.id} runs on x86 CPUs only, which run x86 guests only`;
    return undefined;
  }
  return cpu === 'apple' ? 'Fusion on Apple silicon runs Arm guests only ("We don\'t plan to support installing or running x86 VMs on Macs with Apple silicon")' : undefined;
}

export default createRule({
  name: 'host-supports-nesting',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a physical host, CPU and AMD family that can run nested VMs, and a guest of their architecture',
      requirement: ['G1'],
      recommended: true,
    },
    messages: {
      cannotNest: '{{where}} cannot run nested VMs: {{note}}',
      amdFamily: '{{where}} cannot run nested VMs on AMD family `{{family}}`: {{note}}',
      undocumented: '{{where}}: {{note}}',
      architecture: '`{{entry}}` cannot run on {{host}}: {{why}}',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    const {host, cpu} = context.settings;
    const nestedRole = roleApplies(context, 'host-supports-nesting');
    if (!nestedRole && !host && !cpu) return NO_VISITORS;
    return {
      root(node) {
        const evidence = readEvidence(context.tree);
        const guest = context.getEntry('guestOS');
        const row = host ? resolveHost(host) : undefined;
        const why = guest && evidence.guestArch && !evidence.encrypted ? mismatch(evidence.guestArch, row, cpu) : undefined;
        if (guest && why) {
          const on = [row?.id, cpu === 'apple' ? 'Apple silicon' : cpu].filter(Boolean).join('/');
          context.report({node: guest, loc: valueLoc(guest), messageId: 'architecture', data: {entry: show({key: guest.key, value: guest.value}), host: on, why}});
          return;
        }
        if (!nestedRole) return;
        const a = applicable(context, 'host-supports-nesting');
        if (!a) return;
        const {note, amdFamily} = a.value;
        if ('undocumented' in a.value) context.report({node, messageId: 'undocumented', data: {where: a.where, note}, info: true});
        else if (amdFamily !== undefined) context.report({node, messageId: 'amdFamily', data: {where: a.where, family: amdFamily, note}});
        else context.report({node, messageId: 'cannotNest', data: {where: a.where, note}});
      },
    };
  },
});
