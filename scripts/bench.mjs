/**
 * `npm run bench`: vmxlint against baselines measured in the same run, as ratios.
 *
 *   node scripts/bench.mjs [--runs N] [--files N] [--quick] [--json FILE]
 *
 * Cases (targets from issue 8): start-up on one file vs `node -e 0`; linting a template repo of
 * --files files (default 10,000) vs a script that only reads every file and splits it into lines;
 * --fix on a fresh copy of that repo; peak RSS; a --cache re-run vs the uncached run; parser
 * MB/s vs splitting into lines; rules' cost per file; linear time of odd and big inputs (4n vs n). Commands alternate (A B, B A, …) after a
 * warm-up and medians are compared, so load from other processes hits both sides alike.
 * Needs the build (npm run build); builds it when dist/ is missing.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {parserThroughput, rulesCost} from './bench/inproc.mjs';
import {linearTime, MAX_RATIO} from './bench/linear.mjs';
import {alternate, machine, peakRss} from './bench/measure.mjs';
import {copyRepo, makeRepo, templateSources} from './bench/repo.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const BIN = path.join(ROOT, 'bin/vmxlint.js');
const BASELINE = path.join(ROOT, 'scripts/bench/baseline.mjs');
const FLOOR_PARSE = path.join(ROOT, 'scripts/bench/floor-parse.mjs');
const FLOOR_WRITE = path.join(ROOT, 'scripts/bench/floor-write.mjs');

const {values: flags} = parseArgs({
  options: {
    runs: {type: 'string'},
    files: {type: 'string', default: '10000'},
    quick: {type: 'boolean', default: false},
    json: {type: 'string'},
  },
});
const RUNS = Number(flags.runs ?? (flags.quick ? 3 : 7));
const FILES = Number(flags.files);

if (!fs.existsSync(path.join(ROOT, 'dist/vmxlint.mjs')) || !fs.existsSync(path.join(ROOT, 'dist/src/index.js'))) {
  console.error('bench: dist/ is missing: running npm run build');
  const r = spawnSync('npm', ['run', 'build'], {cwd: ROOT, stdio: 'inherit'});
  if (r.status !== 0) process.exit(2);
}

const node = process.execPath;
const rows = [];
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
function row(name, value, base, ratio, target, pass, unit = fmtMs) {
  rows.push({case: name, vmxlint: unit(value), baseline: unit(base), ratio: ratio === undefined ? '—' : `${ratio.toFixed(2)}x`, target, result: pass === undefined ? 'info' : pass ? 'pass' : 'FAIL'});
  console.error(`  ${name}: ${rows.at(-1).vmxlint} vs ${rows.at(-1).baseline} → ${rows.at(-1).ratio} (${rows.at(-1).result})`);
}

const info = machine();
console.error(`vmxlint benchmark: ${info.cpu}, node ${info.node}, load ${info.load}; ${RUNS} alternating runs per case`);
const repo = makeRepo(FILES);
console.error(`repo: ${repo.count} files, ${(repo.bytes / 1e6).toFixed(1)} MB from ${repo.templates} templates in ${repo.origin} (${repo.dir})`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-bench-work-'));

try {
  // 1. one file, as in a pre-commit hook
  const one = path.join(work, 'one.vmx');
  fs.copyFileSync(path.join(ROOT, 'fixtures/examples/outer.vmx'), one);
  const [start, bare] = alternate(
    [
      {cmd: node, args: [BIN, one]},
      {cmd: node, args: ['-e', '0']},
    ],
    Math.max(RUNS, 10),
  );
  row('one file (pre-commit) vs node -e 0', start, bare, start / bare, '≤ 1.80x', start / bare <= 1.8);

  // 2. the whole repo, and the same on one thread
  const lint = {cmd: node, args: [BIN, repo.dir]};
  const base = {cmd: node, args: [BASELINE, repo.dir]};
  const single = {cmd: node, args: [BIN, repo.dir], env: {VMXLINT_CONCURRENCY: 'off'}};
  const floorParse = {cmd: node, args: [FLOOR_PARSE, repo.dir]};
  const [lintMs, baseMs, singleMs, floorMs] = alternate([lint, base, single, floorParse], RUNS);
  row(`lint ${repo.count} files vs read+split`, lintMs, baseMs, lintMs / baseMs, '≤ 1.50x', lintMs / baseMs <= 1.5);
  row(`  same on one thread (VMXLINT_CONCURRENCY=off)`, singleMs, baseMs, singleMs / baseMs, '—', undefined);
  // what no tree-building linter can go below on one thread: read, decode, parse; no rules, no report
  row(`  floor: read+decode+parse only, one thread`, floorMs, baseMs, floorMs / baseMs, '—', undefined);

  // 3. --fix on a fresh copy each time (copying is not timed)
  const copy = copyRepo(repo.dir, path.join(work, 'fix'));
  const [fixMs, fixBaseMs] = alternate(
    [
      {cmd: node, args: [BIN, '--fix', copy]},
      {cmd: node, args: [BASELINE, copy]},
    ],
    Math.max(3, Math.ceil(RUNS / 2)),
    (i) => i === 0 && copyRepo(repo.dir, copy),
  );
  row(`--fix ${repo.count} files vs read+split`, fixMs, fixBaseMs, fixMs / fixBaseMs, '≤ 2.50x', fixMs / fixBaseMs <= 2.5);
  // the writes alone, as issue 7 requires them (temp file, fsync, rename), of every file: no lint
  const [floorWriteMs, floorWriteBaseMs] = alternate(
    [
      {cmd: node, args: [FLOOR_WRITE, copy]},
      {cmd: node, args: [BASELINE, copy]},
    ],
    Math.max(3, Math.ceil(RUNS / 2)),
  );
  row(`  floor: atomic rewrite of every file, no lint`, floorWriteMs, floorWriteBaseMs, floorWriteMs / floorWriteBaseMs, '—', undefined);

  // 4. memory: peak RSS (worker threads included) for the default, JSON and --fix runs
  const baseRss = peakRss(base);
  const mb = (v) => `${v.toFixed(0)} MB`;
  for (const [name, args, before] of [
    ['stylish', [BIN, repo.dir]],
    ['--format json', [BIN, '--format', 'json', repo.dir]],
    ['--fix', [BIN, '--fix', copy], () => copyRepo(repo.dir, copy)],
  ]) {
    before?.();
    const rss = peakRss({cmd: node, args});
    row(`peak RSS, ${name}`, rss, baseRss, undefined, '< 200 MB', rss < 200, mb);
  }

  // 5. --cache: a re-run over the unchanged repo vs the uncached run
  const cacheFile = path.join(work, 'cache.json');
  const cached = {cmd: node, args: [BIN, '--cache', '--cache-location', cacheFile, repo.dir]};
  alternate([cached], 0); // fills the cache (the warm-up round)
  const [cachedMs, uncachedMs] = alternate([cached, lint], RUNS);
  row('--cache re-run vs uncached run', cachedMs, uncachedMs, cachedMs / uncachedMs, '≤ 0.25x', cachedMs / uncachedMs <= 0.25);

  // 6. in-process: parser throughput, rules per file (over the repo's templates, repeated to ~10 MB)
  const {files: templates} = templateSources();
  const texts = [];
  for (let bytes = 0; bytes < 10e6; ) {
    for (const t of templates) {
      texts.push(t.toString('latin1'));
      bytes += t.length;
    }
  }
  const parser = await parserThroughput(texts, RUNS);
  const mbs = (v) => `${v.toFixed(1)} MB/s`;
  row(`parser (${parser.mb.toFixed(1)} MB) vs split into lines`, parser.parseMBs, parser.splitMBs, parser.splitMBs / parser.parseMBs, '—', undefined, mbs);
  const sample = texts.slice(0, 3000);
  const cost = await rulesCost(sample, Math.max(3, RUNS - 2));
  const us = (v) => `${v.toFixed(0)} µs`;
  row(`per file: recommended rules vs no rules`, cost.recommendedUs, cost.noRulesUs, cost.recommendedUs / cost.noRulesUs, '—', undefined, us);
  row(`per file: all ${cost.rules} rules vs no rules`, cost.allUs, cost.noRulesUs, cost.allUs / cost.noRulesUs, '—', undefined, us);
  for (const r of cost.perRule.slice(0, 5)) row(`  rule ${r.id} (alone, over no rules)`, r.us, 0, undefined, '—', undefined, us);

  // 7. linear time: each odd or big input at 4n vs n (was a jest test: no jest test may time)
  for (const r of await linearTime()) row(`linear: ${r.name} (4n vs n)`, r.t4, r.t1, r.ratio, `< ${MAX_RATIO}x`, r.pass);

  const headers = ['case', 'vmxlint', 'baseline', 'ratio', 'target', 'result'];
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(`\nvmxlint benchmark, ${info.date}: ${info.cpu}, ${info.memory}, node ${info.node}, ${info.os}; load at start ${info.load}, at end ${machine().load}`);
  console.log(`${repo.count} files, ${(repo.bytes / 1e6).toFixed(1)} MB; medians of ${RUNS} alternating runs (10 for start-up)\n`);
  console.log(line(headers));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(headers.map((h) => r[h])));
  if (flags.json) fs.writeFileSync(flags.json, JSON.stringify({machine: info, repo: {files: repo.count, bytes: repo.bytes}, rows}, null, 2));
  process.exitCode = rows.some((r) => r.result === 'FAIL') ? 1 : 0;
} finally {
  fs.rmSync(work, {recursive: true, force: true});
}
