import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/nested-unsupported.js';

new RuleTester().run('nested-unsupported', rule, {
  valid: [
    {name: 'an ordinary VM', code: 'guestOS = "ubuntu-64"\n'},
    {name: 'role none', code: 'monitor_control.vt32 = "TRUE"\n', settings: {role: 'none'}},
    {name: 'encrypted: nested-context says it cannot be checked, nothing else is said', code: 'encryption.data = "QUJD"\n', settings: {role: 'outer'}},
    {name: 'a hypervisor guest without a role: nested-context asks for it', code: 'guestOS = "vmkernel7"\n'},
  ],
  invalid: [
    {
      name: 'once per nested file, as information, on a 2008 host',
      code: 'virtualHW.version = "4"\nmonitor_control.vt32 = "TRUE"\nmonitor_control.restrict_backdoor = "TRUE"\n',
      settings: {host: 'esx-3.0', cpu: 'intel'},
      errors: [
        {
          messageId: 'unsupported',
          message:
            'VMware does not support this nested outer VM: "These configurations are entirely unsupported"; the only officially supported nested setup was ESX 4.0 under Workstation 7',
          line: 1,
          column: 1,
          severity: 0,
        },
      ],
      output: null,
    },
    {
      name: 'ESXi as a guest on a modern host (CRLF)',
      code: 'guestOS = "vmkernel8"\r\nvhv.enable = "TRUE"\r\n',
      settings: {host: 'esxi-8.0'},
      errors: [
        {
          message:
            'VMware does not support this nested outer VM: "These configurations are entirely unsupported"; VMware does not support ESXi as a guest OS under any product (KB 2009916)',
          severity: 0,
        },
      ],
      output: null,
    },
    {
      name: 'host unknown: the general sentence',
      code: 'VMX.AllowNested = "TRUE"\n',
      errors: [{messageId: 'unsupported', message: 'VMware does not support this nested inner VM: "These configurations are entirely unsupported"'}],
      output: null,
    },
  ],
});
