/**
 * `compact`: ESLint's compact format, one line per message:
 * `path: line L, col C, Error - message (rule-id)`, then a blank line and `N problems`.
 * Paths are relative to the context's cwd; line breaks inside a message become spaces.
 */
import type {LintResult} from '../engine/types.js';
import type {FormatContext} from './types.js';
import {messageKind, oneLine, plural, relativePath} from './shared.js';

const LABEL = {error: 'Error', warning: 'Warning', info: 'Info'} as const;

export function format(results: LintResult[], context: FormatContext): string {
  let output = '';
  let total = 0;
  for (const result of results) {
    const file = relativePath(context.cwd, result.filePath);
    for (const message of result.messages) {
      total++;
      output += `${file}: line ${message.line || 0}, col ${message.column || 0}, ${LABEL[messageKind(message)]} - ${oneLine(message.message)}`;
      output += message.ruleId ? ` (${message.ruleId})\n` : '\n';
    }
  }
  if (total > 0) output += `\n${plural(total, 'problem')}`;
  return output;
}
