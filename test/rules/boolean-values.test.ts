import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/boolean-values.js';

new RuleTester().run('boolean-values', rule, {
  valid: [
    'ethernet0.present = "TRUE"\nvhv.enable = "FALSE"\n',
    {name: 'not a boolean key', code: 'displayName = "yes"\nmemsize = "1"\n'},
    {name: 'a free-form string namespace', code: 'guestinfo.flag = "true"\n'},
    {name: 'unknown keys are left alone', code: 'my.own.flag = "yes"\n'},
    {name: 'ignoreCase accepts other letter cases', code: 'scsi0.present = "true"\nfloppy0.present = "False"\n', options: {ignoreCase: true}},
  ],
  invalid: [
    {
      name: 'yes on a nested key',
      code: 'monitor_control.vt32 = "yes"\n',
      errors: [
        {
          messageId: 'alias',
          message:
            'Boolean `monitor_control.vt32` written `"yes"`: VMware reads it as `TRUE` and writes `"TRUE"`; other tools (libvirt) accept only true/false',
          line: 1,
          column: 24,
          endColumn: 29,
          severity: 2,
        },
      ],
      output: 'monitor_control.vt32 = "TRUE"\n',
    },
    {
      name: 'CRLF, odd key case, three forms; lower case is information',
      code: 'VHV.Enable = "1"\r\nethernet0.Present = "off"\r\nsound.present = "true"\r\n',
      errors: [
        {messageId: 'alias', line: 1, column: 14},
        {messageId: 'alias', line: 2, message: /reads it as `FALSE`/},
        {messageId: 'wrongCase', message: 'Boolean `sound.present` written `"true"`: VMware writes `"TRUE"`', line: 3, severity: 0},
      ],
      output: 'VHV.Enable = "TRUE"\r\nethernet0.Present = "FALSE"\r\nsound.present = "TRUE"\r\n',
    },
    {
      name: 'ignoreCase still reports aliases',
      code: 'usb.present = "Y"\nscsi0.present = "true"\n',
      options: {ignoreCase: true},
      errors: [{messageId: 'alias', line: 1}],
      output: 'usb.present = "TRUE"\nscsi0.present = "true"\n',
    },
    {
      name: 'empty: VMware reads TRUE, so only suggestions',
      code: 'usb.present = ""\n',
      errors: [
        {
          messageId: 'empty',
          message: 'Boolean `usb.present` is empty, which VMware reads as `TRUE`: write `"TRUE"` or `"FALSE"`',
          suggestions: [
            {desc: 'Write `"TRUE"`', output: 'usb.present = "TRUE"\n'},
            {desc: 'Write `"FALSE"`', output: 'usb.present = "FALSE"\n'},
          ],
        },
      ],
      output: null,
    },
    {
      name: 'not a boolean at all',
      code: 'monitor_control.restrict_backdoor = "hardware"\n',
      errors: [
        {
          messageId: 'notBoolean',
          message: '`monitor_control.restrict_backdoor` must be `"TRUE"` or `"FALSE"`, not `"hardware"` (VMware reports an error and uses `FALSE`)',
        },
      ],
      output: null,
    },
    {
      name: 'an unquoted value stays unquoted (quoted-values adds the quotes)',
      code: 'vmx.allowNested = yes\n',
      errors: [{messageId: 'alias', column: 19, endColumn: 22}],
      output: 'vmx.allowNested = TRUE\n',
    },
  ],
});
