/**
 * --cache through lintFiles: a re-run replays results without linting, and re-lints exactly
 * what changed (a file's content, the config, the vmxlint version); replayed results equal
 * fresh ones. A plugin rule appends each linted file to a log, so the tests see what was linted.
 */
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {cacheFilePath, LintCache} from '../../src/runner/cache.js';
import type {LintResult} from '../../src/engine/types.js';
import {lintFiles, type LintFilesOptions} from '../../src/runner/lint-files.js';

const BAD = '.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\nmemsize = "1024"\nbad line\n';
const GOOD = '.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\n';
const FIXABLE = '.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\nmemsize = "1024"\n';

const config = (severity: string) => `import fs from 'node:fs';
const log = new URL('./lint-log.txt', import.meta.url);
export default [
  'vmxlint:recommended',
  {
    plugins: {count: {rules: {seen: {
      meta: {type: 'problem', docs: {description: 'logs each linted file', recommended: false, url: 'u'}, messages: {m: 'seen'}, schema: {}, defaultSeverity: 'warn'},
      defaultOptions: {},
      create(context) {
        fs.appendFileSync(log, context.filePath + '\\n');
        return {};
      },
    }}}},
    rules: {'count/seen': 'warn', 'no-duplicate-keys': '${severity}'},
  },
];
`;

let dir: string;
let cacheLocation: string;
const file = (name: string) => path.join(dir, name);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-cache-'));
  cacheLocation = path.join(dir, '.cache', 'vmxlint.json');
  fs.writeFileSync(file('vmxlint.config.mjs'), config('error'));
  fs.writeFileSync(file('a.vmx'), BAD);
  fs.writeFileSync(file('b.vmx'), GOOD);
  fs.writeFileSync(file('c.vmx'), FIXABLE);
});

afterEach(() => fs.rmSync(dir, {recursive: true, force: true}));

/** Lint the directory; returns the results and the files the rules ran on (base names, sorted). */
async function run(options: LintFilesOptions = {}): Promise<{results: LintResult[]; linted: string[]}> {
  fs.rmSync(file('lint-log.txt'), {force: true});
  const results = await lintFiles([dir], {cwd: dir, cache: true, cacheLocation, concurrency: 'off', ...options});
  const log = fs.existsSync(file('lint-log.txt')) ? fs.readFileSync(file('lint-log.txt'), 'utf8') : '';
  return {results, linted: [...new Set(log.split('\n').filter(Boolean).map((f) => path.basename(f)))].sort()};
}

/** Each file's messages as `line:rule`, leaving out the recommended rules this test is not about. */
const summary = (results: LintResult[]) =>
  results.map((r) => [path.basename(r.filePath), r.messages.filter((m) => /duplicate|invalid-lines/.test(m.ruleId ?? '')).map((m) => `${m.line}:${m.ruleId}`)]);

