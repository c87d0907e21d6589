import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/nested-context.js';

const HOW_HOST = 'pass `--host`, add a `# vmxlint host=…` comment to the file, or set `settings.host` in the config';

new RuleTester().run('nested-context', rule, {
  valid: [
    {name: 'an ordinary VM', code: 'virtualHW.version = "19"\nguestOS = "ubuntu-64"\nvhv.enable = "FALSE"\n'},
    {name: 'an ordinary encrypted VM', code: 'displayName = "w11"\nencryption.keySafe = "vmware:key/list/x"\nencryption.data = "QUJD"\n'},
    {name: 'role none', code: 'guestOS = "vmkernel7"\n', settings: {role: 'none'}},
    {name: 'a fully described outer VM', code: 'monitor_control.vt32 = "TRUE"\n', settings: {host: 'esx-3.0', cpu: 'intel'}},
    {name: 'Fusion 12 needs no cpu (no AMD Macs)', code: 'vhv.enable = "TRUE"\n', settings: {host: 'fusion-12'}},
    {name: 'Fusion 13 with an x86 guest: Intel, not Apple silicon', code: 'guestOS = "ubuntu-64"\nvhv.enable = "TRUE"\n', settings: {host: 'fusion-13'}},
    {name: 'Fusion 13 with an Arm guest: Apple silicon', code: 'guestOS = "arm-ubuntu-64"\n', settings: {role: 'outer', host: 'fusion-13'}},
    {name: 'hardware version 20: every candidate that can run it agrees', code: 'virtualHW.version = "20"\nguestOS = "ubuntu-64"\nvhv.enable = "TRUE"\n'},
    {name: 'a directive gives the context', code: '# vmxlint role=inner host=esx-3.0 outerProduct=ws-6.0\nguestOS = "winXPPro"\n'},
  ],
  invalid: [
    {
      name: 'a hypervisor guest without a role',
      code: 'virtualHW.version = "20"\nguestOS = "vmkernel8"\n',
      errors: [
        {
          messageId: 'missingRole',
          message:
            'This file looks nested (`guestOS = "vmkernel8"`) but its `role` is unknown: pass `--role`, add a `# vmxlint role=…` comment to the file, or set `settings.role` in the config',
          line: 1,
          column: 1,
          severity: 2,
        },
      ],
      output: null,
    },
    {
      name: 'outer and inner keys at once',
      code: 'monitor_control.vt32 = "TRUE"\nVMX.ALLOWNESTED = "TRUE"\n',
      errors: [{messageId: 'missingRole', message: /^This file looks nested \(`monitor_control\.vt32 = "TRUE"`, `VMX\.ALLOWNESTED = "TRUE"`\)/}],
      output: null,
    },
    {
      name: 'W1: role inferred, host not: virtualHW.version 4 fits every later product that can nest (never Workstation 5.x)',
      code: '#!/usr/bin/vmware\nvirtualHW.version = "4"\nmonitor_control.enable_svm = "TRUE"\n',
      errors: [
        {
          messageId: 'missingSettings',
          message: `Cannot check this outer VM (inferred from \`monitor_control.enable_svm = "TRUE"\`) without \`host\` (\`virtualHW.version\` 4 fits 60 products, see \`vmxlint --list-hosts\`): ${HOW_HOST}`,
          line: 1,
          column: 1,
        },
      ],
      output: null,
    },
    {
      name: 'W1: HW 7 with vhv.enable and an ESXi 5 guest: the 2008 rows and the modern ones disagree, so the host is asked for (no fix)',
      code: 'virtualHW.version = "7"\nguestOS = "vmkernel5"\nvhv.enable = "TRUE"\n',
      settings: {cpu: 'intel'},
      errors: [{messageId: 'missingSettings', message: /^Cannot check this outer VM \(inferred from `vhv\.enable = "TRUE"`\) without `host` \(`virtualHW\.version` 7 fits \d+ products/}],
      output: null,
    },
    {
      name: 'W7: Fusion 13 without a guest id: Intel or Apple silicon decide whether vhv.enable is needed',
      code: 'vhv.enable = "TRUE"\n',
      settings: {host: 'fusion-13'},
      errors: [{message: 'Cannot check this outer VM (inferred from `vhv.enable = "TRUE"`) without `cpu`: pass `--cpu`, add a `# vmxlint cpu=…` comment to the file, or set `settings.cpu` in the config'}],
      output: null,
    },
    {
      name: 'one message however many rules need the setting',
      code: 'guestOS = "winXPPro"\r\n',
      settings: {role: 'inner'},
      errors: [{messageId: 'missingSettings', message: `Cannot check this inner VM without \`host\`: ${HOW_HOST}`}],
      output: null,
    },
    {
      name: 'the CPU, when the host rows differ by CPU',
      code: 'memsize = "2048"\n',
      settings: {role: 'outer', host: 'esx-3.0'},
      errors: [{message: 'Cannot check this outer VM without `cpu`: pass `--cpu`, add a `# vmxlint cpu=…` comment to the file, or set `settings.cpu` in the config'}],
      output: null,
    },
    {
      name: 'the AMD family, when the host limits it',
      code: 'memsize = "2048"\n',
      settings: {role: 'outer', host: 'esx-4.0', cpu: 'amd'},
      errors: [{message: /without `amdFamily`: pass `--amd-family`/}],
      output: null,
    },
    {
      name: 'the outer guest product on ESX 3.0',
      code: 'virtualHW.version = "7"\nvmx.allowNested = "TRUE"\n',
      settings: {host: 'esx-3.0'},
      errors: [{message: /^Cannot check this inner VM \(inferred from `vmx\.allowNested = "TRUE"`\) without `outerProduct` \(`virtualHW\.version` 7 fits \d+ products, see `vmxlint --list-hosts`\): pass `--outer-product`/}],
      output: null,
    },
    {
      name: 'an encrypted nested VM cannot be checked',
      code: '.encoding = "UTF-8"\ndisplayName = "lab"\nencryption.data = "QUJD"\n',
      settings: {role: 'outer', host: 'esx-3.0', cpu: 'intel'},
      errors: [{messageId: 'encrypted', message: 'Cannot check this outer VM: the file is encrypted (`encryption.data`) and hides every setting', line: 3, column: 1, endColumn: 16}],
      output: null,
    },
  ],
});
