/**
 * Builds the playground (web/) into a static site: `npm run build:web` → site/ (or `--outdir DIR`).
 *
 * - One ES module bundle (app.js) + one stylesheet (app.css) + index.html + a service worker
 *   (sw.js) that keeps those files for offline use. Every path in the site is relative, so it
 *   works from any sub-path (a project page) and from a plain static server.
 * - The linter is vmxlint's platform-free core, `vmxlint/browser`, bundled from its TypeScript
 *   source (the `./browser` entry of package.json's exports, dist/src/X.js → src/X.ts), for
 *   `platform: 'browser'`: nothing is fetched at run time.
 * - Prints the size of each file and of the first load, gzipped.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const WEB = path.join(ROOT, 'web');
const at = process.argv.indexOf('--outdir');
const OUT = at === -1 ? path.join(ROOT, 'site') : path.resolve(process.argv[at + 1]);

/** `vmxlint/browser` → its TypeScript source, so the site builds without `npm run build` first. */
const browserEntry = {
  name: 'vmxlint-browser',
  setup(build) {
    build.onResolve({filter: /^vmxlint\/browser$/}, () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      const target = pkg.exports?.['./browser'];
      const file = typeof target === 'string' ? target : (target?.import ?? target?.default);
      if (!file) return {errors: [{text: 'package.json has no "./browser" export'}]};
      const source = path.join(ROOT, file.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'));
      return {path: fs.existsSync(source) ? source : path.join(ROOT, file)};
    });
  },
};

fs.rmSync(OUT, {recursive: true, force: true});
fs.mkdirSync(OUT, {recursive: true});

const result = await esbuild.build({
  entryPoints: {app: path.join(WEB, 'src/main.ts'), worker: path.join(WEB, 'src/worker.ts')},
  outdir: OUT,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'],
  minify: true,
  legalComments: 'none',
  metafile: true,
  plugins: [browserEntry],
  loader: {'.vmx': 'text'},
  logLevel: 'warning',
});

// a Node built-in in the bundle would fail only in the browser: refuse it here
const nodeImports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.filter((imp) => /^node:|^(fs|path|buffer|module)$/.test(imp.path)));
if (nodeImports.length) throw new Error(`the playground bundle imports Node built-ins: ${[...new Set(nodeImports.map((i) => i.path))].join(', ')}`);

fs.copyFileSync(path.join(WEB, 'index.html'), path.join(OUT, 'index.html'));
fs.copyFileSync(path.join(WEB, 'favicon.svg'), path.join(OUT, 'favicon.svg'));

// the service worker's cache name changes with the files, so a new build replaces the old cache
const FILES = ['./', './index.html', './app.js', './app.css', './worker.js', './favicon.svg'];
const hash = crypto.createHash('sha256');
for (const f of FILES.slice(1)) hash.update(fs.readFileSync(path.join(OUT, f)));
const sw = fs.readFileSync(path.join(WEB, 'sw.js'), 'utf8').replace('__VERSION__', hash.digest('hex').slice(0, 12)).replace('__FILES__', JSON.stringify(FILES));
fs.writeFileSync(path.join(OUT, 'sw.js'), sw);

const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(OUT, f)), {level: 9}).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let first = 0;
const lines = [];
for (const f of ['index.html', 'app.js', 'app.css', 'worker.js', 'favicon.svg', 'sw.js']) {
  const size = fs.statSync(path.join(OUT, f)).size;
  if (f !== 'sw.js') first += gz(f);
  lines.push(`  ${f.padEnd(12)} ${kb(size).padStart(9)}  (gzip ${kb(gz(f))})`);
}
console.log(`built the playground in ${path.relative(process.cwd(), OUT) || '.'}/\n${lines.join('\n')}\n  first load: ${kb(first)} gzip`);
