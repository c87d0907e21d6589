/** `quoted-values`: values written without the double quotes VMware always writes. */
import {createRule} from '../../src/engine/create-rule.js';
import {valueLoc, valueRange} from '../../src/engine/fixer.js';
import type {Fixer} from '../../src/engine/types.js';
import {escapeValue} from '../../src/syntax/escape.js';
import type {Entry} from '../../src/syntax/types.js';

/** The edit that quotes an entry's value: VMware's escapes, and a space kept before a trailing comment. */
function quoted(entry: Entry): {range: [number, number]; text: string} {
  const range = valueRange(entry);
  let text = `"${escapeValue(entry.value)}"`;
  if (entry.rawValue === '') {
    // `key =` or `key = # note`: keep the value apart from `=` (unless the file writes `key=`) and from the comment
    if (entry.afterEquals === '' && entry.beforeEquals !== '') text = ` ${text}`;
    if (entry.trailing.startsWith('#')) text = `${text} `;
  }
  return {range, text};
}

export default createRule({
  name: 'quoted-values',
  meta: {
    type: 'layout',
    docs: {
      description: 'Require values in double quotes, as VMware writes them',
      recommended: true,
    },
    fixable: 'code',
    messages: {
      unquoted: 'Unquoted value of `{{key}}`: VMware writes every value in double quotes',
      empty: 'Empty value of `{{key}}` written without quotes: VMware writes `""`',
    },
    defaultSeverity: 'warn',
  },
  create(context) {
    return {
      entry(node) {
        if (node.quoted) return;
        const {range, text} = quoted(node);
        const fix = (fixer: Fixer) => fixer.replaceText(range, text);
        if (node.rawValue === '') {
          context.report({node, messageId: 'empty', data: {key: node.key}, fix});
        } else {
          context.report({node, loc: valueLoc(node), messageId: 'unquoted', data: {key: node.key}, fix});
        }
      },
    };
  },
});
