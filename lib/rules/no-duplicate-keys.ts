/** `no-duplicate-keys`: the same key twice, case-insensitively (VMware refuses such a file as corrupted). */
import {createRule} from '../../src/engine/create-rule.js';
import {keyLoc} from '../../src/engine/fixer.js';
import {duplicateKeys} from '../../src/syntax/lookup.js';
import {NO_VISITORS} from './util/visitors.js';

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
    // most files have no duplicate key, and then there is nothing to visit
    const earlierOf = duplicateKeys(context.tree);
    if (earlierOf === null) return NO_VISITORS;
    return {
      entry(node) {
        const earlier = earlierOf.get(node);
        if (earlier === undefined) return;
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

