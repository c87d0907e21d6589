/** `inner-outer-product`: on a physical ESX 3.0 host the outer guest product understands `vmx.allowNested` (E30-2). */
import {createRule} from '../../src/engine/create-rule.js';
import {E30, resolveHost} from '../../src/knowledge/hosts.js';
import {applicable, roleApplies} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

/** "Workstation 6.0 or later, or ESX 3.5 or later", from the knowledge table. */
const minimums = E30.minOuterProducts
  .map((m) => `${resolveHost(`${m.product}-${m.version.toFixed(1)}`)?.label ?? `${m.product} ${m.version}`} or later`)
  .join(', or ');

export default createRule({
  name: 'inner-outer-product',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an outer guest product that understands `vmx.allowNested` when the physical host is ESX 3.0',
      requirement: ['E30-2'],
      recommended: true,
    },
    messages: {
      tooOld: 'The outer guest product {{product}} does not understand `{{key}}`: on {{where}} it must be {{minimums}}',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    if (!roleApplies(context, 'inner-outer-product')) return NO_VISITORS;
    return {
      root(node) {
        const a = applicable(context, 'inner-outer-product');
        if (!a) return;
        context.report({node, messageId: 'tooOld', data: {product: a.value.product, key: E30.innerKey.key, where: a.where, minimums}});
      },
    };
  },
});
