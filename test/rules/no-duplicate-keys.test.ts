import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/no-duplicate-keys.js';

new RuleTester().run('no-duplicate-keys', rule, {
  valid: [
    'a = "1"\nb = "2"\n',
    {name: 'same key in comments is fine', code: '# a = "1"\na = "1"\n'},
    {name: 'different devices', code: 'ethernet0.present = "TRUE"\nethernet1.present = "TRUE"\n'},
  ],
  invalid: [
    {
      name: 'different values: no fix',
      code: 'memsize = "1024"\nnumvcpus = "2"\nmemsize = "2048"\n',
      errors: [
        {
          messageId: 'duplicate',
          message: 'Duplicate key `memsize`: already set on line 1 (VMware refuses a file with duplicate keys)',
          line: 3,
          column: 1,
          endColumn: 8,
        },
      ],
      output: null,
    },
    {
      name: 'case-only duplicate with the same value is removed',
      code: 'msg.autoAnswer = "TRUE"\r\ndisplayName = "x"\r\nmsg.autoanswer = "TRUE"\r\n',
      errors: [{messageId: 'sameValue', message: 'Duplicate key `msg.autoanswer` with the same value as on line 1', line: 3}],
      output: 'msg.autoAnswer = "TRUE"\r\ndisplayName = "x"\r\n',
    },
    {
      name: 'last line without newline',
      code: 'a = "1"\n  A = "1"',
      errors: [{messageId: 'sameValue', line: 2, column: 3}],
      output: 'a = "1"',
    },
    {
      name: 'two problems',
      code: 'a = "1"\nb = "2"\na = "1"\nB = "3"\n',
      errors: [
        {messageId: 'sameValue', line: 3},
        {messageId: 'duplicate', line: 4},
      ],
      output: 'a = "1"\nb = "2"\nB = "3"\n',
    },
  ],
});
