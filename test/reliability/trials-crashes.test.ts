/**
 * docs/reliability.md, "Crashes and exit codes": R16, R17, R20, R23, R27-R29, R32, R34 of
 * ../shared/reliability-trials.md, through the built CLI. Signal tests wait for a state (a temp
 * file exists), never for a duration; every wait is bounded.
 */
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from '@jest/globals';
import {BIN, nobodyCannotRun, runCli, scratchProjects} from './helpers.js';

const {project, root} = scratchProjects('trials-crashes');
const FIXABLE = 'guestOS = "ubuntu-64"\nethernet0.present = "yes"\n';
const FIXED = '.encoding = "UTF-8"\nguestOS = "ubuntu-64"\nethernet0.present = "TRUE"\n';
const hasDevFull = fs.existsSync('/dev/full');
const shell = (script: string, cwd: string) => spawnSync('bash', ['-c', script], {cwd, encoding: 'utf8', timeout: 60_000, env: {...process.env, NODE_OPTIONS: ''}});
const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

describe('R16, R17, R20: full or closed output streams', () => {
  (hasDevFull ? it.each(['stylish', 'json', 'compact', 'sarif', 'diff']) : it.skip.each(['(no /dev/full)']))('R16: -f %s > /dev/full: one line, exit 2, no stack trace', (format) => {
    const d = project({'a.vmx': FIXABLE});
    const r = shell(`node ${q(BIN)} --no-config-lookup -f ${format} a.vmx > /dev/full`, d);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('vmxlint: cannot write to standard output: no space left on the device\n');
  });

  (hasDevFull ? it : it.skip)('R17: --fix -f json of many files > /dev/full: every file fixed, no temp files, exit 2', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`many/f${i}.vmx`] = FIXABLE;
    const d = project(files);
    const r = shell(`node ${q(BIN)} --no-config-lookup --fix -f json many > /dev/full`, d);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('vmxlint: cannot write to standard output: no space left on the device\n');
    const names = fs.readdirSync(path.join(d, 'many'));
    expect(names.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const name of names) expect(fs.readFileSync(path.join(d, 'many', name), 'utf8')).toBe(FIXED);
  });

  it('R20: stderr and stdout into a pipe closed early (`2>&1 | head -1`, pipefail): exit 2 for bad input, no crash', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`bad/b${i}.vmx`] = 'a\0b\n';
    const d = project(files);
    const r = shell(`set -o pipefail; node ${q(BIN)} --no-config-lookup -f json bad 2>&1 | head -c 10 > /dev/null`, d);
    expect(r.status).toBe(2);
  });
});

