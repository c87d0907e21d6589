/**
 * The `outer` link (issue 19) through the engine: context flowing from the outer file, settings
 * that win, cycles, chains, each outer read once, the outer's own errors, related locations.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from '@jest/globals';
import {ConfigArray} from '../../src/config/config-array.js';
import {fileSettings, lintTextSync, makeOuterLinks} from '../../src/engine/linter.js';
import {parse} from '../../src/syntax/parse.js';
import {lintFile, makeLoader, outerLinksFor} from '../../src/runner/lint-file.js';
import {outerLinkOf} from '../../src/nested/outer-link.js';
import {productOfGuest, VMKERNEL_PRODUCTS} from '../../src/nested/facts.js';
import {directiveOuterValues} from '../../src/runner/preload-outers.js';
import {resolveHost} from '../../src/knowledge/hosts.js';
import {esxiOuter, ROOT, tempLab} from './_labs.js';

const lab = tempLab({
  'esxi8/esxi8.vmx': esxiOuter({numvcpus: 4}),
  'my lab/esxi8.vmx': esxiOuter(),
  'legacy/ws60.vmx': '# vmxlint role=outer host=esx-3.0 cpu=intel\nvirtualHW.version = "4"\nguestOS = "winXPPro"\nmonitor_control.vt32 = "TRUE"\n',
  'broken/outer.vmx': '# vmxlint role=outer host=esx-3.0 cpu=intel\nvirtualHW.version = "4"\nguestOS = "winXPPro"\nmonitor_control.enable_svm = "TRUE"\n',
  'cycle/a.vmx': '# vmxlint outer=b.vmx\nguestOS = "ubuntu"\n',
  'cycle/b.vmx': '# vmxlint outer=a.vmx\nguestOS = "ubuntu"\n',
  'cycle/self.vmx': '# vmxlint outer=self.vmx\nguestOS = "ubuntu"\n',
  'chain/esxi8.vmx': esxiOuter({host: 'workstation-17'}),
  'chain/esxi7.vmx': '# vmxlint role=outer outer=esxi8.vmx\nvirtualHW.version = "19"\nguestOS = "vmkernel7"\nvhv.enable = "TRUE"\nmemsize = "8192"\n',
  'chain/inner.vmx': '# vmxlint outer=esxi7.vmx\nvirtualHW.version = "19"\nguestOS = "ubuntu-64"\nmemsize = "2048"\n',
});
afterAll(() => lab.remove());

const settingsOf = (file: string, text: string, extra: {settings?: Record<string, string>; config?: ConfigArray} = {}) => {
  const config = (extra.config ?? new ConfigArray(['vmxlint:recommended'], lab.dir, '<test>')).forFile(file);
  const s = fileSettings(parse(text), config, {settings: extra.settings}, file);
  return {role: s.role, host: s.host, cpu: s.cpu, outerProduct: s.outerProduct, sources: s.sources, link: outerLinkOf(s)};
};

describe('context flows from the outer file', () => {
  it('host, cpu and (from vmkernel8) outerProduct; role inner', () => {
    const s = settingsOf(lab.file('inner.vmx'), '# vmxlint outer=esxi8/esxi8.vmx\n');
    expect([s.role, s.host, s.cpu, s.outerProduct]).toEqual(['inner', 'workstation-17', 'intel', 'esxi-8.0']);
    expect(s.sources).toMatchObject({outer: 'directive', role: 'outer', host: 'outer', cpu: 'outer', outerProduct: 'outer'});
  });

  it('settings on the inner win; a contradiction is kept, an agreement is not', () => {
    const s = settingsOf(lab.file('inner.vmx'), '# vmxlint outer=esxi8/esxi8.vmx host=esxi-8.0 cpu=intel\n');
    expect(s.host).toBe('esxi-8.0');
    expect(s.link!.contradictions).toEqual([{name: 'host', inner: 'esxi-8.0', source: 'directive', outer: 'workstation-17'}]);
    const config = new ConfigArray([{settings: {cpu: 'amd'}}], lab.dir, '<test>');
    expect(settingsOf(lab.file('inner.vmx'), '# vmxlint outer=esxi8/esxi8.vmx', {config}).link!.contradictions).toEqual([
      {name: 'cpu', inner: 'amd', source: 'config', outer: 'intel'},
    ]);
  });

  it('the command line\'s physical settings hold for the whole lab, the outer file included', () => {
    const s = settingsOf(lab.file('inner.vmx'), '# vmxlint outer=esxi8/esxi8.vmx', {settings: {cpu: 'amd'}});
    expect([s.cpu, s.link!.outer!.settings!.cpu, s.link!.contradictions]).toEqual(['amd', 'amd', []]);
  });

  it('a guest that does not name its product gives no outerProduct (it must still be given)', () => {
    const s = settingsOf(lab.file('inner.vmx'), '# vmxlint outer=legacy/ws60.vmx\n');
    expect([s.host, s.cpu, s.outerProduct]).toEqual(['esx-3.0', 'intel', undefined]);
  });

  it('config settings.outer is relative to the config file; a comment path with spaces is quoted', () => {
    const config = new ConfigArray([{settings: {outer: '../esxi8/esxi8.vmx'}}], lab.file('sub'), '<test>');
    expect(settingsOf(lab.file('x/inner.vmx'), 'guestOS = "ubuntu"\n', {config}).link!.outer!.file).toBe(lab.file('esxi8/esxi8.vmx'));
    const quoted = settingsOf(lab.file('inner.vmx'), '# vmxlint outer="my lab/esxi8.vmx"\n');
    expect([quoted.link!.outer!.file, quoted.host]).toEqual([lab.file('my lab/esxi8.vmx'), 'workstation-17']);
  });

  it('a middle VM of a chain (role outer) runs on the product in its outer: its host is that product', () => {
    const mid = settingsOf(lab.file('chain/esxi7.vmx'), fs.readFileSync(lab.file('chain/esxi7.vmx'), 'utf8'));
    expect([mid.role, mid.host, mid.cpu]).toEqual(['outer', 'esxi-8.0', 'intel']);
    const inner = settingsOf(lab.file('chain/inner.vmx'), fs.readFileSync(lab.file('chain/inner.vmx'), 'utf8'));
    expect([inner.role, inner.host, inner.outerProduct]).toEqual(['inner', 'esxi-8.0', 'esxi-7.0']);
    expect(inner.link!.deps.map(([f]) => path.basename(f))).toEqual(['esxi7.vmx', 'esxi8.vmx']);
  });

  it('--no-inline-config: the outer file\'s comments do not count either', () => {
    const links = makeOuterLinks({inlineConfig: false}, {});
    const config = new ConfigArray(['vmxlint:recommended'], lab.dir, '<test>').forFile(lab.file('i.vmx'));
    const s = fileSettings(parse(''), config, {settings: {outer: lab.file('esxi8/esxi8.vmx')}, inlineConfig: false, outerLinks: links}, lab.file('i.vmx'));
    expect([outerLinkOf(s)!.outer!.file, s.host]).toEqual([lab.file('esxi8/esxi8.vmx'), undefined]);
  });
});

describe('on a 2008 host the 2008 rules hold through the link', () => {
  it('the shipped ESX 3.0 + Workstation 6.0 lab: a 64-bit inner guest (G4), an inner forcing hardware execution (G2); no vhv.enable asked', () => {
    const file = path.join(ROOT, 'fixtures/labs/esx30-ws60/xp64/xp64.vmx');
    const r = lintTextSync(fs.readFileSync(file, 'utf8'), {filePath: file});
    expect(r.messages.filter((m) => m.severity > 0).map((m) => `${m.ruleId}/${m.messageId}`)).toEqual([
      'inner-runs-in-outer/hwTooNew',
      'inner-32bit-guest/guest64',
      'inner-fits-outer/memsize',
      'inner-fits-outer/numvcpus',
    ]);
    const xp = path.join(ROOT, 'fixtures/labs/esx30-ws60/xp/xp.vmx');
    const forcing = fs.readFileSync(xp, 'utf8') + 'monitor.virtual_exec = "hardware"\n';
    const f = lintTextSync(forcing, {filePath: xp});
    expect(f.messages.filter((m) => m.severity > 0).map((m) => `${m.ruleId}/${m.messageId}`)).toEqual(['inner-binary-translation/forcesHardware']);
    expect(lintTextSync(fs.readFileSync(xp, 'utf8'), {filePath: xp}).messages.filter((m) => m.severity > 0)).toEqual([]);
  });
});

describe('cycles are refused', () => {
  it('a → b → a, and a file that names itself', () => {
    for (const [file, chain] of [
      ['cycle/a.vmx', ['a.vmx', 'b.vmx', 'a.vmx']],
      ['cycle/self.vmx', ['self.vmx', 'self.vmx']],
    ] as const) {
      const r = lintTextSync(fs.readFileSync(lab.file(file), 'utf8'), {filePath: lab.file(file)});
      const m = r.messages.filter((x) => x.ruleId === 'outer-link');
      expect(m.map((x) => x.message)).toEqual([`The \`outer\` links form a cycle (${chain.map((c) => `\`${c}\``).join(' → ')}): a VM cannot run inside itself`]);
    }
  });
});

describe('the outer VM\'s own errors and related locations', () => {
  it('the inner gets one message naming the outer\'s first error; related locations point into the outer file', () => {
    const text = '# vmxlint outer=broken/outer.vmx outerProduct=workstation-6.0\nguestOS = "winXPPro"\nvmx.allowNested = "TRUE"\n';
    const r = lintTextSync(text, {filePath: lab.file('inner.vmx')});
    const m = r.messages.find((x) => x.ruleId === 'outer-link')!;
    expect(m.message).toMatch(/^The outer VM `broken\/outer\.vmx` has 1 error of its own \(4:1 `monitor_control\.enable_svm` .*\(outer-virtualization-keys\)\)/);
    expect(m.relatedLocations).toEqual([expect.objectContaining({filePath: lab.file('broken/outer.vmx'), line: 4, column: 1})]);
  });

  it('a missing outer: exactly one message on the inner, no crash', () => {
    const r = lintTextSync('# vmxlint outer=nope.vmx\nguestOS = "ubuntu"\n', {filePath: lab.file('inner.vmx')});
    expect(r.messages.filter((m) => m.ruleId !== 'encoding-declared').map((m) => m.ruleId)).toEqual(['outer-link']);
    expect(r.fatalErrorCount).toBe(0);
  });
});

describe('a run reads each outer once', () => {
  it('three inners of one outer, linted through lintFile with one loader: one read of the outer', async () => {
    const inners = ['a', 'b', 'c'].map((n) => lab.file(`esxi8/${n}-inner.vmx`));
    for (const f of inners) fs.writeFileSync(f, '# vmxlint outer=esxi8.vmx\nguestOS = "ubuntu-64"\nnumvcpus = "8"\n');
    const loader = makeLoader({cwd: lab.dir, configLookup: false});
    const results = [];
    for (const f of inners) results.push((await lintFile(f, loader, {cwd: lab.dir, configLookup: false})).result);
    expect(outerLinksFor(loader, {}).reads).toBe(1);
    expect(results.map((r) => r.messages.filter((m) => m.ruleId === 'inner-fits-outer').length)).toEqual([1, 1, 1]);
    for (const f of inners) fs.rmSync(f);
  });
});

describe('the knowledge it reads', () => {
  it('every vmkernel id names host rows of the table, and ESXi 6.5 runs up to 13 (the issue\'s example)', () => {
    for (const p of VMKERNEL_PRODUCTS) for (const r of p.rows) expect([p.id, resolveHost(r)?.id]).toEqual([p.id, r]);
    expect(productOfGuest('vmkernel65')!.rows.map((r) => [r.id, r.maxHwVersion])).toEqual([['esxi-6.5', 13], ['esxi-6.7', 15]]);
    expect(productOfGuest('ARM-vmkernel8')!.release).toBe('ESXi 8.0');
    expect(productOfGuest('ubuntu-64')).toBeUndefined();
  });

  it('the quick look at outer= values before a lint', () => {
    expect(directiveOuterValues('# vmxlint role=inner outer=../a.vmx\n#vmxlint outer="b c.vmx"\nouter = "x"\n# outerProduct=esx-3.5\n')).toEqual(['../a.vmx', 'b c.vmx']);
    expect(directiveOuterValues('guestOS = "ubuntu"\n')).toEqual([]);
  });
});
