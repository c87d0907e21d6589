/**
 * Which files to lint: explicit files, directories (recursing into *.vmx and *.vmtx) and globs
 * (tinyglobby); `.vmxlintignore` (gitignore syntax, via `ignore`) and `--ignore-pattern`;
 * node_modules and .git are always skipped.
 */
import fs from 'node:fs';
import path from 'node:path';

export const EXTENSIONS = ['vmx', 'vmtx'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export class NoFilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoFilesError';
  }
}

export interface FindOptions {
  cwd: string;
  ignorePatterns?: string[];
  /** Read `.vmxlintignore` in cwd (default true). */
  ignoreFile?: boolean;
  errorOnUnmatchedPattern?: boolean;
}

export interface FoundFiles {
  files: string[];
  /** Files named explicitly but ignored: reported with a warning, as ESLint does. */
  ignoredExplicit: string[];
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function ignoreMatcher(options: FindOptions): Promise<((rel: string) => boolean) | undefined> {
  const patterns = [...(options.ignorePatterns ?? [])];
  if (options.ignoreFile !== false) {
    const file = path.join(options.cwd, '.vmxlintignore');
    if (fs.existsSync(file)) patterns.push(...fs.readFileSync(file, 'utf8').split(/\r?\n|\r/));
  }
  if (!patterns.some((p) => p.trim() && !p.trim().startsWith('#'))) return undefined;
  const {default: ignore} = await import('ignore');
  const ig = ignore().add(patterns);
  return (rel) => rel !== '' && !rel.startsWith('../') && ig.ignores(rel);
}

/** A file a directory walk lints: what the glob `*.{vmx,vmtx}` (dot, nocase) matches in a base name. */
const VMX_NAME = /\.(?:vmx|vmtx)$/i;
/** Directories a walk never enters (ALWAYS_IGNORED, case-insensitive like the walk's own globs). */
const SKIPPED_DIR = /^(?:node_modules|\.git)$/i;

/**
 * The .vmx and .vmtx files under a directory (absolute, normalized), as tinyglobby finds them
 * with the recursive glob of `*.{vmx,vmtx}` and `{cwd: dir, absolute: true, dot: true, ignore:
 * ALWAYS_IGNORED, followSymbolicLinks: false, caseSensitiveMatch: false}`: regular files only
 * (symbolic links, to files or directories, are neither listed nor followed), dot directories
 * entered, node_modules and .git skipped, unreadable directories passed over. Unordered.
 * Like the glob (tinyglobby expands a pattern that names a directory to everything in it), every
 * file inside a directory whose own name ends in .vmx or .vmtx is listed, whatever its name.
 * A plain readdir walk: for 10,000 files about a third of tinyglobby's time (no matcher per
 * path, no path.normalize per result). test/files/walk.test.ts compares the two.
 */
export function walkVmxFiles(dir: string, out: string[] = [], everyFile = false): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, {withFileTypes: true});
  } catch {
    return out;
  }
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const entry of entries) {
    if (entry.isFile()) {
      if (everyFile || VMX_NAME.test(entry.name)) out.push(prefix + entry.name);
    } else if (entry.isDirectory() && !SKIPPED_DIR.test(entry.name)) {
      walkVmxFiles(prefix + entry.name, out, everyFile || VMX_NAME.test(entry.name));
    }
  }
  return out;
}

/**
 * A glob keeps .vmx and .vmtx files, and files of any other extension the pattern names itself
 * (`vms/*.vmsd`): so a catch-all glob lints the VMs of a tree, not its README.
 */
export function globKeeps(pattern: string, file: string): boolean {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (EXTENSIONS.includes(ext)) return true;
  const escaped = ext.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ext !== '' && new RegExp(`[.{,]${escaped}(?![a-z0-9])`, 'i').test(pattern);
}

export async function findFiles(patterns: string[], options: FindOptions): Promise<FoundFiles> {
  const {cwd} = options;
  const isIgnored = await ignoreMatcher(options);
  const found = new Set<string>();
  const ignoredExplicit: string[] = [];
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    const rel = toPosix(path.relative(cwd, abs));
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    let matches: string[];
    if (stat?.isFile() || (stat && !stat.isDirectory())) {
      if (isIgnored?.(rel)) {
        ignoredExplicit.push(abs);
        continue;
      }
      found.add(abs);
      continue;
    } else if (stat?.isDirectory()) {
      // case-insensitive: Windows hosts write `Windows 10.VMX` as well
      matches = walkVmxFiles(abs);
    } else {
      const {glob, isDynamicPattern} = await import('tinyglobby');
      if (!isDynamicPattern(pattern)) {
        // a plain path that does not exist: linted as a file, so it is reported like any unreadable file
        found.add(abs);
        continue;
      }
      matches = (await glob(pattern, {cwd, absolute: true, dot: true, ignore: ALWAYS_IGNORED, expandDirectories: false, followSymbolicLinks: false}))
        .map(path.normalize)
        .filter((f) => globKeeps(pattern, f));
    }
    const kept = matches.filter((f) => !isIgnored?.(toPosix(path.relative(cwd, f))));
    if (kept.length === 0 && options.errorOnUnmatchedPattern !== false) {
      throw new NoFilesError(
        matches.length
          ? `All files matched by "${pattern}" are ignored.`
          : stat
            ? `No .vmx or .vmtx files found in "${pattern}".`
            : `No files matching the pattern "${pattern}" were found (use --no-error-on-unmatched-pattern to allow this).`,
      );
    }
    for (const f of kept) found.add(f);
  }
  return {files: [...found].sort(), ignoredExplicit};
}
