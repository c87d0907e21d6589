/** Running the lint from the CLI: stream results, print the chosen format, decide the exit code. */
import fs from 'node:fs';
import path from 'node:path';
import {fatalResult, lintBytes} from '../engine/linter.js';
import {makeDirectories, MAX_FILE_BYTES} from '../runner/io/read.js';
import type {LintResult} from '../engine/types.js';
import {lintFiles, makeLoader, type LintFilesOptions} from '../runner/lint-files.js';
import {plural} from '../formatters/shared.js';
import {writeAllSync} from '../runner/io/write.js';
import type {CliArgs} from './options.js';
import {UsageError, VERSION, type CliIo} from './io.js';

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

/**
 * One unified patch of every fix, `diff --git a/<path> b/<path>` per file with paths relative to cwd,
 * that `git apply` (and `patch -p1`) accepts. Headers are UTF-8; each file's lines are in the file's own
 * encoding, so the patch applies to the bytes on disk.
 */
export async function patchOf(files: FixedFile[], cwd: string): Promise<Uint8Array> {
  if (!files.length) return new Uint8Array();
  const [{createTwoFilesPatch}, {encode, declaredEncodingOf}] = await Promise.all([import('diff'), import('../syntax/encoding.js')]);
  // the hunks in the file's own encoding, read as the decoder reads it; a byte-order mark is its UTF-8 bytes
  const encodeHunks = (body: string, encoding: string): Uint8Array => {
    const pieces = body.split('\uFEFF').map((piece) => Buffer.from(encode(piece, encoding)));
    return Buffer.concat(pieces.flatMap((piece, i) => (i ? [Buffer.from([0xef, 0xbb, 0xbf]), piece] : [piece])));
  };
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
      bytes = encodeHunks(body, declaredEncodingOf(before) ?? 'UTF-8');
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
  // GitLab reads paths relative to the repository, wherever in it vmxlint runs
  const repositoryRoot = args.format === 'gitlab' ? (await import('./repository.js')).repositoryRoot(cwd) : undefined;
  const report = withFinalNewline(formatter(shown, {cwd, color, version: VERSION, rules: ruleInfos(), repositoryRoot}));
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
  // not mkdirSync({recursive}): it spins forever under /proc (R12)
  makeDirectories(path.dirname(out));
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

/** `-f diff`: one stderr line counting the problems the patch does not fix (fatal ones are printed apart), or ''. */
function remainingAfterPatch(results: LintResult[], quiet: boolean): string {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.fatal) continue;
      if (m.severity === 2) errors++;
      else if (m.severity === 1 && !quiet) warnings++;
    }
  }
  if (errors + warnings === 0) return '';
  const what = `${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return `vmxlint: ${what} left that the patch does not fix: run vmxlint without -f diff to see them\n`;
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
  // -f diff prints only the fixes: say what they leave (exit 1 is for those), or the user sees nothing of it
  if (args.format === 'diff') await write(io.stderr, remainingAfterPatch(results, args.quiet));
  const code = exitCode(results, args.maxWarnings);
  // as ESLint: exit 1 for warnings alone is explained, whatever the format and --quiet
  if (code === 1 && !results.some((r) => r.errorCount > 0)) await write(io.stderr, `vmxlint found too many warnings (maximum: ${args.maxWarnings}).\n`);
  return code;
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

/**
 * `-o a.vmx` where a.vmx is linted: the report would replace the VM's configuration (and with --fix
 * the fix would be lost too). A usage error before anything is read or written (R35). Compared by
 * device and inode, so a symlink or hard link to a linted file counts too.
 */
function refuseOutputOverInput(output: string, files: string[], shown: string): void {
  const statOf = (file: string) => {
    try {
      return fs.statSync(file, {throwIfNoEntry: false});
    } catch {
      return undefined; // ENOTDIR, EACCES...: not a file that is linted (writing it fails later, in one line)
    }
  };
  const out = statOf(output);
  if (!out?.isFile()) return;
  for (const file of files) {
    const stat = file === output ? out : statOf(file);
    if (stat && stat.dev === out.dev && stat.ino === out.ino) {
      throw new UsageError(`--output-file ${shown} is one of the files being linted: the report would overwrite it (nothing written)`);
    }
  }
}

export async function runFiles(args: CliArgs, options: LintFilesOptions, io: CliIo, color: boolean, env: Record<string, string | undefined> = {}): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const fixed: FixedFile[] = [];
  const progress = new Progress(io.stderr, Boolean(io.stderr.isTTY) && env.TERM !== 'dumb');
  // JSON (not a --fix-dry-run diff) is written as results come; every other format needs them all first
  const stream = args.format === 'json' ? new JsonStream(io, args.outputFile, cwd) : undefined;
  // the baseline (vmxlint-suppressions.json): recorded, pruned and applied per file, before any output
  const suppressions = (await import('./suppressions.js')).Suppressions.open(args, cwd);
  let results: LintResult[];
  try {
    results = await lintFiles(args.patterns, {
      ...options,
      cache: args.cache,
      cacheLocation: args.cacheLocation,
      // only these formats read result.source (JSON prints it; SARIF fix regions and GitLab fingerprints
      // use its lines): without it, a big run does not hold every file's text
      keepSource: ['json', 'sarif', 'gitlab'].includes(args.format),
      checkFiles: args.outputFile === undefined ? undefined : (files) => refuseOutputOverInput(path.resolve(cwd, args.outputFile!), files, args.outputFile!),
      onWarning: (message) => io.stderr.write(`vmxlint: ${message}\n`),
      onResult(result, source) {
        suppressions?.apply(result);
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
  const saved = suppressions?.save();
  if (saved) await write(io.stderr, `vmxlint: wrote ${saved}\n`);
  return emit(results, args, io, color, fixed, true, stream);
}

/** What --stdin read: the bytes, or (over the size limit) the first of them and the rest unread. */
interface StdinRead {
  bytes: Uint8Array;
  tooLarge: boolean;
  rest?: AsyncIterator<unknown>;
}

/** Standard input, up to the size limit of a file (MAX_FILE_BYTES): more is refused, never held (R19). */
async function readStdin(stream: NodeJS.ReadableStream): Promise<StdinRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  const it = stream[Symbol.asyncIterator]();
  for (;;) {
    const next = await it.next();
    if (next.done) return {bytes: Buffer.concat(chunks), tooLarge: false};
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
    chunks.push(chunk);
    size += chunk.length;
    if (size > MAX_FILE_BYTES) return {bytes: Buffer.concat(chunks), tooLarge: true, rest: it};
  }
}

/** Bytes given to --stdin --fix that are echoed as they are, per standard input stream (the editor filter, below). */
const stdinOf = new WeakMap<object, {bytes?: Uint8Array; written: boolean}>();

/**
 * `:%!vmxlint --stdin --fix` (Vim) replaces the buffer with standard output: whatever goes wrong
 * (a bad flag, a bad config, a crash), the text must come back, unchanged. main calls this on every
 * error path of a --stdin --fix run; it echoes what was read (or reads it now), once.
 */
export async function echoStdinUnchanged(io: CliIo): Promise<void> {
  const stdin = io.stdin ?? process.stdin;
  let state = stdinOf.get(stdin);
  if (state?.written) return;
  if (!state?.bytes) {
    const read = await readStdin(stdin);
    state = {bytes: read.bytes, written: false};
    stdinOf.set(stdin, state);
    await write(io.stdout, read.bytes);
    if (read.rest) for (let n = await read.rest.next(); !n.done; n = await read.rest.next()) await write(io.stdout, n.value as Buffer);
  } else await write(io.stdout, state.bytes);
  state.written = true;
}

/**
 * --stdin: lint standard input. With --fix (for editors) stdout gets the fixed text and nothing else,
 * in the text's own encoding; text that cannot be decoded is echoed unchanged and the reason goes to
 * stderr (exit 2). The report then goes only to --output-file, if given.
 */
export async function runStdin(args: CliArgs, options: LintFilesOptions, io: CliIo, color: boolean): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  // the suppression options are for runs over files: a usage error here (as ESLint's)
  if (args.suppressAll || args.suppressRule?.length || args.suppressionsLocation || args.pruneSuppressions) (await import('./suppressions.js')).Suppressions.open(args, cwd);
  const filePath = args.stdinFilename ? path.resolve(cwd, args.stdinFilename) : '<stdin>';
  const stdin = io.stdin ?? process.stdin;
  const read = await readStdin(stdin);
  const bytes = read.bytes;
  const state = {bytes, written: false};
  if (args.fix) stdinOf.set(stdin, state);
  if (read.tooLarge) {
    const result = fatalResult(filePath, `standard input too large (more than ${MAX_FILE_BYTES / 1048576} MiB): not a .vmx configuration`);
    if (args.fix) {
      // the text goes back unchanged, streamed: it is not held
      await write(io.stdout, bytes);
      for (let n = await read.rest!.next(); !n.done; n = await read.rest!.next()) await write(io.stdout, n.value as Buffer);
      state.written = true;
      return emit([result], args, io, color, [], false);
    }
    return emit([result], args, io, color, []);
  }
  const loader = makeLoader(options);
  // without --stdin-filename, config lookup starts in cwd and `files` globs see a .vmx
  const configPath = args.stdinFilename ? filePath : path.join(cwd, 'stdin.vmx');
  const config = await loader.forFile(configPath);
  const {result, text, encoding} = lintBytes(bytes, {...options, filePath, config: config.forFile(configPath)});
  const fixed = result.output !== undefined && text !== undefined ? [{file: filePath, before: text, after: result.output}] : [];
  if (args.fix) {
    let out: Uint8Array = bytes;
    let shown = result;
    if (encoding !== undefined && result.output !== undefined && result.fatalErrorCount === 0) {
      // the same check as a --fix on a file: what it would refuse to write is not printed either
      const {encodeForWrite} = await import('../syntax/encoding.js');
      try {
        out = encodeForWrite(result.output, encoding);
      } catch (error) {
        out = bytes;
        shown = {...fatalResult(filePath, (error as Error).message), source: result.source};
      }
    }
    state.written = true;
    await write(io.stdout, out);
    return emit([shown], args, io, color, shown === result ? fixed : [], false);
  }
  return emit([result], args, io, color, fixed);
}
