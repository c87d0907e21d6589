/**
 * The lint pipeline for one text: parse → resolve context → run rules (a unified transformer)
 * → apply directives → (fix passes) → LintResult.
 */
import {unified, type Plugin, type Processor} from 'unified';
import {VFile} from 'vfile';
import {ConfigArray, defaultConfig, type Config, type FileConfig} from '../config/config-array.js';
import {decode, DecodeError} from '../syntax/encoding.js';
import {vmxParse} from '../syntax/unified.js';
import type {Root} from '../syntax/types.js';
import {collectDirectives, suppressedBy, unusedEnables, unusedParts, withoutRules, type ContextDirective, type Directive} from './directives.js';
import {applyEdits, createFixer} from './fixer.js';
import {makeMessage, runRules, type VmxMessage} from './run-rules.js';
import {inferRole} from './evidence.js';
import {normalizeSetting, resolveSettings} from './settings.js';
import {OuterLinks, PHYSICAL, withOuter, type OuterLinksOptions, type OuterVm} from '../nested/outer-link.js';
import type {LintMessage, LintResult, ResolvedSettings, RuleType, Settings} from './types.js';

export const MAX_FIX_PASSES = 10;

export interface LintOptions {
  filePath?: string;
  /** A config (flat list or block), or an already resolved file config. Default: `vmxlint:recommended`. */
  config?: Config | FileConfig;
  /** Settings from the command line: they win over everything else. */
  settings?: Settings;
  fix?: boolean;
  /** Which kinds of fixes to apply (default all). */
  fixTypes?: Array<RuleType | 'directive'>;
  /**
   * The directory that the `files` and `ignores` globs of a `config` given here are relative to
   * (default `/`; the Node API in `src/index.ts` passes the working directory).
   */
  cwd?: string;
  /** Whether `# vmxlint…` comments take effect (default true). */
  inlineConfig?: boolean;
  /** Report disable directives that suppress nothing (as warnings, with a fix). */
  reportUnusedDisableDirectives?: boolean;
  /** The file's encoding, when the text was decoded from bytes. */
  encoding?: string;
  encodingDeclared?: boolean;
  /** --debug: a crashed rule's message carries the stack of its error. */
  debug?: boolean;
  /** The run's outer links (each outer file read once per run); made per file when not given. */
  outerLinks?: OuterLinks;
  /** How outer files are read, hashed and their paths resolved (the Node API and runner: from disk; the core has no file system). */
  outerFileAccess?: Pick<OuterLinksOptions, 'readBytes' | 'hashBytes' | 'paths'>;
}

export function isFileConfig(c: unknown): c is FileConfig {
  return typeof c === 'object' && c !== null && 'ruleDefs' in c && 'rules' in c && Array.isArray((c as FileConfig).rules);
}

export function resolveFileConfig(options: LintOptions): FileConfig {
  const filePath = options.filePath ?? 'stdin.vmx';
  if (isFileConfig(options.config)) return options.config;
  const array = options.config === undefined ? defaultConfig() : new ConfigArray(options.config, options.cwd ?? '/', '<config>');
  return array.forFile(filePath);
}

