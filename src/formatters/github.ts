/**
 * `github`: GitHub Actions workflow commands, one per message:
 * `::error file=PATH,line=L,col=C,endLine=E,endColumn=EC,title=RULE-ID::MESSAGE`
 * (`::warning` for warnings, `::notice` for information). PATH is relative to the context's cwd with
 * forward slashes. Escaping follows @actions/core: data escapes `%`, CR and LF; properties also `:` and `,`.
 */
import type {LintMessage, LintResult} from '../engine/types.js';
import type {FormatContext} from './types.js';
import {messageKind, relativePosixPath} from './shared.js';

const COMMAND = {error: 'error', warning: 'warning', info: 'notice'} as const;

/** As @actions/core's `escapeData`. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core's `escapeProperty`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(message: LintMessage, file: string): string {
  const props: Array<[string, string | number | undefined]> = [
    ['file', file],
    ['line', message.line > 0 ? message.line : undefined],
    ['col', message.line > 0 && message.column > 0 ? message.column : undefined],
    ['endLine', message.endLine],
    ['endColumn', message.endLine !== undefined ? message.endColumn : undefined],
    ['title', message.ruleId ?? 'vmxlint'],
  ];
  const list = props
    .filter((p): p is [string, string | number] => p[1] !== undefined && p[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${COMMAND[messageKind(message)]} ${list}::${escapeData(message.message)}`;
}

export function format(results: LintResult[], context: FormatContext): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = relativePosixPath(context.cwd, result.filePath);
    for (const message of result.messages) lines.push(command(message, file));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
