/** `valid-guest-os`: `guestOS` names an id of src/knowledge/guest-os.ts; suggest the nearest one, never fix. */
import {createRule} from '../../src/engine/create-rule.js';
import {valueLoc} from '../../src/engine/fixer.js';
import {isKnownGuestOs, looksLikeNewerGuestOs, nearestGuestOs} from '../../src/knowledge/guest-os.js';
import {NO_VISITORS} from './util/visitors.js';

export default createRule({
  name: 'valid-guest-os',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `guestOS` to be a guest OS identifier VMware knows',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      empty: 'Empty `guestOS`: name the guest OS identifier VMware should set the virtual machine up for',
      unknown: 'Unknown `guestOS` value `{{value}}`: not a VMware guest OS identifier vmxlint knows (a newer product may know it)',
      didYouMean: 'Unknown `guestOS` value `{{value}}`: did you mean `{{suggestion}}`?',
      newer: 'Unknown `guestOS` value `{{value}}`: probably an identifier of a VMware release newer than vmxlint\'s table',
    },
    defaultSeverity: 'warn',
  },
  create(context) {
    // the `guestOS` entries are known up front: a file without one has nothing to visit
    const guests = context.getEntries('guestOS');
    if (guests.length === 0) return NO_VISITORS;
    return {
      entry(node) {
        if (!guests.includes(node)) return;
        const value = node.value.trim();
        const loc = valueLoc(node);
        if (value === '') {
          context.report({node, loc, messageId: 'empty'});
          return;
        }
        if (isKnownGuestOs(value)) return;
        const suggestion = nearestGuestOs(value);
        if (suggestion === undefined) {
          // `debian14-64` next to a known `debian13-64`: the table lags behind VMware, so information only
          const newer = looksLikeNewerGuestOs(value);
          context.report({node, loc, messageId: newer ? 'newer' : 'unknown', data: {value: node.value}, info: newer});
          return;
        }
        context.report({
          node,
          loc,
          messageId: 'didYouMean',
          data: {value: node.value, suggestion},
          // a different guest OS changes the virtual hardware VMware picks: never applied by --fix
          suggest: [{desc: `Replace with \`${suggestion}\``, fix: (fixer) => fixer.setValue(node, suggestion)}],
        });
      },
    };
  },
});
