/**
 * The vmxlint command. `main` takes its streams and environment as arguments (no globals), so tests
 * can run it in-process as well as through the real binary. Exit codes: 0 no errors (warnings within
 * --max-warnings), 1 lint errors, 2 usage, config or unreadable input.
 */
import path from 'node:path';
import type {Writable} from 'node:stream';
import {ConfigError} from '../config/config-array.js';
import type {LintResult, Settings} from '../engine/types.js';
import {NoFilesError} from '../runner/files.js';
import type {LintFilesOptions} from '../runner/lint-files.js';
import {checkUsage, parseArgs, ruleFlags} from './args.js';
import {VERSION, type CliIo} from './io.js';
import type {CliArgs} from './options.js';

// info.ts and report.ts import these from io.ts, not from here (main imports them: no circle)
export {VERSION};
export type {CliIo};

/** Bad arguments: one line, exit 2. */
import {UsageError} from './io.js';
export {UsageError};

function write(stream: Writable, text: string): Promise<void> {
  // a stream that failed already takes no more (its callback would still come, with an error)
  if (streamErrors.has(stream) || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => (text ? stream.write(text, () => resolve()) : resolve()));
}

/**
 * Ctrl-C, `kill`, a closed terminal: the fixes being written have temp files next to their targets.
 * Remove them (every target is then its old or its new self: the renames are atomic), then exit
 * 130, 143 or 129 (R32). For the binary only: tests running main in-process keep their handlers.
 */
let signalsHandled = false;
export function installSignalCleanup(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  const numbers: Record<string, number> = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1};
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void Promise.all([import('../runner/io/write.js'), import('../runner/parallel/pool.js')]).then(([{removeTempFiles}, {removeWorkerTempFiles}]) => {
        removeTempFiles();
        removeWorkerTempFiles();
        process.exit(128 + numbers[signal]);
      });
    });
  }
}

/** The first error of each output stream (a full disk, a closed pipe), kept until the run ends. */
const streamErrors = new WeakMap<object, NodeJS.ErrnoException>();

/**
 * Listens to stdout's and stderr's errors (kept after returning: a write still in flight may fail
 * once the reader is gone). Never throws: thrown from the listener, an ENOSPC was an uncaught stack
 * trace with a screenful of bundle source, exit 1 (R16, R17, R20).
 */
function recordStreamError(this: object, error: NodeJS.ErrnoException): void {
  if (!streamErrors.has(this)) streamErrors.set(this, error);
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  // the real command (bin/vmxlint.js) cleans up on signals; main run in-process by a test does not
  if (io.stdout === process.stdout) installSignalCleanup();
  for (const stream of [io.stdout, io.stderr]) {
    if (!stream.listeners('error').includes(recordStreamError)) stream.on('error', recordStreamError);
  }
  const code = await mainInner(argv, io);
  // `vmxlint … | head`: a reader that stops early is not an error; any other failure to write the
  // report (ENOSPC, EIO) is: one line on stderr (if it can still be written), exit 2
  const failed = streamErrors.get(io.stdout);
  if (failed && failed.code !== 'EPIPE' && failed.code !== 'ERR_STREAM_DESTROYED') {
    const {describeIoError} = await import('../runner/io/read.js');
    if (!streamErrors.has(io.stderr)) await write(io.stderr, `vmxlint: cannot write to standard output: ${describeIoError(failed)}\n`);
    return 2;
  }
  return code;
}

/** `--stdin --fix` (an editor's filter): standard output must carry the text whatever happens. */
function isStdinFix(argv: string[]): boolean {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  const given = (name: string) => options.some((a) => a === name || a === `${name}=true`);
  return given('--stdin') && given('--fix');
}

/** On an error of a `--stdin --fix` run: the input back on stdout, unchanged (once). */
async function echoIfFilter(argv: string[], io: CliIo): Promise<void> {
  if (!isStdinFix(argv)) return;
  const {echoStdinUnchanged} = await import('./stdin.js');
  await echoStdinUnchanged(io);
}

