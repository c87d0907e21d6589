/**
 * For engine and rule work: lint the benchmark's templates in-process, over and over, and print
 * µs per file (no comparison, no target: use it before/after a change, and under --cpu-prof).
 *
 *   node scripts/bench/profile-inproc.mjs [lint|fix|parse|decode] [rounds] [config preset or rule id]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench/profile-inproc.mjs lint 150
 *
 * Uses tsc's output (dist/src, dist/lib): run `npm run build` (or `npx tsc -p tsconfig.build.json`) first.
 */
import {templateSources} from './repo.mjs';

const DIST = new URL('../../dist/', import.meta.url);
const {lintBytes} = await import(new URL('src/engine/linter.js', DIST));
const {ConfigArray} = await import(new URL('src/config/config-array.js', DIST));
const {parse} = await import(new URL('src/syntax/parse.js', DIST));
const {decode} = await import(new URL('src/syntax/encoding.js', DIST));
const {rules} = await import(new URL('lib/rules/index.js', DIST));

const [mode = 'lint', roundsArg = '72', which = 'vmxlint:recommended'] = process.argv.slice(2);
const {files} = templateSources();
const items = which.startsWith('vmxlint:')
  ? [which]
  : [{rules: {...Object.fromEntries(Object.keys(rules).map((id) => [id, 'off'])), ...(which === 'none' ? {} : {[which]: 'warn'})}}];
const config = new ConfigArray(items, process.cwd(), '<bench>').forFile('bench.vmx');
// the fixtures (used without ../shared) include files that must not decode: left out
const bytes = files.filter((f) => {
  try {
    return decode(f) !== undefined;
  } catch {
    return false;
  }
});
const texts = bytes.map((f) => decode(f).text);

function round() {
  if (mode === 'parse') for (const t of texts) parse(t);
  else if (mode === 'decode') for (const f of bytes) decode(f);
  else for (const f of bytes) lintBytes(f, {filePath: 'bench.vmx', config, fix: mode === 'fix'});
}
for (let i = 0; i < 20; i++) round(); // warm-up: let V8 optimize
const rounds = Number(roundsArg);
const t = performance.now();
const cpu = process.cpuUsage();
for (let i = 0; i < rounds; i++) round();
const n = rounds * texts.length;
const us = ((performance.now() - t) * 1000) / n;
const used = process.cpuUsage(cpu);
// CPU time (all of the process's threads: V8's helpers too) is steadier than wall time on a busy machine
const cpuUs = (used.user + used.system) / n;
console.log(`${mode} (${which}): ${us.toFixed(1)} µs per file, ${cpuUs.toFixed(1)} µs CPU, over ${texts.length} templates × ${rounds}`);
