/** The only registry of built-in rules (sorted by id). Presets, --list-rules and docs come from it. */
import type {AnyRule} from '../../src/engine/types.js';
import booleanValues from './boolean-values.js';
import encodingDeclared from './encoding-declared.js';
import hostSupportsNesting from './host-supports-nesting.js';
import inner32bitGuest from './inner-32bit-guest.js';
import innerAllowNested from './inner-allow-nested.js';
import innerBinaryTranslation from './inner-binary-translation.js';
import innerFitsOuter from './inner-fits-outer.js';
import innerNoTools from './inner-no-tools.js';
import innerOuterProduct from './inner-outer-product.js';
import innerRunsInOuter from './inner-runs-in-outer.js';
import keySpelling from './key-spelling.js';
import modernNestedPitfalls from './modern-nested-pitfalls.js';
import modernNestedVirtualization from './modern-nested-virtualization.js';
import nestedContext from './nested-context.js';
import nestedUnsupported from './nested-unsupported.js';
import noBom from './no-bom.js';
import noDuplicateKeys from './no-duplicate-keys.js';
import noInvalidLines from './no-invalid-lines.js';
import outerLink from './outer-link.js';
import outerVirtualizationKeys from './outer-virtualization-keys.js';
import quotedValues from './quoted-values.js';
import validEscapes from './valid-escapes.js';
import validGuestOs from './valid-guest-os.js';
import validHardwareVersion from './valid-hardware-version.js';

export const rules: Readonly<Record<string, AnyRule>> = {
  'boolean-values': booleanValues,
  'encoding-declared': encodingDeclared,
  'host-supports-nesting': hostSupportsNesting,
  'inner-32bit-guest': inner32bitGuest,
  'inner-allow-nested': innerAllowNested,
  'inner-binary-translation': innerBinaryTranslation,
  'inner-fits-outer': innerFitsOuter,
  'inner-no-tools': innerNoTools,
  'inner-outer-product': innerOuterProduct,
  'inner-runs-in-outer': innerRunsInOuter,
  'key-spelling': keySpelling,
  'modern-nested-pitfalls': modernNestedPitfalls,
  'modern-nested-virtualization': modernNestedVirtualization,
  'nested-context': nestedContext,
  'nested-unsupported': nestedUnsupported,
  'no-bom': noBom,
  'no-duplicate-keys': noDuplicateKeys,
  'no-invalid-lines': noInvalidLines,
  'outer-link': outerLink,
  'outer-virtualization-keys': outerVirtualizationKeys,
  'quoted-values': quotedValues,
  'valid-escapes': validEscapes,
  'valid-guest-os': validGuestOs,
  'valid-hardware-version': validHardwareVersion,
};
