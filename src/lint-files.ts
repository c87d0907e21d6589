/**
 * Lint files on disk: find them, load each one's config, read bytes, lint, and with `write`
 * write fixes atomically. One bad file never stops the others: it becomes a fatal result.
 */
import path from 'node:path';
import {resolvePath, type ConfigArray, type ConfigItem, type RuleEntry} from './config/config-array.js';
import {ConfigLoader} from './config/load.js';
import {buildResult, fatalResult, lintBytes, type LintOptions} from './engine/linter.js';
import type {LintResult} from './engine/types.js';
import {findFiles} from './files.js';
import {InputError, readVmxFile, sniffWrongKind} from './io/read.js';
import {writeFixed} from './io/write.js';
import {decode, encodeForWrite} from './syntax/encoding.js';
import {lintEach, type RunOptions} from './parallel/schedule.js';
import type {OuterLinks} from './nested/outer-link.js';
import {preloadOuters} from './nested/preload.js';
import {makeOuterLinks} from './engine/linter.js';

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
  /** Called with each result as soon as it is ready (results stream; the source text is given for diffs). */
  onResult?: (result: LintResult, source: string | undefined) => void;
}

export function makeLoader(options: LintFilesOptions): ConfigLoader {
  const overrides: ConfigItem[] = options.rules && Object.keys(options.rules).length ? [{rules: options.rules}] : [];
  return new ConfigLoader({configFile: options.configFile, lookup: options.configLookup, overrides, cwd: options.cwd});
}

/** One set of outer links per run (per loader: each worker thread has its own), so each outer file is read once. */
const runLinks = new WeakMap<ConfigLoader, OuterLinks>();
export function outerLinksFor(loader: ConfigLoader, options: LintFilesOptions): OuterLinks {
  let links = runLinks.get(loader);
  if (links === undefined) {
    links = makeOuterLinks(options, {configFor: (file) => loader.loadedForFile(file)?.forFile(file)});
    runLinks.set(loader, links);
  }
  return links;
}

/** Whether bytes may hold an `outer=` link (ASCII in every encoding a .vmx uses). */
const mayLink = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('outer=') !== -1;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** Lint one file from disk; never throws for a problem with the file itself (config errors do throw). */
export async function lintFile(
  file: string,
  loader: ConfigLoader,
  options: LintFilesOptions,
): Promise<{result: LintResult; source?: string; deps?: Array<[string, string]>}> {
  const filePath = path.isAbsolute(file) ? resolvePath(file) : path.resolve(options.cwd ?? process.cwd(), file);
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
  // never write a file with a fatal problem (undecodable, a crashed rule), nor one the fix leaves as it was
  if (options.write && result.output !== undefined && encoding !== undefined && result.fatalErrorCount === 0) {
    try {
      const bytes = encodeForWrite(result.output);
      if (!sameBytes(bytes, read.bytes)) await writeFixed(filePath, bytes, read);
    } catch (error) {
      // not written: report the file as it is on disk (its unfixed problems) plus why
      const why = error instanceof Error ? error.message : String(error);
      const unfixed = lintBytes(read.bytes, {...options, fix: false, filePath, config: fileConfig}).result;
      const messages = [...fatalResult(filePath, why).messages, ...unfixed.messages];
      return {result: buildResult(filePath, messages, unfixed.suppressedMessages, source ?? ''), source, deps};
    }
  }
  return {result, source, deps};
}

/** Lint files, directories and globs. Public API: results in file order. */
export async function lintFiles(patterns: string | string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const list = Array.isArray(patterns) ? patterns : [patterns];
  const {files, ignoredExplicit} = await findFiles(list, {
    cwd,
    ignorePatterns: options.ignorePatterns,
    ignoreFile: options.ignoreFile,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
  });
  const loader = makeLoader(options);
  // every config is loaded before any file is linted: a broken config stops the run before anything is written
  // (config lookup is per directory, and the files are sorted: one await per directory)
  const configs: ConfigArray[] = new Array(files.length);
  let dir: string | undefined;
  let config: ConfigArray | undefined;
  for (let i = 0; i < files.length; i++) {
    const fileDir = path.dirname(files[i]);
    if (fileDir !== dir) {
      dir = fileDir;
      config = await loader.forFile(files[i]);
    }
    configs[i] = config!;
  }
  const results: LintResult[] = [];
  for (const file of ignoredExplicit) {
    const r = buildResult(file, [{ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern', line: 0, column: 0}], [], '');
    results.push(r);
    options.onResult?.(r, undefined);
  }
  const named = new Set(list.map((p) => path.resolve(cwd, p)));
  const todo = files.filter((file, i) => !configs[i].isIgnored(file) || named.has(file));
  // from --cache, worker threads or one by one: in file order either way (src/parallel/schedule.ts)
  for await (const batch of lintEach(todo, loader, {...options, cwd})) {
    for (const {result, source} of batch) {
      results.push(result);
      options.onResult?.(result, source);
    }
  }
  return results;
}
