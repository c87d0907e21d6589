/** Shared by the reliability tests: temp dirs, the built CLI, snapshots of a directory's bytes. */
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll} from '@jest/globals';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin/vmxlint.js');
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const CORPUS_BROKEN = fileURLToPath(new URL('../../../shared/corpus-broken/', import.meta.url));
/** The real file that declares UTF-8 and holds an invalid sequence. */
export const LYING_UTF8 = path.join(CORPUS_BROKEN, 'LanRenLan__config-backup__Windows 10 x64.vmx');

/** The temp dirs this test file made and has not removed yet (each jest test file has its own module copy). */
const madeDirs = new Set<string>();

/**
 * Root cannot be denied permission: such cases run the CLI as `nobody`, who must be able to reach
 * the clone (not so in a clone inside a 0700 `mktemp -d` directory) and the temp directory. Why
 * they are skipped, or undefined when they can run.
 */
export function nobodyCannotRun(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to run the CLI as nobody';
  const probe = spawnSync(process.execPath, ['-e', 'const fs = require("fs"); fs.readFileSync(process.argv[1]); fs.readdirSync(require("os").tmpdir())', BIN], {uid: 65534, gid: 65534, stdio: 'ignore'});
  return probe.status !== 0 ? `user nobody cannot reach ${BIN} or the temp directory (a parent directory is not readable by others, e.g. a 0700 mktemp -d)` : undefined;
}

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vmxlint-${prefix}-`));
  madeDirs.add(dir);
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, {recursive: true, force: true});
  madeDirs.delete(dir);
}

/**
 * One test file's scratch space: a temp directory made (after the build) before its tests and
 * removed after them, and `project(files)`, which lays out files in a new folder of it.
 */
export function scratchProjects(prefix: string): {project: (files: Record<string, string | Buffer>) => string; root: () => string} {
  let dir = '';
  let n = 0;
  beforeAll(async () => {
    await ensureBuilt();
    dir = tempDir(prefix);
  }, 180_000);
  afterAll(() => removeDir(dir));
  const project = (files: Record<string, string | Buffer>): string => {
    const d = path.join(dir, `p${n++}`);
    fs.mkdirSync(d, {recursive: true});
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(d, name)), {recursive: true});
      fs.writeFileSync(path.join(d, name), content);
    }
    return d;
  };
  return {project, root: () => dir};
}

/** Temp dirs made by `tempDir` that still exist: a test file's last afterAll expects none (tests clean up). */
export function leftoverTempDirs(): string[] {
  return [...madeDirs].filter((dir) => fs.existsSync(dir));
}

function newest(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((entry) => newest(path.join(p, entry))));
}

const SOURCES = ['src', 'lib', 'bin', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
/** What bin/vmxlint.js may load: the esbuild bundle when there is one, else tsc's output. */
const OUTPUTS = ['dist/src/cli/main.js', 'dist/vmxlint.mjs'];

function distIsStale(): boolean {
  const source = Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))));
  if (!fs.existsSync(path.join(ROOT, OUTPUTS[0]))) return true;
  return OUTPUTS.map((o) => path.join(ROOT, o)).some((o) => fs.existsSync(o) && fs.statSync(o).mtimeMs < source);
}

/**
 * The tests spawn bin/vmxlint.js, which runs dist/. Build (npm run build) when dist/ is missing or
 * older than the sources: a stale build would test old code. When the build stops early (another
 * engineer's file in progress fails to compile), tsc's output is still fresh and a stale bundle is
 * removed so that bin/vmxlint.js runs tsc's output. A lock directory keeps parallel test files from
 * building at the same time.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = path.join(ROOT, 'dist/.reliability-build-lock');
  fs.mkdirSync(path.dirname(lock), {recursive: true});
  for (let waited = 0; ; waited += 200) {
    if (!distIsStale()) return;
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) fs.rmSync(lock, {recursive: true, force: true});
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    spawnSync('npm', ['run', 'build'], {cwd: ROOT, stdio: 'ignore'});
    if (distIsStale()) {
      spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {cwd: ROOT, stdio: 'ignore'});
      const bundle = path.join(ROOT, OUTPUTS[1]);
      if (distIsStale() && fs.existsSync(bundle)) fs.rmSync(bundle);
    }
  } finally {
    fs.rmSync(lock, {recursive: true, force: true});
  }
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI. */
export function runCli(
  args: string[],
  options: {cwd: string; uid?: number; gid?: number; timeoutMs?: number; env?: Record<string, string>; input?: string | Buffer},
): Promise<Run & {raw: Buffer}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: {...process.env, NO_COLOR: '1', NODE_OPTIONS: '', ...options.env},
      uid: options.uid,
      gid: options.gid,
    });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const raw = Buffer.concat(out);
      resolve({code, signal, stdout: raw.toString('utf8'), stderr, raw});
    });
    if (options.input !== undefined) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}

/** Every file under `dir` (relative path → bytes), symlinks not followed. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, {withFileTypes: true})) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) {
        try {
          out.set(path.relative(dir, p), fs.readFileSync(p));
        } catch {
          out.set(path.relative(dir, p), Buffer.from('<unreadable>'));
        }
      }
    }
  };
  walk(dir);
  return out;
}