describe('--cache', () => {
  it('replays every unchanged file without linting it, with the same results', async () => {
    const first = await run();
    expect(first.linted).toEqual(['a.vmx', 'b.vmx', 'c.vmx']);
    expect(fs.existsSync(cacheLocation)).toBe(true);
    const second = await run();
    expect(second.linted).toEqual([]);
    expect(second.results).toEqual(first.results);
    expect(summary(second.results)).toEqual([
      ['a.vmx', ['4:no-duplicate-keys', '5:no-invalid-lines']],
      ['b.vmx', []],
      ['c.vmx', ['4:no-duplicate-keys']],
    ]);
  });

  it('gives the results of an uncached run, source text included', async () => {
    const uncached = await lintFiles([dir], {cwd: dir, concurrency: 'off'});
    await run();
    const replayed = (await run()).results;
    expect(replayed).toEqual(uncached);
    expect(replayed[0].source).toBe(BAD);
  });

  it('re-lints a file whose content changed, and only that one', async () => {
    await run();
    fs.writeFileSync(file('b.vmx'), GOOD + 'bad line\n');
    const {results, linted} = await run();
    expect(linted).toEqual(['b.vmx']);
    expect(results[1].messages.map((m) => m.ruleId)).toEqual(['no-invalid-lines']);
  });

  it('re-lints a same-size edit made right after the run (stat alone cannot tell)', async () => {
    await run();
    fs.writeFileSync(file('b.vmx'), GOOD.replace('1024', '2048'));
    const {results, linted} = await run();
    expect(linted).toEqual(['b.vmx']);
    expect(results[1].messages).toEqual([]);
  });

  it('replays a touched but unchanged file (keyed on content, not mtime)', async () => {
    await run();
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file('a.vmx'), later, later);
    expect((await run()).linted).toEqual([]);
  });

  it('re-lints every file when the config changes', async () => {
    fs.writeFileSync(file('v2.config.mjs'), config('warn'));
    await run();
    const {results, linted} = await run({configFile: file('v2.config.mjs')});
    expect(linted).toEqual(['a.vmx', 'b.vmx', 'c.vmx']);
    expect(results[2].messages.find((m) => m.ruleId === 'no-duplicate-keys')?.severity).toBe(1);
    expect((await run({configFile: file('v2.config.mjs')})).linted).toEqual([]);
  });

  it('re-lints when the config file is edited in place', async () => {
    // JSON: an edited .mjs would come back from Node's module cache within this one process
    fs.rmSync(file('vmxlint.config.mjs'));
    fs.writeFileSync(file('vmxlint.config.json'), JSON.stringify([{rules: {'no-duplicate-keys': 'error'}}]));
    const before = (await run()).results;
    expect(before[2].messages.map((m) => [m.ruleId, m.severity])).toEqual([['no-duplicate-keys', 2]]);
    fs.writeFileSync(file('vmxlint.config.json'), JSON.stringify([{rules: {'no-duplicate-keys': 'warn'}}]));
    const after = (await run()).results;
    expect(after[2].messages.map((m) => [m.ruleId, m.severity])).toEqual([['no-duplicate-keys', 1]]);
  });

  it('re-lints when the lint options change (--rule, settings)', async () => {
    await run();
    expect((await run({rules: {'no-invalid-lines': 'off'}})).linted).toEqual(['a.vmx', 'b.vmx', 'c.vmx']);
    expect((await run({settings: {role: 'outer'}})).linted).toEqual(['a.vmx', 'b.vmx', 'c.vmx']);
  });

  it('drops the whole cache when the vmxlint version changes', async () => {
    await run();
    const data = JSON.parse(fs.readFileSync(cacheLocation, 'utf8'));
    fs.writeFileSync(cacheLocation, JSON.stringify({...data, version: '0.0.0-older'}));
    expect((await run()).linted).toEqual(['a.vmx', 'b.vmx', 'c.vmx']);
    expect(JSON.parse(fs.readFileSync(cacheLocation, 'utf8')).version).toBe(data.version);
  });

  it('with --fix, fixes a file whose cached result has fixes instead of replaying it', async () => {
    await run();
    const {linted} = await run({fix: true, write: true});
    expect(linted).toEqual(['a.vmx', 'c.vmx']);
    expect(fs.readFileSync(file('c.vmx'), 'utf8')).toBe(GOOD);
    const after = await run();
    expect(after.linted).toEqual(['a.vmx', 'c.vmx']);
    expect(after.results[2].messages).toEqual([]);
  });

  it('does not cache a file with a fatal problem', async () => {
    fs.writeFileSync(file('d.vmx'), 'memsize = "1024"\n\0\n');
    const first = await run();
    expect(first.results.map((r) => r.fatalErrorCount)).toEqual([0, 0, 0, 1]);
    expect((await run()).results[3]).toEqual(first.results[3]);
    fs.writeFileSync(file('d.vmx'), GOOD);
    const fixed = await run();
    expect(fixed.linted).toEqual(['d.vmx']);
    expect(fixed.results[3].messages).toEqual([]);
  });

  it('keeps each distinct result once in the file, and replays independent copies of it', async () => {
    fs.writeFileSync(file('a2.vmx'), BAD);
    fs.writeFileSync(file('a3.vmx'), BAD);
    await run();
    const data = JSON.parse(fs.readFileSync(cacheLocation, 'utf8'));
    expect(data.files).toHaveLength(5);
    expect(data.results.length).toBeLessThan(5); // a, a2 and a3 share one
    const {results, linted} = await run();
    expect(linted).toEqual([]);
    const [a, a2] = results;
    expect(a2.messages.map((m) => m.line)).toEqual(a.messages.map((m) => m.line));
    expect(a2.messages).not.toBe(a.messages);
    expect(a2.messages[0]).not.toBe(a.messages[0]);
    a.messages[0].line = 99;
    a.messages[0].fix?.range.splice(0);
    expect(a2.messages[0].line).not.toBe(99);
    expect(a2.messages).toEqual((await lintFiles([file('a2.vmx')], {cwd: dir})).at(0)!.messages);
  });

  it('lints again, and rewrites, what a damaged or older cache file holds', async () => {
    await run();
    const data = JSON.parse(fs.readFileSync(cacheLocation, 'utf8'));
    // one row cut short, one pointing past the results, one not a row at all
    fs.writeFileSync(cacheLocation, JSON.stringify({...data, files: [data.files[0].slice(0, 5), [...data.files[1].slice(0, 7), 99], 'x', data.files[2]]}));
    expect((await run()).linted).toEqual(['a.vmx', 'b.vmx']);
    expect((await run()).linted).toEqual([]);
    fs.writeFileSync(cacheLocation, JSON.stringify({format: 1, version: data.version, savedNs: '0', files: {}}));
    expect((await run()).linted).toEqual(['a.vmx', 'b.vmx', 'c.vmx']);
    fs.writeFileSync(cacheLocation, JSON.stringify({...data, savedNs: 'not a number'}));
    expect((await run()).linted).toEqual(['a.vmx', 'b.vmx', 'c.vmx']);
    expect((await run()).linted).toEqual([]);
  });

  it('keeps its file inside a directory given as the location', async () => {
    fs.mkdirSync(file('cachedir'));
    await run({cacheLocation: file('cachedir')});
    expect(fs.readdirSync(file('cachedir'))).toEqual([path.basename(cacheFilePath(file('cachedir'), dir))]);
    expect((await run({cacheLocation: file('cachedir')})).linted).toEqual([]);
  });

  it('warns and still lints when the cache cannot be written', async () => {
    const warnings: string[] = [];
    const {results} = await run({cacheLocation: file('b.vmx/cache'), onWarning: (w) => warnings.push(w)});
    expect(results).toHaveLength(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cannot write the cache .*b\.vmx\/cache: /);
  });
});