describe('R23: user errors name the file or flag and the cause', () => {
  const cases: Array<[string, Record<string, string>, string[], RegExp]> = [
    ['a config nested 200,000 deep', {'vmxlint.config.json': `${'['.repeat(200_000)}${']'.repeat(200_000)}`}, ['a.vmx'], /vmxlint\.config\.json: invalid config: nested too deeply|vmxlint\.config\.json: invalid config/],
    ['a config getter that throws', {'vmxlint.config.mjs': 'export default [{get rules() { throw new Error("getter"); }}];\n'}, ['a.vmx'], /vmxlint\.config\.mjs: invalid config: getter$/],
    ['a plugin rule without meta.docs', {'vmxlint.config.mjs': "export default [{plugins: {p: {rules: {r: {meta: {type: 'problem', messages: {m: 'x'}}, create: (c) => ({root(n) { c.report({node: n, messageId: 'm'}); }})}}}}, rules: {'p/r': 'error'}}];\n"}, ['a.vmx'], /invalid config at `\[0\]\.plugins\.p\.rules\.r\.meta`: expected an object with `docs` and `messages` objects$/],
    ['.vmxlintignore is a directory', {'.vmxlintignore/x': ''}, ['a.vmx'], /\.vmxlintignore: cannot read the ignore file: is a directory, not a file$/],
    ['a 100,000-character --ignore-pattern', {}, ['--ignore-pattern', 'x'.repeat(100_000), 'a.vmx'], /^vmxlint: invalid ignore pattern "x{60}…": Regular expression too large$/],
  ];
  it.each(cases)('%s: one line, exit 2, not "internal error"', async (_name, files, args, message) => {
    const d = project({'a.vmx': FIXABLE, ...files});
    const r = await runCli(args, {cwd: d});
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0].length).toBeLessThan(400);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('a cache entry with `messages: [null]` or `usedDeprecatedRules: [{}]` is ignored, not a crash', async () => {
    const d = project({'a.vmx': FIXABLE});
    const first = await runCli(['--no-config-lookup', '--cache', 'a.vmx'], {cwd: d});
    expect(first.stderr).toBe('');
    const cacheFile = path.join(d, '.vmxlintcache');
    const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as {results: Array<Record<string, unknown>>};
    for (const [key, value] of [['messages', [null]], ['usedDeprecatedRules', [{}]]] as const) {
      const poisoned = {...cache, results: cache.results.map((r) => ({...r, [key]: value}))};
      fs.writeFileSync(cacheFile, JSON.stringify(poisoned));
      const r = await runCli(['--no-config-lookup', '--cache', 'a.vmx'], {cwd: d});
      expect([key, r.stderr]).toEqual([key, '']);
      expect(r.stdout).toEqual(first.stdout);
    }
  });

  const cannot = nobodyCannotRun();
  (cannot ? it.skip : it)(`--init in a read-only directory: one line${cannot ? ` (skipped: ${cannot})` : ' (as nobody)'}`, async () => {
    const d = project({x: ''});
    fs.chmodSync(root(), 0o755);
    fs.chmodSync(d, 0o555);
    const r = await runCli(['--init'], {cwd: d, uid: 65534, gid: 65534});
    fs.chmodSync(d, 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vmxlint: cannot write vmxlint.config.json: permission denied\n');
  });
});

describe('R27, R28, R29: JSON configs', () => {
  const BOM = '\uFEFF';
  it('R27: package.json with a BOM: its vmxlint key is applied', async () => {
    const d = project({'package.json': `${BOM}{"name": "x", "vmxlint": [{"rules": {"boolean-values": "off"}}]}`, 'a.vmx': FIXABLE});
    const r = await runCli(['--fix', 'a.vmx'], {cwd: d});
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(d, 'a.vmx'), 'utf8')).toBe(FIXABLE); // boolean-values off; no other rule on
  });

  it.each(['vmxlint.config.json', '.vmxlintrc.json'])('R28: %s with a BOM is read', async (name) => {
    const d = project({[name]: `${BOM}[{"rules": {"boolean-values": "error"}}]`, 'a.vmx': FIXABLE});
    const r = await runCli(['-f', 'json', 'a.vmx'], {cwd: d});
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as Array<{messages: Array<{ruleId: string}>}>)[0].messages.map((m) => m.ruleId)).toEqual(['boolean-values']);
  });

  it.each([
    ['[{"rules": ', 'line 1, column 12: unexpected end of the file'],
    ['[\n  {"rules": {,}}\n]', "line 2, column 14: Expected property name or '}'"],
    ['[\n  x\n]', "line 2, column 3: Unexpected token 'x'"],
  ])('R28, issue 14 point 5: a JSON syntax error keeps its reason, line and column (%j)', async (json, where) => {
    const d = project({'vmxlint.config.json': json, 'a.vmx': FIXABLE});
    const r = await runCli(['a.vmx'], {cwd: d});
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`vmxlint: ${path.join(d, 'vmxlint.config.json')}: cannot load config: JSON syntax error at ${where}\n`);
  });

  it('R29: a package.json with a syntax error and a vmxlint key is an error, nothing fixed', async () => {
    const d = project({'package.json': '{"name": "x", "vmxlint": [{"rules": {"boolean-values": "off"}}],}', 'a.vmx': FIXABLE});
    const r = await runCli(['--fix', 'a.vmx'], {cwd: d});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/package\.json: cannot load config: JSON syntax error at line 1, column \d+: /);
    expect(fs.readFileSync(path.join(d, 'a.vmx'), 'utf8')).toBe(FIXABLE);
  });

  it('R29: a broken package.json that does not mention vmxlint is not our config', async () => {
    const d = project({'package.json': '{"name": ', 'a.vmx': FIXABLE});
    const r = await runCli(['a.vmx'], {cwd: d});
    expect(r.stderr).toBe('');
  });
});

