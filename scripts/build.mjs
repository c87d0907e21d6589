/**
 * Bundles the CLI with esbuild into dist/vmxlint.cjs (run by the loader dist/vmxlint.mjs with a
 * V8 code cache made on the first run, in the user's cache directory) and the lint worker into dist/vmxlint-worker.mjs, so
 * start-up reads one file, mostly precompiled, instead of resolving and compiling ~80 modules.
 * Run by `npm run build` after tsc (which still builds dist/src for the API).
 *
 * - Heavy libraries used only by some runs (ajv, cosmiconfig, diff, ignore, iconv-lite) stay
 *   external: they load from node_modules when a run needs them, as before.
 * - string-width (yargs, cliui, vfile-reporter) compiles large Unicode regexes on import (yargs'
 *   and cliui's) or on every call (vfile-reporter's): a shim answers printable ASCII itself and
 *   loads the real one on first need.
 * - `new URL('<relative>', import.meta.url)` in src is written relative to dist/src/<file>
 *   (tsc's output); it is rewritten to stay right from the bundle's location.
 * - In the CommonJS bundle, each `import fs from 'node:fs'` would copy every export of the
 *   built-in module onto a new object (esbuild's __toESM, ~0.4 ms for node:fs per importing
 *   module, ~5 ms of each start-up in all): built-ins are imported through one small ES module
 *   each instead, which re-exports them (lazily: nothing of a built-in is read before use).
 */
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import {builtinModules} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DIST = path.join(ROOT, 'dist');
const EXTERNAL = ['ajv', 'cosmiconfig', 'diff', 'ignore', 'iconv-lite', 'typescript'];

/** tsc output location of a source file: src/x/y.ts → dist/src/x/y.js. */
const tscOut = (file) => path.join(DIST, path.relative(ROOT, file));

