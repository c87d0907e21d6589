/** Small rules used only by the engine tests. */
import {createRule} from '../../src/engine/create-rule.js';
import type {FileConfig} from '../../src/config/config-array.js';
import type {AnyRule, Severity} from '../../src/engine/types.js';

/** Reports every entry whose key is `bad`; fix renames it to `good`. */
export const noBad = createRule({
  name: 'no-bad',
  meta: {
    type: 'problem',
    docs: {description: 'test rule', recommended: false},
    fixable: 'code',
    messages: {bad: 'Key `{{key}}` is bad'},
    schema: {type: 'object', properties: {replacement: {type: 'string'}}, additionalProperties: false},
    defaultSeverity: 'error',
  },
  defaultOptions: {replacement: 'good'},
  create(context) {
    return {
      entry(node) {
        if (node.key.toLowerCase() === 'bad') {
          context.report({node, messageId: 'bad', data: {key: node.key}, fix: (f) => f.replaceEntry(node, context.options.replacement, node.value)});
        }
      },
    };
  },
});

/** Adds `counter = "n+1"` until it reaches 3: needs several passes to converge. */
export const countUp = createRule({
  name: 'count-up',
  meta: {
    type: 'layout',
    docs: {description: 'test rule', recommended: false},
    fixable: 'code',
    messages: {low: 'counter is {{n}}'},
    schema: {},
    defaultSeverity: 'warn',
  },
  defaultOptions: {},
  create(context) {
    return {
      'root:exit'(root) {
        const e = context.getEntry('counter');
        const n = e ? Number(e.value) : 0;
        if (n >= 3) return;
        context.report({node: e ?? root, messageId: 'low', data: {n}, fix: (f) => (e ? f.setValue(e, String(n + 1)) : f.addEntry('counter', '1'))});
      },
    };
  },
});

/** Never converges: always wants to change the value again. */
export const flipFlop = createRule({
  name: 'flip-flop',
  meta: {
    type: 'layout',
    docs: {description: 'test rule', recommended: false},
    fixable: 'code',
    messages: {flip: 'flip'},
    schema: {},
    defaultSeverity: 'warn',
  },
  defaultOptions: {},
  create(context) {
    return {
      entry(node) {
        if (node.key === 'x') context.report({node, messageId: 'flip', fix: (f) => f.setValue(node, node.value + '+')});
      },
    };
  },
});

export const throwing = createRule({
  name: 'throwing',
  meta: {type: 'problem', docs: {description: 'crashes', recommended: false}, messages: {m: 'm'}, schema: {}, defaultSeverity: 'error'},
  defaultOptions: {},
  create() {
    return {
      entry() {
        throw new Error('boom');
      },
    };
  },
});

export const fixWithoutMeta = createRule({
  name: 'fix-without-meta',
  meta: {type: 'problem', docs: {description: 'forgets fixable', recommended: false}, messages: {m: 'm'}, schema: {}, defaultSeverity: 'error'},
  defaultOptions: {},
  create(context) {
    return {entry: (node) => context.report({node, messageId: 'm', fix: (f) => f.removeNode(node)})};
  },
});

export function configOf(rules: Record<string, [AnyRule, Exclude<Severity, 'off'>, object?]>): FileConfig {
  return {
    rules: Object.entries(rules).map(([id, [rule, severity, options]]) => ({id, rule, severity, options: options ?? {}})),
    ruleDefs: new Map(Object.entries(rules).map(([id, [rule]]) => [id, rule])),
    settings: {},
  };
}
