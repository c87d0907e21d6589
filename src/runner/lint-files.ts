/**
 * Lint files on disk: find them, load each one's config, read bytes, lint, and with `write`
 * write fixes atomically. One bad file never stops the others: it becomes a fatal result.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {ConfigArray} from '../config/config-array.js';
import {buildResult, fatalResult} from '../engine/linter.js';
import type {LintResult} from '../engine/types.js';
import {findFiles} from './files.js';
import {makeLoader, type LintFilesOptions} from './lint-file.js';
import {lintEach} from './parallel/schedule.js';

export {lintFile, makeLoader, outerLinksFor} from './lint-file.js';
export type {LintFilesOptions} from './lint-file.js';

/** Lint files, directories and globs. Public API: results in file order. */
export async function lintFiles(patterns: string | string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const list = Array.isArray(patterns) ? patterns : [patterns];
  const {files, ignoredExplicit, tooLong} = await findFiles(list, {
    cwd,
    ignorePatterns: options.ignorePatterns,
    ignoreFile: options.ignoreFile,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
  });
  options.checkFiles?.(files);
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
  for (const dir of tooLong) {
    const r = fatalResult(dir, 'directory path too long for the system to read (ENAMETOOLONG): the .vmx files under it were not linted; move or rename it');
    results.push(r);
    options.onResult?.(r, undefined);
  }
  const named = new Set(list.map((p) => path.resolve(cwd, p)));
  const todo = files.filter((file, i) => !configs[i].isIgnored(file) || named.has(file));
  // from --cache, worker threads or one by one: in file order either way (src/runner/parallel/schedule.ts);
  // another hard link to a file already in the list only after that one is done (see sameFiles)
  // only a run that fixes needs it (a patch of one file under two names would not apply either):
  // two names of one file linted side by side harm nothing, and the check costs a stat per file
  for (const list of options.fix ? sameFiles(todo) : [todo]) {
    for await (const batch of lintEach(list, loader, {...options, cwd})) {
      for (const {result, source} of batch) {
        results.push(result);
        options.onResult?.(result, source);
      }
    }
  }
  return results;
}

/**
 * The same file reached twice in a run that fixes (R31; --fix, --fix-dry-run, -f diff). A symlink and its target (one real
 * path): fixed once, under the first name. Two hard links (one inode, two real paths): each later name is linted after
 * the one before it is done; linted together, the first one's write (a rename, which splits the link)
 * made the second look "changed on disk since vmxlint read it". Each name is then fixed once.
 */
function sameFiles(files: string[]): string[][] {
  if (files.length < 2) return [files];
  const seen = new Map<string, string>();
  const realOf = (file: string) => {
    try {
      return fs.realpathSync.native(file);
    } catch {
      return file;
    }
  };
  // round k holds the k-th name of each file
  const rounds: string[][] = [[]];
  const reals = new Map<string, Set<string>>();
  for (const file of files) {
    const stat = fs.statSync(file, {throwIfNoEntry: false});
    if (!stat?.isFile()) {
      rounds[0].push(file); // reported as it is
      continue;
    }
    const id = `${stat.dev}:${stat.ino}`;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, file);
      rounds[0].push(file);
      continue;
    }
    let known = reals.get(id);
    if (!known) reals.set(id, (known = new Set([realOf(first)])));
    const real = realOf(file);
    if (known.has(real)) continue; // a symlink to a file already listed
    known.add(real);
    (rounds[known.size - 1] ??= []).push(file);
  }
  return rounds;
}