const urlRewrite = {
  name: 'import-meta-url',
  setup(build) {
    build.onLoad({filter: /\.ts$/}, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const contents = text.replace(/new URL\((['"])(\.[^'"]*)\1,\s*import\.meta\.url\)/g, (_, __, rel) => {
        const target = path.resolve(path.dirname(tscOut(args.path)), rel);
        const fromBundle = path.relative(DIST, target).split(path.sep).join('/');
        return `new URL(${JSON.stringify(fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`)}, import.meta.url)`;
      });
      return {contents, loader: 'ts'};
    });
  },
};

/**
 * yargs finds "its" package.json (for a version it is never asked for) by walking up from the
 * directory above node_modules; in the bundle there is none, and it walked up from the current
 * directory instead, reading the user's package.json on every run (a FIFO there hung vmxlint: R14
 * in docs/reliability.md). From the bundle's own directory, it finds vmxlint's package.json.
 */
const yargsFromBundle = {
  name: 'yargs-main-filename',
  setup(build) {
    build.onLoad({filter: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/}, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const contents = text.replace('mainFilename: mainFilename || process.cwd()', 'mainFilename: mainFilename || dirname(__dirname)');
      if (contents === text) throw new Error('yargs-main-filename: the yargs shim changed; check src/cli/main.ts still needs this');
      return {contents, loader: 'js'};
    });
  },
};

/**
 * string-width, loaded on first use, with a fast path for text it would measure one column per
 * character: printable ASCII, and the characters of a few common blocks (Latin, Greek, Cyrillic,
 * punctuation such as `…` and `→`, symbols) that this very string-width version measures as 1 and
 * that never join a neighbour into one grapheme. That set is computed at build time from the real
 * module, so the shim answers exactly what it would. vfile-reporter's string-width 6 builds an
 * Intl.Segmenter and an emoji regex on every call: without this, a stylish report of 30,000
 * messages takes seconds, and the first non-ASCII message costs ~15 ms of ICU start-up.
 */
const CANDIDATES = [
  [0x00a0, 0x024f],
  [0x0370, 0x04ff],
  [0x2000, 0x2bff],
];

/** The code points of CANDIDATES that `stringWidth` measures as 1 and that stand alone as graphemes. */
function narrowSet(stringWidth) {
  const segmenter = new Intl.Segmenter();
  const ranges = [];
  for (const [from, to] of CANDIDATES) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      if (/\p{Cn}|\p{Cs}/u.test(ch)) continue;
      const alone = stringWidth(ch) === 1 && stringWidth(`a${ch}a`) === 3 && [...segmenter.segment(`a${ch}a`)].length === 3;
      if (!alone) continue;
      const last = ranges.at(-1);
      if (last && last[1] === cp - 1) last[1] = cp;
      else ranges.push([cp, cp]);
    }
  }
  const hex = (cp) => `\\u${cp.toString(16).padStart(4, '0')}`;
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
}

const shim = (narrow) => `
let impl;
const SGR = /\\u001B\\[[0-9;]*m/g;
const PRINTABLE = /^[\\u0020-\\u007E]*$/;
const NARROW = /^[\\u0020-\\u007E${narrow}]*$/;
export default function stringWidth(text, options) {
  if (typeof text === 'string' && !options?.countAnsiEscapeCodes) {
    const plain = text.includes('\\u001B') ? text.replace(SGR, '') : text;
    if ((options?.ambiguousIsNarrow === false ? PRINTABLE : NARROW).test(plain)) return plain.length;
  }
  impl ??= require('string-width').default;
  return impl(text, options);
}
`;

const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(build) {
    const sets = new Map();
    build.onResolve({filter: /^string-width$/}, (args) => {
      if (args.pluginData?.real) return undefined;
      return {path: args.resolveDir, namespace: 'lazy-string-width'};
    });
    build.onLoad({filter: /.*/, namespace: 'lazy-string-width'}, async (args) => {
      const real = (await build.resolve('string-width', {resolveDir: args.path, kind: 'import-statement', pluginData: {real: true}})).path;
      if (!sets.has(real)) sets.set(real, narrowSet((await import(pathToFileURL(real).href)).default));
      return {resolveDir: args.path, pluginData: {real: true}, contents: shim(sets.get(real))};
    });
    // the shim's own require resolves to the real package
    build.onResolve({filter: /^string-width$/, namespace: 'lazy-string-width'}, async (args) => {
      const r = await build.resolve('string-width', {resolveDir: args.resolveDir, kind: 'require-call', pluginData: {real: true}});
      return {path: r.path};
    });
  },
};

/**
 * `import x, {a} from 'node:x'` in the CommonJS bundle: through one module per built-in that
 * re-exports it (`export *` and the default), so esbuild's interop wraps each built-in once
 * instead of once per importing module. The wrapper's properties are getters: no export of the
 * built-in is read before it is used (reading some, such as `fs.F_OK` on Node 24, prints a
 * deprecation warning). require() calls of bundled CommonJS packages are left alone.
 */
const BUILTINS = new Set(builtinModules);
const builtinsOnce = {
  name: 'builtins-once',
  setup(build) {
    build.onResolve({filter: /^[a-z0-9_:/]+$/}, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!BUILTINS.has(name) || args.kind !== 'import-statement') return undefined;
      if (args.namespace === 'builtin-once') return {path: args.path, external: true};
      return {path: `node:${name}`, namespace: 'builtin-once'};
    });
    build.onLoad({filter: /.*/, namespace: 'builtin-once'}, (args) => ({
      contents: `export * from ${JSON.stringify(args.path)};\nexport {default} from ${JSON.stringify(args.path)};\n`,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [urlRewrite, lazyStringWidth, yargsFromBundle],
  legalComments: 'none',
  // VMXLINT_BUILD_READABLE=1 keeps lines (for profiles: function names with useful line numbers)
  minifyWhitespace: !process.env.VMXLINT_BUILD_READABLE,
  minifySyntax: true,
  logLevel: 'warning',
  // the bundled CLI starts the bundled worker (src/runner/parallel/pool.ts)
  define: {__VMXLINT_WORKER__: JSON.stringify('./vmxlint-worker.mjs')},
};

/**
 * dist/vmxlint.mjs, what bin/vmxlint.js imports: it runs the CommonJS bundle through vm.Script so
 * that V8 can use a code cache (Node 20 has no compile cache for ES modules): compiling the bundle
 * and the functions a run needs is then mostly skipped.
 *
 * The cache is not shipped (it was 44% of the packed tarball, and only the Node build that made it
 * can use it): the first run on a machine makes it, for that Node, in the user's cache directory
 * (`$XDG_CACHE_HOME/vmxlint` or `~/.cache/vmxlint`, mode 0700; `%LOCALAPPDATA%\vmxlint` on
 * Windows; VMXLINT_CODE_CACHE=<dir> to choose, =off for none). The file name holds the bundle's
 * content hash (BUILD_ID, written here), the Node version and the CPU architecture, so a rebuilt
 * bundle or another Node never reads a cache that is not its own (V8 also rejects a cache of
 * another V8 version). Written at exit through a temp file and a rename; at most MAX_CACHES files
 * are kept. Any failure to read or write it only costs the compile time.
 */
const LOADER = (buildId) => `// Generated by scripts/build.mjs: the bundled CLI (vmxlint.cjs) with V8's code cache (made on first run).
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import vm from 'node:vm';

const BUILD_ID = ${JSON.stringify(buildId)};
const MAX_CACHES = 8;
const file = fileURLToPath(new URL('./vmxlint.cjs', import.meta.url));

function cacheDir() {
  const chosen = process.env.VMXLINT_CODE_CACHE;
  if (chosen === 'off' || chosen === '0') return undefined;
  if (chosen) return chosen;
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ? path.join(process.env.LOCALAPPDATA, 'vmxlint') : undefined;
  const base = process.env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : '');
  return base ? path.join(base, 'vmxlint') : undefined;
}

const dir = cacheDir();
const name = \`code-\${BUILD_ID}-node\${process.version}-\${process.arch}.cache\`;
const cacheFile = dir && path.join(dir, name);
let cachedData;
try {
  cachedData = cacheFile ? fs.readFileSync(cacheFile) : undefined;
} catch {
  cachedData = undefined;
}
const source = fs.readFileSync(file, 'utf8');
const script = new vm.Script('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})', {filename: file, cachedData});

/** After the first run (or when V8 rejected the cache): save the code this run compiled. */
function saveCache() {
  try {
    fs.mkdirSync(dir, {recursive: true, mode: 0o700});
    const temp = path.join(dir, \`.\${name}.\${process.pid}.tmp\`);
    fs.writeFileSync(temp, script.createCachedData(), {mode: 0o600});
    fs.renameSync(temp, cacheFile);
    const caches = fs.readdirSync(dir).filter((f) => f.startsWith('code-') && f.endsWith('.cache'));
    if (caches.length > MAX_CACHES) {
      const byAge = caches.map((f) => ({f, t: fs.statSync(path.join(dir, f)).mtimeMs})).sort((a, b) => a.t - b.t);
      for (const {f} of byAge.slice(0, caches.length - MAX_CACHES)) fs.rmSync(path.join(dir, f), {force: true});
    }
  } catch {
    // no cache this time: the next run compiles again
  }
}
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) process.once('exit', saveCache);

const module = {exports: {}};
script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));

export const main = module.exports.main;
`;

const entries = [
  {
    entry: 'src/cli/main.ts',
    out: 'vmxlint.cjs',
    format: 'cjs',
    // import.meta.url has no CommonJS form: compute it; and keep no import(): vm.Script has no module loader
    define: {...common.define, 'import.meta.url': '__vmxlintUrl'},
    banner: {js: '"use strict";var __vmxlintUrl=require("node:url").pathToFileURL(__filename).href;'},
    supported: {'dynamic-import': false},
    plugins: [builtinsOnce, ...common.plugins],
    minifyIdentifiers: !process.env.VMXLINT_BUILD_READABLE,
  },
  {
    entry: 'src/runner/parallel/worker.ts',
    out: 'vmxlint-worker.mjs',
    format: 'esm',
    // CommonJS dependencies inside an ESM bundle call require(): give them one
    banner: {js: "import {createRequire as __vmxlintRequire} from 'node:module';const require=__vmxlintRequire(import.meta.url);"},
  },
];

for (const {entry, out, ...options} of entries) {
  await esbuild.build({...common, ...options, entryPoints: [path.join(ROOT, entry)], outfile: path.join(DIST, out)});
}
// the cache of older builds (it was shipped in dist/): gone
fs.rmSync(path.join(DIST, 'vmxlint.cjs.cache'), {force: true});
const buildId = createHash('sha256').update(fs.readFileSync(path.join(DIST, 'vmxlint.cjs'))).digest('hex').slice(0, 16);
fs.writeFileSync(path.join(DIST, 'vmxlint.mjs'), LOADER(buildId));

// warm-up: lint the examples once, which makes this machine's code cache for this build (as a
// user's first run does): the tests and benchmarks then start as a user's later runs do
const warm = spawnSync(process.execPath, [path.join(ROOT, 'bin/vmxlint.js'), '--no-color', path.join(ROOT, 'fixtures/examples')], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
if (warm.status !== 0 && warm.status !== 1) console.error(`build: the warm-up run exited ${warm.status}: ${warm.stderr.trim().split('\n')[0]}`);
console.error(`bundled dist/vmxlint.mjs (loader; code cache made on first run, build ${buildId}), dist/vmxlint.cjs, dist/vmxlint-worker.mjs`);
