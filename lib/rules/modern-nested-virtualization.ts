/**
 * `modern-nested-virtualization`: on Workstation 8+, Player 4+, Fusion 4+ and ESXi 5.x+ the outer
 * VM virtualizes VT-x/AMD-V (`vhv.enable = "TRUE"`, `virtualHW.version` 9 or later, 8 on the
 * products whose maximum is 8), a Hyper-V guest also hides the hypervisor bit, the 2008 keys are
 * obsolete, and a Windows host with Hyper-V/VBS on (`hostHyperV`) cannot provide nested HV at all.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {keyLoc, valueLoc} from '../../src/engine/fixer.js';
import {canonicalGuestOs} from '../../src/knowledge/guest-os.js';
import {decide, type Scenario} from '../../src/engine/decide.js';
import {E30, HYPER_V_GUESTS, legacyOuterKey, MODERN, withoutVhv} from '../../src/knowledge/hosts.js';
import type {Entry} from '../../src/syntax/types.js';
import {applicable, checkValues, entriesWith, fixOrSuggest, replaceOrRemove, roleApplies, sameValue, show} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

/** Whether the host runs in Host VBS mode when Hyper-V is on (one function: `decide` remembers its answers). */
const hostVbs = (s: Scenario) => s.host.hostVbsMode === true;

/** The 2008 value of an obsolete key (`TRUE`): only a key set to it does anything. */
const obsoleteValue = (key: string) => (key.toLowerCase() === E30.innerKey.key.toLowerCase() ? E30.innerKey : legacyOuterKey(key))?.value;

