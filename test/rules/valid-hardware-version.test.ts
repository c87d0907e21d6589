import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/valid-hardware-version.js';

new RuleTester().run('valid-hardware-version', rule, {
  valid: [
    'virtualHW.version = "4"\n',
    {name: 'the newest known, odd key case', code: 'virtualhw.version = "22"\n'},
    {name: 'CRLF', code: 'virtualHW.version = "7"\r\n'},
    {name: 'config.version is another key', code: 'config.version = "5"\n'},
  ],
  invalid: [
    {
      name: 'version 5: no product uses it',
      code: 'virtualHW.version = "5"\n',
      errors: [
        {
          messageId: 'invalid',
          message: '`virtualHW.version` 5 is not a hardware version any VMware product uses',
          line: 1,
          column: 21,
          endColumn: 24,
          severity: 2,
        },
      ],
      output: null,
    },
    {
      name: 'hex is read by VMware as 16, but is not what it writes; CRLF, odd key case',
      code: 'config.version = "8"\r\nVIRTUALHW.VERSION = "0x10"\r\n',
      errors: [{messageId: 'notInteger', message: '`virtualHW.version` must be a decimal integer, not `"0x10"`', line: 2}],
      output: null,
    },
    {
      name: 'newer than the table: information',
      code: 'virtualHW.version = "23"\n',
      errors: [
        {
          messageId: 'newer',
          message: '`virtualHW.version` 23 is newer than vmxlint knows (up to 22): only a product newer than vmxlint\'s table can power it on',
          severity: 0,
        },
      ],
      output: null,
    },
    {
      name: 'two problems: below the table, and a leading zero (octal to VMware)',
      code: 'virtualHW.version = "2"\nvirtualHW.version = "07"\n',
      errors: [
        {messageId: 'invalid', line: 1},
        {messageId: 'notInteger', line: 2},
      ],
      output: null,
    },
    {
      name: 'empty',
      code: 'virtualHW.version = ""\n',
      errors: [{messageId: 'notInteger'}],
      output: null,
    },
  ],
});
