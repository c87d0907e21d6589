/**
 * `sarif`: a SARIF 2.1.0 log (one run) that GitHub code scanning accepts.
 *
 * - `tool.driver.rules[]` lists every rule of the context, plus any rule id found only in the results,
 *   plus a `fatal` descriptor when a fatal message has no rule; each result points at its rule by
 *   `ruleId` and `ruleIndex`.
 * - Levels: error → `error`, warning → `warning`, information → `note`.
 * - Locations: `artifactLocation.uri` is relative to the context's cwd (forward slashes,
 *   percent-encoded); regions use 1-based lines and UTF-16 columns (`columnKind: utf16CodeUnits`),
 *   `endColumn` exclusive, as in LintMessage.
 * - A message's `relatedLocations` (an inner VM's outer VM file) become the result's `relatedLocations`.
 * - A message's `fix`, and each of its `suggestions`, becomes a `fixes[]` entry whose replacement
 *   deletes `charOffset`/`charLength` (UTF-16 offsets into the file text) and inserts the fix text.
 *   When the result carries the text (`source`, or `output` after --fix) the deleted region also
 *   has `startLine`/`startColumn`/`endLine`/`endColumn` (SARIF allows both; reviewdog reads only
 *   line/column regions and turns them into suggested changes on a pull request).
 */
import type {LintMessage, LintResult, TextEdit} from '../engine/types.js';
import type {FormatContext, RuleInfo} from './types.js';
import {LineIndex} from './lines.js';
import {fileUri, messageKind} from './shared.js';

/** The official (OASIS, errata 01) schema of SARIF 2.1.0. */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/vmxlint/vmxlint';
/** The rule id given to fatal messages that have none (parse failures, unreadable files). */
export const FATAL_RULE_ID = 'fatal';

type Level = 'error' | 'warning' | 'note';

const LEVEL = {error: 'error', warning: 'warning', info: 'note'} as const;
const DEFAULT_LEVEL: Record<RuleInfo['defaultSeverity'], Level> = {error: 'error', warn: 'warning', info: 'note'};

interface ReportingDescriptor {
  id: string;
  shortDescription?: {text: string};
  helpUri?: string;
  defaultConfiguration: {level: Level};
  properties?: {fixable: boolean};
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

/** A fix's deleted region: offsets always, line/column when the file's text is known. */
interface DeletedRegion {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  charOffset: number;
  charLength: number;
}

interface SarifFix {
  description?: {text: string};
  artifactChanges: Array<{
    artifactLocation: {uri: string};
    replacements: Array<{deletedRegion: DeletedRegion; insertedContent: {text: string}}>;
  }>;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: {text: string};
  locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: Region}}>;
  /** Places in other files the message is about (an inner VM's outer VM file). */
  relatedLocations?: Array<{id: number; physicalLocation: {artifactLocation: {uri: string}; region: Region}; message: {text: string}}>;
  fixes?: SarifFix[];
}

/** Whether `url` is an absolute URI (SARIF's helpUri must be one). */
function isAbsoluteUri(url: string): boolean {
  try {
    return new URL(url).href.length > 0 && !/\s/.test(url);
  } catch {
    return false;
  }
}

function descriptor(rule: RuleInfo): ReportingDescriptor {
  return {
    id: rule.id,
    ...(rule.description ? {shortDescription: {text: rule.description}} : {}),
    ...(rule.url && isAbsoluteUri(rule.url) ? {helpUri: rule.url} : {}),
    defaultConfiguration: {level: DEFAULT_LEVEL[rule.defaultSeverity] ?? 'warning'},
    properties: {fixable: rule.fixable},
  };
}

function region(message: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): Region {
  const startLine = Math.max(1, message.line || 1);
  const startColumn = Math.max(1, message.column || 1);
  const r: Region = {startLine, startColumn};
  if (message.endLine !== undefined && message.endLine >= startLine) {
    r.endLine = message.endLine;
    if (message.endColumn !== undefined && message.endColumn >= 1 && (message.endLine > startLine || message.endColumn >= startColumn)) {
      r.endColumn = message.endColumn;
    }
  }
  return r;
}

function deletedRegion(edit: TextEdit, lines: LineIndex | undefined): DeletedRegion {
  const [start, end] = edit.range;
  const offsets = {charOffset: start, charLength: Math.max(0, end - start)};
  if (!lines) return offsets;
  const from = lines.positionAt(start);
  const to = lines.positionAt(Math.max(start, end));
  // endColumn is exclusive: a deleted line with its line break ends at column 1 of the next line
  return {startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column, ...offsets};
}

