/** The hygiene rule ids (issue 5) and a config that enables only them, for tests that must not see other rules. */
import {rules} from '../../lib/rules/index.js';
import type {FileConfig} from '../../src/config/config-array.js';
import type {AnyRule} from '../../src/engine/types.js';

export const HYGIENE_RULE_IDS = [
  'boolean-values',
  'encoding-declared',
  'key-spelling',
  'no-bom',
  'no-duplicate-keys',
  'no-invalid-lines',
  'quoted-values',
  'valid-escapes',
  'valid-guest-os',
  'valid-hardware-version',
] as const;

/** Every hygiene rule at its default severity, nothing else. */
export function hygieneConfig(): FileConfig {
  const defs = new Map<string, AnyRule>(HYGIENE_RULE_IDS.map((id) => [id, rules[id] as AnyRule]));
  return {
    rules: HYGIENE_RULE_IDS.map((id) => ({id, rule: defs.get(id)!, severity: defs.get(id)!.meta.defaultSeverity, options: {}})),
    ruleDefs: defs,
    settings: {},
  };
}
