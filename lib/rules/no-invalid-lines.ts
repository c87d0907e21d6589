/** `no-invalid-lines`: a line that is neither `key = value`, a comment nor blank. */
import {createRule} from '../../src/engine/create-rule.js';

export default createRule({
  name: 'no-invalid-lines',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow lines that are not `key = value`, a comment or blank',
      recommended: true,
    },
    messages: {
      invalid: 'Line is not `key = "value"`, a comment or blank: {{reason}}',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    return {
      invalid(node) {
        context.report({node, messageId: 'invalid', data: {reason: node.reason}});
      },
    };
  },
});
