/**
 * Suggestions (valid-guest-os, key-spelling, boolean-values on an empty value) are shown, never
 * applied: `--fix` leaves them alone, JSON output carries them as ESLint does (`suggestions[]`
 * with `desc` and `fix`), and the default stylish output shows them as a hint.
 */
import {describe, expect, it} from '@jest/globals';
import {lintTextSync} from '../../src/engine/linter.js';
import {format as json} from '../../src/formatters/json.js';
import {format as stylish} from '../../src/formatters/stylish.js';
import type {FormatContext} from '../../src/formatters/types.js';
import {hygieneConfig} from './rules.js';

const code = '.encoding = "UTF-8"\nguestOS = "ubuntu64"\nmonitor_control.vt23 = "TRUE"\nusb.present = ""\nsound.present = "yes"\n';
const lint = (fix: boolean) => lintTextSync(code, {filePath: '/vms/lab.vmx', config: hygieneConfig(), fix});
const context: FormatContext = {cwd: '/vms', color: false, version: '0.0.0', rules: []};

describe('suggestions', () => {
  it('--fix applies fixes but never suggestions', () => {
    const result = lint(true);
    // only boolean-values' fix of `"yes"` was applied
    expect(result.output).toBe(code.replace('"yes"', '"TRUE"'));
    expect(result.messages.map((m) => `${m.ruleId}:${m.line}:${m.suggestions?.length ?? 0}`)).toEqual([
      'valid-guest-os:2:1',
      'key-spelling:3:1',
      'boolean-values:4:2',
    ]);
  });

  it('appear in JSON output as ESLint shapes them', () => {
    const [parsed] = JSON.parse(json([lint(false)])) as Array<{messages: Array<Record<string, unknown>>}>;
    const guest = parsed.messages.find((m) => m.ruleId === 'valid-guest-os')!;
    const at = code.indexOf('"ubuntu64"');
    expect(guest).toMatchObject({
      ruleId: 'valid-guest-os',
      severity: 1,
      message: 'Unknown `guestOS` value `ubuntu64`: did you mean `ubuntu-64`?',
      messageId: 'didYouMean',
      line: 2,
      column: 11,
      suggestions: [{desc: 'Replace with `ubuntu-64`', fix: {range: [at, at + '"ubuntu64"'.length], text: '"ubuntu-64"'}}],
    });
    expect(guest).not.toHaveProperty('fix');
    const key = parsed.messages.find((m) => m.ruleId === 'key-spelling')!;
    const k = code.indexOf('monitor_control.vt23');
    expect(key.suggestions).toEqual([{desc: 'Rename to `monitor_control.vt32`', fix: {range: [k, k + 20], text: 'monitor_control.vt32'}}]);
  });

  it('are hinted in the default stylish output', () => {
    const out = stylish([lint(false)], context);
    expect(out).toContain('did you mean `ubuntu-64`? (suggestion: Replace with `ubuntu-64`)');
    expect(out).toContain('(suggestion: Rename to `monitor_control.vt32`)');
    expect(out).toContain('(suggestions: Write `"TRUE"`; Write `"FALSE"`)');
  });
});
