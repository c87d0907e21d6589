/**
 * The stylish report as it was made before src/formatters/stylish.ts wrote it directly: through
 * vfile-reporter (a VFile per file, a VFileMessage per message, without a source). Kept, test-only,
 * as the oracle that stylish-equivalence.test.ts compares the direct writer with, byte for byte
 * (with no cap on the text column's width: vfile-reporter has none).
 */
import type {Point, Position} from 'unist';
import {VFile} from 'vfile';
import {VFileMessage} from 'vfile-message';
import {reporter} from 'vfile-reporter';
import type {LintMessage, LintResult} from '../../src/engine/types.js';
import type {FormatContext} from '../../src/formatters/types.js';
import {messageKind, plural, relativePath} from '../../src/formatters/shared.js';

const ANSI = {bold: '\u001B[1m', normal: '\u001B[22m', red: '\u001B[31m', yellow: '\u001B[33m', reset: '\u001B[39m'};

function place(message: LintMessage): Point | Position {
  const start: Point = {line: Math.max(1, message.line || 1), column: Math.max(1, message.column || 1)};
  if (message.endLine === undefined || message.endColumn === undefined) return start;
  return {start, end: {line: message.endLine, column: message.endColumn}};
}

function reason(message: LintMessage): string {
  const suggestions = message.suggestions ?? [];
  if (suggestions.length === 0) return message.message;
  return `${message.message} (suggestion${suggestions.length > 1 ? 's' : ''}: ${suggestions.map((s) => s.desc).join('; ')})`;
}

export function referenceFormat(results: LintResult[], context: FormatContext): string {
  const urls = new Map(context.rules.map((rule) => [rule.id, rule.url]));
  const count = {error: 0, warning: 0, info: 0};
  const fixable = {error: 0, warning: 0, info: 0};
  const files: VFile[] = [];

  // messages here are data for the reporter, not exceptions: skip capturing a stack trace for each
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const file = new VFile({path: relativePath(context.cwd, result.filePath)});
    for (const message of result.messages) {
      const kind = messageKind(message);
      count[kind]++;
      if (message.fix) fixable[kind]++;
      const vmessage = new VFileMessage(reason(message), {
        place: place(message),
        ruleId: message.ruleId ?? undefined,
        // no source column: stylish dropped vfile-reporter's `vmxlint` on every row (the rule id says it)
      });
      vmessage.file = file.path;
      vmessage.fatal = kind === 'error' ? true : kind === 'warning' ? false : undefined;
      const url = message.url ?? (message.ruleId ? urls.get(message.ruleId) : undefined);
      if (url) vmessage.url = url;
      file.messages.push(vmessage);
    }
    files.push(file);
  }
  Error.stackTraceLimit = stackLimit;

  const total = count.error + count.warning + count.info;
  if (total === 0) return '';

  let body = reporter(files, {color: context.color, quiet: true});
  // vfile-reporter closes with its own `✖ N errors, ⚠ M warnings` line (after a blank line) when there
  // are errors or warnings; the ESLint-style summary below replaces it.
  if (count.error + count.warning > 0) {
    const cut = body.lastIndexOf('\n\n');
    if (cut !== -1) body = body.slice(0, cut);
  }

  const counts = [plural(count.error, 'error'), plural(count.warning, 'warning')];
  if (count.info > 0) counts.push(`${count.info} info`);
  const symbol = count.error > 0 ? '\u2716' : count.warning > 0 ? '\u26A0' : '\u2139';
  const lines = [`${symbol} ${plural(total, 'problem')} (${counts.join(', ')})`];
  if (fixable.error + fixable.warning + fixable.info > 0) {
    const which =
      fixable.info > 0
        ? `${plural(fixable.error, 'error')}, ${plural(fixable.warning, 'warning')} and ${fixable.info} info`
        : `${plural(fixable.error, 'error')} and ${plural(fixable.warning, 'warning')}`;
    lines.push(`  ${which} potentially fixable with the \`--fix\` option.`);
  }
  const colour = count.error > 0 ? ANSI.red : count.warning > 0 ? ANSI.yellow : '';
  const summary = lines
    .map((line) => (context.color ? `${ANSI.bold}${colour}${line}${colour ? ANSI.reset : ''}${ANSI.normal}` : line))
    .join('\n');
  return `${body}\n\n${summary}\n`;
}
