import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/no-invalid-lines.js';

new RuleTester().run('no-invalid-lines', rule, {
  valid: ['a = "1"\n# comment\n\n\t\n', 'key = value # trailing\n', 'key =\n', 'k = "a = b"\n'],
  invalid: [
    {
      code: 'numvcpus ="2\n',
      errors: [{messageId: 'invalid', message: 'Line is not `key = "value"`, a comment or blank: unterminated quoted value for `numvcpus`', line: 1, column: 1, endColumn: 13}],
      output: null,
    },
    {
      code: 'a = "1"\r\njust some words\r\nkey = two words\r\n',
      errors: [
        {message: 'Line is not `key = "value"`, a comment or blank: expected `=` after key `just`', line: 2},
        {message: 'Line is not `key = "value"`, a comment or blank: unquoted value of `key` contains whitespace', line: 3},
      ],
      output: null,
    },
    {
      name: 'odd key case',
      code: 'MEMSIZE = "1024" junk\n',
      errors: [{message: 'Line is not `key = "value"`, a comment or blank: unexpected text after the closing quote of `MEMSIZE`', line: 1, column: 1}],
      output: null,
    },
    {
      code: 'k = "v" trailing\n= "x"\n',
      errors: [
        {message: /text after the closing quote/, line: 1},
        {message: /no key/, line: 2},
      ],
      output: null,
    },
  ],
});
