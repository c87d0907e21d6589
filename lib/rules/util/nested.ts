/**
 * What each nested-VM rule needs from a file's context, in one place: a check over one
 * combination of context values (`Scenario`) that reads the knowledge table. `decide` (in
 * src/engine/decide.ts) runs it over every combination inference leaves open; a rule acts
 * only when they all agree, and `nested-context` alone reports the setting that is missing,
 * so a file gets one such message however many rules need it.
 */
import {
  amdFamilyAllowed,
  E30,
  foreignOuterKeys,
  outerKeysFor,
  productAtLeast,
  ruleHoldsOn,
  INNER_FORCING_KEYS,
  type HostRow,
  type KeyValue,
} from '../../../src/knowledge/hosts.js';
import {decide, nestedContext, type ContextDim, type Decision, type NestedContext, type Scenario} from '../../../src/engine/decide.js';
import type {FixFunction, ReportDescriptor, Role, RuleContext} from '../../../src/engine/types.js';
import {keyLoc, valueLoc} from '../../../src/engine/fixer.js';
import type {Entry} from '../../../src/syntax/types.js';

type NestedRole = Exclude<Role, 'none'>;

interface Need<T> {
  roles: readonly NestedRole[];
  /** `null`: nothing to check in this combination (the rule does not hold, or the host cannot nest). */
  check(s: Scenario): T | null;
  /** The rule works without the context (it only picks a wording): never ask for a setting on its behalf. */
  optional?: boolean;
}

const need = <T>(n: Need<T>): Need<T> => n;
const BOTH: readonly NestedRole[] = ['outer', 'inner'];
/** The host, when the rule holds on it. */
const holding = (id: string, s: Scenario): HostRow | undefined => (ruleHoldsOn(id, s.host) ? s.host : undefined);

export const NEEDS = {
  'host-supports-nesting': need({
    roles: BOTH,
    check(s) {
      const support = s.host[s.cpu];
      if (!support.ok) return {note: support.note};
      if (support.undocumented) return {note: support.note, undocumented: true};
      if (s.cpu !== 'amd') return null;
      // read for every AMD row: the families tried when none is given agree where the row sets no limit
      const family = s.amdFamily;
      if (family === 'pre-revf') return {note: 'AMD processors before Family 0Fh Rev F have no AMD-V', amdFamily: family};
      if (support.amdFamilies && !amdFamilyAllowed(support.amdFamilies, family)) return {note: support.note, amdFamily: family};
      return null;
    },
  }),
  'outer-virtualization-keys': need({
    roles: ['outer'],
    check(s) {
      const host = holding('outer-virtualization-keys', s);
      const keys = host && outerKeysFor(host, s.cpu);
      return host && keys ? {keys, foreign: foreignOuterKeys(host, s.cpu), verified: host.verified} : null;
    },
  }),
  'inner-binary-translation': need({
    roles: ['inner'],
    check: (s) => (holding('inner-binary-translation', s) ? INNER_FORCING_KEYS : null),
  }),
  'inner-32bit-guest': need({roles: ['inner'], check: (s) => (holding('inner-32bit-guest', s) ? true : null)}),
  'inner-allow-nested': need({roles: ['inner'], check: (s) => (holding('inner-allow-nested', s) ? E30.innerKey : null)}),
  'inner-outer-product': need({
    roles: ['inner'],
    check(s) {
      if (!holding('inner-outer-product', s)) return null;
      return productAtLeast(s.outerProduct, E30.minOuterProducts) ? null : {product: s.outerProduct.id};
    },
  }),
  'inner-no-tools': need({roles: ['inner'], check: (s) => (holding('inner-no-tools', s) ? true : null)}),
  'modern-nested-virtualization': need({
    roles: BOTH,
    check(s) {
      const host = holding('modern-nested-virtualization', s);
      const keys = host && outerKeysFor(host, s.cpu);
      if (!host || !keys) return null;
      return {keys, minHw: host.minHwVersionForNesting ?? 0, hostConfig: host.hostConfig ?? null};
    },
  }),
  'nested-unsupported': need({roles: BOTH, optional: true, check: (s) => s.host.family}),
  'modern-nested-pitfalls': need({roles: ['outer'], optional: true, check: (s) => (holding('modern-nested-pitfalls', s) ? true : null)}),
};

export type NestedRuleId = keyof typeof NEEDS;
type ValueOf<K extends NestedRuleId> = NonNullable<ReturnType<(typeof NEEDS)[K]['check']>>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyContext = RuleContext<any, any>;

/** The file's nested context (cached per tree). */
export function nestedOf(context: AnyContext): NestedContext {
  return nestedContext(context.tree, context.settings);
}

/**
 * Whether the file's role is one the rule applies to. Known when the rule is created: a rule that
 * cannot apply then visits nothing (most files are not nested).
 */
export function roleApplies(context: AnyContext, id: NestedRuleId): boolean {
  const role = context.settings.role;
  return role !== undefined && role !== 'none' && (NEEDS[id] as Need<unknown>).roles.includes(role);
}

