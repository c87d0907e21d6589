/**
 * Lint one file on disk: read its bytes, lint them with its config, and with `write` write the fix
 * atomically. Used by `lintFiles` (lint-files.ts) through the scheduler, on the main thread and in
 * workers (parallel/lint-one.ts): it sits below both, so neither imports the other's caller.
 */
import path from 'node:path';
import {resolvePath, type ConfigItem, type RuleEntry} from '../config/config-array.js';
import {ConfigLoader} from './config-loader.js';
import {buildResult, countMessages, fatalResult, lintBytes, makeOuterLinks, type LintOptions} from '../engine/linter.js';
import type {LintResult} from '../engine/types.js';
import {InputError, readVmxFile, sniffWrongKind, type ReadFile} from './io/read.js';
import {sameBytes, writeFixed} from './io/write.js';
import {inUseWarnings} from './io/in-use.js';
import {decode, encodeForWrite} from '../syntax/encoding.js';
import type {OuterLinks} from '../nested/outer-link.js';
import {preloadOuters} from './preload-outers.js';
import {readVmxFileSync} from './parallel/read-sync.js';
import {hashBytes} from './hash.js';

export type Concurrency = number | 'auto' | 'off';

/** Options of lintFiles about how, not what: they never change a result. */
export interface RunOptions {
  /** Reuse results of files whose content, config and vmxlint version are unchanged (`--cache`). */
  cache?: boolean;
  /** The cache file, or a directory to keep it in (default `.vmxlintcache`, relative to cwd). */
  cacheLocation?: string;
  /** Worker threads: `auto` (default: one per core when there are many files), `off`, or how many. `VMXLINT_CONCURRENCY` overrides it. */
  concurrency?: Concurrency;
  /** Keep `result.source` on results with messages (the JSON format prints it). Default true. */
  keepSource?: boolean;
  /** How a file is read (default `readVmxFile`; the batch paths read synchronously). */
  readFile?: (file: string) => ReadFile | Promise<ReadFile>;
  /** Told about problems that do not stop the run (a cache that cannot be written). */
  onWarning?: (message: string) => void;
}

export interface LintFilesOptions extends Omit<LintOptions, 'filePath' | 'config' | 'encoding' | 'encodingDeclared'>, RunOptions {
  cwd?: string;
  /** An explicit config file; no lookup. */
  configFile?: string;
  /** Look up config files next to and above each file (default true). */
  configLookup?: boolean;
  /** Rule settings that override the config (`--rule`). */
  rules?: Record<string, RuleEntry>;
  /** Write fixed files back (the CLI's --fix). Default false: results carry `output`. */
  write?: boolean;
  ignorePatterns?: string[];
  ignoreFile?: boolean;
  errorOnUnmatchedPattern?: boolean;
  /** Called with the files to lint before any is read (the CLI refuses an --output-file that is one of them). */
  checkFiles?: (files: string[]) => void;
  /** Called with each result as soon as it is ready (results stream; the source text is given for diffs). */
  onResult?: (result: LintResult, source: string | undefined) => void;
}

export function makeLoader(options: LintFilesOptions): ConfigLoader {
  const overrides: ConfigItem[] = options.rules && Object.keys(options.rules).length ? [{rules: options.rules}] : [];
  return new ConfigLoader({configFile: options.configFile, lookup: options.configLookup, overrides, cwd: options.cwd});
}

/** Outer VM files under Node: read from disk (regular files, size-capped), hashed for --cache, native paths. */
export const NODE_OUTER_ACCESS = {readBytes: (file: string) => readVmxFileSync(file).bytes, hashBytes, paths: path};

/** One set of outer links per run (per loader: each worker thread has its own), so each outer file is read once. */
const runLinks = new WeakMap<ConfigLoader, OuterLinks>();
export function outerLinksFor(loader: ConfigLoader, options: LintFilesOptions): OuterLinks {
  let links = runLinks.get(loader);
  if (links === undefined) {
    links = makeOuterLinks(options, {...NODE_OUTER_ACCESS, configFor: (file) => loader.loadedForFile(file)?.forFile(file)});
    runLinks.set(loader, links);
  }
  return links;
}

/** Whether bytes may hold an `outer=` link (ASCII in every encoding a .vmx uses). */
const mayLink = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('outer=') !== -1;

/** Lint one file from disk; never throws for a problem with the file itself (config errors do throw). */
export async function lintFile(
  file: string,
  loader: ConfigLoader,
  options: LintFilesOptions,
): Promise<{result: LintResult; source?: string; deps?: Array<[string, string]>}> {
  const filePath = path.isAbsolute(file) ? resolvePath(file, path) : path.resolve(options.cwd ?? process.cwd(), file);
  let read;
  try {
    const reading = (options.readFile ?? readVmxFile)(filePath);
    // the batch paths read synchronously: no await (a microtask per file) for what is not a promise
    read = typeof (reading as Partial<PromiseLike<unknown>>).then === 'function' ? await reading : (reading as Awaited<typeof reading>);
  } catch (error) {
    if (error instanceof InputError) return {result: fatalResult(filePath, `${error.message}`)};
    throw error;
  }
  const wrongKind = sniffWrongKind(read.bytes);
  if (wrongKind) return {result: fatalResult(filePath, wrongKind)};
  const fileConfig = (loader.loadedForFile(filePath) ?? (await loader.forFile(filePath))).forFile(filePath);
  const links = outerLinksFor(loader, options);
  const linkGiven = options.settings?.outer ?? fileConfig.settings.outer;
  if (linkGiven !== undefined || mayLink(read.bytes)) {
    let text = '';
    try {
      text = decode(read.bytes).text;
    } catch {
      // reported by the lint below
    }
    await preloadOuters(filePath, text, [options.settings?.outer, fileConfig.settings.outer], links, (f) => loader.forFile(f));
  }
  const {result, encoding, text: source} = lintBytes(read.bytes, {...options, filePath, config: fileConfig, outerLinks: links});
  const deps = links.takeDeps(filePath);
  // never write a file with a fatal problem (undecodable, a crashed rule), nor one the fix leaves as it was;
  // a dry run or a diff proposes only what --fix would write (the same encodeForWrite check)
  if (result.output !== undefined && encoding !== undefined && result.fatalErrorCount === 0) {
    let written: string | undefined;
    try {
      const bytes = encodeForWrite(result.output, encoding);
      if (options.write && !sameBytes(bytes, read.bytes)) {
        written = await writeFixed(filePath, bytes, read);
      }
    } catch (error) {
      // not written: report the file as it is on disk (its unfixed problems) plus why
      const why = error instanceof Error ? error.message : String(error);
      const unfixed = lintBytes(read.bytes, {...options, fix: false, filePath, config: fileConfig}).result;
      const messages = [...fatalResult(filePath, why).messages, ...unfixed.messages];
      return {result: buildResult(filePath, messages, unfixed.suppressedMessages, source ?? ''), source, deps};
    }
    // written: say so when another name or a running VM may not see the fix (R9)
    const notes = written === undefined ? [] : inUseWarnings(filePath, written, read);
    if (notes.length) {
      const noted = {...result, messages: [...notes, ...result.messages]};
      countMessages(noted);
      return {result: noted, source, deps};
    }
  }
  return {result, source, deps};
}
