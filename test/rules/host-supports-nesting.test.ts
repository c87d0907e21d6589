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
          message: 'esx-3.5/intel cannot run nested VMs: Nested VMs are impossible on Intel hosts',
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
      errors: [{messageId: 'amdFamily', message: 'workstation-6.5/amd cannot run nested VMs on AMD family `0fh-revf`: Needs AMD Family 10h', line: 1, column: 1}],
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
      name: 'role inferred from an outer key written in odd case',
      code: 'MONITOR_CONTROL.VT32 = "true"\n',
      settings: {host: 'esx-3.5', cpu: 'intel'},
      errors: [{messageId: 'cannotNest', line: 1, column: 1}],
      output: null,
    },
  ],
});
