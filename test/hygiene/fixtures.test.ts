/**
 * fixtures/hygiene: each `<name>.vmx` linted from its bytes with `fix: true` (hygiene rules only)
 * must give exactly the bytes of `<name>.fixed.vmx`, written back in the file's own encoding,
 * and the fixed file must have nothing left to fix.
 */
import fs from 'node:fs';
import {describe, expect, it} from '@jest/globals';
import {lintBytes} from '../../src/engine/linter.js';
import {encode} from '../../src/syntax/encoding.js';
import {hygieneConfig} from './rules.js';

const dir = new URL('../../fixtures/hygiene/', import.meta.url);
const inputs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.vmx') && !f.endsWith('.fixed.vmx'))
  .sort();

it('has before/after pairs', () => {
  expect(inputs.length).toBeGreaterThanOrEqual(5);
  for (const f of inputs) expect(fs.existsSync(new URL(f.replace(/\.vmx$/, '.fixed.vmx'), dir))).toBe(true);
});

describe.each(inputs)('%s', (name) => {
  const before = fs.readFileSync(new URL(name, dir));
  const after = fs.readFileSync(new URL(name.replace(/\.vmx$/, '.fixed.vmx'), dir));

  it('--fix gives the .fixed.vmx bytes', () => {
    const {result, encoding, text} = lintBytes(before, {filePath: name, config: hygieneConfig(), fix: true});
    expect(result.fatalErrorCount).toBe(0);
    const bytes = Buffer.from(encode(result.output ?? text!, encoding!));
    expect(bytes.toString('latin1')).toBe(after.toString('latin1'));
  });

  it('the fixed file has nothing left to fix', () => {
    const {result} = lintBytes(after, {filePath: name, config: hygieneConfig()});
    expect(result.messages.filter((m) => m.fix)).toEqual([]);
  });
});

it('suggestion-only problems stay in the fixed hand-written file', () => {
  const after = fs.readFileSync(new URL('handwritten-how-to.fixed.vmx', dir));
  const {result} = lintBytes(after, {filePath: 'handwritten-how-to.fixed.vmx', config: hygieneConfig()});
  expect(result.messages.map((m) => `${m.ruleId}:${m.line}`)).toEqual(['valid-guest-os:7', 'key-spelling:17']);
  expect(result.messages.every((m) => m.suggestions?.length === 1 && m.fix === undefined)).toBe(true);
});
