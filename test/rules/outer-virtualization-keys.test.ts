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
          message: '`Monitor_Control.Enable_SVM` does nothing on esx-3.0/intel: use `monitor_control.vt32 = "TRUE"`',
          line: 4,
          column: 1,
          endColumn: 27,
        },
      ],
      output: HEAD + 'monitor_control.vt32 = "TRUE" # from an AMD how-to\n',
    },
    {
      name: 'foreign keys with nothing left to replace are removed',
      code: HEAD + 'monitor_control.vt32 = "TRUE"\nmonitor.virtual_exec = "hardware"\nmonitor_control.restrict_backdoor = "TRUE"\n',
      settings: {role: 'outer', host: 'workstation-6.5', cpu: 'intel'},
      errors: [
        {messageId: 'foreignKeyExtra', message: "`monitor_control.vt32` does nothing on workstation-6.5/intel: it belongs to another host's row", line: 4},
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
        {messageId: 'foreignKey', line: 3, message: '`monitor_control.enable_svm` does nothing on esx-4.0/amd: use `monitor.virtual_exec = "hardware"`'},
      ],
      output: '#!/usr/bin/vmware\r\nvirtualHW.version = "7"\r\nmonitor.virtual_exec = "hardware"\r\nmonitor_control.restrict_backdoor = "TRUE"\r\nmemsize = "2048"\r\n',
    },
    {
      name: 'host narrowed by virtualHW.version 6, role inferred: the candidates agree on Intel',
      code: 'virtualHW.version = "6"\nmonitor_control.vt32 = "TRUE"\n',
      settings: {cpu: 'intel'},
      errors: [
        {
          messageId: 'missingKey',
          message: 'Missing `monitor_control.restrict_backdoor = "TRUE"` in an outer VM on workstation-6.0/intel or fusion-1.x/intel (from `virtualHW.version` 6)',
        },
      ],
      output: 'virtualHW.version = "6"\nmonitor_control.vt32 = "TRUE"\nmonitor_control.restrict_backdoor = "TRUE"\n',
    },
  ],
});
