/** Running the lint from the CLI: stream results, print the chosen format, decide the exit code. */
import fs from 'node:fs';
import path from 'node:path';
import {lintBytes} from '../engine/linter.js';
import type {LintResult} from '../engine/types.js';
import {lintFiles, makeLoader, type LintFilesOptions} from '../runner/lint-files.js';
import {writeAllSync} from '../runner/io/write.js';
import type {CliArgs} from './options.js';
import {VERSION, type CliIo} from './io.js';

type Chunk = string | Uint8Array;

function write(stream: NodeJS.WritableStream, chunk: Chunk): Promise<void> {
  return new Promise((resolve) => (chunk.length ? stream.write(chunk, () => resolve()) : resolve()));
}

/** --quiet: errors only (the exit code still counts the warnings, as ESLint's). */
function onlyErrors(r: LintResult): LintResult {
  const messages = r.messages.filter((m) => m.severity === 2);
  return {...r, messages, warningCount: 0, fixableWarningCount: 0, infoCount: 0};
}

export function exitCode(results: LintResult[], maxWarnings: number): number {
  if (results.some((r) => r.fatalErrorCount > 0)) return 2;
  if (results.some((r) => r.errorCount > 0)) return 1;
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  return maxWarnings >= 0 && warnings > maxWarnings ? 1 : 0;
}

export interface FixedFile {
  /** Absolute path, or a pseudo name such as `<stdin>`. */
  file: string;
  before: string;
  after: string;
}

