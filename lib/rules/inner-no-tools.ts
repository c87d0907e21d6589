/**
 * `inner-no-tools`: on a physical ESX 3.0 host the inner guest must not use the backdoor, so it
 * shows no trace of VMware Tools (E30-3). Strong traces are errors, weak ones information.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {keyLoc, valueLoc} from '../../src/engine/fixer.js';
import {toolsTraceOf} from '../../src/knowledge/hosts.js';
import {applicable, roleApplies, sameValue} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

export default createRule({
  name: 'inner-no-tools',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow traces of VMware Tools in an inner VM when the physical host is ESX 3.0',
      requirement: ['E30-3'],
      recommended: true,
    },
    fixable: 'code',
    messages: {
      strongTrace: '`{{key}}` shows that VMware Tools have run in this guest: an inner VM on {{where}} must not use the backdoor',
      expectsTools: '`{{key}} = "{{value}}"` {{why}}: set it to `"{{fix}}"` in an inner VM on {{where}}',
      weakTrace: '`{{key}} = "{{value}}"` configures VMware Tools, which an inner VM on {{where}} must not use',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    if (!roleApplies(context, 'inner-no-tools')) return NO_VISITORS;
    return {
      root() {
        const a = applicable(context, 'inner-no-tools');
        if (!a) return;
        const where = a.where;
        for (const e of context.entries()) {
          const trace = toolsTraceOf(e.key);
          if (!trace || trace.kind === 'restricts') continue;
          if (trace.kind === 'strong') {
            // an empty value records nothing
            if (e.value.trim() !== '') context.report({node: e, loc: keyLoc(e), messageId: 'strongTrace', data: {key: e.key, where}});
            continue;
          }
          if (trace.off?.some((v) => sameValue(v, e.value))) continue;
          const bad = trace.bad;
          if (bad && sameValue(bad.value, e.value)) {
            context.report({
              node: e,
              loc: valueLoc(e),
              messageId: 'expectsTools',
              data: {key: e.key, value: e.value, why: bad.why, fix: bad.fix, where},
              fix: (fixer) => fixer.setValue(e, bad.fix),
            });
          } else {
            context.report({node: e, messageId: 'weakTrace', data: {key: e.key, value: e.value, where}, info: true});
          }
        }
      },
    };
  },
});
