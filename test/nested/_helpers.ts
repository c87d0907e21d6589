/** Shared by the nested tests: a config with only the nested-VM rules, at their default severities. */
import type {FileConfig} from '../../src/config/config-array.js';
import {lintTextSync} from '../../src/engine/linter.js';
import type {AnyRule, LintResult, Settings} from '../../src/engine/types.js';
import {NEEDS} from '../../lib/rules/util/nested.js';
import {rules} from '../../lib/rules/index.js';

/** The nested-VM rules of the registry: every rule with a context need, and nested-context. */
export const NESTED_RULES: Readonly<Record<string, AnyRule>> = Object.fromEntries(
  Object.entries(rules).filter(([id]) => id in NEEDS || id === 'nested-context'),
);

export function nestedConfig(): FileConfig {
  const entries = Object.entries(NESTED_RULES);
  return {
    rules: entries.map(([id, rule]) => ({id, rule, severity: rule.meta.defaultSeverity, options: {}})),
    ruleDefs: new Map(entries),
    settings: {},
  };
}

/** Lint with the nested rules only. */
export function lintNested(text: string, options: {settings?: Settings; fix?: boolean; filePath?: string} = {}): LintResult {
  return lintTextSync(text, {filePath: options.filePath ?? 'test.vmx', config: nestedConfig(), settings: options.settings, fix: options.fix});
}

/** `rule-id/messageId` of each message, in order. */
export function ids(result: LintResult): string[] {
  return result.messages.map((m) => `${m.ruleId}/${m.messageId ?? ''}`);
}
