/** `host-supports-nesting`: the physical host, CPU vendor and AMD family can run nested VMs at all. */
import {createRule} from '../../src/engine/create-rule.js';
import {applicable, roleApplies} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

export default createRule({
  name: 'host-supports-nesting',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a physical host, CPU and AMD family that can run nested VMs',
      requirement: ['G1'],
      recommended: true,
    },
    messages: {
      cannotNest: '{{where}} cannot run nested VMs: {{note}}',
      amdFamily: '{{where}} cannot run nested VMs on AMD family `{{family}}`: {{note}}',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    if (!roleApplies(context, 'host-supports-nesting')) return NO_VISITORS;
    return {
      root(node) {
        const a = applicable(context, 'host-supports-nesting');
        if (!a) return;
        const {note, amdFamily} = a.value;
        if (amdFamily !== undefined) context.report({node, messageId: 'amdFamily', data: {where: a.where, family: amdFamily, note}});
        else context.report({node, messageId: 'cannotNest', data: {where: a.where, note}});
      },
    };
  },
});
