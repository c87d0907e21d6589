import {describe, expect, it} from '@jest/globals';
import {lintTextSync, MAX_FIX_PASSES} from '../../src/engine/linter.js';
import {applyEdits} from '../../src/engine/fixer.js';
import {createRule} from '../../src/engine/create-rule.js';
import {configOf, countUp, fixWithoutMeta, flipFlop, noBad, throwing} from './helpers.js';

describe('messages', () => {
  it('stamps ruleId, severity, url, place and fix on each message', () => {
    const r = lintTextSync('a = "1"\n  bad = "2"\n', {config: configOf({'no-bad': [noBad, 'error']}), filePath: 'x.vmx'});
    expect(r.messages).toEqual([
      {
        ruleId: 'no-bad',
        severity: 2,
        message: 'Key `bad` is bad',
        messageId: 'bad',
        line: 2,
        column: 3,
        nodeType: 'entry',
        endLine: 2,
        endColumn: 12,
        fix: {range: [10, 19], text: 'good = "2"'},
        url: 'https://github.com/vmxlint/vmxlint/blob/main/docs/rules/no-bad.md',
      },
    ]);
    expect(r).toMatchObject({errorCount: 1, warningCount: 0, fixableErrorCount: 1, fatalErrorCount: 0, source: 'a = "1"\n  bad = "2"\n'});
  });

  it('maps warn to severity 1 and info to 0', () => {
    const warn = lintTextSync('bad = "1"\n', {config: configOf({'no-bad': [noBad, 'warn']})});
    const info = lintTextSync('bad = "1"\n', {config: configOf({'no-bad': [noBad, 'info']})});
    expect([warn.messages[0].severity, warn.warningCount]).toEqual([1, 1]);
    expect([info.messages[0].severity, info.infoCount, info.errorCount]).toEqual([0, 1, 0]);
  });

  it('passes options merged with defaults', () => {
    const r = lintTextSync('bad = "1"\n', {config: configOf({'no-bad': [noBad, 'error', {replacement: 'better'}]}), fix: true});
    expect(r.output).toBe('better = "1"\n');
  });
});

describe('crashing rules', () => {
  it('turns a throwing rule into one fatal message naming rule and file, and the others still run', () => {
    const r = lintTextSync('bad = "1"\nx = "2"\n', {config: configOf({throwing: [throwing, 'error'], 'no-bad': [noBad, 'error']}), filePath: 'vm.vmx'});
    const crash = r.messages.find((m) => m.ruleId === 'throwing')!;
    expect(crash.message).toBe('Rule `throwing` crashed on vm.vmx: boom');
    expect(crash.fatal).toBe(true);
    expect(r.messages.filter((m) => m.ruleId === 'throwing')).toHaveLength(1);
    expect(r.messages.some((m) => m.ruleId === 'no-bad')).toBe(true);
  });

  it('does not fix a file whose result has a crash', () => {
    const r = lintTextSync('bad = "1"\n', {config: configOf({throwing: [throwing, 'error'], 'no-bad': [noBad, 'error']}), fix: true});
    expect(r.output).toBeUndefined();
  });

  it('reports a fix from a rule without meta.fixable as a bug in the rule', () => {
    const r = lintTextSync('a = "1"\n', {config: configOf({'fix-without-meta': [fixWithoutMeta, 'error']}), filePath: 'f.vmx'});
    expect(r.messages[0].message).toBe('Rule `fix-without-meta` returned a fix but does not set `meta.fixable` (a bug in the rule) on f.vmx');
    expect(r.messages[0].fatal).toBe(true);
  });
});

describe('fix passes', () => {
  it('repeats passes until the fixes converge', () => {
    const r = lintTextSync('monitor.x = "1"\nmemsize = "2"\n', {config: configOf({'count-up': [countUp, 'warn']}), fix: true});
    expect(r.output).toBe('monitor.x = "1"\ncounter = "3"\nmemsize = "2"\n');
    expect(r.messages).toEqual([]);
  });

  it('stops after MAX_FIX_PASSES when a rule never converges, reporting what is left', () => {
    const r = lintTextSync('x = "a"\n', {config: configOf({'flip-flop': [flipFlop, 'warn']}), fix: true});
    expect(MAX_FIX_PASSES).toBe(10);
    expect(r.output).toBe('x = "a++++++++++"\n');
    expect(r.messages).toHaveLength(1);
  });

  it('applies non-overlapping edits in order and defers overlapping ones', () => {
    const {text, applied} = applyEdits('abcdef', [
      {range: [4, 5], text: 'E'},
      {range: [0, 2], text: 'AB'},
      {range: [1, 3], text: 'xx'},
      {range: [4, 4], text: '+'},
    ]);
    expect(applied.map((e) => e.range)).toEqual([
      [0, 2],
      [4, 4],
    ]);
    expect(text).toBe('ABcd+ef');
  });

  it('keeps the line ending, spacing and quoting of the file for new lines', () => {
    const r = lintTextSync('a=1\r\nb=2\r\n', {config: configOf({'count-up': [countUp, 'warn']}), fix: true});
    expect(r.output).toBe('a=1\r\nb=2\r\ncounter=3\r\n');
  });

  it('applies only the requested fix types', () => {
    const config = configOf({'no-bad': [noBad, 'error'], 'count-up': [countUp, 'warn']});
    const r = lintTextSync('bad = "1"\n', {config, fix: true, fixTypes: ['problem']});
    expect(r.output).toBe('good = "1"\n');
    expect(r.messages.map((m) => m.ruleId)).toEqual(['count-up']);
  });

  it('fixing twice gives the same text as fixing once', () => {
    const config = configOf({'no-bad': [noBad, 'error'], 'count-up': [countUp, 'warn']});
    const once = lintTextSync('bad = "1"\nBAD = "2"\n', {config, fix: true}).output!;
    expect(lintTextSync(once, {config, fix: true}).output).toBeUndefined();
  });
});

describe('message templates', () => {
  const templated = createRule({
    name: 'templated',
    meta: {
      type: 'problem',
      docs: {description: 'test rule', recommended: false},
      messages: {m: '{{key}} is `{{ value }}`, not {{missing}}; again {{key}}{{key}} ({{ n }})'},
      defaultSeverity: 'error',
    },
    create(context) {
      return {entry: (node) => context.report({node, messageId: 'm', data: {key: node.key, value: node.value, n: 0}})};
    },
  });
  it('fills every {{name}} (spaces allowed), keeps unknown ones as written, and never reads `$` patterns in the data', () => {
    const config = configOf({templated: [templated, 'error']});
    for (let i = 0; i < 2; i++) {
      // the second time the template is already split: the same text
      const r = lintTextSync("k$& = \"v$'x\"\n", {config});
      expect(r.messages.map((m) => m.message)).toEqual(["k$& is `v$'x`, not {{missing}}; again k$&k$& (0)"]);
    }
  });
});
