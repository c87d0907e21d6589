import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/nested-unsupported.js';

const MODERN =
  'VMware supports virtualized hardware virtualization for `virtualHW.version` 9 or later on CPUs with VT-x and EPT or AMD-V and RVI (Workstation 10, Player 6, Fusion 6 and ESXi 5.5 on)';
const ESXI = 'VMware does not support nested ESXi in production environments (KB 2009916), except the vSAN Witness Appliance';

new RuleTester().run('nested-unsupported', rule, {
  valid: [
    {name: 'an ordinary VM', code: 'guestOS = "ubuntu-64"\n'},
    {name: 'role none', code: 'monitor_control.vt32 = "TRUE"\n', settings: {role: 'none'}},
    {name: 'encrypted: nested-context says it cannot be checked, nothing else is said', code: 'encryption.data = "QUJD"\n', settings: {role: 'outer'}},
    {name: 'a hypervisor guest without a role: nested-context asks for it', code: 'guestOS = "vmkernel7"\n'},
    {name: 'W4: an anti-VM-detection recipe (restrict_backdoor) is not a nested VM', code: 'virtualHW.version = "19"\nguestOS = "windows9-64"\nmonitor_control.restrict_backdoor = "TRUE"\nhypervisor.cpuid.v0 = "FALSE"\n'},
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
      name: 'W3: a modern host gets the modern support statement, and ESXi as a guest the KB 2009916 one (CRLF)',
      code: 'guestOS = "vmkernel8"\r\nvhv.enable = "TRUE"\r\n',
      settings: {host: 'esxi-8.0'},
      errors: [{messageId: 'supported', message: `${MODERN}; ${ESXI}`, severity: 0}],
      output: null,
    },
    {
      name: 'W3: a Windows 11 outer VM on Workstation 17 is not "entirely unsupported"',
      code: 'virtualHW.version = "20"\nguestOS = "windows11-64"\nfirmware = "efi"\nvhv.enable = "TRUE"\n',
      settings: {role: 'outer', host: 'workstation-17'},
      errors: [{messageId: 'supported', message: MODERN}],
      output: null,
    },
    {
      name: 'W3: no host given, but hardware version 14: only modern products run it',
      code: 'virtualHW.version = "14"\nvhv.enable = "TRUE"\n',
      errors: [{messageId: 'supported', message: MODERN}],
      output: null,
    },
    {
      name: 'Workstation 9: not fully supported (unverified), as information',
      code: 'virtualHW.version = "9"\nvhv.enable = "TRUE"\n',
      settings: {role: 'outer', host: 'workstation-9'},
      errors: [
        {
          messageId: 'partlySupported',
          message: 'Virtualized hardware virtualization is not fully supported on workstation-9: it is from Workstation 10 / Player 6 / Fusion 6 on (unverified for this release)',
          severity: 0,
        },
      ],
      output: null,
    },
    {
      name: 'W7: an Arm ESXi guest on Fusion 13 (Apple silicon): the x86 statement does not apply',
      code: 'virtualHW.version = "20"\nguestOS = "arm-vmkernel8"\n',
      settings: {role: 'outer', host: 'fusion-13'},
      errors: [{messageId: 'armHost', message: `VMware documents no nested virtualization on Arm hosts (Fusion on Apple silicon, ESXi-Arm); ${ESXI}`, severity: 0}],
      output: null,
    },
    {
      name: 'host unknown and no hardware version: both eras are named',
      code: 'VMX.AllowNested = "TRUE"\n',
      errors: [
        {
          messageId: 'dependsOnHost',
          message:
            'What VMware supports of this nested inner VM depends on the host (not given): the 2008–09 products call nested VMs "entirely unsupported"; on modern ones, VMware supports virtualized hardware virtualization for `virtualHW.version` 9 or later on CPUs with VT-x and EPT or AMD-V and RVI (Workstation 10, Player 6, Fusion 6 and ESXi 5.5 on)',
        },
      ],
      output: null,
    },
  ],
});