/** The unified plugin that lints: context, rules, directives. Messages land on the VFile. */
export const vmxLint: Plugin<[FileConfig, LintOptions?], Root> = function vmxLint(fileConfig, pluginOptions = {}) {
  return (tree, file) => {
    // lintTextSync reuses one processor per config and passes each file's options with the file
    const options = (file.data as FileData).lintOptions ?? pluginOptions;
    const inline = options.inlineConfig !== false;
    const {directives, contexts} = inline ? collectDirectives(tree) : {directives: [], contexts: []};
    const problems: VmxMessage[] = [];
    const settings = fileSettings(tree, fileConfig, options, file.path ?? 'stdin.vmx', contexts, problems);
    runRules({
      rules: fileConfig.rules,
      settings,
      encoding: options.encoding ?? 'UTF-8',
      encodingDeclared: options.encodingDeclared ?? true,
      debug: options.debug,
    })(tree, file);

    for (const d of directives) {
      for (const id of d.rules ?? []) {
        if (!fileConfig.ruleDefs.has(id)) problems.push(directiveProblem(`Unknown rule \`${id}\` in \`vmxlint-${d.kind}\` directive`, d.line));
      }
    }
    const kept: VmxMessage[] = [];
    const suppressed: Array<VmxMessage & {justification: string}> = [];
    for (const m of file.messages as VmxMessage[]) {
      const d = m.ruleId && !m.crash ? suppressedBy(directives, m.ruleId, m.line ?? 1) : undefined;
      if (d) suppressed.push(Object.assign(m, {justification: d.reason}));
      else kept.push(m);
    }
    if (options.reportUnusedDisableDirectives) kept.push(...unusedDirectiveMessages(tree, String(file.value), directives, fileConfig.ruleDefs));
    file.messages = [...kept, ...problems];
    (file.data as {suppressed?: unknown}).suppressed = suppressed;
  };
}

/** Links made for a lint without a run's `outerLinks` (the lintText API): one per options object, so fix passes share it. */
const ownLinks = new WeakMap<LintOptions, OuterLinks>();
function linksFor(options: LintOptions, fileConfig: FileConfig): OuterLinks {
  if (options.outerLinks) return options.outerLinks;
  let links = ownLinks.get(options);
  if (links === undefined) ownLinks.set(options, (links = makeOuterLinks(options, {...options.outerFileAccess, fallbackConfig: fileConfig})));
  return links;
}

/**
 * The outer links of a run: outer VMs are linted with their own config (`configFor`, else
 * `fallbackConfig`), the command line's physical settings, and role `outer` when nothing else says.
 */
export function makeOuterLinks(options: LintOptions, more: Omit<OuterLinksOptions, 'lint' | 'cliSettings' | 'inlineConfig'> & {fallbackConfig?: FileConfig}): OuterLinks {
  const physical: Settings = {};
  for (const name of PHYSICAL) if (options.settings?.[name] !== undefined) (physical as Record<string, unknown>)[name] = options.settings[name];
  const lint = (vm: OuterVm, links: OuterLinks): LintResult => {
    const roleGiven = vm.settings?.sources.role !== undefined && vm.settings.sources.role !== 'inferred';
    const settings: Settings = roleGiven || inferRole(vm.tree!) ? physical : {...physical, role: 'outer'};
    const config = vm.config ?? more.fallbackConfig;
    return lintTextSync(vm.text!, {filePath: vm.file, config, settings, inlineConfig: options.inlineConfig, outerLinks: links});
  };
  return new OuterLinks({...more, cliSettings: physical, inlineConfig: options.inlineConfig, lint});
}

/**
 * A file's nested context: the command line, its `# vmxlint` comment, its config, its outer VM's
 * file (`outer`), inference from its keys (first given wins). Bad directive values go to `problems`.
 */
export function fileSettings(
  tree: Root,
  fileConfig: FileConfig,
  options: LintOptions,
  filePath: string,
  contexts: ContextDirective[] = options.inlineConfig !== false ? collectDirectives(tree).contexts : [],
  problems: VmxMessage[] = [],
): ResolvedSettings {
  const directiveSettings: Record<string, string> = {};
  for (const c of contexts) {
    for (const {name, value} of c.pairs) {
      const r = normalizeSetting(name, value);
      if (r.error) problems.push(directiveProblem(`Invalid \`# vmxlint\` directive: ${r.error}`, c.node.position.start.line));
      else directiveSettings[name] = r.value!;
    }
  }
  const inferredRole = inferRole(tree);
  const layers = [
    {source: 'cli' as const, settings: options.settings ?? {}},
    {source: 'directive' as const, settings: directiveSettings as Settings},
    {source: 'config' as const, settings: fileConfig.settings},
  ];
  const settings = resolveSettings([...layers, {source: 'inferred', settings: inferredRole ? {role: inferredRole} : {}}]);
  // an inner VM linked to its outer VM's file: its context flows from there (src/nested/outer-link.ts)
  if (settings.outer === undefined) return settings;
  return withOuter(settings, layers, inferredRole, filePath, linksFor(options, fileConfig), tree);
}

