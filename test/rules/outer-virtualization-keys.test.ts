import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/outer-virtualization-keys.js';

const HEAD = 'config.version = "8"\nvirtualHW.version = "4"\nguestOS = "other26xlinux"\n';
const esx30intel = {role: 'outer', host: 'esx-3.0', cpu: 'intel'} as const;

new RuleTester().run('outer-virtualization-keys', rule, {
  valid: [
    {name: 'ESX 3.0 on Intel: vt32', code: HEAD + 'monitor_control.vt32 = "TRUE"\n', settings: esx30intel},
    {name: 'ESX 3.0 on AMD: enable_svm, any letter case, unquoted', code: HEAD + 'Monitor_Control.Enable_SVM = true\n', settings: {role: 'outer', host: 'esx-3.0', cpu: 'amd'}},
    {name: 'an inner VM is not checked', code: HEAD, settings: {role: 'inner', host: 'esx-3.0', cpu: 'intel'}},
    {name: 'a modern host is checked by modern-nested-virtualization', code: HEAD, settings: {role: 'outer', host: 'workstation-17', cpu: 'intel'}},
    {name: 'a host that cannot nest is reported by host-supports-nesting', code: HEAD, settings: {role: 'outer', host: 'esx-3.5', cpu: 'intel'}},
    {name: 'no host: nested-context asks for it', code: HEAD + 'monitor_control.enable_svm = "TRUE"\n'},
    {name: 'ESX 3.0 without a CPU: the rows differ, nothing is guessed', code: HEAD, settings: {role: 'outer', host: 'esx-3.0'}},
    {name: 'not a nested file', code: HEAD + 'memsize = "1024"\n'},
  ],
  invalid: [
    {
      name: 'Workstation 6.5 with its keys: information that restricting the backdoor breaks Tools; another row\'s key set to FALSE forces nothing',
      code: HEAD + 'monitor.virtual_exec = "hardware"\nmonitor_control.restrict_backdoor = "TRUE"\nmonitor_control.vt32 = "FALSE"\n',
      settings: {role: 'outer', host: 'workstation-6.5', cpu: 'intel'},
      errors: [
        {
          messageId: 'keyNote',
          message: '`monitor_control.restrict_backdoor = "TRUE"` restricts the backdoor VMware Tools use, so Tools in the outer guest stop working',
          line: 5,
          column: 1,
          severity: 0,
        },
      ],
      output: null,
    },
    {
      name: 'missing key, added at the end of a file without monitor.* keys',
      code: HEAD + 'memsize = "1024"\n',
      settings: esx30intel,
      errors: [{messageId: 'missingKey', message: 'Missing `monitor_control.vt32 = "TRUE"` in an outer VM on esx-3.0/intel', line: 1, column: 1}],
      output: HEAD + 'memsize = "1024"\nmonitor_control.vt32 = "TRUE"\n',
    },
    {
      name: 'two missing keys go after the last monitor.* entry, in table order',
      code: HEAD + 'monitor.phys_bits_used = "40"\nmemsize = "1024"\n',
      settings: {role: 'outer', host: 'workstation-6.0', cpu: 'intel'},
      errors: [
        {messageId: 'missingKey', message: 'Missing `monitor_control.vt32 = "TRUE"` in an outer VM on workstation-6.0/intel'},
        {messageId: 'missingKey', message: 'Missing `monitor_control.restrict_backdoor = "TRUE"` in an outer VM on workstation-6.0/intel'},
      ],
      output: HEAD + 'monitor.phys_bits_used = "40"\nmonitor_control.vt32 = "TRUE"\nmonitor_control.restrict_backdoor = "TRUE"\nmemsize = "1024"\n',
    },
    {
      name: 'wrong value, unquoted as in 2008 how-tos: corrected in place',
      code: HEAD + 'monitor_control.vt32 = FALSE\n',
      settings: esx30intel,
      errors: [{messageId: 'wrongValue', message: 'Expected `monitor_control.vt32` to be `"TRUE"` on esx-3.0/intel, not `"FALSE"`', line: 4, column: 24, endColumn: 29}],
      output: HEAD + 'monitor_control.vt32 = TRUE\n',
    },
    {
      name: 'a key of another row in odd case is replaced by the missing one',
      code: HEAD + 'Monitor_Control.Enable_SVM = "TRUE" # from an AMD how-to\n',
      settings: esx30intel,
      errors: [
        {
          messageId: 'foreignKey',
          message:
            '`Monitor_Control.Enable_SVM` is not part of the row of esx-3.0/intel (`monitor_control.vt32 = "TRUE"`): it makes the monitor use AMD-V; use `monitor_control.vt32 = "TRUE"`',
          line: 4,
          column: 1,
          endColumn: 27,
          // it stands for the missing `vt32`: an error (a key that is only extra is a warning)
          severity: 2,
        },
      ],
      output: HEAD + 'monitor_control.vt32 = "TRUE" # from an AMD how-to\n',
    },
    {
      name: 'foreign keys with nothing left to replace are removed',
      code: HEAD + 'monitor_control.vt32 = "TRUE"\nmonitor.virtual_exec = "hardware"\nmonitor_control.restrict_backdoor = "TRUE"\n',
      settings: {role: 'outer', host: 'workstation-6.5', cpu: 'intel'},
      errors: [
        {
          messageId: 'foreignKeyExtra',
          message:
            '`monitor_control.vt32` is not part of the row of workstation-6.5/intel (`monitor.virtual_exec = "hardware"`, `monitor_control.restrict_backdoor = "TRUE"`): it makes the monitor use VT-x for 32-bit guests too',
          line: 4,
          severity: 1,
        },
        {messageId: 'keyNote', line: 6, severity: 0},
      ],
      output: HEAD + 'monitor.virtual_exec = "hardware"\nmonitor_control.restrict_backdoor = "TRUE"\n',
    },
    {
      name: 'CRLF: ESX 4.0 on AMD, one foreign key replaced and one key added in the file\'s line ending',
      code: '#!/usr/bin/vmware\r\nvirtualHW.version = "7"\r\nmonitor_control.enable_svm = "TRUE"\r\nmemsize = "2048"\r\n',
      settings: {role: 'outer', host: 'esx-4.0', cpu: 'amd', amdFamily: '10h'},
      errors: [
        {messageId: 'missingKey', line: 1, message: 'Missing `monitor_control.restrict_backdoor = "TRUE"` in an outer VM on esx-4.0/amd'},
        {
          messageId: 'foreignKey',
          line: 3,
          message:
            '`monitor_control.enable_svm` is not part of the row of esx-4.0/amd (`monitor.virtual_exec = "hardware"`, `monitor_control.restrict_backdoor = "TRUE"`): it makes the monitor use AMD-V; use `monitor.virtual_exec = "hardware"`',
        },
      ],
      output: '#!/usr/bin/vmware\r\nvirtualHW.version = "7"\r\nmonitor.virtual_exec = "hardware"\r\nmonitor_control.restrict_backdoor = "TRUE"\r\nmemsize = "2048"\r\n',
    },
    {
      name: 'W5: restrict_backdoor on ESX 3.0 is not part of its row, and breaks Tools: a warning, never "does nothing"',
      code: HEAD + 'monitor_control.vt32 = "TRUE"\nmonitor_control.restrict_backdoor = "TRUE"\n',
      settings: esx30intel,
      errors: [
        {
          messageId: 'foreignKeyExtra',
          message:
            '`monitor_control.restrict_backdoor` is not part of the row of esx-3.0/intel (`monitor_control.vt32 = "TRUE"`): it restricts the backdoor VMware Tools use, so Tools in the outer guest stop working',
          line: 5,
          severity: 1,
        },
      ],
      output: HEAD + 'monitor_control.vt32 = "TRUE"\n',
    },
    {
      name: 'W2/W4: role only inferred (from vt32) with the host given: adding a key is a suggestion, never applied',
      code: 'virtualHW.version = "6"\nmonitor_control.vt32 = "TRUE"\n',
      settings: {host: 'workstation-6.0', cpu: 'intel'},
      errors: [
        {
          messageId: 'missingKey',
          message: 'Missing `monitor_control.restrict_backdoor = "TRUE"` in an outer VM on workstation-6.0/intel',
          suggestions: [{desc: 'Add `monitor_control.restrict_backdoor = "TRUE"`', output: 'virtualHW.version = "6"\nmonitor_control.vt32 = "TRUE"\nmonitor_control.restrict_backdoor = "TRUE"\n'}],
        },
      ],
      output: null,
    },
    {
      name: 'point 9: Workstation 7 takes the Workstation 6.5 keys, and says they are unverified',
      code: 'virtualHW.version = "7"\nmonitor.virtual_exec = "hardware"\n',
      settings: {role: 'outer', host: 'Workstation 7', cpu: 'intel'},
      errors: [
        {
          messageId: 'missingKey',
          message:
            'Missing `monitor_control.restrict_backdoor = "TRUE"` in an outer VM on workstation-7.x/intel (unverified: the keys of this release are inferred from Workstation 6.5 / ESX 4.0)',
        },
      ],
      output: 'virtualHW.version = "7"\nmonitor.virtual_exec = "hardware"\nmonitor_control.restrict_backdoor = "TRUE"\n',
    },
  ],
});
