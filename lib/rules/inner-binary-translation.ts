/** `inner-binary-translation`: an inner VM on a 2008-era host must not force hardware execution (G2). */
import {createRule} from '../../src/engine/create-rule.js';
import {applicable, entriesWith, fixOrSuggest, roleApplies, show} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

export default createRule({
  name: 'inner-binary-translation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow keys that force hardware execution in an inner VM, which must use binary translation',
      requirement: ['G2'],
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      forcesHardware: '`{{entry}}` forces hardware execution: an inner VM on {{where}} must use binary translation',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    if (!roleApplies(context, 'inner-binary-translation')) return NO_VISITORS;
    return {
      root() {
        const a = applicable(context, 'inner-binary-translation');
        if (!a) return;
        const forcing = a.value.flatMap((k) => entriesWith(context, k));
        forcing.sort((x, y) => x.position.start.offset! - y.position.start.offset!);
        for (const e of forcing) {
          context.report({
            node: e,
            messageId: 'forcesHardware',
            data: {entry: show({key: e.key, value: e.value}), where: a.where},
            ...fixOrSuggest(context, `Remove \`${e.key}\``, (fixer) => fixer.removeNode(e)),
          });
        }
      },
    };
  },
});
