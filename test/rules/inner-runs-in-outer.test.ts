import {afterAll} from '@jest/globals';
import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/inner-runs-in-outer.js';
import {esxiOuter, labFile, tempLab} from '../nested/_labs.js';

const lab = tempLab({
  'esxi8.vmx': esxiOuter(),
  'esxi8-novhv.vmx': esxiOuter({vhv: false}),
  'esxi8-on-esxi50.vmx': esxiOuter({vhv: false, host: 'esxi-5.0'}),
  'esxi65.vmx': esxiOuter({guest: 'vmkernel65'}),
  'esxi8-arm.vmx': '# vmxlint role=outer host=esxi-8.0 cpu=intel\nguestOS = "arm-vmkernel8"\nvhv.enable = "TRUE"\n',
  'esxi5.vmx': esxiOuter({guest: 'vmkernel5'}),
});
afterAll(() => lab.remove());
const inner = (lines: string[]) => lines.join('\n') + '\n';
const at = (name: string) => lab.file(name.replace(/\.vmx$/, '-inner.vmx'));

new RuleTester().run('inner-runs-in-outer', rule, {
  valid: [
    {name: 'Workstation 17 + ESXi 8 + Ubuntu (shipped lab)', ...labFile('ws17-esxi8/ubuntu/ubuntu.vmx')},
    {name: 'ESXi 8 + ESXi 7 + Windows Server 2019 (shipped lab)', ...labFile('esxi8-esxi7/win2019/win2019.vmx')},
    {name: 'ESX 3.0 + Workstation 6.0 + Windows XP (shipped lab)', ...labFile('esx30-ws60/xp/xp.vmx')},
    {name: 'a 32-bit inner needs no vhv.enable', code: inner(['# vmxlint outer=esxi8-novhv.vmx', 'guestOS = "ubuntu"', 'virtualHW.version = "20"']), filename: at('a.vmx')},
    {name: 'ESXi 5.0 sets vhv.allow host-wide: not asked in the .vmx', code: inner(['# vmxlint outer=esxi8-on-esxi50.vmx', 'guestOS = "ubuntu-64"']), filename: at('b.vmx')},
    {name: 'the highest version the product runs', code: inner(['# vmxlint outer=esxi8.vmx', 'virtualHW.version = "21"', 'guestOS = "ubuntu-64"']), filename: at('c.vmx')},
    {name: 'an Arm inner in an Arm outer', code: inner(['# vmxlint outer=esxi8-arm.vmx', 'guestOS = "arm-ubuntu-64"']), filename: at('d.vmx')},
    {name: 'an unknown guest architecture is not compared', code: inner(['# vmxlint outer=esxi8-arm.vmx']), filename: at('e.vmx')},
    {name: 'no link, no check', code: inner(['guestOS = "arm-ubuntu-64"', 'virtualHW.version = "99"'])},
  ],
  invalid: [
    {
      name: 'a 64-bit inner in an outer without vhv.enable',
      code: inner(['# vmxlint outer=esxi8-novhv.vmx', 'guestOS = "ubuntu-64"']),
      filename: at('f.vmx'),
      errors: [
        {
          messageId: 'needsVhv',
          message: 'This inner VM runs a 64-bit guest (`ubuntu-64`): its outer VM `esxi8-novhv.vmx` on workstation-17 needs `vhv.enable = "TRUE"` to give it hardware virtualization',
          line: 2,
        },
      ],
      output: null,
    },
    {
      name: 'a hypervisor inner (ESXi in ESXi) in an outer without vhv.enable',
      code: inner(['# vmxlint outer=esxi8-novhv.vmx role=outer host=esxi-8.0', 'guestOS = "vmkernel7"']),
      filename: at('g.vmx'),
      errors: [{messageId: 'needsVhv', message: /^This inner VM runs a 64-bit guest \(`vmkernel7`\): its outer VM `esxi8-novhv\.vmx` on esxi-8\.0/}],
      output: null,
    },
    {
      name: 'a 32-bit inner that uses hardware virtualization itself',
      code: inner(['# vmxlint outer=esxi8-novhv.vmx', 'guestOS = "ubuntu"', 'monitor.virtual_exec = "hardware"']),
      filename: at('h.vmx'),
      errors: [{messageId: 'needsVhv', message: /^This inner VM uses hardware virtualization \(`monitor\.virtual_exec`\)/}],
      output: null,
    },
    {
      name: 'a hardware version the product in the outer VM cannot run',
      code: inner(['# vmxlint outer=esxi8.vmx', 'virtualHW.version = "22"', 'guestOS = "ubuntu-64"']),
      filename: at('i.vmx'),
      errors: [{messageId: 'hwTooNew', message: '`virtualHW.version` 22 is newer than ESXi 8.0 in the outer VM `esxi8.vmx` can run (up to 21)', line: 2, column: 21, endColumn: 25}],
      output: null,
    },
    {
      name: 'ESXi 6.5 inside the outer runs HW <= 13; 6.7 runs 14 and 15 (information: which one is it?)',
      code: inner(['# vmxlint outer=esxi65.vmx', 'virtualHW.version = "14"', 'guestOS = "ubuntu-64"']),
      filename: at('j.vmx'),
      errors: [{messageId: 'hwMaybe', message: '`virtualHW.version` 14 runs only on ESXi 6.7 in the outer VM `esxi65.vmx` (ESXi 6.5 runs up to 13)', severity: 0}],
      output: null,
    },
    {
      name: 'above every ESXi 6.5/6.7 release',
      code: inner(['# vmxlint outer=esxi65.vmx', 'virtualHW.version = "17"', 'guestOS = "ubuntu-64"']),
      filename: at('k.vmx'),
      errors: [{messageId: 'hwTooNew', message: '`virtualHW.version` 17 is newer than ESXi 6.5/6.7 in the outer VM `esxi65.vmx` can run (up to 15)'}],
      output: null,
    },
    {
      name: 'outerProduct given on the inner (the outer guest does not name its product)',
      ...labFile('esx30-ws60/xp64/xp64.vmx'),
      errors: [{messageId: 'hwTooNew', message: '`virtualHW.version` 7 is newer than Workstation 6.0 in the outer VM `../ws60/ws60.vmx` can run (up to 6)'}],
      output: null,
    },
    {
      name: 'ESXi 7 inside the outer runs up to 19 (shipped lab)',
      ...labFile('esxi8-esxi7/win2025/win2025.vmx'),
      errors: [{messageId: 'hwTooNew', message: '`virtualHW.version` 21 is newer than ESXi 7.0 in the outer VM `../esxi7/esxi7.vmx` can run (up to 19)'}],
      output: null,
    },
    {
      name: 'a VM in the middle of a chain (role outer, ESXi 7 in ESXi 8): its hardware version against the ESXi 8 in its outer',
      code: inner(['# vmxlint role=outer outer=esxi8.vmx outerProduct=workstation-6.0', 'virtualHW.version = "22"', 'guestOS = "vmkernel7"', 'vhv.enable = "TRUE"']),
      filename: at('n.vmx'),
      errors: [{messageId: 'hwTooNew', message: /^`virtualHW\.version` 22 is newer than ESXi 8\.0 in the outer VM `esxi8\.vmx`/}],
      output: null,
    },
    {
      name: 'an Arm guest in an x86 outer VM',
      code: inner(['# vmxlint outer=esxi8.vmx', 'guestOS = "arm-ubuntu-64"']),
      filename: at('l.vmx'),
      errors: [
        {
          messageId: 'arch',
          message: 'This inner VM\'s guest `arm-ubuntu-64` is Arm, but its outer VM `esxi8.vmx` runs x86 (`vmkernel8`): a VMware product runs guests of its own architecture only',
          line: 2,
        },
      ],
      output: null,
    },
    {
      name: 'an x86 guest in an Arm outer VM',
      code: inner(['# vmxlint outer=esxi8-arm.vmx', 'guestOS = "ubuntu"']),
      filename: at('m.vmx'),
      errors: [{messageId: 'arch', message: /guest `ubuntu` is x86, but its outer VM `esxi8-arm\.vmx` runs Arm/}],
      output: null,
    },
  ],
});
