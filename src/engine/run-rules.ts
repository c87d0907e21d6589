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
  RelatedLocation,
  ReportDescriptor,
  ResolvedSettings,
  RuleContext,
  RuleType,
  Fixer,
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
  related?: RelatedLocation[];
}
export type VmxMessage = VFileMessage & VmxMessageData;

export interface RunOptions {
  rules: EnabledRule[];
  settings: ResolvedSettings;
  encoding: string;
  encodingDeclared: boolean;
  /** --debug: a crashed rule's message carries the error's stack (for plugin authors). */
  debug?: boolean;
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
  // only the fields that are set: a message without a fix has no `fix` key (as before)
  message.severity = data.severity;
  if (data.messageId !== undefined) message.messageId = data.messageId;
  if (data.nodeType !== undefined) message.nodeType = data.nodeType;
  if (data.fix !== undefined) message.fix = data.fix;
  if (data.fixType !== undefined) message.fixType = data.fixType;
  if (data.suggestions !== undefined) message.suggestions = data.suggestions;
  if (data.crash !== undefined) message.crash = data.crash;
  if (data.related !== undefined) message.related = data.related;
  return message;
}

/** Fill `{{name}}` placeholders as ESLint does. */
function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  const parts = templateParts(template);
  if (parts.length === 1) return template;
  // parts alternate: text, placeholder (as written), name, text, placeholder, name, …, text
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i + 1];
    out += (name in data ? String(data[name]) : parts[i]) + parts[i + 2];
  }
  return out;
}

