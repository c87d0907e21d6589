/** Every --format, end to end through the CLI: the shape each consumer (ESLint tools, GitHub, CI, git) expects. */
import {afterAll, describe, expect, it} from '@jest/globals';
import {Ajv} from 'ajv';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {BAD_VMX, coreProject, GOOD_VMX, removeDir, runMain} from './helpers.js';

const dirs: string[] = [];
function make(files: Record<string, string | Buffer>): string {
  const dir = coreProject(files);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(removeDir));

/** A file name that needs escaping in every format: a space, a comma, a colon, an ampersand, quotes. */
const ODD = 'vms/Lab, "outer" & co: 1.vmx';
const files = {'bad.vmx': BAD_VMX, [ODD]: BAD_VMX, 'good.vmx': GOOD_VMX};

describe('json: ESLint\'s JSON formatter shape, field for field', () => {
  // ESLint 9's LintResult and LintMessage (docs: "Node.js API Reference", LintResult type), with the type of each field
  const RESULT: Record<string, string> = {
    filePath: 'string',
    messages: 'array',
    suppressedMessages: 'array',
    errorCount: 'number',
    fatalErrorCount: 'number',
    warningCount: 'number',
    fixableErrorCount: 'number',
    fixableWarningCount: 'number',
    usedDeprecatedRules: 'array',
  };
  const RESULT_OPTIONAL: Record<string, string> = {output: 'string', source: 'string'};
  const MESSAGE: Record<string, string> = {ruleId: 'string|null', severity: 'number', message: 'string', line: 'number', column: 'number'};
  const MESSAGE_OPTIONAL: Record<string, string> = {
    nodeType: 'string|null',
    messageId: 'string',
    endLine: 'number',
    endColumn: 'number',
    fatal: 'boolean',
    fix: 'object',
    suggestions: 'array',
  };
  /** What vmxlint adds (documented in the README): information messages and each rule's docs URL. */
  const ADDED = new Set(['infoCount', 'url']);
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

  function checkFields(obj: Record<string, unknown>, required: Record<string, string>, optional: Record<string, string>): void {
    for (const [key, type] of Object.entries(required)) {
      expect([key, type.split('|').includes(typeOf(obj[key]))]).toEqual([key, true]);
    }
    for (const key of Object.keys(obj)) {
      const type = required[key] ?? optional[key];
      if (type) expect([key, type.split('|').includes(typeOf(obj[key]))]).toEqual([key, true]);
      else expect([key, ADDED.has(key)]).toEqual([key, true]);
    }
  }

  it('an array of LintResult with every ESLint field, ESLint types, absolute file paths', async () => {
    const cwd = make(files);
    const r = await runMain(['-f', 'json', '.'], {cwd});
    const results = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(results).toHaveLength(3);
    for (const result of results) {
      checkFields(result, RESULT, RESULT_OPTIONAL);
      expect(path.isAbsolute(result.filePath as string)).toBe(true);
      for (const m of result.messages as Array<Record<string, unknown>>) {
        checkFields(m, MESSAGE, MESSAGE_OPTIONAL);
        if (m.fix) expect(m.fix).toEqual({range: [expect.any(Number), expect.any(Number)], text: expect.any(String)});
      }
    }
    const bad = results.find((x) => (x.filePath as string).endsWith('bad.vmx'))!;
    expect(bad).toMatchObject({errorCount: 2, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 1, fixableWarningCount: 0, source: BAD_VMX});
    expect((bad.messages as unknown[])[0]).toMatchObject({ruleId: 'no-duplicate-keys', severity: 2, line: 4, column: 1, messageId: 'sameValue', fix: {range: [58, 75], text: ''}});
    // as ESLint: no `source` for a file without messages
    expect(results.find((x) => (x.filePath as string).endsWith('good.vmx'))).not.toHaveProperty('source');
  });

  it('a fatal message: ruleId null, fatal true, severity 2, counted in fatalErrorCount', async () => {
    const cwd = make({'broken.vmx': Buffer.from('.encoding = "UTF-8"\nx = "\xff"\n', 'latin1')});
    const r = await runMain(['-f', 'json', 'broken.vmx'], {cwd});
    expect(r.code).toBe(2);
    const [result] = JSON.parse(r.stdout);
    checkFields(result, RESULT, RESULT_OPTIONAL);
    expect(result).toMatchObject({errorCount: 1, fatalErrorCount: 1, messages: [{ruleId: null, fatal: true, severity: 2, line: 2}]});
    // machine formats also say it on stderr, so a redirected report does not hide it
    expect(r.stderr).toMatch(/^vmxlint: broken\.vmx: bytes invalid/);
  });
});