/** A path as git writes it in a patch header: C-quoted when it holds `"`, `\` or control characters. */
export function gitPath(p: string): string {
  if (!/["\\\u0000-\u001f\u007f]/.test(p)) return p;
  const escaped = p.replace(/["\\\u0000-\u001f\u007f]/g, (c) => {
    const named: Record<string, string> = {'"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\u0007': '\\a'};
    return named[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
  });
  return `"${escaped}"`;
}

/** The text's declared `.encoding` (the patch of a windows-1252 file must be in windows-1252 for git apply). */
function declaredEncoding(text: string): string {
  return /^[ \t]*\.encoding[ \t]*=[ \t]*"?([^"\s#]*)"?/im.exec(text)?.[1] ?? 'UTF-8';
}

/**
 * One unified patch of every fix, `diff --git a/<path> b/<path>` per file with paths relative to cwd,
 * that `git apply` (and `patch -p1`) accepts. Headers are UTF-8; each file's lines are in the file's own
 * encoding, so the patch applies to the bytes on disk.
 */
export async function patchOf(files: FixedFile[], cwd: string): Promise<Uint8Array> {
  if (!files.length) return new Uint8Array();
  const [{createTwoFilesPatch}, {encode}] = await Promise.all([import('diff'), import('../syntax/encoding.js')]);
  const chunks: Buffer[] = [];
  for (const {file, before, after} of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const rel = file.startsWith('<') ? file : path.relative(cwd, file).split(path.sep).join('/');
    const a = gitPath(`a/${rel}`);
    const b = gitPath(`b/${rel}`);
    const patch = createTwoFilesPatch('a', 'b', before, after, undefined, undefined, {context: 3});
    // drop the library's "====" / "---" / "+++" lines: git's own header follows
    const body = patch.slice(patch.indexOf('\n@@') + 1);
    chunks.push(Buffer.from(`diff --git ${a} ${b}\n--- ${a}\n+++ ${b}\n`, 'utf8'));
    let bytes: Uint8Array;
    try {
      bytes = encode(body, declaredEncoding(before));
    } catch {
      bytes = Buffer.from(body, 'utf8');
    }
    chunks.push(Buffer.from(bytes));
  }
  return Buffer.concat(chunks);
}

/** Formats a person reads on the terminal already show fatal problems; machine formats get them on stderr too. */
const HUMAN_FORMATS = new Set(['stylish', 'compact', 'unix']);

async function render(results: LintResult[], args: CliArgs, io: CliIo, color: boolean, fixed: FixedFile[]): Promise<Iterable<Chunk>> {
  const cwd = io.cwd ?? process.cwd();
  if (args.format === 'diff') return [await patchOf(fixed, cwd)];
  const shown = args.quiet ? results.map(onlyErrors) : results;
  const {loadChunkedFormatter} = await import('../formatters/index.js');
  const {ruleInfos} = await import('./info.js');
  const formatter = await loadChunkedFormatter(args.format);
  const report = withFinalNewline(formatter(shown, {cwd, color, version: VERSION, rules: ruleInfos()}));
  // --fix-dry-run in a human format: the diff first, then what would remain
  if (args.fixDryRun && HUMAN_FORMATS.has(args.format)) return [await patchOf(fixed, cwd), ...report];
  return report;
}

/** The report's pieces as they come, and a final newline when the text does not end with one. */
function* withFinalNewline(pieces: Iterable<string>): Generator<string> {
  let last = '';
  for (const piece of pieces) {
    if (piece.length) last = piece;
    yield piece;
  }
  if (last && !last.endsWith('\n')) yield '\n';
}

/** Pieces gathered into writes of about 64 KB (a big report is thousands of small pieces). */
function* coalesced(chunks: Iterable<Chunk>): Generator<Chunk> {
  let pending = '';
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      if (pending) yield pending;
      pending = '';
      yield chunk;
      continue;
    }
    pending += chunk;
    if (pending.length >= 65536) {
      yield pending;
      pending = '';
    }
  }
  if (pending) yield pending;
}

/** Open --output-file for writing, creating its directory. */
function openOutputFile(cwd: string, file: string): number {
  const out = path.resolve(cwd, file);
  fs.mkdirSync(path.dirname(out), {recursive: true});
  return fs.openSync(out, 'w');
}

/**
 * `--format json` over files, written while the files are linted: each result is printed as it
 * comes (the same bytes as the json formatter's text) and its source text is dropped at once, so a
 * big run never holds every file's text nor the whole report. Errors writing --output-file are
 * kept and reported at the end, as for the other formats.
 */
class JsonStream {
  private first = true;
  private pending = '';
  private fd: number | undefined;
  error: Error | undefined;
  constructor(
    private readonly io: CliIo,
    private readonly outputFile: string | undefined,
    private readonly cwd: string,
  ) {}

  add(result: LintResult): void {
    this.pending += (this.first ? '[' : ',') + JSON.stringify(result);
    this.first = false;
    if (this.pending.length >= 65536) this.flush();
  }

  private flush(): void {
    const chunk = this.pending;
    this.pending = '';
    if (!chunk || this.error) return;
    if (this.outputFile === undefined) {
      this.io.stdout.write(chunk);
      return;
    }
    try {
      this.fd ??= openOutputFile(this.cwd, this.outputFile);
      writeAllSync(this.fd, Buffer.from(chunk, 'utf8'));
    } catch (error) {
      this.error = error as Error;
    }
  }

  /** Close the array (`[]` when nothing came) and wait until it is written. */
  async end(): Promise<void> {
    this.pending += this.first ? '[]\n' : ']\n';
    this.first = false;
    if (this.outputFile === undefined) {
      // the last write's callback comes after every earlier write has gone out
      const chunk = this.pending;
      this.pending = '';
      await write(this.io.stdout, chunk);
      return;
    }
    this.flush();
    if (this.fd !== undefined) fs.closeSync(this.fd);
  }
}

/** Write the report (to --output-file or stdout) and return the exit code. `streamed`: the report is already written. */
async function emit(results: LintResult[], args: CliArgs, io: CliIo, color: boolean, fixed: FixedFile[], toStdout = true, streamed?: JsonStream): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const chunks = streamed ? [] : coalesced(await render(results, args, io, color, fixed));
  if (streamed?.error) {
    await write(io.stderr, `vmxlint: cannot write --output-file ${args.outputFile}: ${streamed.error.message}\n`);
    return 2;
  } else if (streamed) {
    // written while linting
  } else if (args.outputFile) {
    let fd: number | undefined;
    try {
      fd = openOutputFile(cwd, args.outputFile);
      for (const chunk of chunks) writeAllSync(fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    } catch (error) {
      await write(io.stderr, `vmxlint: cannot write --output-file ${args.outputFile}: ${(error as Error).message}\n`);
      return 2;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  } else if (toStdout) {
    for (const chunk of chunks) await write(io.stdout, chunk);
  }
  // fatal problems (unreadable files, crashed rules) are always one line each on stderr as well:
  // stdout may be a pipe or a file, and bad input must be visible (docs/reliability.md)
  for (const r of results) {
    for (const m of r.messages) {
      if (m.fatal) await write(io.stderr, `vmxlint: ${r.filePath.startsWith('<') ? r.filePath : path.relative(cwd, r.filePath) || r.filePath}: ${m.message}\n`);
    }
  }
  return exitCode(results, args.maxWarnings);
}

/** A progress line on stderr for long runs on a terminal: shown from the 50th file, at most 10 times a second. */
export class Progress {
  static readonly FROM = 50;
  private done = 0;
  private last = 0;
  private shown = false;
  constructor(private readonly stream: NodeJS.WritableStream & {isTTY?: boolean}, private readonly enabled: boolean) {}

  tick(file: string, cwd: string): void {
    this.done++;
    if (!this.enabled || this.done < Progress.FROM) return;
    const now = Date.now();
    if (this.shown && now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const columns = (this.stream as {columns?: number}).columns ?? 80;
    const line = `vmxlint: ${this.done} files checked: ${path.relative(cwd, file)}`;
    this.stream.write(`\r\u001B[K${line.length > columns - 1 ? line.slice(0, columns - 2) + '…' : line}`);
  }

  /** Clear the line before the report is printed. */
  end(): void {
    if (this.shown) this.stream.write('\r\u001B[K');
    this.shown = false;
  }
}

export async function runFiles(args: CliArgs, options: LintFilesOptions, io: CliIo, color: boolean, env: Record<string, string | undefined> = {}): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const fixed: FixedFile[] = [];
  const progress = new Progress(io.stderr, Boolean(io.stderr.isTTY) && env.TERM !== 'dumb');
  // JSON (not a --fix-dry-run diff) is written as results come; every other format needs them all first
  const stream = args.format === 'json' ? new JsonStream(io, args.outputFile, cwd) : undefined;
  let results: LintResult[];
  try {
    results = await lintFiles(args.patterns, {
      ...options,
      cache: args.cache,
      cacheLocation: args.cacheLocation,
      // only the JSON format prints result.source: without it, a big run does not hold every file's text
      keepSource: args.format === 'json',
      onWarning: (message) => io.stderr.write(`vmxlint: ${message}\n`),
      onResult(result, source) {
        if (result.output !== undefined && source !== undefined) fixed.push({file: result.filePath, before: source, after: result.output});
        progress.tick(result.filePath, cwd);
        if (stream) {
          stream.add(args.quiet ? onlyErrors(result) : result);
          delete result.source; // printed: not kept for the rest of the run
        }
      },
    });
  } finally {
    progress.end();
  }
  await stream?.end();
  return emit(results, args, io, color, fixed, true, stream);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * --stdin: lint standard input. With --fix (for editors) stdout gets the fixed text and nothing else,
 * in the text's own encoding; text that cannot be decoded is echoed unchanged and the reason goes to
 * stderr (exit 2). The report then goes only to --output-file, if given.
 */
export async function runStdin(args: CliArgs, options: LintFilesOptions, io: CliIo, color: boolean): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const filePath = args.stdinFilename ? path.resolve(cwd, args.stdinFilename) : '<stdin>';
  const bytes = await readAll(io.stdin ?? process.stdin);
  const loader = makeLoader(options);
  // without --stdin-filename, config lookup starts in cwd and `files` globs see a .vmx
  const configPath = args.stdinFilename ? filePath : path.join(cwd, 'stdin.vmx');
  const config = await loader.forFile(configPath);
  const {result, text, encoding} = lintBytes(bytes, {...options, filePath, config: config.forFile(configPath)});
  const fixed = result.output !== undefined && text !== undefined ? [{file: filePath, before: text, after: result.output}] : [];
  if (args.fix) {
    let out: Uint8Array = bytes;
    if (encoding !== undefined && result.output !== undefined) {
      const {encode} = await import('../syntax/encoding.js');
      try {
        out = encode(result.output, encoding);
      } catch {
        out = bytes;
      }
    }
    await write(io.stdout, out);
    return emit([result], args, io, color, fixed, false);
  }
  return emit([result], args, io, color, fixed);
}
