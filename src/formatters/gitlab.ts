/**
 * `gitlab`: a GitLab Code Quality report (`artifacts: reports: codequality:`), the JSON array of
 * Code Climate issues that GitLab reads (https://docs.gitlab.com/ci/testing/code_quality/,
 * "Code Quality report format"): `description`, `check_name` (the rule id; `fatal` for a file
 * that could not be read or parsed), `fingerprint`, `severity`, `location.path`,
 * `location.lines.begin` (and `end`).
 *
 * - Paths are relative to the repository's root (`context.repositoryRoot`, else cwd), with `/`.
 * - Severity: a fatal problem `blocker`, an error `major`, a warning `minor`, information `info`
 *   (as ESLint's GitLab formatter ranks errors and warnings; hadolint and others differ).
 * - The fingerprint identifies a problem across commits, so that the merge request widget shows
 *   only new and fixed ones: a hash of the path, rule id, the key of the entry the problem is on
 *   (or the line's text), the message with any "line N" in it made neutral, and an occurrence
 *   counter for problems that are otherwise the same. It holds no line number: inserting lines
 *   above a problem keeps its fingerprint. (GitLab shows problems with one fingerprint as one.)
 */
import {sha256} from '@noble/hashes/sha2.js';
import {bytesToHex, utf8ToBytes} from '@noble/hashes/utils.js';
import type {LintMessage, LintResult} from '../engine/types.js';
import {LineIndex} from './lines.js';
import {messageKind, relativePosixPath} from './shared.js';
import type {FormatContext} from './types.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: {path: string; lines: {begin: number; end?: number}};
}

/** The check name of a message without a rule (an unreadable or unparsable file). */
export const FATAL_CHECK = 'fatal';

const SEVERITY = {error: 'major', warning: 'minor', info: 'info'} as const;

export function severityOf(message: LintMessage): CodeQualitySeverity {
  return message.fatal ? 'blocker' : SEVERITY[messageKind(message)];
}

/** What a problem is "on": the entry's key (case as VMware reads it: any), or the line's text; '' for the file. */
function anchorOf(message: LintMessage, lines: LineIndex | undefined): string {
  if (!lines || message.line < 1) return '';
  const text = lines.lineText(message.line).trim();
  const key = /^([^=#\s][^=]*?)\s*=/.exec(text);
  return key ? key[1].toLowerCase() : text;
}

/** The message without line numbers it may quote ("already set on line 3"). */
function neutral(message: string): string {
  return message.replace(/\b(lines?) \d+(?:(,| and| or|-) ?\d+)*/gi, '$1 N');
}

function hash(parts: string[]): string {
  // @noble/hashes: the same SHA-256 as node:crypto, without Node (formatters are platform-free)
  return bytesToHex(sha256(utf8ToBytes(parts.join('\u0000')))).slice(0, 32);
}

/** The Code Quality issues of one file. */
export function issuesOf(result: LintResult, context: FormatContext): CodeQualityIssue[] {
  const file = relativePosixPath(context.repositoryRoot ?? context.cwd, result.filePath);
  const text = result.output ?? result.source;
  const lines = text === undefined || !result.messages.length ? undefined : new LineIndex(text);
  const seen = new Map<string, number>();
  return result.messages.map((message) => {
    const checkName = message.ruleId ?? FATAL_CHECK;
    const base = hash([file, checkName, anchorOf(message, lines), neutral(message.message)]);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    const begin = Math.max(1, message.line || 1);
    const issue: CodeQualityIssue = {
      description: message.message,
      check_name: checkName,
      fingerprint: occurrence === 1 ? base : hash([base, String(occurrence)]),
      severity: severityOf(message),
      location: {path: file, lines: {begin}},
    };
    if (message.endLine !== undefined && message.endLine > begin) issue.location.lines.end = message.endLine;
    return issue;
  });
}

/** The report one file at a time (a big repository's report is never one string in memory). */
export function* formatChunks(results: LintResult[], context: FormatContext): Generator<string> {
  let first = true;
  yield '[';
  for (const result of results) {
    for (const issue of issuesOf(result, context)) {
      yield `${first ? '' : ','}\n  ${JSON.stringify(issue)}`;
      first = false;
    }
  }
  yield first ? ']' : '\n]';
}

export function format(results: LintResult[], context: FormatContext): string {
  return [...formatChunks(results, context)].join('');
}