function sarifFix(uri: string, edit: TextEdit, lines: LineIndex | undefined, description?: string): SarifFix {
  const fix: SarifFix = {
    artifactChanges: [
      {
        artifactLocation: {uri},
        replacements: [{deletedRegion: deletedRegion(edit, lines), insertedContent: {text: edit.text}}],
      },
    ],
  };
  if (description !== undefined) fix.description = {text: description};
  return fix;
}

/** Every rule the run knows, then any rule the messages name (in message order), each with its index. */
function collectRules(results: LintResult[], context: FormatContext): {rules: ReportingDescriptor[]; ruleIndex: Map<string, number>} {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (d: ReportingDescriptor): void => {
    if (!ruleIndex.has(d.id)) ruleIndex.set(d.id, rules.push(d) - 1);
  };
  for (const rule of context.rules) addRule(descriptor(rule));
  for (const result of results) {
    for (const message of result.messages) {
      const ruleId = message.ruleId ?? FATAL_RULE_ID;
      if (ruleIndex.has(ruleId)) continue;
      addRule(
        message.ruleId === null
          ? {id: FATAL_RULE_ID, shortDescription: {text: 'The file could not be read or parsed.'}, defaultConfiguration: {level: 'error'}}
          : {id: ruleId, defaultConfiguration: {level: LEVEL[messageKind(message)]}},
      );
    }
  }
  return {rules, ruleIndex};
}

/** The SARIF results of one file. */
function resultsOf(result: LintResult, context: FormatContext, ruleIndex: Map<string, number>): SarifResult[] {
  const uri = fileUri(context.cwd, result.filePath);
  // fix ranges are offsets into the text the messages are about: the fixed output, else the source
  const text = result.output ?? result.source;
  let lines: LineIndex | undefined;
  const linesOf = (): LineIndex | undefined => (text === undefined ? undefined : (lines ??= new LineIndex(text)));
  return result.messages.map((message) => {
    const kind = messageKind(message);
    const ruleId = message.ruleId ?? FATAL_RULE_ID;
    const r: SarifResult = {
      ruleId,
      ruleIndex: ruleIndex.get(ruleId)!,
      level: LEVEL[kind],
      message: {text: message.message},
      locations: [{physicalLocation: {artifactLocation: {uri}, region: region(message)}}],
    };
    if (message.relatedLocations?.length) {
      r.relatedLocations = message.relatedLocations.map((l, i) => ({
        id: i + 1,
        physicalLocation: {artifactLocation: {uri: fileUri(context.cwd, l.filePath)}, region: region(l)},
        message: {text: l.message},
      }));
    }
    // SARIF wants `fixes` items unique: identical suggestions are listed once.
    const fixes = new Map<string, SarifFix>();
    const addFix = (fix: SarifFix): void => void fixes.set(JSON.stringify(fix), fix);
    if (message.fix) addFix(sarifFix(uri, message.fix, linesOf()));
    for (const suggestion of message.suggestions ?? []) addFix(sarifFix(uri, suggestion.fix, linesOf(), suggestion.desc));
    if (fixes.size > 0) r.fixes = [...fixes.values()];
    return r;
  });
}

function sarifLog(context: FormatContext, rules: ReportingDescriptor[], results: unknown[]) {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vmxlint',
            version: context.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function format(results: LintResult[], context: FormatContext): string {
  const {rules, ruleIndex} = collectRules(results, context);
  return JSON.stringify(sarifLog(context, rules, results.flatMap((r) => resultsOf(r, context, ruleIndex))), null, 2);
}

/** Stands for the results array while the rest of the log is printed (never in a real log: it holds NULs). */
const PLACEHOLDER = '\u0000vmxlint:results\u0000';
/** Where `results` items sit in the log printed with 2-space indentation: runs[0].results[i]. */
const ITEM_INDENT = ' '.repeat(8);

/** The text of `format`, one file's results at a time (the log around them printed once). */
export function* formatChunks(results: LintResult[], context: FormatContext): Generator<string> {
  const {rules, ruleIndex} = collectRules(results, context);
  if (!results.some((r) => r.messages.length)) {
    yield JSON.stringify(sarifLog(context, rules, []), null, 2);
    return;
  }
  const text = JSON.stringify(sarifLog(context, rules, [PLACEHOLDER]), null, 2);
  const at = text.indexOf(JSON.stringify(PLACEHOLDER));
  yield text.slice(0, text.lastIndexOf('\n', at)); // up to `"results": [`
  let first = true;
  for (const result of results) {
    let chunk = '';
    for (const item of resultsOf(result, context, ruleIndex)) {
      chunk += `${first ? '' : ','}\n${ITEM_INDENT}${JSON.stringify(item, null, 2).replaceAll('\n', `\n${ITEM_INDENT}`)}`;
      first = false;
    }
    if (chunk) yield chunk;
  }
  yield text.slice(at + JSON.stringify(PLACEHOLDER).length);
}
