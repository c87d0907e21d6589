import {afterAll} from '@jest/globals';
import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/inner-fits-outer.js';
import {esxiOuter, labFile, tempLab} from '../nested/_labs.js';

const lab = tempLab({'esxi8.vmx': esxiOuter({memsize: 8192, numvcpus: 4}), 'one-cpu.vmx': esxiOuter({memsize: 8192})});
afterAll(() => lab.remove());
const inner = (lines: string[]) => ['# vmxlint outer=esxi8.vmx', ...lines].join('\n') + '\n';

new RuleTester().run('inner-fits-outer', rule, {
  valid: [
    {name: 'the shipped Workstation 17 + ESXi 8 lab', ...labFile('ws17-esxi8/ubuntu/ubuntu.vmx')},
    {name: 'the shipped ESXi 8 + ESXi 7 lab', ...labFile('esxi8-esxi7/win2019/win2019.vmx')},
    {name: 'less memory, as many vCPUs', code: inner(['memsize = "8191"', 'numvcpus = "4"']), filename: lab.file('a.vmx')},
    {name: 'no memsize, no numvcpus: nothing to compare', code: inner(['guestOS = "ubuntu-64"']), filename: lab.file('b.vmx')},
    {name: 'no link', code: 'memsize = "999999"\nnumvcpus = "64"\n'},
  ],
  invalid: [
    {
      name: 'as much memory as the outer VM',
      code: inner(['memsize = "8192"']),
      filename: lab.file('c.vmx'),
      errors: [{messageId: 'memsize', message: '`memsize` 8192 MB does not fit in the outer VM `esxi8.vmx` (8192 MB), whose own hypervisor needs memory too', line: 2, column: 11, severity: 2}],
      output: null,
    },
    {
      name: 'more vCPUs than the outer VM',
      code: inner(['numvcpus = "8"']),
      filename: lab.file('d.vmx'),
      errors: [{messageId: 'numvcpus', message: '`numvcpus` 8 is more than the outer VM `esxi8.vmx` has (4): the product in it has only 4 logical processors to give', line: 2}],
      output: null,
    },
    {
      name: 'an outer VM without numvcpus has one',
      code: '# vmxlint outer=one-cpu.vmx\nnumvcpus = "2"\n',
      filename: lab.file('e.vmx'),
      errors: [{messageId: 'numvcpus', message: /has \(1\)/}],
      output: null,
    },
    {
      name: 'both (shipped lab)',
      ...labFile('ws17-esxi8/photon/photon.vmx'),
      errors: [{messageId: 'memsize'}, {messageId: 'numvcpus'}],
      output: null,
    },
  ],
});
