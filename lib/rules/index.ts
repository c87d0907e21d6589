/** The only registry of built-in rules (sorted by id). Presets, --list-rules and docs come from it. */
import type {AnyRule} from '../../src/engine/types.js';
import booleanValues from './boolean-values.js';
import encodingDeclared from './encoding-declared.js';
import keySpelling from './key-spelling.js';
import noBom from './no-bom.js';
import noDuplicateKeys from './no-duplicate-keys.js';
import noInvalidLines from './no-invalid-lines.js';
import quotedValues from './quoted-values.js';
import validEscapes from './valid-escapes.js';
import validGuestOs from './valid-guest-os.js';
import validHardwareVersion from './valid-hardware-version.js';

export const rules: Readonly<Record<string, AnyRule>> = {
  'boolean-values': booleanValues,
  'encoding-declared': encodingDeclared,
  'key-spelling': keySpelling,
  'no-bom': noBom,
  'no-duplicate-keys': noDuplicateKeys,
  'no-invalid-lines': noInvalidLines,
  'quoted-values': quotedValues,
  'valid-escapes': validEscapes,
  'valid-guest-os': validGuestOs,
  'valid-hardware-version': validHardwareVersion,
};
