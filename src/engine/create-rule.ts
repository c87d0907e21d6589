/** The typed helper every rule is built with: the docs URL is derived from the id, never typed by hand. */
import type {Rule, RuleContext, RuleMeta, Visitors} from './types.js';

export const DOCS_BASE = 'https://github.com/vmxlint/vmxlint/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

/** The schema of a rule without options: only `{}` is accepted. */
export const NO_OPTIONS = {type: 'object', additionalProperties: false, properties: {}} as const;

export interface CreateRuleSpec<Options, MessageIds extends string> {
  name: string;
  /** `schema` may be left out by a rule without options (it then accepts only `{}`). */
  meta: Omit<RuleMeta<MessageIds>, 'docs' | 'schema'> & {
    docs: Omit<RuleMeta<MessageIds>['docs'], 'url'>;
    schema?: RuleMeta<MessageIds>['schema'];
  };
  /** Required with options; a rule without options may leave it out. */
  defaultOptions?: Options;
  create(context: RuleContext<Options, MessageIds>): Visitors;
}

export function createRule<Options extends object = Record<string, never>, MessageIds extends string = string>(
  spec: CreateRuleSpec<Options, MessageIds>,
): Rule<Options, MessageIds> & {name: string} {
  return {
    name: spec.name,
    meta: {...spec.meta, schema: spec.meta.schema ?? NO_OPTIONS, docs: {...spec.meta.docs, url: ruleDocsUrl(spec.name)}},
    defaultOptions: spec.defaultOptions ?? ({} as Options),
    create: spec.create,
  };
}
