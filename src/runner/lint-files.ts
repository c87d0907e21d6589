/**
 * Lint files on disk: find them, load each one's config, read bytes, lint, and with `write`
 * write fixes atomically. One bad file never stops the others: it becomes a fatal result.
 */
import path from 'node:path';
import type {ConfigArray} from '../config/config-array.js';
import {buildResult} from '../engine/linter.js';
import type {LintResult} from '../engine/types.js';
import {findFiles} from './files.js';
import {makeLoader, type LintFilesOptions} from './lint-file.js';
import {lintEach} from './parallel/schedule.js';

export {lintFile, makeLoader} from './lint-file.js';
export type {LintFilesOptions} from './lint-file.js';

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
  // from --cache, worker threads or one by one: in file order either way (src/runner/parallel/schedule.ts)
  for await (const batch of lintEach(todo, loader, {...options, cwd})) {
    for (const {result, source} of batch) {
      results.push(result);
      options.onResult?.(result, source);
    }
  }
  return results;
}
