import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/inner-binary-translation.js';

const HEAD = 'config.version = "8"\nvirtualHW.version = "4"\nguestOS = "winXPPro"\n';
const inner = {role: 'inner', host: 'esx-3.0'} as const;

new RuleTester().run('inner-binary-translation', rule, {
  valid: [
    {name: 'an inner VM with the default monitor', code: HEAD + 'vmx.allowNested = "TRUE"\n', settings: inner},
    {name: 'automatic and software do not force hardware', code: HEAD + 'monitor.virtual_exec = "automatic"\nmonitor.virtual_mmu = "software"\n', settings: inner},
    {name: 'an outer VM needs these keys', code: HEAD + 'monitor_control.vt32 = "TRUE"\n', settings: {role: 'outer', host: 'esx-3.0', cpu: 'intel'}},
    {name: 'modern hosts virtualize VT-x: an inner VM may use hardware execution', code: HEAD + 'monitor.virtual_exec = "hardware"\n', settings: {role: 'inner', host: 'workstation-17'}},
    {name: 'no host: nothing is guessed', code: HEAD + 'monitor.virtual_exec = "hardware"\n', settings: {role: 'inner'}},
    {name: 'FALSE forces nothing', code: HEAD + 'monitor_control.vt32 = "FALSE"\n', settings: inner},
  ],
  invalid: [
    {
      name: 'two forcing keys are removed',
      code: HEAD + 'monitor.virtual_exec = "hardware"\nmemsize = "512"\nmonitor_control.vt32 = "TRUE"\n',
      settings: {role: 'inner', host: 'workstation-6.5'},
      errors: [
        {
          messageId: 'forcesHardware',
          message: '`monitor.virtual_exec = "hardware"` forces hardware execution: an inner VM on workstation-6.5 must use binary translation',
          line: 4,
          column: 1,
          endColumn: 34,
        },
        {messageId: 'forcesHardware', message: '`monitor_control.vt32 = "TRUE"` forces hardware execution: an inner VM on workstation-6.5 must use binary translation', line: 6},
      ],
      output: HEAD + 'memsize = "512"\n',
    },
    {
      name: 'CRLF, odd key and value case, context from a directive',
      code: '# vmxlint role=inner host=esx-4.0\r\nguestOS = "winXPPro"\r\nMONITOR.VIRTUAL_MMU = "HARDWARE"\r\nmemsize = "512"\r\n',
      errors: [{messageId: 'forcesHardware', message: '`MONITOR.VIRTUAL_MMU = "HARDWARE"` forces hardware execution: an inner VM on esx-4.0 must use binary translation', line: 3}],
      output: '# vmxlint role=inner host=esx-4.0\r\nguestOS = "winXPPro"\r\nmemsize = "512"\r\n',
    },
    {
      name: 'the last line without a final newline',
      code: HEAD + 'monitor_control.enable_svm = "TRUE"',
      settings: inner,
      errors: [{messageId: 'forcesHardware', line: 4}],
      output: HEAD.slice(0, -1),
    },
  ],
});