function directiveProblem(reason: string, line: number): VmxMessage {
  return makeMessage(reason, {line, column: 1}, null, undefined, {severity: 2});
}

/**
 * Disable directives that suppress nothing, and enable directives that end no disable block, each
 * with a fix. A rule id that is not known is left out: it already has its "Unknown rule" error.
 */
function unusedDirectiveMessages(tree: Root, text: string, directives: Directive[], ruleDefs: FileConfig['ruleDefs']): VmxMessage[] {
  const fixer = createFixer(tree, text);
  const out: VmxMessage[] = [];
  const enables = unusedEnables(directives);
  for (const d of directives) {
    const unused = (d.kind === 'enable' ? (enables.get(d) ?? []) : unusedParts(d)).filter((r) => r === '*' || ruleDefs.has(r));
    if (!unused.length) continue;
    const all = unused[0] === '*' || unused.length === d.rules!.length;
    const list = unused.map((r) => `\`${r}\``).join(', ');
    const what = unused[0] === '*' ? '' : ` for ${list}`;
    let fix;
    if (d.node.type === 'entry') {
      // a trailing `# vmxlint-disable-line` comment: drop the comment (all) or the unused names
      const e = d.node;
      const start = e.position.end.offset! - e.trailing.length;
      const hash = e.trailing.indexOf('#');
      fix = all
        ? fixer.replaceText([start, e.position.end.offset!], '')
        : fixer.replaceText([start + hash + 1, e.position.end.offset!], withoutRules(d, unused));
    } else {
      fix = all ? fixer.removeNode(d.node) : fixer.replaceNode(d.node, `${d.node.indent}#${withoutRules(d, unused)}`);
    }
    out.push(
      makeMessage(
        d.kind === 'enable'
          ? `Unused \`vmxlint-enable\` directive (no matching \`vmxlint-disable\` directive${what})`
          : `Unused \`vmxlint-${d.kind}\` directive (no problems were reported${what})`,
        {line: d.line, column: 1},
        null,
        undefined,
        {severity: 1, fix, fixType: 'directive'},
      ),
    );
  }
  return out;
}

interface Pass {
  messages: VmxMessage[];
  suppressed: Array<VmxMessage & {justification: string}>;
}

type LintProcessor = Processor<Root, Root, Root, undefined, undefined>;
interface FileData {
  lintOptions?: LintOptions;
}

/** Set a result's counts (errors, fatal, warnings, fixable, info) from its messages. */
export function countMessages(result: LintResult): void {
  Object.assign(result, {errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, infoCount: 0});
  for (const m of result.messages) {
    if (m.severity === 2) {
      result.errorCount++;
      if (m.fatal) result.fatalErrorCount++;
      if (m.fix) result.fixableErrorCount++;
    } else if (m.severity === 1) {
      result.warningCount++;
      if (m.fix) result.fixableWarningCount++;
    } else result.infoCount++;
  }
}

/** One frozen processor per resolved config, reused for every file (and fix pass) it applies to. */
const processors = new WeakMap<FileConfig, LintProcessor>();
function processorFor(fileConfig: FileConfig): LintProcessor {
  let processor = processors.get(fileConfig);
  if (processor === undefined) {
    processor = unified().use(vmxParse).use(vmxLint, fileConfig).freeze() as unknown as LintProcessor;
    processors.set(fileConfig, processor);
  }
  return processor;
}

