/** The only registry of built-in rules (sorted by id). Presets, --list-rules and docs come from it. */
import type {AnyRule} from '../../src/engine/types.js';
import noDuplicateKeys from './no-duplicate-keys.js';
import noInvalidLines from './no-invalid-lines.js';

export const rules: Readonly<Record<string, AnyRule>> = {
  'no-duplicate-keys': noDuplicateKeys,
  'no-invalid-lines': noInvalidLines,
};
