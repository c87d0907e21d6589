/**
 * Before/after fixture pairs in fixtures/nested/: the fix gives the `.fixed.vmx` file, which
 * round-trips, re-lints without fixable problems and does not change on a second fix; and every
 * row of the knowledge table has a fixture (a test walks the table).
 */
import fs from 'node:fs';
import {describe, expect, it} from '@jest/globals';
import {existingCpus, E30_RULES, HOSTS, resolveHost} from '../../src/knowledge/hosts.js';
import {parse, stringify} from '../../src/syntax/index.js';
import {ids, lintNested} from './_helpers.js';

const dir = new URL('../../fixtures/nested/', import.meta.url);
const read = (f: string) => fs.readFileSync(new URL(f, dir), 'utf8');
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.vmx') && !f.endsWith('.fixed.vmx'))
  .map((f) => f.slice(0, -'.vmx'.length))
  .sort();

const U = 'nested-unsupported/unsupported';
/** Modern hosts: what VMware supports (virtualized HV for HW 9+ on CPUs with EPT/RVI). */
const S = 'nested-unsupported/supported';
/** Information on `restrict_backdoor`: Tools in the outer guest stop working. */
const NOTE = 'outer-virtualization-keys/keyNote';
/** Messages of the nested rules before the fix, and those left after it (not fixable). */
const EXPECTED: Record<string, {before: string[]; after: string[]}> = {
  'outer-esx-3.0-intel': {before: [U, 'outer-virtualization-keys/foreignKey'], after: [U]},
  'outer-esx-3.0-amd': {before: [U, 'outer-virtualization-keys/wrongValue'], after: [U]},
  'outer-esx-3.5-amd': {before: [U, 'outer-virtualization-keys/missingKey', 'outer-virtualization-keys/foreignKey'], after: [U, NOTE]},
  'outer-esx-3.5-intel': {before: ['host-supports-nesting/cannotNest', U], after: ['host-supports-nesting/cannotNest', U]},
  'outer-esx-4.0-amd': {before: [U, 'outer-virtualization-keys/missingKey', 'outer-virtualization-keys/missingKey'], after: [U, NOTE]},
  'outer-esx-4.0-intel': {before: [U, 'outer-virtualization-keys/wrongValue', NOTE], after: [U, NOTE]},
  'outer-fusion-1.x-intel': {before: [U, 'outer-virtualization-keys/wrongValue'], after: [U, NOTE]},
  'outer-fusion-2.x-intel': {before: [U, 'outer-virtualization-keys/missingKey', 'outer-virtualization-keys/foreignKey'], after: [U, NOTE]},
  'outer-workstation-6.0-amd': {before: [U, 'outer-virtualization-keys/foreignKey', NOTE], after: [U, NOTE]},
  'outer-workstation-6.0-intel': {before: [U, 'outer-virtualization-keys/missingKey', 'outer-virtualization-keys/missingKey'], after: [U, NOTE]},
  'outer-workstation-6.5-amd': {before: [U, 'outer-virtualization-keys/foreignKey', NOTE], after: [U, NOTE]},
  'outer-workstation-6.5-intel': {before: [U, 'outer-virtualization-keys/missingKey'], after: [U, NOTE]},
  'inner-64bit-guest': {before: [U, 'inner-32bit-guest/guest64'], after: [U, 'inner-32bit-guest/guest64']},
  'inner-binary-translation': {before: [U, 'inner-binary-translation/forcesHardware', 'inner-binary-translation/forcesHardware'], after: [U]},
  'inner-e30-allow-nested': {before: ['inner-allow-nested/missing', U], after: [U]},
  'inner-e30-outer-product': {before: ['inner-outer-product/tooOld', U], after: ['inner-outer-product/tooOld', U]},
  'inner-e30-no-tools': {
    before: [U, 'inner-no-tools/weakTrace', 'inner-no-tools/expectsTools', 'inner-no-tools/expectsTools', 'inner-no-tools/strongTrace'],
    after: [U, 'inner-no-tools/weakTrace', 'inner-no-tools/strongTrace'],
  },
  'inner-e30-tools-config': {before: [U, 'inner-no-tools/expectsTools', 'inner-no-tools/expectsTools'], after: [U]},
  'modern-esxi-5.0': {
    before: ['modern-nested-virtualization/hostWide', S, 'modern-nested-virtualization/obsoleteKeyExtra'],
    after: ['modern-nested-virtualization/hostWide', S],
  },
  'modern-esxi-8.0': {before: ['modern-nested-virtualization/missingKeyHypervisor', 'modern-nested-virtualization/hyperV', S], after: [S]},
  'modern-fusion-13': {before: [S, 'modern-nested-virtualization/wrongValue'], after: [S]},
  // the role is only inferred (from `vt32`): turning `vhv.enable` on is a suggestion, never applied (the .fixed.vmx is the same file)
  'modern-inferred': {before: [S, 'modern-nested-virtualization/obsoleteKey'], after: [S, 'modern-nested-virtualization/obsoleteKey']},
  'modern-inner': {before: [S, 'modern-nested-virtualization/obsoleteKeyExtra'], after: [S]},
  'modern-player-17': {before: [S, 'modern-nested-virtualization/obsoleteKey'], after: [S]},
  'modern-workstation-17': {before: ['modern-nested-virtualization/missingKeyHypervisor', S], after: [S]},
};

