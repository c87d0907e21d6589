/**
 * `boolean-values`: boolean keys (per src/knowledge/keys.ts) written other than `"TRUE"` / `"FALSE"`.
 * VMware's reader (`Dictionary_StringToBool`) takes `true`/`t`/`yes`/`y`/`on`/`1` and
 * `false`/`f`/`no`/`n`/`off`/`0` in any case, and reads an empty value as TRUE; its writer only
 * writes `TRUE` / `FALSE`, and libvirt accepts only `true` / `false` (any case).
 */
import {createRule} from '../../src/engine/create-rule.js';
import {valueLoc} from '../../src/engine/fixer.js';
import {lookupKey} from '../../src/knowledge/keys.js';

export interface Options {
  /** Accept `"true"`, `"False"`, ... (other letter cases of TRUE/FALSE) without a report. */
  ignoreCase: boolean;
}

const TRUE_WORDS: readonly string[] = ['true', 't', 'yes', 'y', 'on', '1'];
const FALSE_WORDS: readonly string[] = ['false', 'f', 'no', 'n', 'off', '0'];

/** VMware's reading of a boolean value: `undefined` when it is not a boolean at all. */
function readBoolean(value: string): 'TRUE' | 'FALSE' | undefined {
  const v = value.toLowerCase();
  if (v === '' || TRUE_WORDS.includes(v)) return 'TRUE';
  if (FALSE_WORDS.includes(v)) return 'FALSE';
  return undefined;
}

export default createRule<Options, 'wrongCase' | 'alias' | 'empty' | 'notBoolean'>({
  name: 'boolean-values',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require boolean keys to be written `"TRUE"` or `"FALSE"`',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      wrongCase: 'Boolean `{{key}}` written `"{{value}}"`: VMware writes `"{{canonical}}"`',
      alias: 'Boolean `{{key}}` written `"{{value}}"`: VMware reads it as `{{canonical}}` and writes `"{{canonical}}"`; other tools (libvirt) accept only true/false',
      empty: 'Boolean `{{key}}` is empty, which VMware reads as `TRUE`: write `"TRUE"` or `"FALSE"`',
      notBoolean: '`{{key}}` must be `"TRUE"` or `"FALSE"`, not `"{{value}}"` (VMware reports an error and uses `FALSE`)',
    },
    schema: {type: 'object', additionalProperties: false, properties: {ignoreCase: {type: 'boolean'}}},
    defaultSeverity: 'warn',
  },
  defaultOptions: {ignoreCase: false},
  create(context) {
    return {
      entry(node) {
        // the value first: most booleans are already written as VMware writes them
        const value = node.value;
        if (value === 'TRUE' || value === 'FALSE') return;
        if (lookupKey(node.key)?.type !== 'boolean') return;
        const canonical = readBoolean(value);
        const loc = valueLoc(node);
        const data = {key: node.key, value, canonical: canonical ?? ''};
        if (canonical === undefined) {
          context.report({node, loc, messageId: 'notBoolean', data});
        } else if (value === '') {
          context.report({
            node,
            loc,
            messageId: 'empty',
            data,
            suggest: (['TRUE', 'FALSE'] as const).map((v) => ({desc: `Write \`"${v}"\``, fix: (fixer) => fixer.setValue(node, v)})),
          });
        } else if (value.toUpperCase() === canonical) {
          // `"true"` works everywhere (older ESX wrote it): information, unless switched off
          if (!context.options.ignoreCase) {
            context.report({node, loc, messageId: 'wrongCase', data, info: true, fix: (fixer) => fixer.setValue(node, canonical)});
          }
        } else {
          context.report({node, loc, messageId: 'alias', data, fix: (fixer) => fixer.setValue(node, canonical)});
        }
      },
    };
  },
});
