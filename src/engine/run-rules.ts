/**
 * Runs the enabled rules over one tree as a unified transformer: each report becomes a
 * VFileMessage carrying `ruleId`, `source`, `url`, place, `fatal`, and its fix as data.
 */
import type {VFile} from 'vfile';
import {VFileMessage} from 'vfile-message';
import {indexEntries} from '../syntax/lookup.js';
import type {Entry, Line, Root} from '../syntax/types.js';
import {createFixer, keyStart, mergeEdits, valueRange} from './fixer.js';
import type {
  AnyRule,
  ReportDescriptor,
  ResolvedSettings,
  RuleContext,
  RuleType,
  Severity,
  SeverityLevel,
  TextEdit,
  Visitors,
} from './types.js';

export interface EnabledRule {
  id: string;
  rule: AnyRule;
  severity: Exclude<Severity, 'off'>;
  options: object;
}

/** What the engine attaches to each VFileMessage. */
export interface VmxMessageData {
  severity: SeverityLevel;
  messageId?: string;
  /** The type of the node reported on (`entry`, `comment`, `root`, …), as ESLint's `nodeType`. */
  nodeType?: string;
  fix?: TextEdit;
  fixType?: RuleType | 'directive';
  suggestions?: Array<{desc: string; fix: TextEdit}>;
  /** The rule crashed (or the file could not be read): fatal in ESLint's sense, no fix is applied. */
  crash?: boolean;
}
export type VmxMessage = VFileMessage & VmxMessageData;

export interface RunOptions {
  rules: EnabledRule[];
  settings: ResolvedSettings;
  encoding: string;
  encodingDeclared: boolean;
}

const LEVEL: Record<Exclude<Severity, 'off'>, SeverityLevel> = {error: 2, warn: 1, info: 0};

/** Create a VFileMessage with vmxlint's fields (severity 2 → fatal true, 1 → false, 0 → undefined). */
export function makeMessage(
  reason: string,
  place: VFileMessage['place'],
  ruleId: string | null,
  url: string | undefined,
  data: VmxMessageData,
): VmxMessage {
  // a message is data, not an exception: skip capturing a stack trace (half the cost of a message)
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const message = new VFileMessage(reason, {place: place ?? undefined, ruleId: ruleId ?? undefined, source: 'vmxlint'}) as VmxMessage;
  Error.stackTraceLimit = limit;
  message.fatal = data.severity === 2 ? true : data.severity === 1 ? false : undefined;
  if (url) message.url = url;
  Object.assign(message, data);
  return message;
}

/** Fill `{{name}}` placeholders as ESLint does. */
function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (all, name: string) => (name in data ? String(data[name]) : all));
}

/** Default place of a node: an entry from its key to the end of its value, other lines whole. */
function nodePlace(node: Line | Root): VFileMessage['place'] {
  if (node.type === 'entry') {
    const e = node as Entry;
    const line = e.position.start.line;
    const lineStart = e.position.start.offset!;
    return {
      start: {line, column: keyStart(e) - lineStart + 1, offset: keyStart(e)},
      end: {line, column: valueRange(e)[1] - lineStart + 1, offset: valueRange(e)[1]},
    };
  }
  if (node.type === 'root') return {line: 1, column: 1};
  return {start: node.position.start, end: node.position.end};
}

class RuleError extends Error {}

/** The unified transformer: runs every enabled rule once over the tree, collecting messages on the file. */
export function runRules(options: RunOptions): (tree: Root, file: VFile) => void {
  return (tree, file) => {
    const text = String(file.value);
    const fixer = createFixer(tree, text);
    let index: Map<string, Entry[]> | undefined;
    const entriesOf = (key: string) => (index ??= indexEntries(tree)).get(key.toLowerCase()) ?? [];
    const allEntries = tree.children.filter((n): n is Entry => n.type === 'entry');
    const active: Array<{rule: EnabledRule; visitors: Visitors}> = [];

    for (const enabled of options.rules) {
      const {id, rule} = enabled;
      const report = (d: ReportDescriptor) => {
        const template = rule.meta.messages[d.messageId];
        if (template === undefined) throw new RuleError(`reported unknown messageId "${d.messageId}"`);
        let fix: TextEdit | undefined;
        if (d.fix) {
          if (!rule.meta.fixable) throw new RuleError('returned a fix but does not set `meta.fixable`');
          const edits = d.fix(fixer);
          if (edits) fix = mergeEdits(text, Array.isArray(edits) ? edits : [edits]);
        }
        const suggestions = d.suggest
          ?.map((s) => {
            const edits = s.fix(fixer);
            return edits ? {desc: s.desc, fix: mergeEdits(text, Array.isArray(edits) ? edits : [edits])} : undefined;
          })
          .filter((s): s is {desc: string; fix: TextEdit} => s !== undefined);
        const place = d.loc ? {start: d.loc.start, end: d.loc.end} : nodePlace(d.node);
        const severity = d.info ? 0 : LEVEL[enabled.severity];
        file.messages.push(
          makeMessage(interpolate(template, d.data), place, id, rule.meta.docs.url, {
            severity,
            messageId: d.messageId,
            nodeType: d.node.type,
            fix,
            fixType: rule.meta.type,
            suggestions: suggestions?.length ? suggestions : undefined,
          }),
        );
      };
      const context: RuleContext<object> = {
        id,
        options: {...(rule.defaultOptions ?? {}), ...enabled.options},
        settings: options.settings,
        filePath: file.path ?? '<text>',
        tree,
        text,
        encoding: options.encoding,
        encodingDeclared: options.encodingDeclared,
        getEntry: (key) => entriesOf(key)[0],
        getEntries: (key) => entriesOf(key),
        entries: () => allEntries,
        fixer,
        report,
      };
      let visitors: Visitors = {};
      if (guard(file, enabled, () => (visitors = rule.create(context)))) active.push({rule: enabled, visitors});
    }

    // per node type, the rules that visit it (most rules visit one or two types)
    const byType = new Map<keyof Visitors, Array<{rule: EnabledRule; fn: (n: Line | Root) => void}>>();
    for (const a of active) {
      for (const [name, fn] of Object.entries(a.visitors) as Array<[keyof Visitors, (n: Line | Root) => void]>) {
        if (typeof fn !== 'function') continue;
        const list = byType.get(name);
        if (list) list.push({rule: a.rule, fn});
        else byType.set(name, [{rule: a.rule, fn}]);
      }
    }
    const dead = new Set<EnabledRule>();
    const visit = (name: keyof Visitors, node: Line | Root) => {
      const list = byType.get(name);
      if (!list) return;
      for (const {rule, fn} of list) {
        // a rule that throws reports once and stops for the rest of the file
        if (dead.has(rule)) continue;
        if (!guard(file, rule, () => fn(node))) dead.add(rule);
      }
    };
    visit('root', tree);
    for (const node of tree.children) visit(node.type, node);
    visit('root:exit', tree);
  };
}

/** Run rule code; a throw becomes one fatal message naming the rule and file. Returns false then. */
function guard(file: VFile, enabled: EnabledRule, fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const reason =
      error instanceof RuleError
        ? `Rule \`${enabled.id}\` ${why} (a bug in the rule) on ${file.path ?? '<text>'}`
        : `Rule \`${enabled.id}\` crashed on ${file.path ?? '<text>'}: ${why}`;
    // a crashed rule makes the result untrustworthy: fatal, and no fix is applied to the file
    file.messages.push(makeMessage(reason, {line: 1, column: 1}, enabled.id, enabled.rule.meta.docs.url, {severity: 2, crash: true}));
    return false;
  }
}
