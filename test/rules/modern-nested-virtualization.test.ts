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
    // W2: Workstation 8, Player 4 and Fusion 4 nest at hardware version 8, their maximum (before: "use 9 or later")
    {name: 'W2: Workstation 8 at hardware version 8', code: 'virtualHW.version = "8"\nguestOS = "vmkernel5"\nvhv.enable = "TRUE"\n', settings: {role: 'outer', host: 'workstation-8', cpu: 'intel'}},
    {name: 'W2: Player 4 at hardware version 8', code: 'virtualHW.version = "8"\nvhv.enable = "TRUE"\n', settings: {role: 'outer', host: 'player-4'}},
    {name: 'W2: Fusion 4 at hardware version 8', code: 'virtualHW.version = "8"\nvhv.enable = "TRUE"\n', settings: {role: 'outer', host: 'fusion-4'}},
    // W4: an anti-VM-detection recipe is not an outer VM: no message, no fix
    {
      name: 'W4: restrict_backdoor with the other anti-detection keys, no flags',
      code: 'virtualHW.version = "19"\nguestOS = "windows9-64"\nmonitor_control.restrict_backdoor = "TRUE"\nmonitor_control.disable_directexec = "TRUE"\nhypervisor.cpuid.v0 = "FALSE"\nsmbios.reflectHost = "TRUE"\n',
    },
    // W7: Apple silicon: no vhv.enable demand
    {name: 'W7: an Arm ESXi guest on Fusion 13 (Apple silicon inferred from the guest)', code: 'virtualHW.version = "20"\nguestOS = "arm-vmkernel8"\n', settings: {role: 'outer', host: 'fusion-13'}},
    {name: 'W7: --cpu apple', code: 'virtualHW.version = "20"\nguestOS = "arm-ubuntu-64"\n', settings: {role: 'outer', host: 'fusion-13.6', cpu: 'apple'}},
    // point 8: hostHyperV false, or a host without Host VBS mode: the marker key says nothing
    {name: 'hostHyperV false: ulm.disableMitigations is fine', code: HEAD + 'vhv.enable = "TRUE"\nulm.disableMitigations = "TRUE"\n', settings: {...ws17, hostHyperV: false}},
    {name: 'ESXi host: ulm.disableMitigations is not a Hyper-V marker there', code: HEAD + 'vhv.enable = "TRUE"\nulm.disableMitigations = "TRUE"\n', settings: {role: 'outer', host: 'esxi-8.0'}},
    {name: 'optional ESXi keys are fine', code: HEAD + 'vhv.enable = "TRUE"\nvpmc.enable = "TRUE"\nfeatMask.vm.hv.capable = "Min:1"\n', settings: {role: 'outer', host: 'esxi-7.0'}},
  ],
  invalid: [
    {
      name: 'W4: role only inferred (vt32): the obsolete key would become vhv.enable, offered as a suggestion only',
      code: 'virtualHW.version = "19"\nguestOS = "windows9-64"\nmonitor_control.vt32 = "TRUE"\n',
      errors: [
        {
          messageId: 'obsoleteKey',
          message: '`monitor_control.vt32` is obsolete on any of 16 hosts (from `virtualHW.version` 19): use `vhv.enable = "TRUE"`',
          suggestions: [{desc: 'Replace with `vhv.enable = "TRUE"`', output: 'virtualHW.version = "19"\nguestOS = "windows9-64"\nvhv.enable = "TRUE"\n'}],
        },
      ],
      output: null,
    },
    {
      name: 'point 8: hostHyperV true on Workstation 17: vhv.enable and vpmc.enable are errors naming Hyper-V/VBS, no fix',
      code: HEAD + 'vhv.enable = "TRUE"\nvpmc.enable = "TRUE"\n',
      settings: {...ws17, hostHyperV: true},
      errors: [
        {
          messageId: 'hostHyperV',
          message:
            '`vhv.enable = "TRUE"` cannot work on workstation-17 while Hyper-V/VBS is on in the Windows host (Host VBS mode: no nested virtualization, no virtual performance counters): turn off Hyper-V, Virtual Machine Platform, Windows Hypervisor Platform, WSL2, Windows Sandbox and Memory integrity on the host (`bcdedit /set hypervisorlaunchtype off`, then restart)',
          line: 4,
          column: 1,
          severity: 2,
        },
        {messageId: 'hostHyperV', line: 5},
      ],
      output: null,
    },
    {
      name: 'point 8: hostHyperV true, no host given: narrowed to Workstation/Player 15.5+; no vhv.enable demanded',
      code: 'virtualHW.version = "19"\nguestOS = "vmkernel7"\n',
      settings: {role: 'outer', hostHyperV: true},
      errors: [{messageId: 'hostHyperVOuter', message: /^This outer VM cannot run nested VMs on any of 8 hosts \(from `virtualHW\.version` 19\) while Hyper-V\/VBS is on in the Windows host/}],
      output: null,
    },
    {
      name: 'point 8: hostHyperV unknown, ulm.disableMitigations beside vhv.enable: a warning',
      code: HEAD + 'vhv.enable = "TRUE"\nulm.disableMitigations = "TRUE"\n',
      settings: ws17,
      errors: [
        {
          messageId: 'hyperVHostMarker',
          message:
            '`ulm.disableMitigations = "TRUE"` is written for Windows hosts with Hyper-V on, where `vhv.enable = "TRUE"` cannot work (Host VBS mode): if Hyper-V/VBS is on, turn off Hyper-V, Virtual Machine Platform, Windows Hypervisor Platform, WSL2, Windows Sandbox and Memory integrity on the host (`bcdedit /set hypervisorlaunchtype off`, then restart); say which with `hostHyperV`',
          line: 5,
          severity: 1,
        },
      ],
      output: null,
    },
    {
      name: 'a Hyper-V guest without vhv.enable cannot run at all',
      code: 'virtualHW.version = "21"\nguestOS = "winHyperV"\nhypervisor.cpuid.v0 = "FALSE"\n',
      settings: {role: 'outer', host: 'esxi-8.0'},
      errors: [{messageId: 'missingKeyHypervisor', message: 'Missing `vhv.enable = "TRUE"` in an outer VM on esxi-8.0: its `winHyperV` guest cannot run without it (Hyper-V needs hardware virtualization)'}],
      output: 'virtualHW.version = "21"\nguestOS = "winHyperV"\nhypervisor.cpuid.v0 = "FALSE"\nvhv.enable = "TRUE"\n',
    },
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
      settings: {role: 'outer', host: 'fusion-13', cpu: 'intel'},
      errors: [{messageId: 'hwNoEffect', message: '`virtualHW.version` 7 predates virtualized hardware virtualization: nested VMs on fusion-13/intel need 9 or later'}],
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
