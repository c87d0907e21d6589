/**
 * `npm run bench:parse`: the parser's throughput (MB/s) against a baseline that only splits the
 * same text into lines, measured alternately in the same process. Texts are the benchmark repo's
 * templates (/work/shared/corpus, or fixtures/) repeated to about --mb megabytes.
 *
 *   node scripts/bench-parse.mjs [--mb 20] [--rounds 9]
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {parserThroughput} from './bench/inproc.mjs';
import {machine} from './bench/measure.mjs';
import {templateSources} from './bench/repo.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const {values: flags} = parseArgs({options: {mb: {type: 'string', default: '20'}, rounds: {type: 'string', default: '9'}}});

if (!fs.existsSync(path.join(ROOT, 'dist/src/syntax/parse.js'))) {
  console.error('bench:parse: dist/ is missing: running npm run build');
  if (spawnSync('npm', ['run', 'build'], {cwd: ROOT, stdio: 'inherit'}).status !== 0) process.exit(2);
}

const {origin, files} = templateSources();
const texts = [];
for (let bytes = 0; bytes < Number(flags.mb) * 1e6; ) {
  for (const f of files) {
    texts.push(f.toString('latin1'));
    bytes += f.length;
  }
}
const info = machine();
const r = await parserThroughput(texts, Number(flags.rounds));
console.log(`parser throughput, ${info.date}: ${info.cpu}, node ${info.node}, load ${info.load}`);
console.log(`${texts.length} texts, ${r.mb.toFixed(1)} MB (templates from ${origin}); medians of ${flags.rounds} alternating rounds\n`);
console.log(`parse:              ${r.parseMBs.toFixed(1).padStart(8)} MB/s`);
console.log(`split into lines:   ${r.splitMBs.toFixed(1).padStart(8)} MB/s (baseline)`);
console.log(`parse / baseline:   ${(r.parseMBs / r.splitMBs).toFixed(2).padStart(8)}x the baseline's throughput (${(r.splitMBs / r.parseMBs).toFixed(2)}x its time)`);
