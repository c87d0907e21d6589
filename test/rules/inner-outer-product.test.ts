import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/inner-outer-product.js';

const VM = 'virtualHW.version = "4"\nguestOS = "winXPPro"\nvmx.allowNested = "TRUE"\n';
const onEsx30 = (outerProduct: string) => ({role: 'inner', host: 'esx-3.0', outerProduct}) as const;

new RuleTester().run('inner-outer-product', rule, {
  valid: [
    {name: 'Workstation 6.0', code: VM, settings: onEsx30('workstation-6.0')},
    {name: 'ESX 3.5', code: VM, settings: onEsx30('esx-3.5')},
    {name: 'later products too (ESXi is a later ESX, Player shares Workstation\'s engine)', code: VM, settings: onEsx30('player-4')},
    {name: 'only ESX 3.0 hosts are checked', code: VM, settings: {role: 'inner', host: 'esx-4.0', outerProduct: 'workstation-5.x'}},
    {name: 'virtualHW.version 4 fits both ESX 3.0 and 3.5: nothing is guessed', code: VM, settings: {role: 'inner', host: 'esx-3.0'}},
  ],
  invalid: [
    {
      name: 'Workstation 5.x does not understand vmx.allowNested',
      code: VM,
      settings: onEsx30('ws-5.5'),
      errors: [
        {
          messageId: 'tooOld',
          message: 'The outer guest product workstation-5.x does not understand `vmx.allowNested`: on esx-3.0 it must be Workstation 6.0 or later, or ESX 3.5 or later',
          line: 1,
          column: 1,
        },
      ],
      output: null,
    },
    {
      name: 'context from a directive, CRLF',
      code: '# vmxlint role=inner host=esx-3.0 outerProduct=esx-3.0\r\nguestOS = "winXPPro"\r\n',
      errors: [{messageId: 'tooOld', message: /^The outer guest product esx-3\.0 does not understand/}],
      output: null,
    },
  ],
});
