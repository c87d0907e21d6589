/** `inner-allow-nested`: on a physical ESX 3.0 host an inner VM has `vmx.allowNested = "TRUE"` (E30-1). */
import {createRule} from '../../src/engine/create-rule.js';
import {applicable, checkValues, fixOrSuggest, roleApplies, show} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

export default createRule({
  name: 'inner-allow-nested',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `vmx.allowNested = "TRUE"` in an inner VM when the physical host is ESX 3.0',
      requirement: ['E30-1'],
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      missing: 'Missing `{{key}}` in an inner VM on {{where}}',
      wrongValue: 'Expected `{{key}}` to be `"{{expected}}"` on {{where}}, not `"{{actual}}"`',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    if (!roleApplies(context, 'inner-allow-nested')) return NO_VISITORS;
    return {
      root(node) {
        const a = applicable(context, 'inner-allow-nested');
        if (!a) return;
        const k = a.value;
        if (!context.getEntries(k.key).length) {
          context.report({node, messageId: 'missing', data: {key: show(k), where: a.where}, ...fixOrSuggest(context, `Add \`${show(k)}\``, (fixer) => fixer.addEntry(k.key, k.value))});
        }
        checkValues(context, k, a.where);
      },
    };
  },
});