describe('sarif', () => {
  const schema = JSON.parse(fs.readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  // draft-04 schema read by Ajv's draft-07: only the root `id` differs (see test/formatters.test.ts)
  const {id: schemaId, $schema: _draft04, ...body} = schema;
  const ajv = new Ajv({strict: false, allErrors: true});
  const uriChars = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
  ajv.addFormat('uri-reference', (s: string) => uriChars.test(s) && !/^[^/?#]*:/.test(s.replace(/^[A-Za-z][A-Za-z0-9+.-]*:/, '')));
  ajv.addFormat('uri', (s: string) => uriChars.test(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile({$id: schemaId, ...body});

  it('validates against the SARIF 2.1.0 schema, with what GitHub code scanning needs', async () => {
    const cwd = make(files);
    const r = await runMain(['-f', 'sarif', '-o', 'vmxlint.sarif', '.'], {cwd});
    expect(r.code).toBe(1);
    const log = JSON.parse(fs.readFileSync(path.join(cwd, 'vmxlint.sarif'), 'utf8'));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('vmxlint');
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\/.+\/docs\/rules\/.+\.md$/);
    const uris = new Set(run.results.map((x: {locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}) => x.locations[0].physicalLocation.artifactLocation.uri));
    // relative to the checkout (cwd), percent-encoded: GitHub maps them onto the repository
    expect([...uris].sort()).toEqual(['bad.vmx', 'vms/Lab%2C%20%22outer%22%20%26%20co%3A%201.vmx']);
    const dup = run.results.find((x: {ruleId: string}) => x.ruleId === 'no-duplicate-keys');
    expect(dup.locations[0].physicalLocation.region).toEqual({startLine: 4, startColumn: 1, endLine: 4, endColumn: 8});
    // the duplicate line, with its line break, as offsets and as lines/columns (for reviewdog)
    expect(dup.fixes[0].artifactChanges[0].replacements[0]).toEqual({deletedRegion: {startLine: 4, startColumn: 1, endLine: 5, endColumn: 1, charOffset: 58, charLength: 17}, insertedContent: {text: ''}});
    expect(run.tool.driver.rules[dup.ruleIndex].id).toBe('no-duplicate-keys');
  });
});

describe('junit and checkstyle: well-formed XML', () => {
  const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'file', 'error'].includes(name)});

  it('junit: one testsuite per file, a failure per problem, the odd file name escaped', async () => {
    const cwd = make(files);
    const r = await runMain(['-f', 'junit', '.'], {cwd});
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = parser.parse(r.stdout);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: {name: string}) => s.name).sort()).toEqual(['bad.vmx', 'good.vmx', path.join('vms', 'Lab, "outer" & co: 1.vmx')]);
    expect(doc.testsuites.failures).toBe('4');
    const bad = suites.find((s: {name: string}) => s.name === 'bad.vmx');
    expect(bad.testcase[0].failure.type).toBe('no-duplicate-keys');
  });

  it('checkstyle: one <file> per result, one <error> per problem with its source', async () => {
    const cwd = make(files);
    const r = await runMain(['-f', 'checkstyle', '.'], {cwd});
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = parser.parse(r.stdout);
    const bad = doc.checkstyle.file.find((f: {name: string}) => f.name === 'bad.vmx');
    expect(bad.error.map((e: {line: string; source: string; severity: string}) => [e.line, e.severity, e.source])).toEqual([
      ['4', 'error', 'vmxlint.rules.no-duplicate-keys'],
      ['5', 'error', 'vmxlint.rules.no-invalid-lines'],
    ]);
  });
});

describe('github', () => {
  it('::error lines with file, line, col, endLine, endColumn and title, escaped per the Actions rules', async () => {
    const cwd = make(files);
    const warn = ['--rule', 'no-invalid-lines: warn'];
    const r = await runMain(['-f', 'github', ...warn, 'bad.vmx', ODD], {cwd});
    expect(r.stdout.split('\n')).toEqual([
      '::error file=bad.vmx,line=4,col=1,endLine=4,endColumn=8,title=no-duplicate-keys::Duplicate key `memsize` with the same value as on line 3',
      expect.stringMatching(/^::warning file=bad\.vmx,line=5,col=1,endLine=5,endColumn=\d+,title=no-invalid-lines::Line is not/),
      '::error file=vms/Lab%2C "outer" & co%3A 1.vmx,line=4,col=1,endLine=4,endColumn=8,title=no-duplicate-keys::Duplicate key `memsize` with the same value as on line 3',
      expect.stringMatching(/^::warning file=vms\/Lab%2C "outer" & co%3A 1\.vmx,line=5,/),
      '',
    ]);
  });
});

