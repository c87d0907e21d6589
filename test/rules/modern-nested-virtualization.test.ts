import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/modern-nested-virtualization.js';

const HEAD = 'config.version = "8"\nvirtualHW.version = "20"\nguestOS = "vmkernel8"\n';
const ws17 = {role: 'outer', host: 'workstation-17'} as const;

new RuleTester().run('modern-nested-virtualization', rule, {
  valid: [
    {name: 'vhv.enable on Workstation 17', code: HEAD + 'vhv.enable = "TRUE"\n', settings: ws17},
    {name: 'ESXi 5.0: nothing in the .vmx, but the host-wide key is information', code: 'virtualHW.version = "8"\n', settings: {role: 'none', host: 'esxi-5.0'}},
    {name: 'a 2008 host is checked by outer-virtualization-keys', code: HEAD, settings: {role: 'outer', host: 'esx-3.0', cpu: 'intel'}},
    {name: 'an inner VM needs no vhv.enable', code: HEAD, settings: {role: 'inner', host: 'esxi-8.0'}},
    {name: 'role inferred from vhv.enable, host narrowed by virtualHW.version 20 to modern products', code: HEAD + 'vhv.enable = "TRUE"\n'},
    {name: 'optional ESXi keys are fine', code: HEAD + 'vhv.enable = "TRUE"\nvpmc.enable = "TRUE"\nfeatMask.vm.hv.capable = "Min:1"\n', settings: {role: 'outer', host: 'esxi-7.0'}},
  ],
  invalid: [
    {
      name: 'missing vhv.enable in an ESXi guest',
      code: HEAD + 'memsize = "8192"\n',
      settings: ws17,
      errors: [
        {
          messageId: 'missingKeyHypervisor',
          message: 'Missing `vhv.enable = "TRUE"` in an outer VM on workstation-17: its `vmkernel8` guest cannot run 64-bit nested guests without it',
          line: 1,
          column: 1,
        },
      ],
      output: HEAD + 'memsize = "8192"\nvhv.enable = "TRUE"\n',
    },
    {
      name: 'vhv.enable FALSE in odd case is corrected, keeping the key spelling',
      code: HEAD + 'VHV.Enable = "false"\n',
      settings: ws17,
      errors: [{messageId: 'wrongValue', message: 'Expected `VHV.Enable` to be `"TRUE"` on workstation-17, not `"false"`', line: 4, column: 14}],
      output: HEAD + 'VHV.Enable = "TRUE"\n',
    },
    {
      name: 'a 2008 key becomes vhv.enable, the others go (CRLF)',
      code: 'virtualHW.version = "19"\r\nguestOS = "ubuntu-64"\r\nmonitor_control.vt32 = "TRUE"\r\nmonitor_control.restrict_backdoor = "TRUE"\r\n',
      settings: {role: 'outer', host: 'esxi-7.0', cpu: 'intel'},
      errors: [
        {messageId: 'obsoleteKey', message: '`monitor_control.vt32` is obsolete on esxi-7.0/intel: use `vhv.enable = "TRUE"`', line: 3, column: 1, endColumn: 21},
        {messageId: 'obsoleteKeyExtra', message: '`monitor_control.restrict_backdoor` is obsolete on esxi-7.0/intel, which virtualizes VT-x/AMD-V itself', line: 4},
      ],
      output: 'virtualHW.version = "19"\r\nguestOS = "ubuntu-64"\r\nvhv.enable = "TRUE"\r\n',
    },
    {
      name: 'an inner VM on a modern host: vmx.allowNested is obsolete',
      code: 'guestOS = "ubuntu"\nvmx.allowNested = "TRUE"\n',
      settings: {role: 'inner', host: 'fusion-13'},
      errors: [{messageId: 'obsoleteKeyExtra', message: '`vmx.allowNested` is obsolete on fusion-13, which virtualizes VT-x/AMD-V itself'}],
      output: 'guestOS = "ubuntu"\n',
    },
    {
      name: 'a Hyper-V guest hides the hypervisor bit',
      code: 'virtualHW.version = "21"\nguestOS = "winHyperV"\nvhv.enable = "TRUE"\n',
      settings: {role: 'outer', host: 'esxi-8.0'},
      errors: [{messageId: 'hyperV', message: 'Missing `hypervisor.cpuid.v0 = "FALSE"` in an outer VM on esxi-8.0: Hyper-V refuses to install when it sees the hypervisor bit'}],
      output: 'virtualHW.version = "21"\nguestOS = "winHyperV"\nvhv.enable = "TRUE"\nhypervisor.cpuid.v0 = "FALSE"\n',
    },
    {
      name: 'hardware versions below 9: unsupported, below 8 no effect; no fix',
      code: 'virtualHW.version = "8"\nvhv.enable = "TRUE"\n',
      settings: {role: 'outer', host: 'player-17'},
      errors: [{messageId: 'hwUnsupported', message: '`virtualHW.version` 8 is unsupported for nested VMs on player-17: use 9 or later', line: 1, column: 21, endColumn: 24}],
      output: null,
    },
    {
      name: 'hardware version 7 predates virtualized HV',
      code: 'virtualHW.version = "7"\nvhv.enable = "TRUE"\n',
      settings: {role: 'outer', host: 'fusion-13'},
      errors: [{messageId: 'hwNoEffect', message: '`virtualHW.version` 7 predates virtualized hardware virtualization: nested VMs on fusion-13 need 9 or later'}],
      output: null,
    },
    {
      name: 'Workstation 9: virtualized HV is not fully supported yet, as information',
      code: 'virtualHW.version = "9"\nvhv.enable = "TRUE"\n',
      settings: {role: 'outer', host: 'workstation-9'},
      errors: [
        {
          messageId: 'notFullySupported',
          message: 'Virtualized hardware virtualization is not fully supported on workstation-9: it is from Workstation 10 / Player 6 / Fusion 6 on',
          line: 1,
          column: 1,
          severity: 0,
        },
      ],
      output: null,
    },
    {
      name: 'ESXi 5.0: the host-wide key, as information',
      code: 'virtualHW.version = "8"\nguestOS = "vmkernel5"\n',
      settings: {role: 'outer', host: 'esxi-5.0'},
      errors: [{messageId: 'hostWide', message: 'Nested VMs on esxi-5.0 need `vhv.allow = "TRUE"` host-wide in /etc/vmware/config, not in the .vmx', severity: 0}],
      output: null,
    },
  ],
});