const TURN_OFF_HYPER_V =
  'turn off Hyper-V, Virtual Machine Platform, Windows Hypervisor Platform, WSL2, Windows Sandbox and Memory integrity on the host ' +
  '(`bcdedit /set hypervisorlaunchtype off`, then restart)';

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
    hasSuggestions: true,
    messages: {
      missingKey: 'Missing `{{key}}` in an outer VM on {{where}}',
      missingKeyHypervisor: 'Missing `{{key}}` in an outer VM on {{where}}: its `{{guest}}` guest {{why}}',
      wrongValue: 'Expected `{{key}}` to be `"{{expected}}"` on {{where}}, not `"{{actual}}"`',
      obsoleteKey: '`{{key}}` is obsolete on {{where}}: use `{{replacement}}`',
      obsoleteKeyExtra: '`{{key}}` is obsolete on {{where}}, which virtualizes VT-x/AMD-V itself',
      hyperV: 'Missing `{{key}}` in an outer VM on {{where}}: Hyper-V refuses to install when it sees the hypervisor bit',
      hwUnsupported: '`virtualHW.version` {{version}} is unsupported for nested VMs on {{where}}: use {{min}} or later',
      hwNoEffect: '`virtualHW.version` {{version}} predates virtualized hardware virtualization: nested VMs on {{where}} need {{min}} or later',
      hostWide: 'Nested VMs on {{where}} need `{{key}}` host-wide in {{path}}, not in the .vmx',
      hostHyperV: '`{{entry}}` cannot work on {{where}} while Hyper-V/VBS is on in the Windows host (Host VBS mode: no nested virtualization, no virtual performance counters): {{how}}',
      hostHyperVOuter: 'This outer VM cannot run nested VMs on {{where}} while Hyper-V/VBS is on in the Windows host (Host VBS mode): {{how}}',
      hyperVHostMarker: '`{{marker}}` is written for Windows hosts with Hyper-V on, where `{{key}}` cannot work (Host VBS mode): if Hyper-V/VBS is on, {{how}}; say which with `hostHyperV`',
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
        // a Windows host with Hyper-V on: Workstation/Player 15.5+ run in Host VBS mode, without nested HV
        const vbs = decide(nested, hostVbs);
        const hyperVHost = context.settings.hostHyperV === true && vbs.known && vbs.value;
        // an Arm guest runs on Apple silicon (or ESXi-Arm), where VMware documents no virtualized HV: nothing to demand
        const arm = nested.evidence.guestArch === 'arm';
        const missing = outer && !hyperVHost && !arm ? a.value.keys.filter((k) => !context.getEntries(k.key).length) : [];
        if (outer && !hyperVHost) for (const k of a.value.keys) checkValues(context, k, where);

        // a 2008 key becomes the first missing modern key; the rest go
        const obsolete = (e: Entry) => MODERN.obsoleteKeys.some((k) => k.toLowerCase() === e.key.toLowerCase()) && sameValue(e.value, obsoleteValue(e.key) ?? '');
        replaceOrRemove(context, context.entries().filter(obsolete), missing, {replace: 'obsoleteKey', remove: 'obsoleteKeyExtra'}, where);
        if (!outer) return;

        if (hyperVHost) reportHostVbs(where);
        else if (context.settings.hostHyperV === undefined && (!vbs.known || vbs.value)) reportHyperVMarker();
        const guest = nested.evidence.hypervisorGuest?.value.trim();
        for (const k of missing) {
          const data = {key: show(k), where, guest: guest ?? '', why: guest ? withoutVhv(guest) : ''};
          context.report({node, messageId: guest ? 'missingKeyHypervisor' : 'missingKey', data, ...fixOrSuggest(context, `Add \`${show(k)}\``, (fixer) => fixer.addEntry(k.key, k.value))});
        }
        const guestOs = context.getEntry('guestOS');
        if (guestOs && HYPER_V_GUESTS.includes(canonicalGuestOs(guestOs.value) ?? '')) {
          const k = MODERN.hyperVKey;
          if (!context.getEntries(k.key).length) {
            context.report({node, messageId: 'hyperV', data: {key: show(k), where}, ...fixOrSuggest(context, `Add \`${show(k)}\``, (fixer) => fixer.addEntry(k.key, k.value))});
          }
          checkValues(context, k, where);
        }
        const hw = nested.evidence.hwVersion;
        if (hw && hw.version < a.value.minHw) {
          const messageId = hw.version < MODERN.noEffectBelowHw ? 'hwNoEffect' : 'hwUnsupported';
          context.report({node: hw.entry, loc: valueLoc(hw.entry), messageId, data: {version: hw.version, where, min: a.value.minHw}});
        }
        const hostConfig = a.value.hostConfig;
        for (const k of hostConfig?.keys ?? []) {
          context.report({node, messageId: 'hostWide', data: {key: show(k), where, path: hostConfig!.path}, info: true});
        }
      },
    };

    /** `hostHyperV` is true: each key the host cannot provide is an error (no fix: turning it off is the user's choice). */
    function reportHostVbs(where: string): void {
      const on = MODERN.hostVbsKeys.flatMap((k) => entriesWith(context, k));
      for (const e of on) {
        context.report({node: e, loc: keyLoc(e), messageId: 'hostHyperV', data: {entry: show({key: e.key, value: e.value}), where, how: TURN_OFF_HYPER_V}});
      }
      if (!on.some((e) => sameValue(e.key, MODERN.outerKeys[0].key))) {
        context.report({node: context.tree, messageId: 'hostHyperVOuter', data: {where, how: TURN_OFF_HYPER_V}});
      }
    }

    /** `hostHyperV` not given: `ulm.disableMitigations = "TRUE"` beside `vhv.enable = "TRUE"` hints at a Hyper-V host. */
    function reportHyperVMarker(): void {
      const marker = entriesWith(context, MODERN.hyperVHostMarker)[0];
      const vhv = entriesWith(context, MODERN.outerKeys[0])[0];
      if (!marker || !vhv) return;
      context.report({
        node: marker,
        loc: keyLoc(marker),
        messageId: 'hyperVHostMarker',
        data: {marker: show({key: marker.key, value: marker.value}), key: show({key: vhv.key, value: vhv.value}), how: TURN_OFF_HYPER_V},
        warn: true,
      });
    }
  },
});
