/**
 * vmxlint messages as LSP diagnostics: one per message, `code` = rule id, `codeDescription.href` =
 * the rule's docs page, `source: "vmxlint"` (vscode-eslint's and unified-language-server's shape).
 * Lines and columns are 1-based UTF-16 (as in vmxlint's SARIF), LSP's are 0-based UTF-16.
 */
import {Diagnostic, DiagnosticSeverity, type Range} from 'vscode-languageserver/node';
import type {LintMessage} from './core.js';

export const SOURCE = 'vmxlint';

const SEVERITY: Record<number, DiagnosticSeverity> = {
  2: DiagnosticSeverity.Error,
  1: DiagnosticSeverity.Warning,
  0: DiagnosticSeverity.Information,
};

export function messageRange(m: LintMessage): Range {
  // fatal problems (undecodable or binary text, a crashed rule) go at the top of the file
  if (m.fatal) return {start: {line: 0, character: 0}, end: {line: 0, character: 0}};
  const start = {line: Math.max(0, m.line - 1), character: Math.max(0, m.column - 1)};
  const end = m.endLine !== undefined && m.endColumn !== undefined ? {line: Math.max(0, m.endLine - 1), character: Math.max(0, m.endColumn - 1)} : start;
  return {start, end};
}

export function toDiagnostic(m: LintMessage): Diagnostic {
  const d = Diagnostic.create(messageRange(m), m.message, SEVERITY[m.severity] ?? DiagnosticSeverity.Warning, m.ruleId ?? undefined, SOURCE);
  if (m.url) d.codeDescription = {href: m.url};
  return d;
}

/** A problem that is not about one message (a bad config file): one error at the top. */
export function topDiagnostic(message: string): Diagnostic {
  return Diagnostic.create({start: {line: 0, character: 0}, end: {line: 0, character: 0}}, message, DiagnosticSeverity.Error, undefined, SOURCE);
}

/** Whether a message and a diagnostic the client sends back are the same problem. */
export function sameProblem(m: LintMessage, d: Diagnostic): boolean {
  const r = messageRange(m);
  return (
    d.message === m.message &&
    (d.code ?? null) === m.ruleId &&
    d.range.start.line === r.start.line &&
    d.range.start.character === r.start.character &&
    d.range.end.line === r.end.line &&
    d.range.end.character === r.end.character
  );
}
