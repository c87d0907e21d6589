/** `valid-hardware-version`: `virtualHW.version` is a decimal integer that the table of src/knowledge/hardware.ts knows. */
import {createRule} from '../../src/engine/create-rule.js';
import {valueLoc} from '../../src/engine/fixer.js';
import {isKnownHwVersion, MAX_KNOWN_HW_VERSION} from '../../src/knowledge/hardware.js';
import {NO_VISITORS} from './util/visitors.js';

export default createRule({
  name: 'valid-hardware-version',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `virtualHW.version` to be a hardware version some VMware product uses',
      recommended: true,
    },
    messages: {
      notInteger: '`virtualHW.version` must be a decimal integer, not `"{{value}}"`',
      invalid: '`virtualHW.version` {{version}} is not a hardware version any VMware product uses',
      newer: '`virtualHW.version` {{version}} is newer than vmxlint knows (up to {{max}}): only a product newer than vmxlint\'s table can power it on',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    // the `virtualHW.version` entries are known up front: a file without one has nothing to visit
    const versions = context.getEntries('virtualHW.version');
    if (versions.length === 0) return NO_VISITORS;
    return {
      entry(node) {
        if (!versions.includes(node)) return;
        const loc = valueLoc(node);
        const value = node.value.trim();
        // VMware parses with strtol(…, 0): `010` is octal 8 and `0x10` is 16, so only plain decimals are safe
        if (!/^[1-9][0-9]*$/.test(value)) {
          context.report({node, loc, messageId: 'notInteger', data: {value: node.value}});
          return;
        }
        const version = Number(value);
        if (isKnownHwVersion(version)) return;
        if (version > MAX_KNOWN_HW_VERSION) {
          // the table lags behind VMware's releases: information, not a problem
          context.report({node, loc, messageId: 'newer', data: {version, max: MAX_KNOWN_HW_VERSION}, info: true});
        } else {
          // below the table's first row, or a row no product uses (5)
          context.report({node, loc, messageId: 'invalid', data: {version}});
        }
      },
    };
  },
});
