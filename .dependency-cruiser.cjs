/**
 * The layers of vmxlint and which way imports may go (docs/architecture.md). Checked by
 * `npm run check:deps`, which `npm test` runs (test/hygiene/dependencies.test.ts).
 *
 *   front ends   src/cli/, src/index.ts (Node API), src/language-server/, web/ (playground)   may import everything below
 *   runner       src/runner/      find files, config lookup, cache, workers, reads and atomic writes
 *   formatters   src/formatters/  results → text; pure, but node:path/node:url for printing paths
 *   core         src/syntax/, src/engine/, src/knowledge/, src/config/, lib/rules/, src/browser.ts
 */
const CORE = '^(src/(syntax|engine|knowledge|config|nested)/|lib/rules/|src/browser\\.ts$)';
const FORMATTERS = '^src/formatters/';
const RUNNER = '^src/runner/';
const FRONT_ENDS = '^(src/(cli|language-server)/|src/index\\.ts$|web/|bin/)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle (type-only imports count too): break it by moving what both need one layer down.',
      severity: 'error',
      from: {},
      to: {circular: true},
    },
    {
      name: 'core-is-platform-free',
      comment:
        'The core runs in browsers (vmxlint/browser): no Node built-in. The two exceptions are the Node halves of a platform pair: ' +
        'syntax/codecs.ts (iconv-lite; package.json#browser swaps in codecs.browser.ts) and the RuleTester (node:assert, a test harness).',
      severity: 'error',
      from: {path: CORE, pathNot: '^src/(syntax/codecs\\.ts|engine/rule-tester\\.ts)$'},
      to: {dependencyTypes: ['core']},
    },
    {
      name: 'core-imports-only-core',
      comment: 'The core never imports the formatters, the runner or a front end.',
      severity: 'error',
      from: {path: CORE},
      to: {path: `${FORMATTERS}|${RUNNER}|${FRONT_ENDS}`},
    },
    {
      name: 'formatters-need-no-io',
      comment: 'Formatters turn results into text: only node:path and node:url (paths in reports), never the file system.',
      severity: 'error',
      from: {path: FORMATTERS},
      to: {dependencyTypes: ['core'], pathNot: '^(node:)?(path|url)$'},
    },
    {
      name: 'formatters-import-only-core',
      severity: 'error',
      from: {path: FORMATTERS},
      to: {path: `${RUNNER}|${FRONT_ENDS}`},
    },
    {
      name: 'runner-imports-no-front-end',
      comment: 'The runner serves every front end: it never imports one.',
      severity: 'error',
      from: {path: RUNNER},
      to: {path: FRONT_ENDS},
    },
    {
      name: 'front-ends-are-independent',
      comment: 'A front end (CLI, editor, web) never imports another: what they share belongs in a lower layer.',
      severity: 'error',
      from: {path: '^src/(cli|language-server)/'},
      to: {path: FRONT_ENDS, pathNot: '^src/$1/'},
    },
    {
      name: 'playground-uses-vmxlint-browser',
      comment: 'The playground (web/) reaches vmxlint only through its platform-free export `vmxlint/browser`, as any browser user would.',
      severity: 'error',
      from: {path: '^web/'},
      to: {path: '^(src|lib)/'},
    },
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    tsConfig: {fileName: 'tsconfig.json'},
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types']},
  },
};
