/**
 * `key-spelling`: an unknown key within a typo's distance of a well-known one
 * (src/knowledge/keys.ts), with a did-you-mean. Letter case never counts as a typo.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {keyLoc, keyStart} from '../../src/engine/fixer.js';
import {nearestKey} from '../../src/knowledge/keys.js';

export default createRule({
  name: 'key-spelling',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report misspelt well-known keys, with the key they most likely mean',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      typo: 'Unknown key `{{key}}`: did you mean `{{suggestion}}`? (VMware ignores keys it does not know)',
      typoTaken: 'Unknown key `{{key}}`: did you mean `{{suggestion}}`? It is already set on line {{line}}',
    },
    defaultSeverity: 'warn',
  },
  create(context) {
    return {
      entry(node) {
        const suggestion = nearestKey(node.key);
        if (suggestion === undefined) return;
        const loc = keyLoc(node);
        const taken = context.getEntry(suggestion);
        if (taken) {
          // renaming would make a duplicate key, which VMware refuses: no suggestion
          context.report({node, loc, messageId: 'typoTaken', data: {key: node.key, suggestion, line: taken.position.start.line}});
          return;
        }
        const start = keyStart(node);
        context.report({
          node,
          loc,
          messageId: 'typo',
          data: {key: node.key, suggestion},
          // the key may be meant for something vmxlint does not know: a suggestion, never a fix
          suggest: [{desc: `Rename to \`${suggestion}\``, fix: (fixer) => fixer.replaceText([start, start + node.key.length], suggestion)}],
        });
      },
    };
  },
});
