/**
 * `-f gitlab`: GitLab Code Quality JSON, checked against GitLab's own schema (its parser's
 * app/validators/json_schemas/codeclimate.json) and the stricter format of GitLab's docs
 * ("Code Quality report format": check_name, severity from five values, a relative path, a line);
 * fingerprints that survive lines inserted above and differ between problems.
 */
import {afterAll, describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {Ajv} from 'ajv';
import {lintText} from '../../src/engine/linter.js';
import type {LintResult} from '../../src/engine/types.js';
import {format, issuesOf, type CodeQualityIssue} from '../../src/formatters/gitlab.js';
import type {FormatContext} from '../../src/formatters/types.js';
import {BAD_VMX, project, removeDir, runMain} from '../cli/helpers.js';

const gitlabSchema = JSON.parse(fs.readFileSync(new URL('../fixtures/gitlab-codeclimate-schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({strict: false, allErrors: true});
const validateIssue = ajv.compile(gitlabSchema);
/** The report as GitLab's docs describe it: an array of issues with these fields. */
const validateReport = ajv.compile({
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: {type: 'string', minLength: 1},
      check_name: {type: 'string', minLength: 1},
      fingerprint: {type: 'string', pattern: '^[0-9a-f]{32}$'},
      severity: {enum: ['info', 'minor', 'major', 'critical', 'blocker']},
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          // relative, forward slashes, no ./ or ../
          path: {type: 'string', pattern: '^(?!/)(?!\\.{1,2}/)(?!.*\\\\)(?!.*/\\.{1,2}(/|$)).+$'},
          lines: {type: 'object', required: ['begin'], properties: {begin: {type: 'integer', minimum: 1}, end: {type: 'integer', minimum: 1}}},
        },
      },
    },
  },
});

const ROOT_DIR = path.resolve('/repo');
const context: FormatContext = {cwd: path.join(ROOT_DIR, 'templates'), color: false, version: '1.0.0', rules: [], repositoryRoot: ROOT_DIR};
const rules = {'no-duplicate-keys': 'error', 'no-invalid-lines': 'error', 'valid-guest-os': 'warn'} as const;

const TEXT = [
  '.encoding = "UTF-8"',
  'config.version = "8"',
  'memsize = "1024"',
  'memsize = "1024"',
  'MemSize = "1024"',
  'memsize = "2048"',
  'bad line',
  'guestOS = "foo"',
  '',
].join('\n');

async function lint(text: string, file = path.join(ROOT_DIR, 'templates', 'lab', 'a.vmx')): Promise<LintResult> {
  return lintText(text, {filePath: file, config: [{rules}]});
}

describe('-f gitlab (GitLab Code Quality)', () => {
  it('is an array of issues valid against GitLab\'s schema and its documented format', async () => {
    const result = await lint(TEXT);
    const report = JSON.parse(format([result], context)) as CodeQualityIssue[];
    expect(report.length).toBe(result.messages.length);
    expect(report.length).toBeGreaterThanOrEqual(5);
    for (const issue of report) expect([issue, validateIssue(issue) ? [] : validateIssue.errors]).toEqual([issue, []]);
    expect(validateReport(report) ? [] : validateReport.errors).toEqual([]);
    // the validators do reject what is wrong
    expect(validateIssue({...report[0], fingerprint: undefined})).toBe(false);
    expect(validateReport([{...report[0], severity: 'error'}])).toBe(false);
    expect(validateReport([{...report[0], location: {path: '/repo/a.vmx', lines: {begin: 1}}}])).toBe(false);
    expect(validateReport([{...report[0], location: {path: 'a.vmx', lines: {begin: 0}}}])).toBe(false);
    // nothing to report: an empty array
    expect(JSON.parse(format([], context))).toEqual([]);
    expect(JSON.parse(format([{...result, messages: []}], context))).toEqual([]);
  });

  it('names the rule, keeps the message, maps severities, and gives the path relative to the repository', async () => {
    const result = await lint(TEXT);
    const report = issuesOf(result, context);
    expect(report[0]).toEqual({
      description: 'Duplicate key `memsize` with the same value as on line 3',
      check_name: 'no-duplicate-keys',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: 'major',
      location: {path: 'templates/lab/a.vmx', lines: {begin: 4}},
    });
    const severities = Object.fromEntries(report.map((i) => [i.check_name, i.severity]));
    expect(severities).toEqual({'no-duplicate-keys': 'major', 'no-invalid-lines': 'major', 'valid-guest-os': 'minor'});
    const info = issuesOf({...result, messages: [{...result.messages[0], severity: 0}]}, context);
    expect(info[0].severity).toBe('info');
    const fatal = issuesOf({...result, messages: [{ruleId: null, severity: 2, fatal: true, message: 'cannot decode', line: 0, column: 0}]}, context);
    expect(fatal[0]).toMatchObject({check_name: 'fatal', severity: 'blocker', location: {path: 'templates/lab/a.vmx', lines: {begin: 1}}});
    // without a repository root: relative to cwd
    expect(issuesOf(result, {...context, repositoryRoot: undefined})[0].location.path).toBe('lab/a.vmx');
  });

  it('keeps each fingerprint when lines are inserted above, and gives every problem its own', async () => {
    const before = issuesOf(await lint(TEXT), context);
    const shifted = '# a comment added on top\n\n' + TEXT.replace('memsize = "1024"\nmemsize', 'memsize = "1024"\nnvram = "a.nvram"\nmemsize');
    const after = issuesOf(await lint(shifted), context);
    expect(after.map((i) => i.location.lines.begin)).not.toEqual(before.map((i) => i.location.lines.begin));
    expect(after.map((i) => [i.check_name, i.fingerprint])).toEqual(before.map((i) => [i.check_name, i.fingerprint]));
    // distinct problems, even the same message on the same key, have distinct fingerprints
    expect(new Set(before.map((i) => i.fingerprint)).size).toBe(before.length);
    // a problem fixed: the others keep theirs
    const fixed = issuesOf(await lint(TEXT.replace('bad line\n', '')), context);
    expect(fixed.map((i) => i.fingerprint)).toEqual(before.filter((i) => i.check_name !== 'no-invalid-lines').map((i) => i.fingerprint));
    // the same problem in another file is another problem
    const other = issuesOf(await lint(TEXT, path.join(ROOT_DIR, 'templates', 'b.vmx')), context);
    expect(other.some((i) => before.some((b) => b.fingerprint === i.fingerprint))).toBe(false);
  });
});

describe('vmxlint -f gitlab (CLI)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  it('writes the report with paths relative to the repository root, from a sub-directory too', async () => {
    const cwd = project({'.git/HEAD': 'ref: refs/heads/main\n', 'vms/lab/bad.vmx': BAD_VMX, 'vmxlint.config.json': JSON.stringify([{rules: {'no-duplicate-keys': 'error', 'no-invalid-lines': 'error'}}])});
    dirs.push(cwd);
    const r = await runMain(['-f', 'gitlab', '-o', 'gl-code-quality-report.json', '.'], {cwd: path.join(cwd, 'vms')});
    expect([r.code, r.stderr]).toEqual([1, '']);
    const report = JSON.parse(fs.readFileSync(path.join(cwd, 'vms', 'gl-code-quality-report.json'), 'utf8')) as CodeQualityIssue[];
    expect(validateReport(report) ? [] : validateReport.errors).toEqual([]);
    expect(report.map((i) => [i.check_name, i.location.path, i.location.lines.begin])).toEqual([
      ['no-duplicate-keys', 'vms/lab/bad.vmx', 4],
      ['no-invalid-lines', 'vms/lab/bad.vmx', 5],
    ]);
  });
});
