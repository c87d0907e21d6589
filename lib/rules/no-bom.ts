/** `no-bom`: a UTF-8 byte-order mark at the start of the file (VMware was reported to call such a file corrupted). */
import {createRule} from '../../src/engine/create-rule.js';
import {NO_VISITORS} from './util/visitors.js';

export default createRule({
  name: 'no-bom',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a byte-order mark at the start of the file',
      recommended: true,
    },
    fixable: 'code',
    messages: {
      bom: 'File starts with a UTF-8 byte-order mark (U+FEFF), which VMware does not write and may refuse as a corrupted configuration',
    },
    defaultSeverity: 'warn',
  },
  create(context) {
    if (!context.tree.bom) return NO_VISITORS;
    return {
      root(node) {
        // the parser keeps the mark out of the first line: it is the first UTF-16 unit of the text
        context.report({node, loc: {start: {line: 1, column: 1}, end: {line: 1, column: 1}}, messageId: 'bom', fix: (fixer) => fixer.replaceText([0, 1], '')});
      },
    };
  },
});