/** A message template split at its placeholders, once per template (messages are made by the thousand). */
const splitTemplates = new Map<string, string[]>();
function templateParts(template: string): string[] {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    parts = [];
    const placeholder = /\{\{\s*([^{}\s]+)\s*\}\}/g;
    let last = 0;
    for (let m = placeholder.exec(template); m !== null; m = placeholder.exec(template)) {
      parts.push(template.slice(last, m.index), m[0], m[1]);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    if (splitTemplates.size < 10_000) splitTemplates.set(template, parts);
  }
  return parts;
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

/**
 * A plugin's fix ranges are checked before anything uses them (R30): whole numbers, in order, inside
 * the text, and text to insert. A bad one is the rule's bug: that rule's report becomes a fatal
 * error and nothing is written, instead of `[5, 2]` or `[1.5, 3.7]` duplicating text over the passes.
 */
function checkEdits(text: string, edits: TextEdit[]): TextEdit[] {
  for (const e of edits) {
    const range = (e as Partial<TextEdit> | null)?.range;
    const ok =
      Array.isArray(range) &&
      range.length === 2 &&
      Number.isSafeInteger(range[0]) &&
      Number.isSafeInteger(range[1]) &&
      0 <= range[0] &&
      range[0] <= range[1] &&
      range[1] <= text.length &&
      typeof e.text === 'string';
    if (!ok) {
      const shown = Array.isArray(range) ? `[${range.map((n) => String(n)).join(', ')}]` : String(range);
      throw new RuleError(`returned a fix with an invalid range ${shown} (expected whole numbers 0 <= start <= end <= ${text.length}, and text)`);
    }
  }
  return edits;
}

type Handler = (node: Line | Root) => void;
const NODE_TYPES = ['root', 'entry', 'comment', 'blank', 'invalid', 'root:exit'] as const;
type NodeType = (typeof NODE_TYPES)[number];

/** A rule's options merged over its defaults: once per configured rule, not once per file. */
const mergedOptions = new WeakMap<EnabledRule, object>();
function optionsOf(enabled: EnabledRule): object {
  const cached = mergedOptions.get(enabled);
  if (cached !== undefined) return cached;
  const options = {...(enabled.rule.defaultOptions ?? {}), ...enabled.options};
  mergedOptions.set(enabled, options);
  return options;
}

/** What every rule of one file shares: the text, the fixer (its style is read on first use), a lazy key index, the entries. */
class FileState {
  readonly fixer: Fixer;
  private index: Map<string, Entry[]> | undefined;
  private all: Entry[] | undefined;
  constructor(
    readonly tree: Root,
    readonly text: string,
  ) {
    this.fixer = createFixer(tree, text);
  }
  entriesOf(key: string): Entry[] {
    return (this.index ??= indexEntries(this.tree)).get(key.toLowerCase()) ?? NO_ENTRIES;
  }
  entries(): Entry[] {
    return (this.all ??= this.tree.children.filter((n): n is Entry => n.type === 'entry'));
  }
}
const NO_ENTRIES: Entry[] = [];

/** The unified transformer: runs every enabled rule once over the tree, collecting messages on the file. */
export function runRules(options: RunOptions): (tree: Root, file: VFile) => void {
  return (tree, file) => {
    // messages are data, not exceptions: no stack trace is captured for any of them (half their cost);
    // but with --debug a rule's own errors keep theirs
    const stackLimit = Error.stackTraceLimit;
    if (!options.debug) Error.stackTraceLimit = 0;
    try {
      run(options, tree, file);
    } finally {
      Error.stackTraceLimit = stackLimit;
    }
  };
}

function run(options: RunOptions, tree: Root, file: VFile): void {
  const state = new FileState(tree, String(file.value));
  const filePath = file.path ?? '<text>';
  // shared by every rule's context (the same answers for all of them)
  const getEntry = (key: string) => state.entriesOf(key)[0];
  const getEntries = (key: string) => state.entriesOf(key);
  const entries = () => state.entries();
  // per node type, the rules that visit it, and which rule each handler belongs to
  const handlers: Record<NodeType, Handler[]> = {root: [], entry: [], comment: [], blank: [], invalid: [], 'root:exit': []};
  const owners: Record<NodeType, number[]> = {root: [], entry: [], comment: [], blank: [], invalid: [], 'root:exit': []};
  const rules = options.rules;
  // a rule that throws reports once and stops for the rest of the file
  const dead: boolean[] = new Array(rules.length).fill(false);

  for (let r = 0; r < rules.length; r++) {
    const enabled = rules[r];
    const {id, rule} = enabled;
    const report = (d: ReportDescriptor) => {
      const template = rule.meta.messages[d.messageId];
      if (template === undefined) throw new RuleError(`reported unknown messageId "${d.messageId}"`);
      const text = state.text;
      let fix: TextEdit | undefined;
      if (d.fix) {
        if (!rule.meta.fixable) throw new RuleError('returned a fix but does not set `meta.fixable`');
        const edits = d.fix(state.fixer);
        if (edits) fix = mergeEdits(text, checkEdits(text, Array.isArray(edits) ? edits : [edits]));
      }
      let suggestions: Array<{desc: string; fix: TextEdit}> | undefined;
      if (d.suggest) {
        for (const s of d.suggest) {
          const edits = s.fix(state.fixer);
          if (edits) (suggestions ??= []).push({desc: s.desc, fix: mergeEdits(text, checkEdits(text, Array.isArray(edits) ? edits : [edits]))});
        }
      }
      const place = d.loc ? {start: d.loc.start, end: d.loc.end} : nodePlace(d.node);
      const severity = d.info ? 0 : d.warn ? (Math.min(1, LEVEL[enabled.severity]) as SeverityLevel) : LEVEL[enabled.severity];
      file.messages.push(
        makeMessage(interpolate(template, d.data), place, id, rule.meta.docs.url, {
          severity,
          messageId: d.messageId,
          nodeType: d.node.type,
          fix,
          fixType: rule.meta.type,
          suggestions,
          related: d.related,
        }),
      );
    };
    const context: RuleContext<object> = {
      id,
      options: optionsOf(enabled),
      settings: options.settings,
      filePath,
      tree,
      text: state.text,
      encoding: options.encoding,
      encodingDeclared: options.encodingDeclared,
      getEntry,
      getEntries,
      entries,
      // a plain property (an accessor in an object literal makes V8 build every context the slow way)
      fixer: state.fixer,
      report,
    };
    let visitors: Visitors;
    try {
      visitors = rule.create(context);
    } catch (error) {
      crashed(file, enabled, error, options.debug);
      continue;
    }
    for (const type of NODE_TYPES) {
      const fn = visitors[type];
      if (typeof fn !== 'function') continue;
      handlers[type].push(fn as Handler);
      owners[type].push(r);
    }
  }

  const visit = (type: NodeType, node: Line | Root) => {
    const list = handlers[type];
    for (let i = 0; i < list.length; i++) {
      const r = owners[type][i];
      if (dead[r]) continue;
      try {
        list[i](node);
      } catch (error) {
        dead[r] = true;
        crashed(file, rules[r], error, options.debug);
      }
    }
  };
  visit('root', tree);
  const children = tree.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (handlers[node.type].length) visit(node.type, node);
  }
  visit('root:exit', tree);
}

/** A rule threw: one fatal message naming the rule and file (the caller stops running that rule); with `debug`, the stack below it. */
function crashed(file: VFile, enabled: EnabledRule, error: unknown, debug = false): void {
  const why = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  let reason =
    error instanceof RuleError
      ? `Rule \`${enabled.id}\` ${why} (a bug in the rule) on ${file.path ?? '<text>'}`
      : `Rule \`${enabled.id}\` crashed on ${file.path ?? '<text>'}: ${why}`;
  reason += stack;
  // a crashed rule makes the result untrustworthy: fatal, and no fix is applied to the file
  file.messages.push(makeMessage(reason, {line: 1, column: 1}, enabled.id, enabled.rule.meta.docs.url, {severity: 2, crash: true}));
}
