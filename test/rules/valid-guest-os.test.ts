import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/valid-guest-os.js';

new RuleTester().run('valid-guest-os', rule, {
  valid: [
    {name: 'point 12: RHEL 10, which open-vm-tools added', code: 'guestOS = "rhel10-64"\n'},
    {name: 'point 12: FreeBSD 15 as the header spells it', code: 'guestOS = "freeBSD15-64"\n'},
    {name: 'point 12: Linux 7.x', code: 'guestOS = "other7xlinux-64"\n'},
    'guestOS = "ubuntu-64"\n',
    {name: 'any case', code: 'GUESTOS = "WINXPPRO"\nguestos = "rhel5"\n'},
    {name: 'hypervisor guests', code: 'guestOS = "vmkernel8"\n'},
    {name: 'other keys are not guest ids', code: 'displayName = "ubuntu64"\n'},
  ],
  invalid: [
    {
      name: 'a typo: suggestion only, never a fix',
      code: 'guestOS = "ubuntu64"\n',
      errors: [
        {
          messageId: 'didYouMean',
          message: 'Unknown `guestOS` value `ubuntu64`: did you mean `ubuntu-64`?',
          line: 1,
          column: 11,
          endColumn: 21,
          suggestions: [{desc: 'Replace with `ubuntu-64`', output: 'guestOS = "ubuntu-64"\n'}],
        },
      ],
      output: null,
    },
    {
      name: 'a product name instead of VMware\'s id, CRLF, odd key case',
      code: 'displayName = "Win10"\r\nGuestOS = "windows10-64"\r\n',
      errors: [
        {
          messageId: 'didYouMean',
          line: 2,
          suggestions: [{desc: 'Replace with `windows9-64`', output: 'displayName = "Win10"\r\nGuestOS = "windows9-64"\r\n'}],
        },
      ],
      output: null,
    },
    {
      name: 'nothing close: unknown, no suggestion',
      code: 'guestOS = "beos"\n',
      errors: [
        {
          messageId: 'unknown',
          message: 'Unknown `guestOS` value `beos`: not a VMware guest OS identifier vmxlint knows (a newer product may know it)',
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'a newer release\'s id (another number in a known family): information, no suggestion',
      code: 'guestOS = "debian14-64"\n',
      errors: [
        {
          messageId: 'newer',
          message: 'Unknown `guestOS` value `debian14-64`: probably an identifier of a VMware release newer than vmxlint\'s table',
          severity: 0,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'a -32 suffix VMware does not write',
      code: 'guestOS = "ubuntu-32"\n',
      errors: [{messageId: 'didYouMean', suggestions: [{desc: 'Replace with `ubuntu`', output: 'guestOS = "ubuntu"\n'}]}],
      output: null,
    },
    {
      name: 'point 12: transposed digits get the suggestion, not "newer release"',
      code: 'guestOS = "ubuntu-46"\n',
      errors: [
        {
          messageId: 'didYouMean',
          message: 'Unknown `guestOS` value `ubuntu-46`: did you mean `ubuntu-64`?',
          suggestions: [{desc: 'Replace with `ubuntu-64`', output: 'guestOS = "ubuntu-64"\n'}],
        },
      ],
      output: null,
    },
    {
      name: 'point 12: the vSphere API name otherGuest is not a .vmx id',
      code: 'guestOS = "otherGuest"\n',
      errors: [{messageId: 'didYouMean', message: 'Unknown `guestOS` value `otherGuest`: did you mean `other`?'}],
      output: null,
    },
    {
      name: 'empty',
      code: 'guestOS = ""\n',
      errors: [{messageId: 'empty', message: 'Empty `guestOS`: name the guest OS identifier VMware should set the virtual machine up for'}],
      output: null,
    },
    {
      name: 'two problems',
      code: 'guestos = "plan9"\nguestOS = "rhel7_64"\n',
      errors: [
        {messageId: 'unknown', line: 1},
        {messageId: 'didYouMean', line: 2, message: 'Unknown `guestOS` value `rhel7_64`: did you mean `rhel7-64`?'},
      ],
      output: null,
    },
  ],
});