function lintOnce(processor: LintProcessor, text: string, options: LintOptions): Pass {
  const file = new VFile({path: options.filePath, value: text, data: {lintOptions: options} satisfies FileData});
  processor.runSync(processor.parse(file), file);
  return {messages: file.messages as VmxMessage[], suppressed: (file.data as {suppressed: Pass['suppressed']}).suppressed};
}

function toLintMessage(m: VmxMessage): LintMessage {
  const out: LintMessage = {
    ruleId: m.ruleId ?? null,
    severity: m.severity,
    message: m.reason,
    line: m.line ?? 1,
    column: m.column ?? 1,
    nodeType: m.nodeType ?? null,
  };
  if (m.messageId) out.messageId = m.messageId;
  const end = m.place && 'end' in m.place ? m.place.end : undefined;
  if (end) {
    out.endLine = end.line;
    out.endColumn = end.column;
  }
  if (m.crash) out.fatal = true;
  if (m.fix) out.fix = m.fix;
  if (m.suggestions) out.suggestions = m.suggestions;
  if (m.url) out.url = m.url;
  if (m.related) out.relatedLocations = m.related;
  return out;
}

const byPlace = (a: LintMessage, b: LintMessage) => a.line - b.line || a.column - b.column;

export function buildResult(filePath: string, messages: LintMessage[], suppressed: LintResult['suppressedMessages'], source: string, output?: string): LintResult {
  messages.sort(byPlace);
  const result: LintResult = {
    filePath,
    messages,
    suppressedMessages: suppressed,
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    infoCount: 0,
    usedDeprecatedRules: [],
  };
  countMessages(result);
  if (output !== undefined) result.output = output;
  else if (messages.length) result.source = source;
  return result;
}

/** Lint (and with `fix`, fix) one text. Synchronous core of `lintText`. */
export function lintTextSync(text: string, options: LintOptions = {}): LintResult {
  const fileConfig = resolveFileConfig(options);
  const filePath = options.filePath ?? '<text>';
  let current = text;
  const processor = processorFor(fileConfig);
  let pass = lintOnce(processor, current, options);
  if (options.fix) {
    const allowed = options.fixTypes ? new Set(options.fixTypes) : undefined;
    for (let i = 0; i < MAX_FIX_PASSES; i++) {
      if (pass.messages.some((m) => m.crash)) break;
      const edits = pass.messages.filter((m) => m.fix && (!allowed || (m.fixType && allowed.has(m.fixType)))).map((m) => m.fix!);
      if (!edits.length) break;
      const next = applyEdits(current, edits).text;
      if (next === current) break;
      current = next;
      pass = lintOnce(processor, current, options);
    }
  }
  const suppressed = pass.suppressed.map((m) => ({...toLintMessage(m), suppressions: [{kind: 'directive' as const, justification: m.justification}]}));
  return buildResult(filePath, pass.messages.map(toLintMessage), suppressed, current, current !== text ? current : undefined);
}

/** Lint one text. Public API. */
export async function lintText(text: string, options: LintOptions = {}): Promise<LintResult> {
  return lintTextSync(text, options);
}

/** A result for a file that could not be read or decoded: one fatal message, nothing else. */
export function fatalResult(filePath: string, reason: string, line = 1, column = 1): LintResult {
  return buildResult(filePath, [{ruleId: null, severity: 2, fatal: true, message: reason, line, column}], [], '');
}

/** Decode bytes with the file's encoding, then lint; undecodable bytes give a fatal result (never fixed). */
export function lintBytes(bytes: Uint8Array, options: LintOptions = {}): {result: LintResult; encoding?: string; text?: string} {
  let decoded;
  try {
    decoded = decode(bytes);
  } catch (error) {
    if (error instanceof DecodeError) return {result: fatalResult(options.filePath ?? '<bytes>', error.message, error.line, error.column)};
    throw error;
  }
  const result = lintTextSync(decoded.text, {...options, encoding: decoded.encoding, encodingDeclared: decoded.declared});
  return {result, encoding: decoded.encoding, text: decoded.text};
}
