import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/modern-nested-pitfalls.js';

const esxi8 = {role: 'outer', host: 'esxi-8.0'} as const;
const ESXI_GUEST = 'virtualHW.version = "20"\nguestOS = "vmkernel8"\nvhv.enable = "TRUE"\n';

new RuleTester().run('modern-nested-pitfalls', rule, {
  valid: [
    {name: 'a nested ESXi 8 at its minimum', code: ESXI_GUEST + 'numvcpus = "2"\nmemsize = "8192"\n', settings: {role: 'outer', host: 'workstation-17'}},
    {name: 'passthrough without vhv.enable', code: 'virtualHW.version = "21"\npciPassthru0.present = "TRUE"\n', settings: esxi8},
    {name: 'a passthrough device switched off', code: 'virtualHW.version = "21"\nvhv.enable = "TRUE"\npciPassthru0.present = "FALSE"\n', settings: esxi8},
    {name: 'hardware MMU forced on HW 13 with vhv.enable is fine', code: 'virtualHW.version = "13"\nvhv.enable = "TRUE"\nmonitor.virtual_mmu = "hardware"\n', settings: {role: 'outer', host: 'esxi-6.5'}},
    {name: 'VBS with EFI and Secure Boot', code: 'virtualHW.version = "19"\nvhv.enable = "TRUE"\nvvtd.enable = "TRUE"\nfirmware = "efi"\nuefi.secureBoot.enabled = "TRUE"\n', settings: esxi8},
    {name: 'a 2008 host is not checked', code: 'virtualHW.version = "7"\nmonitor.virtual_exec = "software"\n', settings: {role: 'outer', host: 'esx-4.0', cpu: 'intel'}},
    {name: 'an inner VM is not checked', code: ESXI_GUEST + 'numvcpus = "1"\n', settings: {role: 'inner', host: 'esxi-8.0'}},
    {name: 'not nested', code: ESXI_GUEST.replace('vhv.enable = "TRUE"\n', '') + 'numvcpus = "1"\n', settings: {role: 'none'}},
    {name: 'vmkernel7 on ESXi 8.0 is older than the host', code: 'virtualHW.version = "19"\nguestOS = "vmkernel7"\nvhv.enable = "TRUE"\n', settings: esxi8},
  ],
  invalid: [
    {
      name: 'vhv.enable with PCI passthrough: an error, no fix',
      code: 'virtualHW.version = "21"\nvhv.enable = "TRUE"\npciPassthru0.present = "TRUE"\npciPassthru0.id = "0000:3b:00.0"\n',
      settings: esxi8,
      errors: [
        {
          messageId: 'passthrough',
          message:
            '`vhv.enable = "TRUE"` and `pciPassthru0.present = "TRUE"` cannot be combined: vSphere does not expose hardware virtualization to a VM with a PCI passthrough or vGPU device (Broadcom KB 437651)',
          line: 3,
          column: 1,
          severity: 2,
        },
      ],
      output: null,
    },
    {
      name: 'vhv.enable with a vGPU profile (CRLF, odd case)',
      code: 'virtualHW.version = "21"\r\nVHV.Enable = "true"\r\nPciPassthru1.vgpu = "grid_t4-4q"\r\n',
      settings: esxi8,
      errors: [{messageId: 'passthrough', line: 3}],
      output: null,
    },
    {
      name: 'the CPU/MMU virtualization forced to software with vhv.enable: a warning',
      code: 'virtualHW.version = "13"\nvhv.enable = "TRUE"\nmonitor.virtual_mmu = "software"\n',
      settings: {role: 'outer', host: 'esxi-6.5'},
      errors: [
        {
          messageId: 'softwareMonitor',
          message: '`monitor.virtual_mmu = "software"` turns off the hardware support that virtualized hardware virtualization (`vhv.enable = "TRUE"`) runs on: remove it',
          line: 3,
          column: 23,
          severity: 1,
        },
      ],
      output: null,
    },
    {
      name: 'either key on hardware version 14 or later is ignored: information',
      code: 'virtualHW.version = "19"\nvhv.enable = "TRUE"\nmonitor.virtual_exec = "software"\nmonitor.virtual_mmu = "hardware"\n',
      settings: esxi8,
      errors: [
        {
          messageId: 'monitorIgnored',
          message: '`monitor.virtual_exec = "software"` is ignored from `virtualHW.version` 14 on (the CPU/MMU virtualization setting is deprecated in ESXi 6.7 and cannot be changed)',
          line: 3,
          severity: 0,
        },
        {messageId: 'monitorIgnored', line: 4, severity: 0},
      ],
      output: null,
    },
    {
      name: 'a nested ESXi 8 with 1 vCPU and 4 GB cannot install',
      code: ESXI_GUEST + 'numvcpus = "1"\nmemsize = "4096"\n',
      settings: {role: 'outer', host: 'workstation-17'},
      errors: [
        {messageId: 'esxiTooSmall', message: '`numvcpus = "1"` is below what ESXi 8.0 needs to install (2 CPU cores): the installer stops', line: 4, severity: 2},
        {messageId: 'esxiTooSmall', message: '`memsize = "4096"` is below what ESXi 8.0 needs to install (8192 MB of memory): the installer stops', line: 5},
      ],
      output: null,
    },
    {
      name: 'ESXi 6.5 needs 4 GB',
      code: 'virtualHW.version = "13"\nguestOS = "vmkernel65"\nvhv.enable = "TRUE"\nmemsize = "2048"\n',
      settings: {role: 'outer', host: 'esxi-6.5'},
      errors: [{messageId: 'esxiTooSmall', message: '`memsize = "2048"` is below what ESXi 6.5 needs to install (4096 MB of memory): the installer stops'}],
      output: null,
    },
    {
      name: 'a vmkernel9 guest on ESXi 8.0: information (unverified)',
      code: 'virtualHW.version = "21"\nguestOS = "vmkernel9"\nvhv.enable = "TRUE"\n',
      settings: esxi8,
      errors: [
        {
          messageId: 'guestNewerThanHost',
          message: '`guestOS = "vmkernel9"` (ESXi 9.0) is newer than esxi-8.0, which most likely does not know it and sets the VM up as "Other" (unverified)',
          line: 2,
          severity: 0,
        },
      ],
      output: null,
    },
    {
      name: 'VBS below hardware version 14: a warning (EFI and Secure Boot present)',
      code: 'virtualHW.version = "13"\nguestOS = "windows9srv-64"\nvhv.enable = "TRUE"\nfirmware = "efi"\nuefi.secureBoot.enabled = "TRUE"\nvvtd.enable = "TRUE"\n',
      settings: esxi8,
      errors: [
        {
          messageId: 'vbsHwVersion',
          message: '`vvtd.enable = "TRUE"` (virtualization-based security in the guest) needs `virtualHW.version` 14 or later; this file has 13',
          line: 6,
          severity: 1,
        },
      ],
      output: null,
    },
    {
      name: 'VBS without EFI and Secure Boot: a warning',
      code: 'virtualHW.version = "19"\nguestOS = "windows2019srvNext-64"\nvhv.enable = "TRUE"\nvvtd.enable = "TRUE"\n',
      settings: esxi8,
      errors: [
        {
          messageId: 'vbsNeeds',
          message: '`vvtd.enable = "TRUE"` (virtualization-based security in the guest) also needs `firmware = "efi"` and `uefi.secureBoot.enabled = "TRUE"`',
          line: 4,
          severity: 1,
        },
      ],
      output: null,
    },
  ],
});
