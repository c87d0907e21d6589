/**
 * `inner-fits-outer`: a VM linked to its outer VM's file (`outer`, issue 19) asks for no more
 * memory and no more vCPUs than the outer VM has. The outer VM's hypervisor runs in that memory
 * too; a VMware product does not give a VM more vCPUs than the machine under it has logical
 * processors (that the product then refuses to power the VM on is not verified for every product).
 */
import {createRule} from '../../src/engine/create-rule.js';
import {valueLoc} from '../../src/engine/fixer.js';
import {readFacts} from '../../src/nested/facts.js';
import {relatedAt, shown, usableLink} from './util/outer.js';
import {NO_VISITORS} from './util/visitors.js';

export default createRule({
  name: 'inner-fits-outer',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an inner VM\'s `memsize` and `numvcpus` to fit inside its linked outer VM',
      recommended: true,
    },
    messages: {
      memsize: '`memsize` {{inner}} MB does not fit in the outer VM `{{file}}` ({{outer}} MB), whose own hypervisor needs memory too',
      numvcpus: '`numvcpus` {{inner}} is more than the outer VM `{{file}}` has ({{outer}}): the product in it has only {{outer}} logical processors to give',
    },
    defaultSeverity: 'warn',
  },
  create(context) {
    const link = usableLink(context);
    if (!link) return NO_VISITORS;
    return {
      root() {
        const outer = link.outer;
        const file = shown(context, outer.file);
        const inner = readFacts(context.tree);
        const of = outer.facts;
        if (inner.memsize && of.memsize && inner.memsize.mb >= of.memsize.mb) {
          const e = inner.memsize.entry;
          context.report({
            node: e,
            loc: valueLoc(e),
            messageId: 'memsize',
            data: {inner: inner.memsize.mb, outer: of.memsize.mb, file},
            related: [relatedAt(outer, of.memsize.entry, "the outer VM's memsize")],
          });
        }
        if (inner.numvcpus.entry && inner.numvcpus.n > of.numvcpus.n) {
          const e = inner.numvcpus.entry;
          context.report({
            node: e,
            loc: valueLoc(e),
            messageId: 'numvcpus',
            data: {inner: inner.numvcpus.n, outer: of.numvcpus.n, file},
            related: [relatedAt(outer, of.numvcpus.entry, of.numvcpus.entry ? "the outer VM's numvcpus" : 'the outer VM (no `numvcpus`: 1 vCPU)')],
          });
        }
      },
    };
  },
});
