import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/inner-no-tools.js';

const HEAD = 'virtualHW.version = "4"\nguestOS = "winXPPro"\nvmx.allowNested = "TRUE"\n';
const inner = {role: 'inner', host: 'esx-3.0'} as const;

new RuleTester().run('inner-no-tools', rule, {
  valid: [
    {name: 'keys that turn Tools off are fine', code: HEAD + 'tools.upgrade.policy = "manual"\ntools.remindInstall = "FALSE"\ntools.syncTime = "FALSE"\ntoolScripts.afterPowerOn = "FALSE"\n', settings: inner},
    {name: 'isolation.tools.* restricts Tools', code: HEAD + 'isolation.tools.copy.disable = "TRUE"\nisolation.tools.hgfs.disable = "TRUE"\n', settings: inner},
    {name: 'an empty detailed-data key records nothing', code: HEAD + 'guestOS.detailed.data = ""\n', settings: inner},
    {name: 'only ESX 3.0 hosts', code: HEAD + 'tools.remindInstall = "TRUE"\n', settings: {role: 'inner', host: 'workstation-6.5'}},
    {name: 'the outer VM may have Tools', code: HEAD + 'tools.remindInstall = "TRUE"\n', settings: {role: 'outer', host: 'esx-3.0', cpu: 'intel'}},
  ],
  invalid: [
    {
      name: 'a strong trace is an error without a fix',
      code: HEAD + "guestInfo.detailed.data = \"architecture='X86' bitness='32'\"\n",
      settings: inner,
      errors: [
        {
          messageId: 'strongTrace',
          message: '`guestInfo.detailed.data` shows that VMware Tools have run in this guest: an inner VM on esx-3.0 must not use the backdoor',
          line: 4,
          column: 1,
          endColumn: 24,
          severity: 2,
        },
      ],
      output: null,
    },
    {
      name: 'keys that install or expect Tools are fixed; weak traces are information',
      code: HEAD + 'tools.syncTime = "TRUE"\ntools.upgrade.policy = "upgradeAtPowerCycle"\ntools.remindInstall = "TRUE"\ntoolsInstallManager.updateCounter = "3"\n',
      settings: inner,
      errors: [
        {messageId: 'weakTrace', message: '`tools.syncTime = "TRUE"` configures VMware Tools, which an inner VM on esx-3.0 must not use', line: 4, severity: 0},
        {
          messageId: 'expectsTools',
          message: '`tools.upgrade.policy = "upgradeAtPowerCycle"` installs or upgrades VMware Tools by itself: set it to `"manual"` in an inner VM on esx-3.0',
          line: 5,
          column: 24,
          severity: 2,
        },
        {messageId: 'expectsTools', message: '`tools.remindInstall = "TRUE"` nags the user to install VMware Tools: set it to `"FALSE"` in an inner VM on esx-3.0', line: 6},
        {messageId: 'strongTrace', line: 7},
      ],
      output: HEAD + 'tools.syncTime = "TRUE"\ntools.upgrade.policy = "manual"\ntools.remindInstall = "FALSE"\ntoolsInstallManager.updateCounter = "3"\n',
    },
    {
      name: 'odd key case, CRLF',
      code: 'Tools.RemindInstall = "true"\r\nguestOS = "winXPPro"\r\n',
      settings: inner,
      errors: [{messageId: 'expectsTools', line: 1, column: 23}],
      output: 'Tools.RemindInstall = "FALSE"\r\nguestOS = "winXPPro"\r\n',
    },
  ],
});