describe('R32: signals remove the temp files in flight', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)('%s during --fix: exit %i, no temp files, every file old or new', async (signal, code) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`f${i}.vmx`] = FIXABLE;
    const d = project(files);
    const child = spawn(process.execPath, [BIN, '--no-config-lookup', '--fix', '.'], {cwd: d, env: {...process.env, NODE_OPTIONS: ''}, stdio: 'ignore'});
    const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on('exit', (c, s) => resolve({code: c, signal: s})));
    let running = true;
    void exited.then(() => (running = false));
    // wait (bounded) until a file has been fixed: the run is writing
    for (let waited = 0; running && waited < 60_000; waited += 20) {
      if (fs.readFileSync(path.join(d, 'f0.vmx'), 'utf8') === FIXED) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const signalled = running && child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const end = await exited;
    clearTimeout(timer);
    const names = fs.readdirSync(d);
    expect(names.filter((f) => !f.endsWith('.vmx'))).toEqual([]);
    for (const name of names) expect([FIXABLE, FIXED]).toContain(fs.readFileSync(path.join(d, name), 'utf8'));
    if (signalled) expect(end).toEqual({code, signal: null});
    else process.stderr.write(`R32 ${signal}: the run finished before the signal; only the files were checked\n`);
  }, 150_000);
});

describe('R34: paths too long for the walk', () => {
  it('a directory whose path exceeds PATH_MAX is reported by the walk and by globs, exit 2', async () => {
    const d = project({'ok.vmx': '.encoding = "UTF-8"\nguestOS = "ubuntu-64"\n'});
    // build the deep path relative to a directory handle, one level at a time (each mkdir is short)
    let rel = 'deep';
    const seg = 'd'.repeat(200);
    for (let i = 0; i < 22; i++) rel = path.join(rel, seg);
    const made = spawnSync('bash', ['-c', `mkdir deep && cd deep && for i in $(seq 22); do mkdir ${seg} && cd ${seg} || exit 1; done; printf 'guestOS = "x"\\n' > lost.vmx`], {cwd: d});
    if (made.status !== 0) {
      process.stderr.write('R34: could not build a path over 4096 bytes here, skipped\n');
      return;
    }
    try {
      // the directory walk, and globs (tinyglobby's walker passes over what it cannot read)
      for (const pattern of ['.', '**/*.vmx', 'deep/**', '{ok,deep/**/lost}.vmx']) {
        const r = await runCli(['--no-config-lookup', pattern], {cwd: d});
        expect({pattern, code: r.code}).toEqual({pattern, code: 2});
        expect(r.stderr).toMatch(/^vmxlint: deep\/d+\/.*: directory path too long for the system to read \(ENAMETOOLONG\)/);
      }
      // reached by two patterns: reported once
      const twice = await runCli(['--no-config-lookup', '.', '**/*.vmx'], {cwd: d});
      expect(twice.stderr.match(/directory path too long/g)).toHaveLength(1);
      // ignored: not reported, and the other file is linted as usual
      fs.writeFileSync(path.join(d, '.vmxlintignore'), 'deep/\n');
      const ignored = await runCli(['--no-config-lookup', '.'], {cwd: d});
      expect({code: ignored.code, stderr: ignored.stderr}).toEqual({code: 0, stderr: ''});
    } finally {
      spawnSync('rm', ['-rf', 'deep'], {cwd: d}); // rmSync cannot remove what it cannot name
    }
    expect(rel.length).toBeGreaterThan(4096);
  });
});
