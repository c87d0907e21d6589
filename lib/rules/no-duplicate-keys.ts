/** `no-duplicate-keys`: the same key twice, case-insensitively (VMware refuses such a file as corrupted). */
import {createRule} from '../../src/engine/create-rule.js';
import {keyLoc} from '../../src/engine/fixer.js';
import {indexEntries} from '../../src/syntax/lookup.js';
import type {Entry, Root} from '../../src/syntax/types.js';

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
    // the tree's key index (shared with the engine) already groups entries by key: most files have no
    // duplicate, and then there is nothing to visit
    const earlierOf = duplicates(context.tree);
    if (earlierOf === null) return {};
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

/** Each entry whose key (case-insensitively) an earlier entry has, with the first such entry; `null` when none. */
function duplicates(tree: Root): Map<Entry, Entry> | null {
  let found: Map<Entry, Entry> | null = null;
  for (const list of indexEntries(tree).values()) {
    for (let i = 1; i < list.length; i++) (found ??= new Map()).set(list[i], list[0]);
  }
  return found;
}
