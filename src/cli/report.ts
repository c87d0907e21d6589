/** `vmxlint <files>`: lint the files, streaming results to the report (src/cli/output.ts). */
import fs from 'node:fs';
import path from 'node:path';
import type {LintResult} from '../engine/types.js';
import {lintFiles, type LintFilesOptions} from '../runner/lint-files.js';
import type {CliArgs} from './options.js';
import {UsageError, type CliIo} from './io.js';
import {emit, JsonStream, onlyErrors, write} from './output.js';
import type {FixedFile} from './patch.js';

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
