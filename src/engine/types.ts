/**
 * The rule API and the shapes the engine produces. Rules are ESLint-shaped:
 * `meta` + `create(context)` returning visitors; reports are data, fixes are text edits.
 */
import type {Entry, Line, Root} from '../syntax/types.js';

/** Configured severity of a rule. */
export type Severity = 'off' | 'info' | 'warn' | 'error';
/** Severity in a LintResult message, as ESLint numbers it (0 is vmxlint's "information"). */
export type SeverityLevel = 0 | 1 | 2;

export type Role = 'outer' | 'inner' | 'none';
/** The physical CPU: Intel (VT-x), AMD (AMD-V) or Apple silicon (Fusion 13 and later). */
export type Cpu = 'intel' | 'amd' | 'apple';
/** `pre-revf` (no AMD-V), `0fh-revf`, `0fh-revg`, or a family as `<hex>h` from `10h` on (`15h`, `19h`, `1ah`). */
export type AmdFamily = string;

/** The nested-VM context of a file. Host ids are canonical ids of src/knowledge/hosts.ts. */
export interface Settings {
  role?: Role;
  host?: string;
  cpu?: Cpu;
  amdFamily?: AmdFamily;
  outerProduct?: string;
  /** Windows host with Hyper-V / VBS on (Workstation/Player run in Host VBS mode). */
  hostHyperV?: boolean;
  /** For an inner VM: the outer VM's `.vmx` (relative to the file, or to the config file in a config; absolute once resolved). */
  outer?: string;
}
export type SettingName = keyof Settings;
/** Where a setting's value came from, in resolution order (`outer`: the linked outer VM's file, src/nested/outer-link.ts). */
export type SettingSource = 'cli' | 'directive' | 'config' | 'outer' | 'inferred';

export interface ResolvedSettings extends Settings {
  /** For each setting that has a value, where it came from. */
  sources: Partial<Record<SettingName, SettingSource>>;
  /** The resolved `outer` link, when the file has one (src/nested/outer-link.ts). */
  outerLink?: unknown; // an OuterLink: read it with outerLinkOf (src/nested/outer-link.ts), which keeps types.ts out of an import circle
}

