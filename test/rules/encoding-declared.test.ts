import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/encoding-declared.js';

new RuleTester().run('encoding-declared', rule, {
  valid: [
    '.encoding = "UTF-8"\nconfig.version = "8"\n',
    {name: 'after a shebang, in a legacy encoding the text fits', code: '#!/usr/bin/vmware\n.encoding = "windows-1252"\ndisplayName = "Café"\n'},
    {name: 'VMware\'s name for CP949', code: '.encoding = "windows-949-2000"\ndisplayName = "실행"\n'},
    {name: 'odd key and value case', code: '.ENCODING = "utf-8"\nmemsize = "1024"\n'},
    {name: 'no entries at all', code: '# an empty snapshot list\n\n'},
    '',
  ],
  invalid: [
    {
      name: 'missing in an ASCII file: information, added first',
      code: 'config.version = "8"\nvirtualHW.version = "21"\n',
      errors: [
        {
          messageId: 'missingAscii',
          message: 'Missing `.encoding`: current VMware products write `.encoding = "UTF-8"` as the first entry',
          line: 1,
          column: 1,
          severity: 0,
        },
      ],
      output: '.encoding = "UTF-8"\nconfig.version = "8"\nvirtualHW.version = "21"\n',
    },
    {
      name: 'missing with non-ASCII text: added after the shebang and comments, CRLF kept',
      code: '#!/usr/bin/vmware\r\n# made by hand\r\ndisplayName = "Café"\r\n',
      errors: [
        {
          messageId: 'missing',
          message: 'Missing `.encoding` in a file with non-ASCII characters: VMware then reads them in the host\'s default encoding',
          severity: 2,
        },
      ],
      output: '#!/usr/bin/vmware\r\n# made by hand\r\n.encoding = "UTF-8"\r\ndisplayName = "Café"\r\n',
    },
    {
      name: 'missing after a byte-order mark: inserted after it',
      code: '\uFEFFmemsize = "1024"\n',
      errors: [{messageId: 'missingAscii'}],
      output: '\uFEFF.encoding = "UTF-8"\nmemsize = "1024"\n',
    },
    {
      name: 'not first, odd key case: moved verbatim with its comment',
      code: 'config.version = "8"\n.Encoding = "UTF-8" # keep\nmemsize = "1024"\n',
      errors: [
        {
          messageId: 'notFirst',
          message: '`.encoding` is not the first entry (line 1 is): VMware writes it first, and some tools only look for it there',
          line: 2,
          column: 1,
          endColumn: 10,
        },
      ],
      output: '.Encoding = "UTF-8" # keep\nconfig.version = "8"\nmemsize = "1024"\n',
    },
    {
      name: 'not first, on the last line without a newline',
      code: '# vm\na = "1"\n.encoding = "UTF-8"',
      errors: [{messageId: 'notFirst', line: 3}],
      output: '# vm\n.encoding = "UTF-8"\na = "1"',
    },
    {
      name: 'unknown encoding',
      code: '.encoding = "klingon"\nmemsize = "1024"\n',
      errors: [{messageId: 'unknown', message: 'Unknown encoding `klingon` in `.encoding`: neither vmxlint nor VMware can read this file\'s text safely', column: 13}],
      output: null,
    },
    {
      name: 'text the declared encoding cannot hold, and not first: two problems',
      code: 'memsize = "1024"\n.encoding = "windows-1252"\ndisplayName = "日本"\n',
      errors: [
        {messageId: 'notFirst', line: 2, column: 1},
        {messageId: 'mismatch', message: '`.encoding` says `windows-1252`, but line 3 holds characters that `windows-1252` cannot encode', line: 2, column: 13},
      ],
      output: '.encoding = "windows-1252"\nmemsize = "1024"\ndisplayName = "日本"\n',
    },
  ],
});
