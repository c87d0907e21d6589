/**
 * `modern-nested-virtualization`: on Workstation 8+, Player 4+, Fusion 4+ and ESXi 5.x+ the outer
 * VM virtualizes VT-x/AMD-V (`vhv.enable = "TRUE"`, `virtualHW.version` >= 9), a Hyper-V guest also
 * hides the hypervisor bit, and the 2008 keys are obsolete.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {valueLoc} from '../../src/engine/fixer.js';
import {canonicalGuestOs} from '../../src/knowledge/guest-os.js';
import {decide, type Scenario} from '../../src/engine/settings.js';
import {E30, HYPER_V_GUESTS, legacyOuterKey, MODERN, VHV_FULLY_SUPPORTED_FROM} from '../../src/knowledge/hosts.js';
import type {Entry} from '../../src/syntax/types.js';
import {applicable, checkValues, replaceOrRemove, roleApplies, sameValue, show} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

/** Whether the host is one where VMware calls virtualized HV not fully supported (one function: `decide` remembers its answers). */
const partlySupported = (s: Scenario) => s.host.vhvFullySupported === false;

/** The 2008 value of an obsolete key (`TRUE`): only a key set to it does anything. */
const obsoleteValue = (key: string) => (key.toLowerCase() === E30.innerKey.key.toLowerCase() ? E30.innerKey : legacyOuterKey(key))?.value;

export default createRule({
  name: 'modern-nested-virtualization',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require virtualized hardware virtualization (`vhv.enable`) in an outer VM on a modern host, and no 2008 keys',
      requirement: ['G1'],
      recommended: true,
    },
    fixable: 'code',
    messages: {
      missingKey: 'Missing `{{key}}` in an outer VM on {{where}}',
      missingKeyHypervisor: 'Missing `{{key}}` in an outer VM on {{where}}: its `{{guest}}` guest cannot run 64-bit nested guests without it',
      wrongValue: 'Expected `{{key}}` to be `"{{expected}}"` on {{where}}, not `"{{actual}}"`',
      obsoleteKey: '`{{key}}` is obsolete on {{where}}: use `{{replacement}}`',
      obsoleteKeyExtra: '`{{key}}` is obsolete on {{where}}, which virtualizes VT-x/AMD-V itself',
      hyperV: 'Missing `{{key}}` in an outer VM on {{where}}: Hyper-V refuses to install when it sees the hypervisor bit',
      hwUnsupported: '`virtualHW.version` {{version}} is unsupported for nested VMs on {{where}}: use {{min}} or later',
      hwNoEffect: '`virtualHW.version` {{version}} predates virtualized hardware virtualization: nested VMs on {{where}} need {{min}} or later',
      hostWide: 'Nested VMs on {{where}} need `{{key}}` host-wide in {{path}}, not in the .vmx',
      notFullySupported: 'Virtualized hardware virtualization is not fully supported on {{where}}: it is from {{from}} on',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    if (!roleApplies(context, 'modern-nested-virtualization')) return NO_VISITORS;
    return {
      root(node) {
        const a = applicable(context, 'modern-nested-virtualization');
        if (!a) return;
        const {where, role, nested} = a;
        const outer = role === 'outer';
        const missing = outer ? a.value.keys.filter((k) => !context.getEntries(k.key).length) : [];
        if (outer) for (const k of a.value.keys) checkValues(context, k, where);

        // a 2008 key becomes the first missing modern key; the rest go
        const obsolete = (e: Entry) => MODERN.obsoleteKeys.some((k) => k.toLowerCase() === e.key.toLowerCase()) && sameValue(e.value, obsoleteValue(e.key) ?? '');
        replaceOrRemove(context, context.entries().filter(obsolete), missing, {replace: 'obsoleteKey', remove: 'obsoleteKeyExtra'}, where);
        if (!outer) return;

        const guest = nested.evidence.hypervisorGuest?.value.trim();
        for (const k of missing) {
          const messageId = guest ? 'missingKeyHypervisor' : 'missingKey';
          context.report({node, messageId, data: {key: show(k), where, guest: guest ?? ''}, fix: (fixer) => fixer.addEntry(k.key, k.value)});
        }
        const guestOs = context.getEntry('guestOS');
        if (guestOs && HYPER_V_GUESTS.includes(canonicalGuestOs(guestOs.value) ?? '')) {
          const k = MODERN.hyperVKey;
          if (!context.getEntries(k.key).length) {
            context.report({node, messageId: 'hyperV', data: {key: show(k), where}, fix: (fixer) => fixer.addEntry(k.key, k.value)});
          }
          checkValues(context, k, where);
        }
        const hw = nested.evidence.hwVersion;
        if (hw && hw.version < a.value.minHw) {
          const messageId = hw.version < MODERN.noEffectBelowHw ? 'hwNoEffect' : 'hwUnsupported';
          context.report({node: hw.entry, loc: valueLoc(hw.entry), messageId, data: {version: hw.version, where, min: a.value.minHw}});
        }
        // the wording of the table, only when the host (or every candidate) says so
        const partly = decide(nested, partlySupported);
        if (partly.known && partly.value) context.report({node, messageId: 'notFullySupported', data: {where, from: VHV_FULLY_SUPPORTED_FROM}, info: true});
        const hostConfig = a.value.hostConfig;
        for (const k of hostConfig?.keys ?? []) {
          context.report({node, messageId: 'hostWide', data: {key: show(k), where, path: hostConfig!.path}, info: true});
        }
      },
    };
  },
});
