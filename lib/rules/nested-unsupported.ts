/** `nested-unsupported`: one piece of information per nested file: VMware does not support these setups (G5). */
import {createRule} from '../../src/engine/create-rule.js';
import {isEsxiGuest, NESTED_INFO} from '../../src/knowledge/hosts.js';
import {decideNeed, nestedOf} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

export default createRule({
  name: 'nested-unsupported',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Say once per nested file that VMware does not support nested VMs',
      requirement: ['G5'],
      recommended: true,
    },
    messages: {
      unsupported: 'VMware does not support this nested {{role}} VM: {{why}}',
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
        const why = [`"${NESTED_INFO.unsupported}"`];
        // the wording only: an undecided host family leaves the general sentence
        const family = decideNeed(nested, 'nested-unsupported');
        if (family.known && family.value === 'legacy') why.push(lowerFirst(NESTED_INFO.onlySupported2009));
        if (isEsxiGuest(nested.evidence.hypervisorGuest?.value ?? '')) why.push(NESTED_INFO.esxiGuest);
        context.report({node, messageId: 'unsupported', data: {role, why: why.join('; ')}, info: true});
      },
    };
  },
});
