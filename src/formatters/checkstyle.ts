/**
 * `checkstyle`: ESLint's checkstyle XML. One `<file>` per result (path relative to the context's cwd),
 * one `<error>` per message with `source="vmxlint.rules.<rule-id>"` (empty for fatal messages without
 * a rule). Severity is `error`, `warning` or `info` (Checkstyle's own levels). Every value is escaped
 * and characters XML 1.0 forbids are dropped, so the output is always well-formed.
 */
import type {LintResult} from '../engine/types.js';
import type {FormatContext} from './types.js';
import {messageKind, relativePath, xmlEscape} from './shared.js';

export function format(results: LintResult[], context: FormatContext): string {
  let output = '<?xml version="1.0" encoding="utf-8"?>';
  output += '<checkstyle version="4.3">';
  for (const result of results) {
    output += `<file name="${xmlEscape(relativePath(context.cwd, result.filePath))}">`;
    for (const message of result.messages) {
      output += [
        `<error line="${message.line || 0}"`,
        `column="${message.column || 0}"`,
        `severity="${messageKind(message)}"`,
        `message="${xmlEscape(message.message + (message.ruleId ? ` (${message.ruleId})` : ''))}"`,
        `source="${message.ruleId ? xmlEscape(`vmxlint.rules.${message.ruleId}`) : ''}" />`,
      ].join(' ');
    }
    output += '</file>';
  }
  output += '</checkstyle>';
  return output;
}
