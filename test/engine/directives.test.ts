import {describe, expect, it} from '@jest/globals';
import {lintTextSync} from '../../src/engine/linter.js';
import {configOf, flipFlop, noBad} from './helpers.js';

const config = configOf({'no-bad': [noBad, 'error']});
const lint = (text: string, extra = {}) => lintTextSync(text, {config, ...extra});
const lines = (text: string, extra = {}) => lint(text, extra).messages.map((m) => `${m.line}:${m.ruleId ?? 'null'}`);

describe('disable directives', () => {
  it('disable-next-line covers only the next line', () => {
    expect(lines('# vmxlint-disable-next-line no-bad\nbad = "1"\nbad2 = "x"\nBad = "2"\n')).toEqual(['4:no-bad']);
  });

  it('disable … enable covers a block; a bare disable covers every rule', () => {
    expect(lines('# vmxlint-disable no-bad\nbad = "1"\n# vmxlint-enable no-bad\nbad = "2"\n')).toEqual(['4:no-bad']);
    expect(lines('# vmxlint-disable\nbad = "1"\nbad = "2"\n')).toEqual([]);
    expect(lines('# vmxlint-disable\nbad = "1"\n# vmxlint-enable\nbad = "2"\n')).toEqual(['4:no-bad']);
  });

  it('disable-line works as a trailing comment, with a list of rules and a reason', () => {
    const r = lint('bad = "1" # vmxlint-disable-line other, no-bad -- migrated from the old template\n', {config: configOf({'no-bad': [noBad, 'error'], other: [noBad, 'warn']})});
    expect(r.messages).toEqual([]);
    expect(r.suppressedMessages.map((m) => [m.ruleId, m.suppressions[0].justification])).toEqual([
      ['no-bad', 'migrated from the old template'],
      ['other', 'migrated from the old template'],
    ]);
  });

  it('reports an unknown rule name in a directive', () => {
    const r = lint('# vmxlint-disable-next-line no-such-rule\nbad = "1"\n');
    expect(r.messages.map((m) => [m.line, m.severity, m.message])).toEqual([
      [1, 2, 'Unknown rule `no-such-rule` in `vmxlint-disable-next-line` directive'],
      [2, 2, 'Key `bad` is bad'],
    ]);
  });

  it('--no-inline-config ignores every directive', () => {
    expect(lines('# vmxlint-disable\nbad = "1"\n', {inlineConfig: false})).toEqual(['2:no-bad']);
  });

  it('does not apply a fix that a directive suppresses', () => {
    expect(lint('# vmxlint-disable-next-line no-bad\nbad = "1"\n', {fix: true}).output).toBeUndefined();
  });
});

describe('unused disable directives', () => {
  const opts = {reportUnusedDisableDirectives: true};
  it('are not reported by default', () => {
    expect(lines('# vmxlint-disable-next-line no-bad\ngood = "1"\n')).toEqual([]);
  });

  it('are reported with a fix that removes the directive', () => {
    const r = lint('a = "1"\n# vmxlint-disable-next-line no-bad\ngood = "1"\n', opts);
    expect(r.messages.map((m) => [m.line, m.severity, m.message])).toEqual([[2, 1, 'Unused `vmxlint-disable-next-line` directive (no problems were reported for `no-bad`)']]);
    expect(lint('a = "1"\n# vmxlint-disable-next-line no-bad\ngood = "1"\n', {...opts, fix: true}).output).toBe('a = "1"\ngood = "1"\n');
  });

  it('remove only the unused names from a list, keeping the reason', () => {
    const cfg = configOf({'no-bad': [noBad, 'error'], 'flip-flop': [flipFlop, 'warn']});
    const text = '#  vmxlint-disable-next-line flip-flop, no-bad -- kept on purpose\nbad = "1"\n';
    const r = lintTextSync(text, {config: cfg, ...opts});
    expect(r.messages.map((m) => m.message)).toEqual(['Unused `vmxlint-disable-next-line` directive (no problems were reported for `flip-flop`)']);
    expect(lintTextSync(text, {config: cfg, ...opts, fix: true}).output).toBe('#  vmxlint-disable-next-line no-bad -- kept on purpose\nbad = "1"\n');
  });

  it('remove a trailing disable-line comment that suppresses nothing', () => {
    expect(lint('good = "1" # vmxlint-disable-line no-bad\n', {...opts, fix: true}).output).toBe('good = "1"\n');
  });
});

describe('context directive', () => {
  it('sets the file settings and reports bad values', () => {
    const r = lint('# vmxlint role=outer host=banana cpu=intel\n');
    expect(r.messages.map((m) => m.message)).toEqual([expect.stringMatching(/^Invalid `# vmxlint` directive: unknown host "banana": expected one of esx-2\.x, /)]);
  });
});
