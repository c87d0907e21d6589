/**
 * Inline directives in .vmx comments:
 *   # vmxlint-disable-next-line rule-a, rule-b -- reason
 *   # vmxlint-disable rule … # vmxlint-enable rule      (no rule list = every rule)
 *   key = "v" # vmxlint-disable-line rule
 *   # vmxlint role=outer host=esx-3.0 cpu=intel         (the file's nested context)
 */
import type {Comment, Entry, Root} from '../syntax/types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids, or null for every rule. */
  rules: string[] | null;
  reason: string;
  /** The line the directive is written on. */
  line: number;
  node: Comment | Entry;
  /** The comment text after `#`, for rewriting. */
  comment: string;
  /** Rule ids (or '*' for all) that suppressed at least one message. */
  used: Set<string>;
}

export interface ContextDirective {
  node: Comment;
  /** Raw `name=value` pairs as written (names normalised to camelCase). */
  pairs: Array<{name: string; value: string}>;
}

const DIRECTIVE = /^\s*vmxlint-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/;
const CONTEXT = /^\s*vmxlint\s+(\S+=.*)$/;

const SETTING_NAMES: Record<string, string> = {
  role: 'role',
  host: 'host',
  cpu: 'cpu',
  amdfamily: 'amdFamily',
  'amd-family': 'amdFamily',
  outerproduct: 'outerProduct',
  'outer-product': 'outerProduct',
  hosthyperv: 'hostHyperV',
  'host-hyper-v': 'hostHyperV',
  outer: 'outer',
};

function splitReason(rest: string): [string, string] {
  const at = rest.indexOf(' -- ');
  if (at === -1) return rest.trim() === '--' ? ['', ''] : [rest, ''];
  return [rest.slice(0, at), rest.slice(at + 4).trim()];
}

function parseDirective(comment: string, line: number, node: Comment | Entry): Directive | undefined {
  const m = DIRECTIVE.exec(comment);
  if (!m) return undefined;
  const [list, reason] = splitReason(m[2]);
  const rules = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {kind: m[1] as DirectiveKind, rules: rules.length ? rules : null, reason, line, node, comment, used: new Set()};
}

/** The comment text of an entry's trailing `# comment`, if any. */
function trailingComment(entry: Entry): string | undefined {
  const hash = entry.trailing.indexOf('#');
  return hash === -1 ? undefined : entry.trailing.slice(hash + 1);
}

export function collectDirectives(tree: Root): {directives: Directive[]; contexts: ContextDirective[]} {
  const directives: Directive[] = [];
  const contexts: ContextDirective[] = [];
  for (const node of tree.children) {
    if (node.type === 'comment') {
      const line = node.position.start.line;
      const d = parseDirective(node.value, line, node);
      if (d && d.kind !== 'disable-line') directives.push(d);
      const c = CONTEXT.exec(node.value);
      if (c) {
        const [pairsText] = splitReason(c[1]);
        // `name=value` pairs; a value in double quotes may hold spaces (`outer="../my lab/esxi.vmx"`)
        const pairs = [...pairsText.matchAll(/([^\s=]+)(?:=("[^"]*"|\S*))?/g)].map(([, raw, value = '']) => ({
          name: SETTING_NAMES[raw.toLowerCase()] ?? raw,
          value: value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value,
        }));
        contexts.push({node, pairs});
      }
    } else if (node.type === 'entry' && node.trailing.includes('vmxlint-')) {
      const text = trailingComment(node);
      const d = text === undefined ? undefined : parseDirective(text, node.position.start.line, node);
      if (d && d.kind === 'disable-line') directives.push(d);
    }
  }
  return {directives, contexts};
}

const covers = (d: Directive, ruleId: string) => d.rules === null || d.rules.includes(ruleId);

/**
 * Whether a message of `ruleId` on `line` is disabled; marks the directive that disables it as used.
 * Returns the directive's reason (possibly '') when suppressed, undefined otherwise.
 */
export function suppressedBy(directives: Directive[], ruleId: string, line: number): Directive | undefined {
  let block: Directive | undefined;
  for (const d of directives) {
    if (d.kind === 'disable-next-line' && d.line === line - 1 && covers(d, ruleId)) return mark(d, ruleId);
    if (d.kind === 'disable-line' && d.line === line && covers(d, ruleId)) return mark(d, ruleId);
    if (d.line >= line) continue;
    if (d.kind === 'disable' && covers(d, ruleId)) block = d;
    else if (d.kind === 'enable' && block && (d.rules === null || d.rules.includes(ruleId))) block = undefined;
  }
  return block ? mark(block, ruleId) : undefined;
}

function mark(d: Directive, ruleId: string): Directive {
  d.used.add(d.rules === null ? '*' : ruleId);
  return d;
}

/** For an unused (or partly unused) disable directive: the rule ids not used (['*'] for a bare one). */
export function unusedParts(d: Directive): string[] {
  if (d.kind === 'enable') return [];
  if (d.rules === null) return d.used.size ? [] : ['*'];
  return d.rules.filter((r) => !d.used.has(r));
}

/**
 * The `vmxlint-enable` directives that end no `vmxlint-disable` block (as ESLint reports an unused
 * `eslint-enable`): each with the rule ids it enables to no effect (['*'] for a bare one). Such an
 * enable is left behind when the fix of an unused disable removes the disable.
 */
export function unusedEnables(directives: Directive[]): Map<Directive, string[]> {
  const out = new Map<Directive, string[]>();
  let all = false;
  const disabled = new Set<string>();
  for (const d of [...directives].sort((a, b) => a.line - b.line)) {
    if (d.kind === 'disable') {
      if (d.rules === null) all = true;
      else for (const r of d.rules) disabled.add(r);
    } else if (d.kind === 'enable') {
      if (d.rules === null) {
        if (!all && disabled.size === 0) out.set(d, ['*']);
        all = false;
        disabled.clear();
      } else {
        const unmatched = d.rules.filter((r) => !all && !disabled.has(r));
        for (const r of d.rules) disabled.delete(r);
        if (unmatched.length) out.set(d, unmatched);
      }
    }
  }
  return out;
}

/** The comment text with `drop` removed from the rule list (for the unused-directive fix). */
export function withoutRules(d: Directive, drop: string[]): string {
  const keep = (d.rules ?? []).filter((r) => !drop.includes(r));
  const reason = d.reason ? ` -- ${d.reason}` : '';
  const lead = /^\s*/.exec(d.comment)![0];
  return `${lead}vmxlint-${d.kind} ${keep.join(', ')}${reason}`;
}
