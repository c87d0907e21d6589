/**
 * `junit`: JUnit XML for CI test reports. One `<testsuite>` per file (named by its path relative to
 * the context's cwd) and one `<testcase>` per message: errors and warnings carry a `<failure>` whose
 * `type` is the rule id, fatal messages an `<error type="fatal">` (JUnit's "could not run"), and
 * information messages pass, with the text in `<system-out>`. A clean file gets one passing testcase.
 * Every value is escaped and characters XML 1.0 forbids are dropped, so the output is well-formed.
 */
import type {LintMessage, LintResult} from '../engine/types.js';
import type {FormatContext} from './types.js';
import {messageKind, relativePath, xmlEscape} from './shared.js';

const LABEL = {error: 'Error', warning: 'Warning', info: 'Info'} as const;

function testcase(message: LintMessage, classname: string): {xml: string; failure: boolean; error: boolean} {
  const kind = messageKind(message);
  const rule = message.ruleId ?? 'fatal';
  const where = `line ${message.line || 0}, col ${message.column || 0}`;
  const name = xmlEscape(`${rule} at ${where}`);
  const detail = xmlEscape(`${where}, ${LABEL[kind]} - ${message.message}${message.ruleId ? ` (${message.ruleId})` : ''}`);
  const open = `<testcase name="${name}" classname="${xmlEscape(classname)}" time="0">`;
  if (kind === 'info') {
    return {xml: `${open}<system-out>${detail}</system-out></testcase>\n`, failure: false, error: false};
  }
  const tag = message.fatal ? 'error' : 'failure';
  const xml = `${open}<${tag} type="${xmlEscape(rule)}" message="${xmlEscape(message.message)}">${detail}</${tag}></testcase>\n`;
  return {xml, failure: tag === 'failure', error: tag === 'error'};
}

export function format(results: LintResult[], context: FormatContext): string {
  let body = '';
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const result of results) {
    const file = relativePath(context.cwd, result.filePath);
    let cases = '';
    let suiteFailures = 0;
    let suiteErrors = 0;
    if (result.messages.length === 0) {
      cases = `<testcase name="${xmlEscape(file)}" classname="${xmlEscape(file)}" time="0" />\n`;
    }
    for (const message of result.messages) {
      const c = testcase(message, file);
      cases += c.xml;
      if (c.failure) suiteFailures++;
      if (c.error) suiteErrors++;
    }
    const suiteTests = Math.max(1, result.messages.length);
    body += `<testsuite name="${xmlEscape(file)}" tests="${suiteTests}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0" time="0">\n`;
    body += cases;
    body += '</testsuite>\n';
    tests += suiteTests;
    failures += suiteFailures;
    errors += suiteErrors;
  }
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<testsuites name="vmxlint" tests="${tests}" failures="${failures}" errors="${errors}" time="0">\n` +
    body +
    '</testsuites>\n'
  );
}
