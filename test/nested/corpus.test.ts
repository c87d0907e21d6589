/**
 * Real files from ../shared/corpus with no nested context: the nested rules must stay quiet.
 * Every expected message is listed (none today), with the files that come closest explained.
 */
import fs from 'node:fs';
import {describe, expect, it} from '@jest/globals';
import {lintBytes} from '../../src/engine/linter.js';
import {nestedConfig} from './_helpers.js';

const dir = new URL('../../../shared/corpus/', import.meta.url);
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.vmx$/i.test(f)).sort() : [];
const corpus = files.length ? describe : describe.skip;

/** Messages the nested rules may give on a corpus file without context: none. */
const EXPECTED: Record<string, string[]> = {};
/** Files that come close, and why they stay quiet. */
const CLOSE_CALLS: Record<string, string> = {
  // `vhv.enable = "FALSE"`: a nesting key, but switched off: not an outer VM
  'DrDonk__unlocker__templates__Workstation 16__Intel__macOS 10.15.vmx': 'vhv.enable',
  'DrDonk__unlocker__templates__Workstation 17__AMD__macOS 13.vmx': 'vhv.enable',
  'DrDonk__unlocker__templates__amd__macos.vmx': 'vhv.enable',
  // encrypted, but nothing says it is nested: the "cannot be checked" message needs a nested role
  'AlexusLee90__VMs11__Windows 11 x64.vmx': 'encryption.data',
};

corpus(`nested rules on ../shared/corpus${files.length ? '' : ' (skipped: ../shared/corpus not found)'}`, () => {
  const lint = (f: string, settings = {}) => lintBytes(fs.readFileSync(new URL(f, dir)), {filePath: f, config: nestedConfig(), settings}).result;

  it.each(files)('%s: no nested false positives', (f) => {
    const got = lint(f).messages.map((m) => `${m.ruleId}/${m.messageId}`);
    expect(got).toEqual(EXPECTED[f] ?? []);
  });

  it('the close calls are in the corpus and contain what makes them close', () => {
    for (const [f, key] of Object.entries(CLOSE_CALLS)) {
      expect(files).toContain(f);
      expect(fs.readFileSync(new URL(f, dir), 'latin1').toLowerCase()).toContain(key.toLowerCase());
    }
  });

  it.each(files)('%s: declared an outer VM with no host: never "entirely unsupported" from hardware version 14 on', (f) => {
    const text = fs.readFileSync(new URL(f, dir), 'latin1');
    const hw = Number(/^\s*virtualHW\.version\s*=\s*"?(\d+)/im.exec(text)?.[1] ?? 0);
    const said = lint(f, {role: 'outer'}).messages.filter((m) => /entirely unsupported/.test(m.message));
    expect(hw >= 14 ? said : []).toEqual([]);
  });

  it.each(files)('%s: declared an outer VM on Workstation 17, the rules run without crashing', (f) => {
    const result = lint(f, {role: 'outer', host: 'workstation-17', cpu: 'intel'});
    expect(result.messages.filter((m) => m.fatal && m.ruleId !== null)).toEqual([]);
  });
});
