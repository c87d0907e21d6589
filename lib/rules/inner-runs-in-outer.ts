/**
 * `inner-runs-in-outer`: a VM linked to its outer VM's file (`outer`, issue 19) can run in it:
 * - a 64-bit or hardware-virtualized inner VM needs `vhv.enable = "TRUE"` in an outer VM on a
 *   modern host ("Running Nested VMs", current revision: Workstation 8, Player 4, Fusion 4 and
 *   ESXi 5.0 or later virtualize VT-x/AMD-V for the guest; 2008 hosts: the 2008 rules, which hold
 *   on the inner once its host flows from the outer);
 * - its `virtualHW.version` is one the product in the outer VM can run (the host table's
 *   `maxHwVersion`, VMware KB 1003746);
 * - its guest's architecture (x86 or Arm) is the outer guest's.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {valueLoc} from '../../src/engine/fixer.js';
import {resolveHost, type HostRow} from '../../src/knowledge/hosts.js';
import {readFacts} from '../../src/nested/facts.js';
import {relatedAt, shown, usableLink} from './util/outer.js';
import {NO_VISITORS} from './util/visitors.js';

export default createRule({
  name: 'inner-runs-in-outer',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an inner VM to be runnable in its linked outer VM: virtualized HV for 64-bit or HV guests, a hardware version its product runs, the same architecture',
      recommended: true,
    },
    messages: {
      needsVhv: 'This inner VM {{why}}: its outer VM `{{file}}` on {{host}} needs `vhv.enable = "TRUE"` to give it hardware virtualization',
      hwTooNew: '`virtualHW.version` {{version}} is newer than {{product}} in the outer VM `{{file}}` can run (up to {{max}})',
      hwMaybe: '`virtualHW.version` {{version}} runs only on {{fits}} in the outer VM `{{file}}` ({{notFits}})',
      arch: 'This inner VM\'s guest `{{guest}}` is {{arch}}, but its outer VM `{{file}}` runs {{outerArch}} (`{{outerGuest}}`): a VMware product runs guests of its own architecture only',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    const link = usableLink(context);
    if (!link) return NO_VISITORS;
    return {
      root(node) {
        const outer = link.outer;
        const file = shown(context, outer.file);
        const inner = readFacts(context.tree);
        const of = outer.facts;

        // architecture
        if (inner.arch && of.arch && inner.arch !== of.arch) {
          context.report({
            node: inner.guestOs!,
            loc: valueLoc(inner.guestOs!),
            messageId: 'arch',
            data: {guest: inner.guestOs!.value.trim(), arch: label(inner.arch), file, outerArch: label(of.arch), outerGuest: of.guestOs!.value.trim()},
            related: [relatedAt(outer, of.guestOs, "the outer VM's guest")],
          });
        }

        // virtualized HV: needed by a 64-bit guest, a hypervisor guest or an inner VM that uses HV itself
        const host = context.settings.host ? resolveHost(context.settings.host) : undefined;
        const why = inner.bits === '64' ? `runs a 64-bit guest (\`${inner.guestOs!.value.trim()}\`)` : inner.hypervisor ? 'runs a hypervisor' : inner.hvKeys.length ? `uses hardware virtualization (\`${inner.hvKeys[0].key}\`)` : undefined;
        // ESXi 5.0 sets it host-wide, not in the .vmx (modern-nested-virtualization says so on the outer)
        if (why && host?.family === 'modern' && !host.hostConfig && !of.vhv) {
          context.report({
            node: inner.guestOs ?? node,
            messageId: 'needsVhv',
            data: {why, file, host: host.id},
            related: [relatedAt(outer, undefined, 'the outer VM, without `vhv.enable = "TRUE"`')],
          });
        }

        // hardware version: the product in the outer VM (given on this file, else its vmkernel guest)
        // (a VM in the middle of a chain, role outer, has no outerProduct of its own: its outer's guest names it)
        const s = context.settings;
        const given = s.role !== 'outer' && s.outerProduct && s.sources.outerProduct !== 'outer' ? resolveHost(s.outerProduct) : undefined;
        const rows: readonly HostRow[] = given ? [given] : (of.product?.rows ?? []);
        const known = rows.filter((r) => r.maxHwVersion !== undefined);
        if (inner.hw && known.length) {
          const version = inner.hw.version;
          const max = Math.max(...known.map((r) => r.maxHwVersion!));
          const product = given ? given.label : of.product!.release;
          const related = [relatedAt(outer, of.guestOs, given ? 'the outer VM' : `the outer VM's guest: ${of.product?.release}`)];
          if (version > max) {
            context.report({node: inner.hw.entry, loc: valueLoc(inner.hw.entry), messageId: 'hwTooNew', data: {version, product, file, max}, related});
          } else {
            const short = known.filter((r) => r.maxHwVersion! < version);
            if (short.length) {
              const fits = known.filter((r) => r.maxHwVersion! >= version).map((r) => r.label).join(' or ');
              const notFits = short.map((r) => `${r.label} runs up to ${r.maxHwVersion}`).join(', ');
              context.report({node: inner.hw.entry, loc: valueLoc(inner.hw.entry), messageId: 'hwMaybe', data: {version, fits, notFits, file}, related, info: true});
            }
          }
        }
      },
    };
  },
});

const label = (arch: 'x86' | 'arm') => (arch === 'arm' ? 'Arm' : 'x86');