describe('LintCache', () => {
  const identity = (mtimeNs: bigint) => ({dev: 1n, ino: 7n, size: 5n, mtimeNs, ctimeNs: mtimeNs});
  const result: LintResult = {
    filePath: '/x.vmx',
    messages: [],
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    infoCount: 0,
    usedDeprecatedRules: [],
  };

  it('trusts the stat of a file older than the cache, checks the content of a recent one', () => {
    const location = path.join(dir, 'unit.json');
    const c = new LintCache(location, '1.0.0');
    const old = BigInt(Date.now() - 60_000) * 1_000_000n;
    const recent = BigInt(Date.now()) * 1_000_000n;
    c.store('/old.vmx', identity(old), 'h1', 'k', result);
    c.store('/new.vmx', identity(recent), 'h2', 'k', result);
    expect(c.save()).toBeUndefined();
    const again = new LintCache(location, '1.0.0');
    expect(again.lookup('/old.vmx', identity(old), 'k')).toEqual({hit: {...result, filePath: undefined}});
    expect(again.lookup('/new.vmx', identity(recent), 'k')).toHaveProperty('verify');
    expect(again.lookup('/old.vmx', identity(old + 1n), 'k')).toHaveProperty('verify');
    expect(again.lookup('/old.vmx', identity(old), 'other config')).toBeUndefined();
    expect(new LintCache(location, '1.0.1').lookup('/old.vmx', identity(old), 'k')).toBeUndefined();
  });

  it('finds entries looked up in any order, and saves them in path order', () => {
    const location = path.join(dir, 'order.json');
    const c = new LintCache(location, '1.0.0');
    const old = BigInt(Date.now() - 60_000) * 1_000_000n;
    for (const name of ['/c.vmx', '/a.vmx', '/b.vmx']) c.store(name, identity(old), 'h', 'k', result);
    expect(c.save()).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(location, 'utf8')).files.map((row: unknown[]) => row[0])).toEqual(['/a.vmx', '/b.vmx', '/c.vmx']);
    // in order (each the next row), then out of order, a missing one, and again
    const again = new LintCache(location, '1.0.0');
    expect(again.lookup('/a.vmx', identity(old), 'k')).toHaveProperty('hit');
    expect(again.lookup('/c.vmx', identity(old), 'k')).toHaveProperty('hit');
    expect(again.lookup('/missing.vmx', identity(old), 'k')).toBeUndefined();
    expect(again.lookup('/b.vmx', identity(old), 'k')).toHaveProperty('hit');
    expect(again.lookup('/a.vmx', identity(old), 'k')).toHaveProperty('hit');
    // an mtime before 1970 is old, not racy
    c.store('/ancient.vmx', identity(-5_000_000_000n), 'h', 'k', result);
    expect(c.save()).toBeUndefined();
    expect(new LintCache(location, '1.0.0').lookup('/ancient.vmx', identity(-5_000_000_000n), 'k')).toHaveProperty('hit');
  });

  it('never stores a fixed or fatal result', () => {
    const c = new LintCache(path.join(dir, 'unit2.json'), '1.0.0');
    c.store('/fixed.vmx', identity(1n), 'h', 'k', {...result, output: 'x'});
    c.store('/fatal.vmx', identity(1n), 'h', 'k', {...result, errorCount: 1, fatalErrorCount: 1});
    expect(c.lookup('/fixed.vmx', identity(1n), 'k')).toBeUndefined();
    expect(c.lookup('/fatal.vmx', identity(1n), 'k')).toBeUndefined();
  });
});
