/**
 * The benchmark's baseline: find every .vmx/.vmtx under a directory, read it and split it into
 * lines, on one thread. Nothing a linter could skip; everything it must at least do.
 */
import fs from 'node:fs';
import path from 'node:path';

let files = 0;
let lines = 0;
function walk(dir) {
  for (const d of fs.readdirSync(dir, {withFileTypes: true})) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p);
    else if (/\.vmt?x$/.test(d.name)) {
      const text = fs.readFileSync(p, 'utf8');
      lines += text.split(/\r\n|\r|\n/).length;
      files++;
    }
  }
}
walk(path.resolve(process.argv[2] ?? '.'));
process.stdout.write(`${files} files, ${lines} lines\n`);
