/**
 * The V8 code cache of the bundled CLI is not shipped (it was 44% of the packed tarball and only the
 * Node build that made it can read it): the first run makes it in the user's cache directory, for
 * that build of vmxlint and that Node, and later runs use it. Through the built binary.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {ensureBuilt, leftoverTempDirs, removeDir, ROOT, runCli, tempDir} from '../reliability/helpers.js';

let dir: string;
beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir('code-cache');
  fs.writeFileSync(path.join(dir, 'vm.vmx'), 'memsize = "1024"\nmemsize = "1024"\n');
}, 120_000);
afterAll(() => {
  removeDir(dir);
  expect(leftoverTempDirs()).toEqual([]);
});

const lint = (cache: string) => runCli(['--no-config-lookup', 'vm.vmx'], {cwd: dir, env: {VMXLINT_CODE_CACHE: cache}});
const NAME = new RegExp(`^code-[0-9a-f]{16}-node${process.version.replace(/\./g, '\\.')}-${process.arch}\\.cache$`);

describe('the code cache', () => {
  it('is not in the packed tarball', () => {
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: ROOT, encoding: 'utf8'});
    expect(pack.status).toBe(0);
    const files = (JSON.parse(pack.stdout) as Array<{files: Array<{path: string}>}>)[0].files.map((f) => f.path);
    expect(files).toContain('dist/vmxlint.cjs');
    expect(files.filter((f) => /\.cache$/.test(f))).toEqual([]);
  });

  it('is made by the first run, for this build and this Node, and used (not rewritten) by the next', async () => {
    const cache = path.join(dir, 'c1');
    const first = await lint(cache);
    expect(first.code).toBe(1);
    const files = fs.readdirSync(cache);
    expect(files).toEqual([expect.stringMatching(NAME)]);
    const file = path.join(cache, files[0]);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
    expect(fs.statSync(cache).mode & 0o777).toBe(0o700);
    const written = fs.statSync(file).mtimeMs;
    const second = await lint(cache);
    expect(second).toEqual(first);
    expect(fs.statSync(file).mtimeMs).toBe(written);
    expect(fs.readdirSync(cache)).toEqual(files);
  });

  it('a cache V8 rejects (damaged, or of another V8) is replaced; the output is the same', async () => {
    const cache = path.join(dir, 'c2');
    const reference = await lint('off');
    await lint(cache);
    const [name] = fs.readdirSync(cache);
    fs.writeFileSync(path.join(cache, name), Buffer.alloc(4096, 7));
    expect(await lint(cache)).toEqual(reference);
    expect(fs.statSync(path.join(cache, name)).size).toBeGreaterThan(100_000);
  });

  it('=off writes none; a cache directory that cannot be made costs nothing but the compile', async () => {
    const reference = await lint('off');
    expect(reference.code).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['c1', 'c2', 'vm.vmx']);
    fs.writeFileSync(path.join(dir, 'blocked'), 'a file where the directory would go');
    expect(await lint(path.join(dir, 'blocked', 'sub'))).toEqual(reference);
  });
});