/** `decide` for one rule's need (remembered per context shape, see `decide`). */
export function decideNeed<K extends NestedRuleId>(nested: NestedContext, id: K): Decision<ValueOf<K> | null> {
  return decide(nested, (NEEDS[id] as Need<unknown>).check) as Decision<ValueOf<K> | null>;
}

/**
 * What a nested rule checks in this file, or `undefined` when it must stay silent: the role is
 * not one it applies to, the file is encrypted, the rule does not hold here, or the context
 * does not decide it (then `nested-context` names the missing setting).
 */
export function applicable<K extends NestedRuleId>(
  context: AnyContext,
  id: K,
): {value: ValueOf<K>; where: string; role: NestedRole; nested: NestedContext} | undefined {
  // most files are not nested: answer before working out the nested context
  if (!roleApplies(context, id)) return undefined;
  const role = context.settings.role as NestedRole;
  const nested = nestedOf(context);
  if (nested.evidence.encrypted) return undefined;
  const d = decideNeed(nested, id);
  if (!d.known || d.value === null) return undefined;
  return {value: d.value, where: d.where, role, nested};
}

const DIM_ORDER: readonly ContextDim[] = ['host', 'cpu', 'amdFamily', 'outerProduct'];
const NEED_IDS = Object.keys(NEEDS) as NestedRuleId[];

/** The settings a nested file still needs so that every nested rule can decide (in a stable order). */
export function missingSettings(context: AnyContext): ContextDim[] {
  const role = context.settings.role;
  if (!role || role === 'none') return [];
  const nested = nestedOf(context);
  const missing = new Set<ContextDim>();
  for (const id of NEED_IDS) {
    const n = NEEDS[id] as Need<unknown>;
    if (n.optional || !n.roles.includes(role)) continue;
    const d = decideNeed(nested, id);
    if (!d.known) missing.add(d.missing);
  }
  return DIM_ORDER.filter((d) => missing.has(d));
}

/* ---------------------------------------------------------------- small helpers for the rules */

/**
 * A fix of a nested rule turns nesting on or off, or removes a key the user wrote: applied by
 * `--fix` only when the role was given (flag, directive, config). When the role was only inferred
 * from the file's keys, the same change is offered as a suggestion, never applied.
 */
export function fixOrSuggest(context: AnyContext, desc: string, fix: FixFunction): Pick<ReportDescriptor, 'fix' | 'suggest'> {
  return context.settings.sources.role === 'inferred' ? {suggest: [{desc, fix}]} : {fix};
}

/** Values compare case-insensitively (`"true"` is `"TRUE"`), ignoring surrounding spaces. */
export function sameValue(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** `key = "value"` as written in messages. */
export function show(k: KeyValue): string {
  return `${k.key} = "${k.value}"`;
}

/** Entries of `key` whose value is `value` (case-insensitively). */
export function entriesWith(context: AnyContext, k: KeyValue): Entry[] {
  return context.getEntries(k.key).filter((e) => sameValue(e.value, k.value));
}

/**
 * Report each entry of `k` whose value is not `k.value`, as `wrongValue` (`{{key}}`, `{{expected}}`,
 * `{{actual}}`, `{{where}}`), fixed to the right value; `onMatch` sees the entries that are right.
 */
export function checkValues(context: AnyContext, k: KeyValue, where: string, onMatch?: (e: Entry) => void): void {
  for (const e of context.getEntries(k.key)) {
    if (sameValue(e.value, k.value)) {
      onMatch?.(e);
      continue;
    }
    context.report({
      node: e,
      loc: valueLoc(e),
      messageId: 'wrongValue',
      data: {key: e.key, expected: k.value, actual: e.value, where},
      ...fixOrSuggest(context, `Set \`${e.key}\` to \`"${k.value}"\``, (fixer) => fixer.setValue(e, k.value)),
    });
  }
}

/**
 * Each unwanted entry becomes the next missing key (one edit in the same line, so the fix keeps its
 * place), or is removed once nothing is missing. Takes the keys it uses out of `missing`.
 */
export function replaceOrRemove(
  context: AnyContext,
  unwanted: Entry[],
  missing: KeyValue[],
  messageIds: {replace: string; remove: string},
  where: string,
  extra: (e: Entry) => Record<string, string> = () => ({}),
  /** The severity of a removal (a replacement also reports a missing key: it keeps the rule's severity). */
  removal: Pick<ReportDescriptor, 'warn'> = {},
): void {
  for (const e of unwanted) {
    const replacement = missing.shift();
    if (replacement) {
      context.report({
        node: e,
        loc: keyLoc(e),
        messageId: messageIds.replace,
        data: {key: e.key, where, replacement: show(replacement), ...extra(e)},
        ...fixOrSuggest(context, `Replace with \`${show(replacement)}\``, (fixer) => fixer.replaceEntry(e, replacement.key, replacement.value)),
      });
    } else {
      context.report({
        node: e,
        loc: keyLoc(e),
        messageId: messageIds.remove,
        data: {key: e.key, where, ...extra(e)},
        ...fixOrSuggest(context, `Remove \`${e.key}\``, (fixer) => fixer.removeNode(e)),
        ...removal,
      });
    }
  }
}
