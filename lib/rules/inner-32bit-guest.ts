/** `inner-32bit-guest`: an inner VM on a 2008-era host runs only a 32-bit guest OS (G4). */
import {createRule} from '../../src/engine/create-rule.js';
import {valueLoc} from '../../src/engine/fixer.js';
import {guestBitness} from '../../src/knowledge/guest-os.js';
import {applicable, roleApplies} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

export default createRule({
  name: 'inner-32bit-guest',
  meta: {
    type: 'problem',
    docs: {
      description: "Require a 32-bit guest OS in an inner VM on a 2008-era host",
      requirement: ['G4'],
      recommended: true,
    },
    messages: {
      guest64: '`guestOS = "{{guest}}"` is a 64-bit guest: an inner VM on {{where}} runs only 32-bit guests',
      guestUnknown: 'Unknown `guestOS` `{{guest}}`: cannot tell whether it is the 32-bit guest an inner VM on {{where}} needs',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    if (!roleApplies(context, 'inner-32bit-guest')) return NO_VISITORS;
    return {
      root() {
        const a = applicable(context, 'inner-32bit-guest');
        if (!a) return;
        const guest = context.getEntry('guestOS');
        if (!guest) return;
        const bits = guestBitness(guest.value);
        const data = {guest: guest.value, where: a.where};
        // changing the id would not change the installed OS: no fix
        if (bits === '64') context.report({node: guest, loc: valueLoc(guest), messageId: 'guest64', data});
        else if (bits === 'unknown') context.report({node: guest, loc: valueLoc(guest), messageId: 'guestUnknown', data, info: true});
      },
    };
  },
});
