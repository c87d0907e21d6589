/**
 * Jest globalSetup: the CLI tests run the built binary (`node bin/vmxlint.js`), so build first when
 * dist/ is missing or older than the sources (`npm test` without `npm run build`). Skipped when the
 * run selects test files and none of them is a CLI test. A failed build is reported, not fatal:
 * the tests that need it then fail with their own message.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = ['src', 'lib', 'bin', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
/** What bin/vmxlint.js may load: tsc's output, and the bundle when the build makes one. */
const OUTPUTS = ['dist/src/cli/main.js', 'dist/vmxlint.mjs'];

function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

function newestSource(root = ROOT) {
  return Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
}

export function distIsStale(root = ROOT) {
  const source = newestSource(root);
  const main = path.join(root, OUTPUTS[0]);
  if (!fs.existsSync(main)) return true;
  return OUTPUTS.map((o) => path.join(root, o))
    .filter((o) => fs.existsSync(o))
    .some((o) => fs.statSync(o).mtimeMs < source);
}

/** Whether this jest run includes a test that runs the binary. */
function selectsCliTests(globalConfig) {
  const tpp = globalConfig?.testPathPatterns;
  const patterns = Array.isArray(tpp) ? tpp : (tpp?.patterns ?? (globalConfig?.testPathPattern ? [globalConfig.testPathPattern] : []));
  if (!patterns.length) return true;
  return patterns.some((p) => /cli|install|language-server/i.test(String(p)) || !/\w/.test(String(p)));
}

export default async function globalSetup(globalConfig) {
  // say once, visibly, why the corpus tests are skipped (they run in CI, where ../shared exists)
  for (const dir of ['corpus', 'corpus-broken']) {
    const where = path.resolve(ROOT, '..', 'shared', dir);
    if (!fs.existsSync(where)) process.stderr.write(`\n[corpus tests] skipped: ${where} not found (tests on the real .vmx corpus need ../shared/${dir})\n`);
  }
  if (!selectsCliTests(globalConfig) || !distIsStale()) return;
  process.stderr.write('\n[cli tests] dist/ is missing or older than the sources: running npm run build\n');
  const started = Date.now();
  const r = spawnSync('npm', ['run', 'build'], {cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
  if (r.status !== 0) process.stderr.write(`[cli tests] npm run build failed (exit ${r.status}):\n${r.stdout}${r.stderr}\n`);
  else process.stderr.write(`[cli tests] built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  // tsc emits despite type errors, but a build that stops there (or does not make the bundle) leaves
  // an old bundle that bin/vmxlint.js would prefer: remove it, so the binary runs tsc's fresh output
  const bundle = path.join(ROOT, OUTPUTS[1]);
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs < newestSource()) {
    fs.rmSync(bundle);
    process.stderr.write('[cli tests] removed the stale dist/vmxlint.mjs: bin/vmxlint.js runs dist/src\n');
  }
}
