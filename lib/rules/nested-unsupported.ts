/**
 * `nested-unsupported`: one piece of information per nested file saying what VMware supports of
 * it, for the host's era: the 2008–09 hosts call nested VMs "entirely unsupported" (G5); modern
 * hosts support virtualized HV for hardware version 9+ on CPUs with EPT/RVI; nested ESXi is not
 * supported in production (KB 2009916).
 */
import {createRule} from '../../src/engine/create-rule.js';
import {decide, type Scenario} from '../../src/engine/decide.js';
import {HOSTS, isEsxiGuest, NESTED_INFO, VHV_FULLY_SUPPORTED_FROM} from '../../src/knowledge/hosts.js';
import {decideNeed, nestedOf} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
/** Whether VMware calls virtualized HV not fully supported on the host (one function: `decide` remembers its answers). */
const partlySupported = (s: Scenario) => s.host.vhvFullySupported === false;
/** Above the 2008–09 products' highest hardware version, the physical host can only be a modern product. */
const LEGACY_MAX_HW = Math.max(...HOSTS.filter((h) => h.family !== 'modern').map((h) => h.maxHwVersion ?? 0));

export default createRule({
  name: 'nested-unsupported',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Say once per nested file what VMware supports of it, for the host\'s era',
      requirement: ['G5'],
      recommended: true,
    },
    messages: {
      unsupported: 'VMware does not support this nested {{role}} VM: {{why}}',
      supported: '{{supported}}{{why}}',
      partlySupported: 'Virtualized hardware virtualization is not fully supported on {{where}}: it is from {{from}} on (unverified for this release){{why}}',
      armHost: 'VMware documents no nested virtualization on Arm hosts (Fusion on Apple silicon, ESXi-Arm){{why}}',
      dependsOnHost: 'What VMware supports of this nested {{role}} VM depends on the host (not given): the 2008–09 products call nested VMs "entirely unsupported"; on modern ones, {{modern}}{{why}}',
    },
    defaultSeverity: 'info',
  },
  create(context) {
    const role = context.settings.role;
    if (role !== 'outer' && role !== 'inner') return NO_VISITORS;
    return {
      root(node) {
        const nested = nestedOf(context);
        if (nested.evidence.encrypted) return;
        const esxi = isEsxiGuest(nested.evidence.hypervisorGuest?.value ?? '') ? [NESTED_INFO.esxiGuest] : [];
        const why = (first: string[]) => [...first, ...esxi].join('; ');
        const tail = esxi.length ? `; ${esxi[0]}` : '';
        // the wording only: an undecided host family leaves the wording of both eras
        const family = decideNeed(nested, 'nested-unsupported');
        const hw = nested.evidence.hwVersion?.version;
        const era = family.known ? family.value : hw !== undefined && hw > LEGACY_MAX_HW ? 'modern' : undefined;
        // an Arm guest or Apple silicon: the modern statement (VT-x/AMD-V with EPT/RVI) does not apply
        if (era === 'modern' && (nested.evidence.guestArch === 'arm' || context.settings.cpu === 'apple')) {
          context.report({node, messageId: 'armHost', data: {why: tail}, info: true});
          return;
        }
        if (era === 'modern') {
          const partly = decide(nested, partlySupported);
          if (partly.known && partly.value) {
            context.report({node, messageId: 'partlySupported', data: {where: partly.where, from: VHV_FULLY_SUPPORTED_FROM, why: tail}, info: true});
          } else {
            context.report({node, messageId: 'supported', data: {supported: NESTED_INFO.modernSupported, why: tail}, info: true});
          }
          return;
        }
        if (era === undefined) {
          context.report({node, messageId: 'dependsOnHost', data: {role, modern: NESTED_INFO.modernSupported, why: tail}, info: true});
          return;
        }
        const first = [`"${NESTED_INFO.unsupported}"`, ...(era === 'legacy' ? [lowerFirst(NESTED_INFO.onlySupported2009)] : [])];
        context.report({node, messageId: 'unsupported', data: {role, why: why(first)}, info: true});
      },
    };
  },
});
