/** `no-duplicate-keys`: the same key twice, case-insensitively (VMware refuses such a file as corrupted). */
import {createRule} from '../../src/engine/create-rule.js';
import {keyLoc} from '../../src/engine/fixer.js';
import type {Entry} from '../../src/syntax/types.js';

export default createRule({
  name: 'no-duplicate-keys',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the same key twice, in any letter case',
      recommended: true,
    },
    fixable: 'code',
    messages: {
      duplicate: 'Duplicate key `{{key}}`: already set on line {{firstLine}} (VMware refuses a file with duplicate keys)',
      sameValue: 'Duplicate key `{{key}}` with the same value as on line {{firstLine}}',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    const first = new Map<string, Entry>();
    return {
      entry(node) {
        const lower = node.key.toLowerCase();
        const earlier = first.get(lower);
        if (!earlier) {
          first.set(lower, node);
          return;
        }
        const data = {key: node.key, firstLine: earlier.position.start.line};
        if (earlier.value === node.value) {
          // identical values: removing the later copy cannot change what any tool reads
          context.report({node, loc: keyLoc(node), messageId: 'sameValue', data, fix: (fixer) => fixer.removeNode(node)});
        } else {
          context.report({node, loc: keyLoc(node), messageId: 'duplicate', data});
        }
      },
    };
  },
});
