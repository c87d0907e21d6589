import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/valid-escapes.js';

new RuleTester().run('valid-escapes', rule, {
  valid: [
    {name: 'libvirt\'s escaped annotation', code: 'annotation = "Some |7Ctext|7C to test the |22escaping|22: |45|73|63|61|70|65|64|21"\n'},
    {name: 'lower-case hex digits are read too', code: 'annotation = "|7c"\n'},
    {name: 'an escaped #', code: 'unity.customColor = "|23C0C0C0"\n'},
    {name: 'backslashes are not escapes', code: 'migrate.hostlog = ".\\vm-e7233550.hlog"\n'},
    {name: 'tab, quote-free punctuation, = and # inside quotes', code: "annotation = \"a\tb = c # it's fine\"\n"},
    'memsize = 1024\n',
  ],
  invalid: [
    {
      name: 'a lone |',
      code: 'annotation = "a | b"\n',
      errors: [
        {
          messageId: 'badEscape',
          message: '`|` not followed by two hex digits in the value of `annotation`: VMware reads a literal `|` but libvirt rejects it (write `|7C`)',
          line: 1,
          column: 17,
          endColumn: 18,
        },
      ],
      output: 'annotation = "a |7C b"\n',
    },
    {
      name: 'three bad | in one value: one hex digit, a non-hex pair, at the end',
      code: 'x = "|4|G1|"\n',
      errors: [
        {messageId: 'badEscape', column: 6},
        {messageId: 'badEscape', column: 8},
        {messageId: 'badEscape', column: 11},
      ],
      output: 'x = "|7C4|7CG1|7C"\n',
    },
    {
      name: 'a raw control character, CRLF, odd key case',
      code: 'displayName = "ok"\r\nAnnotation = "a\u0001b"\r\n',
      errors: [{messageId: 'unescaped', message: 'Unescaped U+0001 in the value of `Annotation`: VMware writes it as `|01`', line: 2, column: 16}],
      output: 'displayName = "ok"\r\nAnnotation = "a|01b"\r\n',
    },
    {
      name: 'a double quote inside an unquoted value, and DEL',
      code: 'k = ab"c\nx = "\u007f"\n',
      errors: [
        {messageId: 'unescaped', message: 'Unescaped double quote in the value of `k`: VMware writes it as `|22`', line: 1, column: 7},
        {messageId: 'unescaped', message: 'Unescaped U+007F in the value of `x`: VMware writes it as `|7F`', line: 2, column: 6},
      ],
      output: 'k = ab|22c\nx = "|7F"\n',
    },
  ],
});
