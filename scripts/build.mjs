/**
 * Bundles the CLI with esbuild into dist/vmxlint.mjs (and the lint worker into
 * dist/vmxlint-worker.mjs), so start-up reads and compiles one file instead of resolving
 * ~80 modules. Run by `npm run build` after tsc (which still builds dist/src for the API).
 *
 * - Heavy libraries used only by some runs (ajv, cosmiconfig, diff, ignore, iconv-lite) stay
 *   external: they load from node_modules when a run needs them, as before.
 * - string-width (yargs, cliui, vfile-reporter) compiles large Unicode regexes on import (yargs'
 *   and cliui's) or on every call (vfile-reporter's): a shim answers printable ASCII itself and
 *   loads the real one on first need.
 * - `new URL('<relative>', import.meta.url)` in src is written relative to dist/src/<file>
 *   (tsc's output); it is rewritten to stay right from the bundle's location.
 */
import fs from 'node:fs';
import path from 'node:path';
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
 * string-width, loaded on first use, with a fast path: printable ASCII (after removing SGR colour
 * codes) is one column per character, which is what every string-width version returns for it.
 * vfile-reporter's string-width 6 builds an Intl.Segmenter and a large emoji regex on every call:
 * without this, the stylish report of 30,000 messages takes seconds.
 */
const STRING_WIDTH_SHIM = `
let impl;
const SGR = /\\u001B\\[[0-9;]*m/g;
const PRINTABLE = /^[\\u0020-\\u007E]*$/;
export default function stringWidth(text, options) {
  if (typeof text === 'string' && !options?.countAnsiEscapeCodes) {
    const plain = text.includes('\\u001B') ? text.replace(SGR, '') : text;
    if (PRINTABLE.test(plain)) return plain.length;
  }
  impl ??= require('string-width').default;
  return impl(text, options);
}
`;

const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(build) {
    build.onResolve({filter: /^string-width$/}, (args) => {
      if (args.pluginData?.real) return undefined;
      return {path: args.resolveDir, namespace: 'lazy-string-width'};
    });
    build.onLoad({filter: /.*/, namespace: 'lazy-string-width'}, (args) => ({
      resolveDir: args.path,
      pluginData: {real: true},
      contents: STRING_WIDTH_SHIM,
    }));
    // the shim's own require resolves to the real package
    build.onResolve({filter: /^string-width$/, namespace: 'lazy-string-width'}, async (args) => {
      const r = await build.resolve('string-width', {resolveDir: args.resolveDir, kind: 'require-call', pluginData: {real: true}});
      return {path: r.path};
    });
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [urlRewrite, lazyStringWidth],
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // CommonJS dependencies inside an ESM bundle call require(): give them one
  banner: {js: "import {createRequire as __vmxlintRequire} from 'node:module';const require=__vmxlintRequire(import.meta.url);"},
};

const entries = [
  {entry: 'src/cli/main.ts', out: 'vmxlint.mjs'},
  {entry: 'src/parallel/worker.ts', out: 'vmxlint-worker.mjs'},
].filter((e) => fs.existsSync(path.join(ROOT, e.entry)));

for (const {entry, out} of entries) {
  // the bundled CLI starts the bundled worker (src/parallel/pool.ts)
  const define = {__VMXLINT_WORKER__: JSON.stringify('./vmxlint-worker.mjs')};
  await esbuild.build({...common, define, entryPoints: [path.join(ROOT, entry)], outfile: path.join(DIST, out)});
}
console.log(`bundled ${entries.map((e) => `dist/${e.out}`).join(', ')}`);
