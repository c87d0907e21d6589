import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/inner-32bit-guest.js';

const inner = {role: 'inner', host: 'esx-3.0'} as const;

new RuleTester().run('inner-32bit-guest', rule, {
  valid: [
    {name: 'a 32-bit guest', code: 'virtualHW.version = "4"\nguestOS = "winXPPro"\n', settings: inner},
    {name: 'any letter case', code: 'guestOS = "OTHER26XLINUX"\n', settings: inner},
    {name: 'an outer VM may run a 64-bit guest (G3)', code: 'guestOS = "vmkernel"\n', settings: {role: 'outer', host: 'esx-3.0', cpu: 'intel'}},
    {name: 'modern hosts run 64-bit inner guests (with EPT/RVI)', code: 'guestOS = "ubuntu-64"\n', settings: {role: 'inner', host: 'esxi-8.0'}},
    {name: 'no guestOS: nothing to check', code: 'memsize = "512"\n', settings: inner},
    {name: 'no host: nothing is guessed', code: 'guestOS = "ubuntu-64"\n', settings: {role: 'inner'}},
  ],
  invalid: [
    {
      name: 'a 64-bit guest: no fix, changing the id does not change the OS',
      code: 'virtualHW.version = "4"\nguestOS = "winXPPro-64"\n',
      settings: inner,
      errors: [
        {
          messageId: 'guest64',
          message: '`guestOS = "winXPPro-64"` is a 64-bit guest: an inner VM on esx-3.0 runs only 32-bit guests',
          line: 2,
          column: 11,
          endColumn: 24,
          severity: 2,
        },
      ],
      output: null,
    },
    {
      name: 'odd case key and id, CRLF, Hyper-V is 64-bit',
      code: 'GUESTOS = "WINHYPERV"\r\nmemsize = "2048"\r\n',
      settings: {role: 'inner', host: 'workstation-6.0'},
      errors: [{messageId: 'guest64', message: '`guestOS = "WINHYPERV"` is a 64-bit guest: an inner VM on workstation-6.0 runs only 32-bit guests', line: 1, column: 11}],
      output: null,
    },
    {
      name: 'an unknown id is information, not a guess',
      code: 'guestOS = "haiku"\n',
      settings: inner,
      errors: [{messageId: 'guestUnknown', message: 'Unknown `guestOS` `haiku`: cannot tell whether it is the 32-bit guest an inner VM on esx-3.0 needs', severity: 0}],
      output: null,
    },
  ],
});
