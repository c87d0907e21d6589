/** The report of a CLI run: render the chosen format, write it (stdout or --output-file), decide the exit code. */
import fs from 'node:fs';
import path from 'node:path';
import type {LintResult} from '../engine/types.js';
import {plural} from '../formatters/shared.js';
import {makeDirectories} from '../runner/io/read.js';
import {writeAllSync} from '../runner/io/write.js';
import type {CliArgs} from './options.js';
import {VERSION, type CliIo} from './io.js';
import {patchOf, type FixedFile} from './patch.js';

export type Chunk = string | Uint8Array;

export function write(stream: NodeJS.WritableStream, chunk: Chunk): Promise<void> {
  return new Promise((resolve) => (chunk.length ? stream.write(chunk, () => resolve()) : resolve()));
}

/** --quiet: errors only (the exit code still counts the warnings, as ESLint's). */
export function onlyErrors(r: LintResult): LintResult {
  const messages = r.messages.filter((m) => m.severity === 2);
  return {...r, messages, warningCount: 0, fixableWarningCount: 0, infoCount: 0};
}

export function exitCode(results: LintResult[], maxWarnings: number): number {
  if (results.some((r) => r.fatalErrorCount > 0)) return 2;
  if (results.some((r) => r.errorCount > 0)) return 1;
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  return maxWarnings >= 0 && warnings > maxWarnings ? 1 : 0;
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
export class JsonStream {
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
export async function emit(results: LintResult[], args: CliArgs, io: CliIo, color: boolean, fixed: FixedFile[], toStdout = true, streamed?: JsonStream): Promise<number> {
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
