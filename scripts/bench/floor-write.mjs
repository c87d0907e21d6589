/**
 * A floor for `--fix` over the repo: the file-system work of writing fixes the way vmxlint must
 * (issue 7: a temp file in the same directory, fsync, rename over the original, mode kept), for
 * every file whose name is listed, with its own bytes: no reading beyond that, no linting.
 *
 *   node scripts/bench/floor-write.mjs <dir>     rewrites every .vmx/.vmtx under <dir>
 *
 * Each file: open the temp file (O_EXCL), write, fchmod, fsync, close, rename; one directory
 * fsync per directory at the end. Four files in flight (libuv's thread pool), as a careful
 * hand-written tool would do.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import {walk} from './repo.mjs';

const targets = walk(path.resolve(process.argv[2] ?? '.'));

async function rewrite(file) {
  const bytes = fs.readFileSync(file);
  const mode = fs.statSync(file).mode & 0o7777;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.floor.tmp`);
  const handle = await fsp.open(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  await handle.writeFile(bytes);
  await handle.chmod(mode);
  await handle.sync();
  await handle.close();
  await fsp.rename(temp, file);
}

let next = 0;
await Promise.all(
  Array.from({length: 4}, async () => {
    while (next < targets.length) await rewrite(targets[next++]);
  }),
);
for (const dir of new Set(targets.map((t) => path.dirname(t)))) {
  const fd = fs.openSync(dir, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}
process.stdout.write(`${targets.length} files rewritten\n`);
