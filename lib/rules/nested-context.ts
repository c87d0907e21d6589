/**
 * `nested-context`: a nested file whose role, host, CPU (or AMD family, outer guest product)
 * cannot be resolved gets one message naming the missing setting and how to give it; the other
 * nested rules stay silent meanwhile. An encrypted file gets one message saying it cannot be checked.
 */
import {createRule} from '../../src/engine/create-rule.js';
import {keyLoc} from '../../src/engine/fixer.js';
import {looksNested, readEvidence} from '../../src/engine/evidence.js';
import {howToSet, howToSetAll} from '../../src/engine/settings.js';
import type {Entry} from '../../src/syntax/types.js';
import {missingSettings, nestedOf, show} from './util/nested.js';
import {NO_VISITORS} from './util/visitors.js';

const written = (e: Entry) => `\`${show({key: e.key, value: e.value})}\``;
const list = (xs: string[], word = 'and') => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${word} ${xs[xs.length - 1]}`);

export default createRule({
  name: 'nested-context',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the settings a nested file needs to be checked (role, host, CPU, ...)',
      recommended: true,
    },
    messages: {
      missingRole: 'This file looks nested ({{evidence}}) but its `role` is unknown: {{how}}',
      missingSettings: 'Cannot check this {{subject}} without {{names}}{{hint}}: {{how}}',
      encrypted: 'Cannot check this {{role}} VM: the file is encrypted (`encryption.data`) and hides every setting',
    },
    defaultSeverity: 'warn',
  },
  create(context) {
    const role = context.settings.role;
    // a file that is not nested, by its role or (without one) by its keys, has nothing to visit
    if (role === 'none' || (!role && !looksNested(readEvidence(context.tree)))) return NO_VISITORS;
    return {
      root(node) {
        const nested = nestedOf(context);
        const {evidence, settings} = nested;
        if (!role) {
          if (!looksNested(evidence)) return;
          const found = [...evidence.outer, ...evidence.inner, ...(evidence.hypervisorGuest ? [evidence.hypervisorGuest] : [])];
          found.sort((a, b) => a.position.start.offset! - b.position.start.offset!);
          context.report({node, messageId: 'missingRole', data: {evidence: found.map(written).join(', '), how: howToSet('role')}});
          return;
        }
        if (evidence.encrypted) {
          context.report({node: evidence.encrypted, loc: keyLoc(evidence.encrypted), messageId: 'encrypted', data: {role}});
          return;
        }
        const missing = missingSettings(context);
        if (!missing.length) return;
        const byKeys = settings.sources.role === 'inferred' ? ` (inferred from ${[...evidence.outer, ...evidence.inner].map(written).join(', ')})` : '';
        const narrowed = nested.narrowedBy && missing.includes(nested.narrowedBy.dim) ? nested.narrowedBy : undefined;
        const candidates = narrowed ? (narrowed.dim === 'host' ? nested.hosts : nested.outerProducts).map((h) => h.id) : [];
        const hint = narrowed ? ` (\`virtualHW.version\` ${narrowed.version} fits ${candidates.length <= 4 ? list(candidates, 'or') : `${candidates.length} products, see \`vmxlint --list-hosts\``})` : '';
        context.report({
          node,
          messageId: 'missingSettings',
          data: {subject: `${role} VM${byKeys}`, names: list(missing.map((m) => `\`${m}\``)), hint, how: howToSetAll(missing)},
        });
      },
    };
  },
});