it('every fixture has expectations, and every expectation a fixture pair', () => {
  expect(names).toEqual(Object.keys(EXPECTED).sort());
  for (const n of names) expect(fs.existsSync(new URL(`${n}.fixed.vmx`, dir))).toBe(true);
});

describe.each(names)('%s', (name) => {
  const before = read(`${name}.vmx`);
  const after = read(`${name}.fixed.vmx`);
  const filePath = `fixtures/nested/${name}.vmx`;

  it('reports what it is meant to, and the fix gives the .fixed.vmx file', () => {
    expect(ids(lintNested(before, {filePath}))).toEqual(EXPECTED[name].before);
    expect(lintNested(before, {filePath, fix: true}).output ?? before).toBe(after);
  });

  it('the fixed file round-trips, has no fixable problem left, and a second fix changes nothing', () => {
    expect(stringify(parse(after))).toBe(after);
    const relint = lintNested(after, {filePath});
    expect(ids(relint)).toEqual(EXPECTED[name].after);
    expect(relint.messages.filter((m) => m.fix)).toEqual([]);
    expect(lintNested(after, {filePath, fix: true}).output).toBeUndefined();
  });
});

/* ---------------------------------------------------------------- the knowledge table, walked */

/** The `# vmxlint …` context of each fixture, with the host resolved to its row id. */
const contexts = names.map((name) => {
  const m = /^#\s*vmxlint\s+(.*)$/m.exec(read(`${name}.vmx`));
  const pairs = Object.fromEntries((m?.[1] ?? '').split(/\s+/).filter(Boolean).map((p) => p.split('=') as [string, string]));
  return {name, role: pairs.role, host: pairs.host ? resolveHost(pairs.host)?.id : undefined, cpu: pairs.cpu};
});
const covered = (rule: string) => names.filter((n) => EXPECTED[n].before.some((id) => id.startsWith(`${rule}/`)));

describe('every row of the knowledge table has a fixture', () => {
  // rows whose keys are inferred (unverified) copy a documented row's keys: that row's fixture covers them
  const legacyRows = HOSTS.filter((h) => h.family === 'legacy' && h.verified).flatMap((h) => existingCpus(h).map((cpu) => [h.id, cpu] as const));

  it.each(legacyRows)('outer keys: %s / %s', (host, cpu) => {
    expect(contexts.filter((c) => c.role === 'outer' && c.host === host && c.cpu === cpu).map((c) => c.name)).toHaveLength(1);
  });

  it.each(Object.entries(E30_RULES))('E30 rule %s (%s)', (rule) => {
    expect(covered(rule)).not.toEqual([]);
  });

  it('G2: the inner binary-translation rule', () => {
    expect(covered('inner-binary-translation')).not.toEqual([]);
  });

  // one fixture per modern product line, and one for the ESXi 5.0 shape (nothing in the .vmx)
  const modernShapes = [...new Set(HOSTS.filter((h) => h.family === 'modern').map((h) => `${h.product}${h.hostConfig ? '+hostConfig' : ''}`))];
  it.each(modernShapes)('modern host family %s', (shape) => {
    const hosts = contexts.map((c) => (c.host ? resolveHost(c.host) : undefined)).filter((h) => h?.family === 'modern');
    expect(hosts.some((h) => `${h!.product}${h!.hostConfig ? '+hostConfig' : ''}` === shape)).toBe(true);
  });
});