/** Another file's place that a message points at (the outer VM's line behind an inner VM's problem). */
export interface RelatedLocation {
  filePath: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

/** A text edit on the source: replace `text.slice(range[0], range[1])` with `text`. Offsets are UTF-16 indices. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** How a file writes its lines: new lines follow it. */
export interface FileStyle {
  eol: '\n' | '\r\n' | '\r';
  /** Text between key and value, e.g. ` = ` or `=`. */
  beforeEquals: string;
  afterEquals: string;
  /** Whether values are written in double quotes. */
  quote: boolean;
}

/** Builds text edits; rules never edit the tree or text themselves. */
export interface Fixer {
  /** Replace an entry's value, re-encoded with VMware's escapes; the key keeps its spelling. */
  setValue(entry: Entry, value: string): TextEdit;
  /** Insert a `key = "value"` line after `after` (or as the first line when `after` is null). */
  insertEntry(after: Line | null, key: string, value: string): TextEdit;
  /** Add an entry where nested keys go: after the last `monitor.*` / `monitor_control.*` / `vmx.*` entry, else at the end. */
  addEntry(key: string, value: string): TextEdit;
  /** Remove a whole line, with its line ending. */
  removeNode(node: Line): TextEdit;
  /** Replace a whole line's text (its line ending stays). */
  replaceNode(node: Line, text: string): TextEdit;
  /** Replace an entry's key and value in one edit (the line's spacing and trailing comment stay). */
  replaceEntry(entry: Entry, key: string, value: string): TextEdit;
  /** Replace an arbitrary range of the source. */
  replaceText(range: [number, number], text: string): TextEdit;
  /** The file's own line style. */
  readonly style: FileStyle;
}

export type FixFunction = (fixer: Fixer) => TextEdit | TextEdit[] | null | undefined;

export interface Place {
  line: number;
  column: number;
}

export interface ReportDescriptor<MessageIds extends string = string> {
  /** The node the problem is on; its position is the message's place unless `loc` is given. */
  node: Line | Root;
  /** A narrower place, e.g. just the value. */
  loc?: {start: Place; end: Place};
  messageId: MessageIds;
  data?: Record<string, string | number>;
  fix?: FixFunction;
  /** Changes that may alter meaning: shown, never applied by --fix. */
  suggest?: Array<{desc: string; fix: FixFunction}>;
  /** Report as information whatever the rule's configured severity (e.g. weak traces of Tools). */
  info?: boolean;
  /** Report as a warning at most (never as an error), e.g. where the source only lists what is needed. */
  warn?: boolean;
  /** Places in other files the message is about (JSON `relatedLocations`, SARIF `relatedLocations`). */
  related?: RelatedLocation[];
}

export interface RuleContext<Options = unknown, MessageIds extends string = string> {
  /** The rule id as configured (`plugin/rule` for plugin rules). */
  readonly id: string;
  readonly options: Options;
  readonly settings: ResolvedSettings;
  readonly filePath: string;
  readonly tree: Root;
  readonly text: string;
  /** The file's encoding name (as declared, or `UTF-8`). */
  readonly encoding: string;
  /** Whether the file declares `.encoding`. */
  readonly encodingDeclared: boolean;
  /** First entry with this key, case-insensitively. */
  getEntry(key: string): Entry | undefined;
  /** Every entry with this key, case-insensitively, in file order. */
  getEntries(key: string): Entry[];
  /** All entries in file order. */
  entries(): Entry[];
  readonly fixer: Fixer;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

export interface Visitors {
  root?: (node: Root) => void;
  entry?: (node: Entry) => void;
  comment?: (node: Extract<Line, {type: 'comment'}>) => void;
  blank?: (node: Extract<Line, {type: 'blank'}>) => void;
  invalid?: (node: Extract<Line, {type: 'invalid'}>) => void;
  'root:exit'?: (node: Root) => void;
}

export type RuleType = 'problem' | 'suggestion' | 'layout';

export interface RuleMeta<MessageIds extends string = string> {
  type: RuleType;
  docs: {
    description: string;
    /** URL of docs/rules/<id>.md (derived by createRule). */
    url: string;
    /** Requirement ids of ../shared/nested-vm-requirements.md that this rule enforces. */
    requirement?: string[];
    /** Whether the rule is in `vmxlint:recommended`. */
    recommended: boolean;
  };
  fixable?: 'code';
  hasSuggestions?: boolean;
  messages: Record<MessageIds, string>;
  /** JSON Schema of the options array (ESLint style: an array schema or a list of item schemas). */
  schema: unknown[] | Record<string, unknown>;
  defaultSeverity: Exclude<Severity, 'off'>;
}

export interface Rule<Options = unknown, MessageIds extends string = string> {
  meta: RuleMeta<MessageIds>;
  /** Options merged with these defaults are what `create` receives. */
  defaultOptions: Options;
  create(context: RuleContext<Options, MessageIds>): Visitors;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, string>;

/** A suggestion as ESLint's JSON output shapes it. */
export interface LintSuggestion {
  desc: string;
  fix: TextEdit;
}

/** A message of a LintResult, as ESLint's JSON formatter shapes it. */
export interface LintMessage {
  ruleId: string | null;
  severity: SeverityLevel;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  nodeType?: string | null;
  fatal?: boolean;
  fix?: TextEdit;
  suggestions?: LintSuggestion[];
  /** The rule's docs page (ESLint carries this in rule meta; vmxlint puts it on each message too). */
  url?: string;
  /** vmxlint addition: places in other files the message is about (the linked outer VM). */
  relatedLocations?: RelatedLocation[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  /** Suppressed by a disable directive (`directive`) or the suppressions file (`file`, as ESLint's bulk suppressions). */
  suppressedMessages: Array<LintMessage & {suppressions: Array<{kind: 'directive' | 'file'; justification: string}>}>;
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** vmxlint addition: information messages (severity 0). */
  infoCount: number;
  /** The fixed text, present only when fixes changed it. */
  output?: string;
  /** The source text, present when there are messages and no output (as ESLint). */
  source?: string;
  usedDeprecatedRules: Array<{ruleId: string; replacedBy: string[]}>;
}
