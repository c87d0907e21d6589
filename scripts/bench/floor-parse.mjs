/**
 * A floor for the 10,000-file lint: what any linter built on vmxlint's syntax tree must at least
 * do, on one thread — find every .vmx/.vmtx, read it, decode it in its declared encoding and
 * parse it into the tree (positions included). No config, no rules, no report. The benchmark
 * prints it next to the baseline so the lint's ratio can be read against it.
 */
import fs from 'node:fs';
import path from 'node:path';

const DIST = new URL('../../dist/', import.meta.url);
const {decode} = await import(new URL('src/syntax/encoding.js', DIST));
const {parse} = await import(new URL('src/syntax/parse.js', DIST));

let files = 0;
let lines = 0;
function walk(dir) {
  for (const d of fs.readdirSync(dir, {withFileTypes: true})) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p);
    else if (/\.vmt?x$/.test(d.name)) {
      try {
        lines += parse(decode(fs.readFileSync(p)).text).children.length;
      } catch {
        // undecodable: a linter reports it; nothing to parse
      }
      files++;
    }
  }
}
walk(path.resolve(process.argv[2] ?? '.'));
process.stdout.write(`${files} files, ${lines} lines\n`);
