/** Shared by the CLI tests: temp projects, the real binary as a child process, and `main` in-process. */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough, Writable} from 'node:stream';
import {fileURLToPath} from 'node:url';
import {main} from '../../src/cli/main.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'vmxlint.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as bytes (for --stdin --fix in a legacy encoding, and -f diff). */
  raw: Buffer;
}

/** A file with two problems: an exact duplicate (fixable) and a malformed line (not fixable). */
export const BAD_VMX = '.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\nmemsize = "1024"\nbad line\n';
/** A file with nothing to report. */
export const GOOD_VMX = '.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\n';
/** Only an exact duplicate: clean once fixed. */
export const FIXABLE_VMX = '.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "1024"\nmemsize = "1024"\n';

/** A fresh temp directory holding `files` (paths may contain spaces and sub-directories). */
export function project(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmxlint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), {recursive: true});
    fs.writeFileSync(file, content);
  }
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, {recursive: true, force: true});
}

/** The environment of a child run: no colour forcing from the developer's shell, no CI surprises. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env};
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'NODE_OPTIONS']) delete env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Run `node bin/vmxlint.js args` in `cwd`. */
export function runBin(args: string[], options: {cwd: string; input?: string | Buffer; env?: Record<string, string | undefined>; timeout?: number}): Promise<Run> {
  return runCommand(process.execPath, [BIN, ...args], options);
}

export function runCommand(
  command: string,
  args: string[],
  options: {cwd: string; input?: string | Buffer; env?: Record<string, string | undefined>; timeout?: number},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: options.cwd, env: childEnv(options.env), stdio: ['pipe', 'pipe', 'pipe']});
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 30_000);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const raw = Buffer.concat(out);
      resolve({code: code ?? (signal ? 128 : -1), stdout: raw.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), raw});
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

class Capture extends Writable {
  chunks: Buffer[] = [];
  isTTY?: boolean;
  columns?: number;
  constructor(isTTY = false) {
    super();
    if (isTTY) {
      this.isTTY = true;
      this.columns = 100;
    }
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    done();
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Run `main(args)` in-process with captured streams. */
export async function runMain(
  args: string[],
  options: {cwd: string; input?: string | Buffer | string[]; env?: Record<string, string | undefined>; stdoutTTY?: boolean; stderrTTY?: boolean; stdinTTY?: boolean},
): Promise<Run> {
  const stdout = new Capture(options.stdoutTTY);
  const stderr = new Capture(options.stderrTTY);
  const stdin = new PassThrough() as PassThrough & {isTTY?: boolean};
  if (options.stdinTTY) stdin.isTTY = true;
  if (Array.isArray(options.input)) {
    // typed answers, one line at a time (for --init on a terminal)
    const lines = options.input;
    void (async () => {
      for (const line of lines) {
        await new Promise((r) => setTimeout(r, 5));
        stdin.write(line + '\n');
      }
      stdin.end();
    })();
  } else stdin.end(options.input ?? '');
  const code = await main(args, {stdout, stderr, stdin, cwd: options.cwd, env: options.env ?? {}});
  const raw = Buffer.concat(stdout.chunks);
  return {code, stdout: raw.toString('utf8'), stderr: stderr.text, raw};
}

/**
 * The config of the test projects: only the two core rules, so that rules added later do not change
 * what these tests see.
 */
export const CORE_CONFIG = JSON.stringify([{files: ['**/*.vmx', '**/*.vmtx'], rules: {'no-duplicate-keys': 'error', 'no-invalid-lines': 'error'}}], null, 2);

/** A project with the core config and the given files. */
export function coreProject(files: Record<string, string | Buffer>): string {
  return project({'vmxlint.config.json': CORE_CONFIG, ...files});
}