async function mainInner(argv: string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  let args: CliArgs;
  try {
    args = await parseArgs(argv, io.stdout.isTTY ? (io.stdout as {columns?: number}).columns : undefined);
  } catch (error) {
    const output = (error as {output?: string}).output;
    if (output !== undefined) {
      await write(io.stdout, output + '\n');
      return 0;
    }
    await echoIfFilter(argv, io);
    await write(io.stderr, `vmxlint: ${(error as Error).message}\nRun "vmxlint --help" for the options.\n`);
    return 2;
  }
  try {
    return await run(args, io, cwd, env);
  } catch (error) {
    await echoIfFilter(argv, io).catch(() => undefined);
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof NoFilesError) {
      // --debug: what a config (or plugin) threw while loading, with its stack
      const cause = args.debug && error.cause instanceof Error ? `${error.cause.stack}\n` : '';
      await write(io.stderr, `vmxlint: ${error.message}\n${cause}`);
      return 2;
    }
    const why = error instanceof Error ? error.message : String(error);
    await write(io.stderr, args.debug && error instanceof Error ? `${error.stack}\n` : `vmxlint: internal error: ${why} (run with --debug for details)\n`);
    return 2;
  }
}

/** --color / --no-color win; then FORCE_COLOR, NO_COLOR (https://no-color.org: set and not empty), a terminal. */
export function useColor(args: Pick<CliArgs, 'color' | 'outputFile'>, io: Pick<CliIo, 'stdout'>, env: Record<string, string | undefined>): boolean {
  if (args.color !== undefined) return args.color;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return Boolean(io.stdout.isTTY) && !args.outputFile;
}

/** `--outer` is relative to the current directory. */
function absoluteOuter(settings: Settings, cwd: string): Settings {
  return settings.outer === undefined ? settings : {...settings, outer: path.resolve(cwd, settings.outer)};
}

async function run(args: CliArgs, io: CliIo, cwd: string, env: Record<string, string | undefined>): Promise<number> {
  const usage = checkUsage(args);
  const fixTypes = usage.fixTypes;
  const settings = absoluteOuter(usage.settings, cwd);
  if (args.lab !== undefined && (args.patterns.length || args.stdin || args.fix || args.fixDryRun)) {
    throw new UsageError('--lab takes one directory and cannot be combined with file patterns, --stdin, --fix or --fix-dry-run');
  }
  const rules = await ruleFlags(args.rule);
  const color = useColor(args, io, env);
  const info = await import('./info.js');
  if (args.listRules) return info.listRules(io.stdout, args.format === 'json');
  if (args.listHosts) return info.listHosts(io.stdout, args.format === 'json');
  if (args.init) return info.init(cwd, io, settings);

  const options: LintFilesOptions = {
    cwd,
    configFile: args.config,
    configLookup: args.configLookup,
    rules,
    settings,
    // -f diff prints the fixes as a patch: it computes them (writing only with --fix)
    fix: args.fix || args.fixDryRun || args.format === 'diff',
    fixTypes,
    write: args.fix,
    inlineConfig: args.inlineConfig,
    reportUnusedDisableDirectives: args.reportUnusedDisableDirectives,
    // --no-ignore: neither .vmxlintignore nor --ignore-pattern (as ESLint's)
    ignorePatterns: args.ignore ? args.ignorePattern : undefined,
    ignoreFile: args.ignore,
    errorOnUnmatchedPattern: args.errorOnUnmatchedPattern,
    debug: args.debug,
  };
  if (args.printConfig !== undefined) return info.printConfig(path.resolve(cwd, args.printConfig), options, io.stdout, cwd);
  if (args.lab !== undefined) return (await import('./lab.js')).runLab(args.lab, args, options, io);
  // as ESLint: no pattern means the current directory
  const patterns = args.stdin || args.patterns.length ? args.patterns : ['.'];

  if (args.stdin) return (await import('./stdin.js')).runStdin(args, options, io, color);
  return (await import('./report.js')).runFiles({...args, patterns}, options, io, color, env);
}

export type {LintResult};
