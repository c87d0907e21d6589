import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/no-bom.js';

const BOM = '\uFEFF';

new RuleTester().run('no-bom', rule, {
  valid: [
    '.encoding = "UTF-8"\ndisplayName = "x"\n',
    {name: 'empty file', code: ''},
    {name: 'U+FEFF inside a value is not a byte-order mark', code: `annotation = "a${BOM}b"\n`},
  ],
  invalid: [
    {
      name: 'BOM before .encoding',
      code: `${BOM}.encoding = "UTF-8"\nconfig.version = "8"\n`,
      errors: [
        {
          messageId: 'bom',
          message: 'File starts with a UTF-8 byte-order mark (U+FEFF), which VMware does not write and may refuse as a corrupted configuration',
          line: 1,
          column: 1,
        },
      ],
      output: '.encoding = "UTF-8"\nconfig.version = "8"\n',
    },
    {
      name: 'CRLF file with a shebang',
      code: `${BOM}#!/usr/bin/vmware\r\nconfig.version = "8"\r\n`,
      errors: [{messageId: 'bom', line: 1, column: 1}],
      output: '#!/usr/bin/vmware\r\nconfig.version = "8"\r\n',
    },
    {
      name: 'odd key case, no final newline',
      code: `${BOM}DISPLAYNAME = "Notepad was here"`,
      errors: [{messageId: 'bom', line: 1}],
      output: 'DISPLAYNAME = "Notepad was here"',
    },
    {
      name: 'a lone BOM',
      code: BOM,
      errors: [{messageId: 'bom'}],
      output: '',
    },
  ],
});
