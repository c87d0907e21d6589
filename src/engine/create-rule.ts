/** The typed helper every rule is built with: the docs URL is derived from the id, never typed by hand. */
import type {Rule, RuleContext, RuleMeta, Visitors} from './types.js';

export const DOCS_BASE = 'https://github.com/vmxlint/vmxlint/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export interface CreateRuleSpec<Options, MessageIds extends string> {
  name: string;
  meta: Omit<RuleMeta<MessageIds>, 'docs'> & {docs: Omit<RuleMeta<MessageIds>['docs'], 'url'>};
  defaultOptions: Options;
  create(context: RuleContext<Options, MessageIds>): Visitors;
}

export function createRule<Options extends object = Record<string, never>, MessageIds extends string = string>(
  spec: CreateRuleSpec<Options, MessageIds>,
): Rule<Options, MessageIds> & {name: string} {
  return {
    name: spec.name,
    meta: {...spec.meta, docs: {...spec.meta.docs, url: ruleDocsUrl(spec.name)}},
    defaultOptions: spec.defaultOptions,
    create: spec.create,
  };
}
