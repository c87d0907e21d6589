/**
 * `outer-virtualization-keys`: an outer VM on a 2008-era host has every key of its host/CPU row
 * with the right value (G1). A key of another row is not part of this one: a warning (the 2009
 * document lists only what each row needs, never that other keys are ignored), with what it does.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {LEGACY_KEY_EFFECTS, legacyOuterKey, OUTER_KEY_NOTES} from '../../src/knowledge/hosts.js';
import type {Entry} from '../../src/syntax/types.js';
import {applicable, checkValues, fixOrSuggest, replaceOrRemove, roleApplies, sameValue, show} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

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
    hasSuggestions: true,
    messages: {
      missingKey: 'Missing `{{key}}` in an outer VM on {{where}}{{unverified}}',
      wrongValue: 'Expected `{{key}}` to be `"{{expected}}"` on {{where}}, not `"{{actual}}"`',
      foreignKey: '`{{key}}` is not part of the row of {{where}} ({{row}}): it {{does}}; use `{{replacement}}`',
      foreignKeyExtra: '`{{key}}` is not part of the row of {{where}} ({{row}}): it {{does}}',
      keyNote: '`{{entry}}` {{note}}',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    if (!roleApplies(context, 'outer-virtualization-keys')) return NO_VISITORS;
    return {
      root(node) {
        const a = applicable(context, 'outer-virtualization-keys');
        if (!a) return;
        const {keys, foreign, verified} = a.value;
        const where = a.where;
        const row = keys.map((k) => `\`${show(k)}\``).join(', ');
        const unverified = verified ? '' : ' (unverified: the keys of this release are inferred from Workstation 6.5 / ESX 4.0)';
        const missing = keys.filter((k) => !context.getEntries(k.key).length);
        for (const k of keys) {
          checkValues(context, k, where, (e) => {
            const note = OUTER_KEY_NOTES[k.key];
            if (note) context.report({node: e, messageId: 'keyNote', data: {entry: show({key: e.key, value: e.value}), note}, info: true});
          });
        }
        // a key of another row that forces something: the fix turns it into a missing key of this row, in order
        const isForeign = (e: Entry) => {
          const own = legacyOuterKey(e.key);
          return own !== undefined && foreign.some((f) => f.toLowerCase() === e.key.toLowerCase()) && sameValue(e.value, own.value);
        };
        const does = (e: Entry) => ({row, does: LEGACY_KEY_EFFECTS[legacyOuterKey(e.key)!.key] ?? "belongs to another host's row"});
        replaceOrRemove(context, context.entries().filter(isForeign), missing, {replace: 'foreignKey', remove: 'foreignKeyExtra'}, where, does, {warn: true});
        for (const k of missing) {
          context.report({node, messageId: 'missingKey', data: {key: show(k), where, unverified}, ...fixOrSuggest(context, `Add \`${show(k)}\``, (fixer) => fixer.addEntry(k.key, k.value))});
        }
      },
    };
  },
});
