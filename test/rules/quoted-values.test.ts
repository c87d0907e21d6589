import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/quoted-values.js';

new RuleTester().run('quoted-values', rule, {
  valid: [
    'memsize = "1024"\n',
    'annotation = ""\n',
    {name: 'comments are not values', code: '# numvcpus = 2\n'},
    {name: 'trailing comment after a quoted value', code: 'numvcpus = "2" # two\n'},
  ],
  invalid: [
    {
      name: 'govmx-style unquoted number',
      code: '.encoding = "UTF-8"\nrtc.diffFromUTC = 0\n',
      errors: [
        {
          messageId: 'unquoted',
          message: 'Unquoted value of `rtc.diffFromUTC`: VMware writes every value in double quotes',
          line: 2,
          column: 19,
          endColumn: 20,
        },
      ],
      output: '.encoding = "UTF-8"\nrtc.diffFromUTC = "0"\n',
    },
    {
      name: 'two problems, CRLF, odd key case, trailing comment kept',
      code: 'memsize = 1024\r\nNumVCPUs = 2 # two\r\ndisplayName = "x"\r\n',
      errors: [
        {messageId: 'unquoted', line: 1, column: 11},
        {messageId: 'unquoted', message: 'Unquoted value of `NumVCPUs`: VMware writes every value in double quotes', line: 2, column: 12},
      ],
      output: 'memsize = "1024"\r\nNumVCPUs = "2" # two\r\ndisplayName = "x"\r\n',
    },
    {
      name: 'escapes as VMware writes them: | and " inside, a valid escape kept',
      code: 'annotation = a|b"c|7c\n',
      errors: [{messageId: 'unquoted', line: 1, column: 14}],
      output: 'annotation = "a|7Cb|22c|7C"\n',
    },
    {
      name: 'empty values, in the file\'s own spacing',
      code: 'a =\nb = # note\nc=\n',
      errors: [
        {messageId: 'empty', message: 'Empty value of `a` written without quotes: VMware writes `""`', line: 1, column: 1},
        {messageId: 'empty', line: 2},
        {messageId: 'empty', line: 3},
      ],
      output: 'a = ""\nb = "" # note\nc=""\n',
    },
  ],
});