const git = spawnSync('git', ['--version']).status === 0;
const withGit = git ? describe : describe.skip;

withGit(`diff: a patch that git apply accepts${git ? '' : ' (skipped: git not found)'}`, () => {
  function gitRun(cwd: string, ...args: string[]) {
    const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'core.autocrlf=false', ...args], {cwd, encoding: 'utf8'});
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  }

  it('applies with git apply --check, then gives exactly what --fix writes (CRLF, lone CR, no final newline, windows-1252, odd paths)', async () => {
    const tricky: Record<string, string | Buffer> = {
      ...files,
      'crlf.vmx': 'a = "1"\r\na = "1"\r\nb = "2"\r\n',
      'cr.vmx': 'a = "1"\ra = "1"\r',
      'no-eol.vmx': 'k = "1"\nk = "1"',
      'tab\tname.vmx': 'k = "1"\nk = "1"\n',
      'latin.vmx': Buffer.from('.encoding = "windows-1252"\ndisplayName = "caf\xe9"\nx = "1"\nx = "1"\n', 'latin1'),
    };
    const cwd = make(tricky);
    gitRun(cwd, 'init', '-q');
    gitRun(cwd, 'add', '-A');
    gitRun(cwd, 'commit', '-q', '-m', 'vms');
    const r = await runMain(['-f', 'diff', '-o', 'fixes.patch', '.'], {cwd});
    expect(r.code).toBe(1); // problems without a fix remain
    const patch = fs.readFileSync(path.join(cwd, 'fixes.patch'));
    expect(patch.toString('latin1')).toContain('diff --git "a/tab\\tname.vmx" "b/tab\\tname.vmx"');
    // nothing written by -f diff alone
    expect(fs.readFileSync(path.join(cwd, 'crlf.vmx'), 'utf8')).toBe(tricky['crlf.vmx']);
    gitRun(cwd, 'apply', '--check', 'fixes.patch');
    gitRun(cwd, 'apply', 'fixes.patch');
    const applied = Object.fromEntries(Object.keys(tricky).map((f) => [f, fs.readFileSync(path.join(cwd, f))]));
    gitRun(cwd, 'checkout', '-q', '--', '.');
    expect((await runMain(['--fix', '.'], {cwd})).code).toBe(1);
    for (const f of Object.keys(tricky)) expect([f, fs.readFileSync(path.join(cwd, f)).equals(applied[f])]).toEqual([f, true]);
    expect(applied['latin.vmx'].toString('latin1')).toBe('.encoding = "windows-1252"\ndisplayName = "caf\xe9"\nx = "1"\n');
  });

  it('--fix -f diff writes the files and prints the patch of what it wrote; nothing to fix prints nothing', async () => {
    const cwd = make({'a.vmx': 'k = "1"\nk = "1"\n', 'good.vmx': GOOD_VMX});
    const r = await runMain(['--fix', '-f', 'diff', '.'], {cwd});
    expect(r.stdout).toBe('diff --git a/a.vmx b/a.vmx\n--- a/a.vmx\n+++ b/a.vmx\n@@ -1,2 +1,1 @@\n k = "1"\n-k = "1"\n');
    expect(fs.readFileSync(path.join(cwd, 'a.vmx'), 'utf8')).toBe('k = "1"\n');
    expect(await runMain(['-f', 'diff', '.'], {cwd})).toMatchObject({code: 0, stdout: ''});
  });
});

describe('compact and unix', () => {
  it('one line per problem with path, place, severity and rule id', async () => {
    const cwd = make({'bad.vmx': BAD_VMX});
    const compact = await runMain(['-f', 'compact', 'bad.vmx'], {cwd});
    expect(compact.stdout).toContain('bad.vmx: line 4, col 1, Error - Duplicate key `memsize` with the same value as on line 3 (no-duplicate-keys)');
    const unix = await runMain(['-f', 'unix', 'bad.vmx'], {cwd});
    expect(unix.stdout).toContain('bad.vmx:4:1: Duplicate key `memsize` with the same value as on line 3 [Error/no-duplicate-keys]');
    expect(unix.stdout.trimEnd().endsWith('2 problems')).toBe(true);
  });
});
