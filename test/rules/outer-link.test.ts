import {afterAll} from '@jest/globals';
import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/outer-link.js';
import {esxiOuter, labFile, tempLab} from '../nested/_labs.js';

const lab = tempLab({
  'esxi8.vmx': esxiOuter(),
  'plain.vmx': '# vmxlint role=none\nguestOS = "ubuntu-64"\n',
  'undecodable.vmx': '.encoding = "UTF-8"\nguestOS = "\u0000"\n',
});
afterAll(() => lab.remove());

new RuleTester().run('outer-link', rule, {
  valid: [
    {name: 'the shipped Workstation 17 + ESXi 8 lab', ...labFile('ws17-esxi8/ubuntu/ubuntu.vmx')},
    {name: 'the shipped ESX 3.0 + Workstation 6.0 lab', ...labFile('esx30-ws60/xp/xp.vmx')},
    {name: 'no link', code: 'guestOS = "ubuntu-64"\n'},
    {name: 'a setting that agrees with the outer VM', code: '# vmxlint outer=esxi8.vmx host=workstation-17 cpu=intel\nguestOS = "ubuntu-64"\n', filename: lab.file('inner.vmx')},
    {name: '--outer does not apply to the outer VM itself', code: esxiOuter(), filename: lab.file('esxi8.vmx'), settings: {outer: lab.file('esxi8.vmx')}},
  ],
  invalid: [
    {
      name: 'a missing outer file: one message, on the comment',
      code: 'guestOS = "ubuntu-64"\n# vmxlint outer=../esxi8/nope.vmx\n',
      filename: lab.file('inner/inner.vmx'),
      errors: [{messageId: 'problem', message: 'The outer VM `../esxi8/nope.vmx` (from the `# vmxlint` comment) does not exist: nothing of the outer VM can be checked (fix the path in `outer`)', line: 2, column: 1}],
      output: null,
    },
    {
      name: 'an outer file that cannot be decoded',
      code: '# vmxlint outer=undecodable.vmx\n',
      filename: lab.file('inner.vmx'),
      errors: [{messageId: 'problem', message: /^The outer VM `undecodable\.vmx` \(from the `# vmxlint` comment\) cannot be decoded: /}],
      output: null,
    },
    {
      name: 'an outer given on the command line: the message says so',
      code: 'guestOS = "ubuntu-64"\n',
      filename: lab.file('inner.vmx'),
      settings: {outer: lab.file('gone.vmx')},
      errors: [{messageId: 'problem', message: /^The outer VM `gone\.vmx` \(from the command line\) does not exist/, line: 1, column: 1}],
      output: null,
    },
    {
      name: 'a linked file that is not an outer VM',
      code: '# vmxlint outer=plain.vmx\nguestOS = "ubuntu-64"\n',
      filename: lab.file('inner.vmx'),
      errors: [{messageId: 'notOuter', message: 'The outer VM `plain.vmx` is not an outer VM: its role is `none` (from the `# vmxlint` comment)'}],
      output: null,
    },
    {
      name: 'a host on the inner that contradicts the outer VM',
      code: '# vmxlint outer=esxi8.vmx host=esxi-8.0\nguestOS = "ubuntu-64"\n',
      filename: lab.file('inner.vmx'),
      errors: [
        {
          messageId: 'contradiction',
          message: '`host` is `esxi-8.0` here (from the `# vmxlint` comment) but `workstation-17` from the outer VM `esxi8.vmx`: one of them is wrong (this file\'s value is used)',
        },
      ],
      output: null,
    },
  ],
});
