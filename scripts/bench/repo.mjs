/**
 * The benchmark's template repo: `count` .vmx files in nested directories, copied round-robin
 * from /work/shared/corpus (or the project's fixtures when the corpus is absent). Generated once
 * into the OS temp directory and reused while the sources and count stay the same.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** Every .vmx/.vmtx file under `dir`, in directory order. */
export function walk(dir, out = []) {
  for (const d of fs.readdirSync(dir, {withFileTypes: true})) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p, out);
    else if (/\.vmt?x$/.test(d.name)) out.push(p);
  }
  return out;
}

/** The template texts (bytes) the repo is made of, and where they came from. */
export function templateSources() {
  const fromCorpus = fs.existsSync(CORPUS);
  const files = walk(fromCorpus ? CORPUS : path.join(ROOT, 'fixtures')).sort();
  return {origin: fromCorpus ? '/work/shared/corpus' : 'fixtures/', files: files.map((f) => fs.readFileSync(f))};
}

/** Create (or reuse) the repo; returns its directory, file count and total bytes. */
export function makeRepo(count = 10000) {
  const {origin, files} = templateSources();
  const hash = crypto.createHash('sha1');
  for (const f of files) hash.update(f);
  const id = hash.update(String(count)).digest('hex').slice(0, 10);
  const dir = path.join(os.tmpdir(), `vmxlint-bench-${count}-${id}`);
  const marker = path.join(dir, '.complete');
  let bytes = 0;
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, {recursive: true, force: true});
    for (let i = 0; i < count; i++) {
      // 100 files per directory, two levels deep: team/vm-N/…
      const sub = path.join(dir, `team-${Math.floor(i / 1000)}`, `group-${Math.floor(i / 100) % 10}`);
      if (i % 100 === 0) fs.mkdirSync(sub, {recursive: true});
      const body = files[i % files.length];
      fs.writeFileSync(path.join(sub, `vm-${i}.${i % 10 === 9 ? 'vmtx' : 'vmx'}`), body);
    }
    fs.writeFileSync(marker, '');
  }
  for (let i = 0; i < count; i++) bytes += files[i % files.length].length;
  return {dir, count, bytes, origin, templates: files.length};
}

/** A fresh copy of the repo (for --fix runs, which change the files). */
export function copyRepo(src, dest) {
  fs.rmSync(dest, {recursive: true, force: true});
  fs.cpSync(src, dest, {recursive: true});
  return dest;
}
