import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/key-spelling.js';

new RuleTester().run('key-spelling', rule, {
  valid: [
    'monitor_control.vt32 = "TRUE"\n',
    {name: 'case does not matter', code: 'vmx.allownested = "TRUE"\nMONITOR_CONTROL.VT32 = "TRUE"\n'},
    {name: 'unknown keys far from any known one', code: 'my.own.key = "x"\n'},
    {name: 'a real key one letter from another', code: 'sched.mem.pin = "TRUE"\n'},
    {name: 'free-form namespaces', code: 'guestinfo.vt23 = "x"\n'},
  ],
  invalid: [
    {
      name: 'the 2008 typo: suggestion only',
      code: 'monitor_control.vt23 = "TRUE"\n',
      errors: [
        {
          messageId: 'typo',
          message: 'Unknown key `monitor_control.vt23`: did you mean `monitor_control.vt32`? (VMware ignores keys it does not know)',
          line: 1,
          column: 1,
          endColumn: 21,
          suggestions: [{desc: 'Rename to `monitor_control.vt32`', output: 'monitor_control.vt32 = "TRUE"\n'}],
        },
      ],
      output: null,
    },
    {
      name: 'indexed key, indented, CRLF, odd case: the file\'s index kept',
      code: 'config.version = "8"\r\n  Ethernet1.Presnet = "TRUE"\r\n',
      errors: [
        {
          messageId: 'typo',
          line: 2,
          column: 3,
          suggestions: [{desc: 'Rename to `ethernet1.present`', output: 'config.version = "8"\r\n  ethernet1.present = "TRUE"\r\n'}],
        },
      ],
      output: null,
    },
    {
      name: 'the meant key is already set: no suggestion (it would be a duplicate)',
      code: 'vhv.enable = "TRUE"\nvhv.enabel = "TRUE"\n',
      errors: [
        {
          messageId: 'typoTaken',
          message: 'Unknown key `vhv.enabel`: did you mean `vhv.enable`? It is already set on line 1',
          line: 2,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'two typos',
      code: 'memsiz = "1024"\nnumvcpu = "2"\n',
      errors: [
        {messageId: 'typo', line: 1, message: /did you mean `memsize`\?/},
        {messageId: 'typo', line: 2, message: /did you mean `numvcpus`\?/},
      ],
      output: null,
    },
  ],
});
