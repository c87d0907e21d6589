/**
 * RuleTester, for our own rules and plugin authors (ESLint's shape): `valid` cases must report
 * nothing; each `invalid` case lists its expected messages and its fixed `output` (`null` = no fix).
 * It also checks that the output re-lints without that rule's fixable reports and that a second
 * fix changes nothing.
 */
import assert from 'node:assert/strict';
import type {FileConfig} from '../config/config-array.js';
import {lintTextSync} from './linter.js';
import type {AnyRule, LintMessage, Settings} from './types.js';

export interface ValidCase {
  code: string;
  name?: string;
  options?: object;
  settings?: Settings;
  filename?: string;
}
export interface ExpectedMessage {
  messageId?: string;
  /** The full message text (spell it out at least once per rule). */
  message?: string | RegExp;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: 0 | 1 | 2;
  /** Expected suggestion descriptions and their outputs. */
  suggestions?: Array<{desc?: string; output: string}>;
}
export interface InvalidCase extends ValidCase {
  errors: number | ExpectedMessage[];
  /** The text after `--fix` (only this rule); `null` when no fix is expected. */
  output: string | null;
}

type TestFn = (name: string, fn: () => void) => void;
const g = globalThis as unknown as {describe?: TestFn; it?: TestFn};

function applyOne(code: string, fix: {range: [number, number]; text: string}): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

export class RuleTester {
  /** Override to plug into another test framework (defaults to the global describe/it, else runs inline). */
  static describe: TestFn = (name, fn) => (g.describe ? g.describe(name, fn) : fn());
  static it: TestFn = (name, fn) => (g.it ? g.it(name, fn) : fn());

  constructor(private readonly defaults: {settings?: Settings} = {}) {}

  private lint(id: string, rule: AnyRule, c: ValidCase, fix: boolean, code = c.code) {
    const config: FileConfig = {
      rules: [{id, rule, severity: 'error', options: c.options ?? {}}],
      ruleDefs: new Map([[id, rule]]),
      settings: {},
    };
    return lintTextSync(code, {
      filePath: c.filename ?? 'test.vmx',
      config,
      settings: {...this.defaults.settings, ...c.settings},
      fix,
    });
  }

  run(id: string, rule: AnyRule, tests: {valid: Array<ValidCase | string>; invalid: InvalidCase[]}): void {
    RuleTester.describe(id, () => {
      RuleTester.describe('valid', () => {
        for (const raw of tests.valid) {
          const c = typeof raw === 'string' ? {code: raw} : raw;
          RuleTester.it(c.name ?? c.code, () => {
            const result = this.lint(id, rule, c, false);
            assert.deepEqual(result.messages.map(describeMessage), [], `expected no messages for valid case`);
          });
        }
      });
      RuleTester.describe('invalid', () => {
        for (const c of tests.invalid) {
          RuleTester.it(c.name ?? c.code, () => this.checkInvalid(id, rule, c));
        }
      });
    });
  }

  private checkInvalid(id: string, rule: AnyRule, c: InvalidCase): void {
    const result = this.lint(id, rule, c, false);
    const crashes = result.messages.filter((m) => m.fatal);
    assert.equal(crashes.length, 0, `rule crashed: ${crashes.map((m) => m.message).join('; ')}`);
    const expected = typeof c.errors === 'number' ? undefined : c.errors;
    const count = typeof c.errors === 'number' ? c.errors : c.errors.length;
    assert.ok(count > 0, 'an invalid case must expect at least one message');
    assert.equal(result.messages.length, count, `expected ${count} messages, got: ${result.messages.map(describeMessage).join(' | ')}`);
    expected?.forEach((exp, i) => {
      const got = result.messages[i];
      if (exp.messageId !== undefined) {
        assert.ok(rule.meta.messages[exp.messageId] !== undefined, `unknown messageId "${exp.messageId}" in test`);
        assert.equal(got.messageId, exp.messageId, `message ${i}: messageId`);
      }
      if (typeof exp.message === 'string') assert.equal(got.message, exp.message, `message ${i}: text`);
      else if (exp.message) assert.match(got.message, exp.message, `message ${i}: text`);
      for (const k of ['line', 'column', 'endLine', 'endColumn', 'severity'] as const) {
        if (exp[k] !== undefined) assert.equal(got[k], exp[k], `message ${i}: ${k}`);
      }
      if (exp.suggestions) {
        const got2 = got.suggestions ?? [];
        assert.equal(got2.length, exp.suggestions.length, `message ${i}: number of suggestions`);
        exp.suggestions.forEach((s, j) => {
          if (s.desc !== undefined) assert.equal(got2[j].desc, s.desc, `message ${i} suggestion ${j}: desc`);
          assert.equal(applyOne(c.code, got2[j].fix), s.output, `message ${i} suggestion ${j}: output`);
        });
      }
    });
    const fixed = this.lint(id, rule, c, true);
    const output = fixed.output ?? c.code;
    if (c.output === null) {
      assert.equal(output, c.code, 'expected no fix (output: null), but the rule fixed the code');
      return;
    }
    assert.equal(output, c.output, 'fixed output');
    assert.notEqual(c.output, c.code, 'output equals code: use `output: null` for a case without a fix');
    const relint = this.lint(id, rule, c, false, output);
    const leftover = relint.messages.filter((m) => m.fix);
    assert.deepEqual(leftover.map(describeMessage), [], 'the fixed output still has fixable problems of this rule');
    const again = this.lint(id, rule, c, true, output);
    assert.equal(again.output ?? output, output, 'a second --fix changed the output again (fix is not idempotent)');
  }
}

function describeMessage(m: LintMessage): string {
  return `${m.line}:${m.column} ${m.messageId ?? m.ruleId ?? ''} ${m.message}`;
}
