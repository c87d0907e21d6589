import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/inner-allow-nested.js';

const HEAD = 'config.version = "8"\nvirtualHW.version = "4"\nguestOS = "winXPPro"\n';
const inner = {role: 'inner', host: 'esx-3.0'} as const;

new RuleTester().run('inner-allow-nested', rule, {
  valid: [
    {name: 'present', code: HEAD + 'vmx.allowNested = "TRUE"\n', settings: inner},
    {name: 'role inferred from the key itself, host from a directive', code: '# vmxlint host=esx-3.0\n' + HEAD + 'vmx.allownested = "true"\n'},
    {name: 'only ESX 3.0 needs it', code: HEAD, settings: {role: 'inner', host: 'esx-3.5'}},
    {name: 'an outer VM does not', code: HEAD, settings: {role: 'outer', host: 'esx-3.0', cpu: 'intel'}},
    {name: 'no host: nothing is guessed', code: HEAD, settings: {role: 'inner'}},
  ],
  invalid: [
    {
      name: 'missing: added after the last vmx.* entry',
      code: HEAD + 'vmx.buildType = "release"\nmemsize = "512"\n',
      settings: inner,
      errors: [{messageId: 'missing', message: 'Missing `vmx.allowNested = "TRUE"` in an inner VM on esx-3.0', line: 1, column: 1}],
      output: HEAD + 'vmx.buildType = "release"\nvmx.allowNested = "TRUE"\nmemsize = "512"\n',
    },
    {
      name: 'wrong value in odd key case: the key keeps its spelling',
      code: HEAD + 'VMX.ALLOWNESTED = "false"\n',
      settings: inner,
      errors: [{messageId: 'wrongValue', message: 'Expected `VMX.ALLOWNESTED` to be `"TRUE"` on esx-3.0, not `"false"`', line: 4, column: 19, endColumn: 26}],
      output: HEAD + 'VMX.ALLOWNESTED = "TRUE"\n',
    },
    {
      name: 'CRLF, spacing of the file kept',
      code: 'guestOS="winXPPro"\r\nmemsize="512"\r\n',
      settings: inner,
      errors: [{messageId: 'missing'}],
      output: 'guestOS="winXPPro"\r\nmemsize="512"\r\nvmx.allowNested="TRUE"\r\n',
    },
  ],
});
