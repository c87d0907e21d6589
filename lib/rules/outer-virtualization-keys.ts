/**
 * `outer-virtualization-keys`: an outer VM on a 2008-era host has every key of its host/CPU row
 * with the right value (G1), and no key of another row.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {keyLoc, valueLoc} from '../../src/engine/fixer.js';
import {legacyOuterKey, OUTER_KEY_NOTES, type KeyValue} from '../../src/knowledge/hosts.js';
import type {Entry} from '../../src/syntax/types.js';
import {applicable, sameValue, show} from './_nested.js';

export default createRule({
  name: 'outer-virtualization-keys',
  meta: {
    type: 'problem',
    docs: {
      description: "Require the outer VM's hardware-virtualization keys for its host and CPU",
      requirement: ['G1'],
      recommended: true,
    },
    fixable: 'code',
    messages: {
      missingKey: 'Missing `{{key}}` in an outer VM on {{where}}',
      wrongValue: 'Expected `{{key}}` to be `"{{expected}}"` on {{where}}, not `"{{actual}}"`',
      foreignKey: '`{{key}}` does nothing on {{where}}: use `{{replacement}}`',
      foreignKeyExtra: "`{{key}}` does nothing on {{where}}: it belongs to another host's row",
      keyNote: '`{{entry}}` {{note}}',
    },
    schema: {type: 'object', additionalProperties: false, properties: {}},
    defaultSeverity: 'error',
  },
  defaultOptions: {},
  create(context) {
    return {
      root(node) {
        const a = applicable(context, 'outer-virtualization-keys');
        if (!a) return;
        const {keys, foreign} = a.value;
        const where = a.where;
        const missing: KeyValue[] = [];
        for (const k of keys) {
          const entries = context.getEntries(k.key);
          if (!entries.length) missing.push(k);
          for (const e of entries) {
            if (sameValue(e.value, k.value)) {
              const note = OUTER_KEY_NOTES[k.key];
              if (note) context.report({node: e, messageId: 'keyNote', data: {entry: show({key: e.key, value: e.value}), note}, info: true});
              continue;
            }
            context.report({
              node: e,
              loc: valueLoc(e),
              messageId: 'wrongValue',
              data: {key: e.key, expected: k.value, actual: e.value, where},
              fix: (fixer) => fixer.setValue(e, k.value),
            });
          }
        }
        // a key of another row that forces something: the fix turns it into a missing key of this row, in order
        const isForeign = (e: Entry) => {
          const own = legacyOuterKey(e.key);
          return own !== undefined && foreign.some((f) => f.toLowerCase() === e.key.toLowerCase()) && sameValue(e.value, own.value);
        };
        for (const e of context.entries().filter(isForeign)) {
          const replacement = missing.shift();
          if (replacement) {
            context.report({
              node: e,
              loc: keyLoc(e),
              messageId: 'foreignKey',
              data: {key: e.key, where, replacement: show(replacement)},
              fix: (fixer) => fixer.replaceEntry(e, replacement.key, replacement.value),
            });
          } else {
            context.report({node: e, loc: keyLoc(e), messageId: 'foreignKeyExtra', data: {key: e.key, where}, fix: (fixer) => fixer.removeNode(e)});
          }
        }
        for (const k of missing) {
          context.report({node, messageId: 'missingKey', data: {key: show(k), where}, fix: (fixer) => fixer.addEntry(k.key, k.value)});
        }
      },
    };
  },
});
