/**
 * `outer-link`: an inner VM's `outer` link (issue 19) leads to a usable outer VM: the file exists
 * and can be read, the links do not form a cycle, the file is an outer VM, its own rules find no
 * error, and the settings given on the inner do not contradict it.
 */
import {createRule} from '../../src/engine/create-rule.js';
import type {ReportDescriptor} from '../../src/engine/types.js';
import {fromWhere, relatedAt, shown} from './util/outer.js';
import {outerLinkOf} from '../../src/nested/outer-link.js';
import {NO_VISITORS} from './util/visitors.js';

type Ids = 'problem' | 'cycle' | 'notOuter' | 'contradiction' | 'outerErrors';

export default createRule<Record<string, never>, Ids>({
  name: 'outer-link',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an inner VM\'s `outer` link to lead to a readable outer VM without errors of its own, and no contradiction with it',
      recommended: true,
    },
    messages: {
      problem: 'The outer VM `{{file}}` ({{from}}) {{problem}}: nothing of the outer VM can be checked (fix the path in `outer`)',
      cycle: 'The `outer` links form a cycle ({{chain}}): a VM cannot run inside itself',
      notOuter: 'The outer VM `{{file}}` is not an outer VM: its role is `{{role}}` ({{roleFrom}})',
      contradiction: '`{{name}}` is `{{inner}}` here ({{from}}) but `{{outer}}` from the outer VM `{{file}}`: one of them is wrong (this file\'s value is used)',
      outerErrors: 'The outer VM `{{file}}` has {{count}} of its own ({{first}}): fix it first, this inner VM runs inside it',
    },
    defaultSeverity: 'error',
  },
  create(context) {
    const link = outerLinkOf(context.settings);
    if (!link) return NO_VISITORS;
    return {
      root(root) {
        const node = link.directive ?? root;
        const report = (d: Omit<ReportDescriptor<Ids>, 'node'>) => context.report({node, ...d});
        const outer = link.outer;
        if (link.cycle) {
          report({messageId: 'cycle', data: {chain: link.cycle.map((f) => `\`${shown(context, f)}\``).join(' → ')}});
          return;
        }
        if (!outer) return;
        const file = shown(context, outer.file);
        if (outer.problem) {
          report({messageId: 'problem', data: {file, from: fromWhere(link.source), problem: outer.problem}});
          return;
        }
        const role = outer.settings?.role;
        if (role !== undefined && role !== 'outer') {
          report({
            messageId: 'notOuter',
            data: {file, role, roleFrom: fromWhere(outer.settings?.sources.role)},
            related: [relatedAt(outer, undefined, 'the file named as the outer VM')],
          });
          return;
        }
        for (const c of link.contradictions) {
          report({
            messageId: 'contradiction',
            data: {name: c.name, inner: c.inner, from: fromWhere(c.source), outer: c.outer, file},
            related: [relatedAt(outer, undefined, `the outer VM, whose \`${c.name}\` is \`${c.outer}\``)],
          });
        }
        const errors = link.outerResult()?.messages.filter((m) => m.severity === 2) ?? [];
        if (errors.length) {
          const first = errors[0];
          report({
            messageId: 'outerErrors',
            data: {file, count: errors.length === 1 ? '1 error' : `${errors.length} errors`, first: `${first.line}:${first.column} ${first.message}${first.ruleId ? ` (${first.ruleId})` : ''}`},
            related: errors.map((m) => ({filePath: outer.file, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: m.message})),
          });
        }
      },
    };
  },
});

