import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/host-supports-nesting.js';

const VM = 'config.version = "8"\nvirtualHW.version = "4"\nguestOS = "other26xlinux"\n';

new RuleTester().run('host-supports-nesting', rule, {
  valid: [
    {name: 'ESX 3.0 on Intel can nest', code: VM, settings: {role: 'outer', host: 'esx-3.0', cpu: 'intel'}},
    {name: 'Workstation 6.5 on AMD Family 10h', code: VM, settings: {role: 'outer', host: 'workstation-6.5', cpu: 'amd', amdFamily: '10h'}},
    {name: 'Workstation 6.0 also runs on Family 0Fh Rev G', code: VM, settings: {role: 'inner', host: 'ws-6.0', cpu: 'amd', amdFamily: '0fh-revg'}},
    {name: 'Fusion needs no cpu: there are no AMD Macs', code: VM, settings: {role: 'outer', host: 'fusion-13'}},
    {name: 'modern hosts nest on either CPU, so the CPU is not needed', code: VM, settings: {role: 'outer', host: 'esxi-8.0'}},
    {name: 'not a nested file (no role, no nesting keys)', code: VM, settings: {host: 'esx-3.5', cpu: 'intel'}},
    {name: 'role none', code: 'monitor_control.vt32 = "TRUE"\n', settings: {role: 'none', host: 'esx-3.5', cpu: 'intel'}},
    {name: 'AMD family unknown: nested-context asks for it, this rule stays silent', code: VM, settings: {role: 'outer', host: 'esx-3.5', cpu: 'amd'}},
    {name: 'point 10: Family 19h counts as "10h or later"', code: VM, settings: {role: 'outer', host: 'esx-4.0', cpu: 'amd', amdFamily: '19h'}},
    {name: 'point 10: Family 1Ah on a modern host', code: VM, settings: {role: 'outer', host: 'esxi-8.0', cpu: 'amd', amdFamily: '1ah'}},
    {name: 'W7: an Arm guest on ESXi 7.0+ without a CPU may be ESXi-Arm', code: 'guestOS = "arm-vmkernel8"\n', settings: {host: 'esxi-8.0'}},
    {name: 'W7: an x86 guest on Fusion 13 without a CPU is an Intel Mac', code: 'guestOS = "windows11-64"\n', settings: {role: 'none', host: 'fusion-13'}},
    {name: 'encrypted: cannot be checked', code: 'encryption.keySafe = "vmware:key/x"\nencryption.data = "AAAA"\n', settings: {role: 'outer', host: 'esx-3.5', cpu: 'intel'}},
  ],
  invalid: [
    {
      name: 'ESX 3.5 on Intel cannot nest: no fix',
      code: VM,
      settings: {role: 'outer', host: 'esx-3.5', cpu: 'intel'},
      errors: [
        {
          messageId: 'cannotNest',
          message: 'esx-3.5/intel cannot run nested VMs: You cannot run nested VMs on Intel systems when the host is running ESX 3.5 (ESX 3.0, ESX 4.0 and Workstation 6.x can)',
          line: 1,
          column: 1,
          severity: 2,
        },
      ],
      output: null,
    },
    {
      name: 'AMD family limit, context from a directive in a CRLF file',
      code: '# vmxlint role=outer host=ws-6.5 cpu=amd amdFamily=0fh-revf\r\nvirtualHW.version = "7"\r\n',
      errors: [{messageId: 'amdFamily', message: 'workstation-6.5/amd cannot run nested VMs on AMD family `0fh-revf`: Needs AMD Family 10h or later', line: 1, column: 1}],
      output: null,
    },
    {
      name: 'products older than the table, whatever the CPU',
      code: VM,
      settings: {role: 'inner', host: 'workstation-5.x'},
      errors: [
        {
          messageId: 'cannotNest',
          message: 'workstation-5.x cannot run nested VMs: Products older than the 2008 table (ESX 2.x, Workstation 5.x, ...) cannot run nested VMs',
        },
      ],
      output: null,
    },
    {
      name: 'Fusion on AMD',
      code: VM,
      settings: {role: 'outer', host: 'fusion-2.x', cpu: 'amd'},
      errors: [{messageId: 'cannotNest', message: 'fusion-2.x/amd cannot run nested VMs: There are no AMD Macs'}],
      output: null,
    },
    {
      name: 'point 10: before Family 0Fh Rev F there is no AMD-V, on any host',
      code: VM,
      settings: {role: 'outer', host: 'esxi-8.0', cpu: 'amd', amdFamily: 'pre-revf'},
      errors: [{messageId: 'amdFamily', message: 'esxi-8.0/amd cannot run nested VMs on AMD family `pre-revf`: AMD processors before Family 0Fh Rev F have no AMD-V'}],
      output: null,
    },
    {
      name: 'W7: Fusion 13 on Apple silicon: no vhv.enable demand, information that nesting is undocumented',
      code: 'virtualHW.version = "20"\nguestOS = "arm-ubuntu-64"\n',
      settings: {role: 'outer', host: 'fusion-13'},
      errors: [
        {
          messageId: 'undocumented',
          message: 'fusion-13: Apple silicon: Arm guests only; VMware documents no nested virtualization for Fusion on Apple silicon (unverified either way)',
          severity: 0,
        },
      ],
      output: null,
    },
    {
      name: 'W7: an Arm guest on an Intel host cannot run at all, whatever the role',
      code: 'virtualHW.version = "20"\nguestOS = "arm-windows11-64"\n',
      settings: {role: 'none', host: 'workstation-17', cpu: 'intel'},
      errors: [
        {
          messageId: 'architecture',
          message: '`guestOS = "arm-windows11-64"` cannot run on workstation-17/intel: an Intel (x86) host runs x86 guests only',
          line: 2,
          column: 11,
          severity: 2,
        },
      ],
      output: null,
    },
    {
      name: 'W7: an Arm guest on Workstation (x86 only), no CPU given',
      code: 'guestOS = "arm-ubuntu-64"\n',
      settings: {host: 'workstation-17'},
      errors: [{messageId: 'architecture', message: '`guestOS = "arm-ubuntu-64"` cannot run on workstation-17: workstation-17 runs on x86 CPUs only, which run x86 guests only'}],
      output: null,
    },
    {
      name: 'W7: an x86 guest on Apple silicon',
      code: 'guestOS = "vmkernel8"\nvhv.enable = "TRUE"\n',
      settings: {role: 'outer', host: 'fusion-13', cpu: 'apple'},
      errors: [
        {
          messageId: 'architecture',
          message:
            '`guestOS = "vmkernel8"` cannot run on fusion-13/Apple silicon: Fusion on Apple silicon runs Arm guests only ("We don\'t plan to support installing or running x86 VMs on Macs with Apple silicon")',
        },
      ],
      output: null,
    },
    {
      name: 'role inferred from an outer key written in odd case',
      code: 'MONITOR_CONTROL.VT32 = "true"\n',
      settings: {host: 'esx-3.5', cpu: 'intel'},
      errors: [{messageId: 'cannotNest', line: 1, column: 1}],
      output: null,
    },
  ],
});
