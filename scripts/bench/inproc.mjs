/**
 * In-process measurements: parser throughput against splitting the same text into lines, and
 * what the rules cost per file on top of parsing. Uses tsc's output (dist/src, dist/lib).
 */
import {median} from './measure.mjs';

const DIST = new URL('../../dist/', import.meta.url);

async function load() {
  const [{parse}, {lintTextSync}, {ConfigArray}, {rules}] = await Promise.all([
    import(new URL('src/syntax/parse.js', DIST)),
    import(new URL('src/engine/linter.js', DIST)),
    import(new URL('src/config/config-array.js', DIST)),
    import(new URL('lib/rules/index.js', DIST)),
  ]);
  return {parse, lintTextSync, ConfigArray, rules};
}

/** Time `fn` over all texts, `rounds` times alternating with `base`; returns median ms of each. */
function alternateInProcess(fn, base, texts, rounds) {
  const a = [];
  const b = [];
  for (let r = -1; r < rounds; r++) {
    const pair = r % 2 ? [[fn, a], [base, b]] : [[base, b], [fn, a]];
    for (const [f, out] of pair) {
      const t = performance.now();
      for (const text of texts) f(text);
      if (r >= 0) out.push(performance.now() - t);
    }
  }
  return [median(a), median(b)];
}

const split = (text) => text.split(/\r\n|\r|\n/);

/** Parser MB/s and the baseline's (split into lines), over `texts` (strings). */
export async function parserThroughput(texts, rounds = 7) {
  const {parse} = await load();
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const [parseMs, splitMs] = alternateInProcess(parse, split, texts, rounds);
  return {mb, parseMBs: mb / (parseMs / 1000), splitMBs: mb / (splitMs / 1000)};
}

/**
 * Microseconds per file: linting with the recommended rules, with every rule, with no rule (the
 * pipeline alone: parse, directives, settings), and each rule on its own (over the no-rule run).
 */
export async function rulesCost(texts, rounds = 5) {
  const {lintTextSync, ConfigArray, rules} = await load();
  const perFile = (ms) => (ms * 1000) / texts.length;
  const config = (items) => new ConfigArray(items, process.cwd(), '<bench>').forFile('bench.vmx');
  const none = config([{rules: Object.fromEntries(Object.keys(rules).map((id) => [id, 'off']))}]);
  const lintWith = (fileConfig) => (text) => lintTextSync(text, {filePath: 'bench.vmx', config: fileConfig});
  const [recommendedMs, noneMs] = alternateInProcess(lintWith(config(['vmxlint:recommended'])), lintWith(none), texts, rounds);
  const [allMs] = alternateInProcess(lintWith(config(['vmxlint:all'])), lintWith(none), texts, rounds);
  const perRule = [];
  for (const id of Object.keys(rules)) {
    const only = config([{rules: {...Object.fromEntries(Object.keys(rules).map((r) => [r, 'off'])), [id]: 'warn'}}]);
    const [ruleMs, baseMs] = alternateInProcess(lintWith(only), lintWith(none), texts, Math.max(3, rounds - 2));
    perRule.push({id, us: perFile(ruleMs - baseMs)});
  }
  perRule.sort((x, y) => y.us - x.us);
  return {
    files: texts.length,
    rules: Object.keys(rules).length,
    recommendedUs: perFile(recommendedMs),
    allUs: perFile(allMs),
    noRulesUs: perFile(noneMs),
    perRule,
  };
}
