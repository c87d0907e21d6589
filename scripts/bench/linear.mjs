/**
 * Linear time, timed (moved here from jest: no jest test depends on wall-clock ratios). Each shape of
 * shapes.mjs is linted with --fix at n and 4n; the best of a few runs on 4n must take less than
 * MAX_RATIO times the best on n (linear: ~4x, quadratic: ~16x). n doubles until the smaller run takes
 * MIN_MS, so that timer noise cannot decide; the two sizes alternate, and a ratio over the bound is
 * measured again (up to three times), so that a stall from another process does not decide either.
 *
 *   node scripts/bench/linear.mjs      (also part of `npm run bench`)
 */
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {BIG, ODD_FILE_FROM, ODD_FILES, ODD_LINE_FROM, ODD_LINES, PIPES, PIPES_FROM} from './shapes.mjs';

export const MAX_RATIO = 10;
const MIN_MS = 25;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function bestOf(reps, fn) {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function measure(lintBytes, make, n, reps) {
  const lint = (bytes) => () => {
    const {result} = lintBytes(bytes, {fix: true});
    if (result.fatalErrorCount) throw new Error('a linear-time input was refused');
  };
  let small = Buffer.from(make(n));
  lint(small)(); // warm up the JIT
  for (let i = 0; i < 12 && bestOf(reps, lint(small)) < MIN_MS; i++) small = Buffer.from(make((n *= 2)));
  const big = Buffer.from(make(4 * n));
  let t1 = Infinity;
  let t4 = Infinity;
  for (let attempt = 0; attempt < 3 && !(t4 / t1 < MAX_RATIO); attempt++) {
    for (let i = 0; i < reps; i++) {
      t1 = Math.min(t1, bestOf(1, lint(small)));
      t4 = Math.min(t4, bestOf(1, lint(big)));
    }
  }
  return {n, t1, t4, ratio: t4 / t1};
}

/** Every shape: {name, n, t1, t4, ratio, pass}. Needs the build (dist/src). */
export async function linearTime() {
  const {lintBytes} = await import(pathToFileURL(path.join(ROOT, 'dist/src/engine/linter.js')).href);
  const cases = [
    ...Object.entries(BIG).map(([name, {from, make}]) => [name, make, from, 2]),
    ...Object.entries(ODD_LINES).map(([name, make]) => [`one line: ${name}`, make, ODD_LINE_FROM, 5]),
    ...Object.entries(ODD_FILES).map(([name, make]) => [`many lines: ${name}`, make, ODD_FILE_FROM, 2]),
    ['one line of `|2` repeated', PIPES, PIPES_FROM, 2],
  ];
  return cases.map(([name, make, from, reps]) => {
    const r = measure(lintBytes, make, from, reps);
    return {name, ...r, pass: r.ratio < MAX_RATIO};
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  let failed = 0;
  for (const r of await linearTime()) {
    if (!r.pass) failed++;
    console.log(`${r.pass ? 'pass' : 'FAIL'}  ${r.ratio.toFixed(2)}x (${r.t4.toFixed(0)} ms vs ${r.t1.toFixed(0)} ms, n = ${r.n})  ${r.name}`);
  }
  process.exitCode = failed ? 1 : 0;
}
