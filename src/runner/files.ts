/**
 * Which files to lint: explicit files, directories (recursing into *.vmx and *.vmtx) and globs
 * (tinyglobby); `.vmxlintignore` (gitignore syntax, via `ignore`) and `--ignore-pattern`;
 * node_modules and .git are always skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import {readRegularFileSync} from './io/read.js';

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
  /** Directories a walk could not read because their path is too long (ENAMETOOLONG). */
  tooLong: string[];
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function ignoreMatcher(options: FindOptions): Promise<((rel: string) => boolean) | undefined> {
  const patterns = [...(options.ignorePatterns ?? [])];
  if (options.ignoreFile !== false) {
    const file = path.join(options.cwd, '.vmxlintignore');
    if (fs.existsSync(file)) {
      let text: string;
      try {
        // non-blocking, regular files only: a FIFO there cannot hang the run (R14)
        text = readRegularFileSync(file, 16 * 1024 * 1024).toString('utf8').replace(/^\uFEFF/, '');
      } catch (error) {
        throw new NoFilesError(`${file}: cannot read the ignore file: ${(error as Error).message}`);
      }
      patterns.push(...text.split(/\r?\n|\r/));
    }
  }
  if (!patterns.some((p) => p.trim() && !p.trim().startsWith('#'))) return undefined;
  const {default: ignore} = await import('ignore');
  const ig = ignore().add(patterns);
  return (rel) => {
    if (rel === '' || rel.startsWith('../')) return false;
    try {
      return ig.ignores(rel);
    } catch (error) {
      // a pattern `ignore` cannot compile (a 100,000-character one): named, in one short line (R23)
      const bad = patterns.find((p) => {
        try {
          ignore().add(p).ignores('x');
          return false;
        } catch {
          return true;
        }
      });
      const shown = bad === undefined ? '' : ` "${bad.length > 60 ? `${bad.slice(0, 60)}…` : bad}"`;
      const why = ((error as Error).message.split(':').at(-1) ?? '').trim();
      throw new NoFilesError(`invalid ignore pattern${shown}${why ? `: ${why}` : ''}`);
    }
  };
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
 * Unlike that glob (tinyglobby expands a pattern that names a directory to everything in it), a
 * directory whose own name ends in .vmx or .vmtx is a directory: only the .vmx and .vmtx files
 * in it are listed, never its `settings.ini` (R6 in docs/reliability.md).
 * A plain readdir walk: for 10,000 files about a third of tinyglobby's time (no matcher per
 * path, no path.normalize per result). test/files/walk.test.ts compares the two.
 * `tooLong` collects the directories whose path is too long for the system to read (ENAMETOOLONG):
 * they are reported, not passed over in silence.
 */
export function walkVmxFiles(dir: string, out: string[] = [], tooLong?: string[]): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, {withFileTypes: true});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') tooLong?.push(dir);
    return out;
  }
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const entry of entries) {
    if (entry.isFile()) {
      if (VMX_NAME.test(entry.name)) out.push(prefix + entry.name);
    } else if (entry.isDirectory() && !SKIPPED_DIR.test(entry.name)) {
      walkVmxFiles(prefix + entry.name, out, tooLong);
    }
  }
  return out;
}

/**
 * `fs.readdir` for tinyglobby's walker (fdir), which passes over a directory it cannot read in
 * silence: this one notes the directories whose path is too long to read (ENAMETOOLONG, R34), so
 * a glob reports them as the directory walk does, then hands the error on unchanged.
 */
function noticingTooLong(tooLong: string[]): typeof fs.readdir {
  const readdir = (dir: fs.PathLike, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: unknown) => void): void => {
    fs.readdir(dir, options as {withFileTypes: true}, (error, entries) => {
      if (error?.code === 'ENAMETOOLONG') {
        const name = path.normalize(String(dir));
        tooLong.push(name.length > 1 && name.endsWith(path.sep) ? name.slice(0, -1) : name);
      }
      callback(error, entries);
    });
  };
  return readdir as unknown as typeof fs.readdir;
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
  const tooLong: string[] = [];
  for (const pattern of patterns) {
    const tooLongBefore = tooLong.length;
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
      matches = walkVmxFiles(abs, [], tooLong);
    } else {
      const {glob, isDynamicPattern} = await import('tinyglobby');
      if (!isDynamicPattern(pattern)) {
        // a plain path that does not exist: linted as a file, so it is reported like any unreadable file
        found.add(abs);
        continue;
      }
      matches = (await glob(pattern, {cwd, absolute: true, dot: true, ignore: ALWAYS_IGNORED, expandDirectories: false, followSymbolicLinks: false, fs: {readdir: noticingTooLong(tooLong)}}))
        .map(path.normalize)
        .filter((f) => globKeeps(pattern, f));
    }
    const kept = matches.filter((f) => !isIgnored?.(toPosix(path.relative(cwd, f))));
    // a pattern that reached a directory too long to read matched something it could not list: not "no files"
    if (kept.length === 0 && tooLong.length === tooLongBefore && options.errorOnUnmatchedPattern !== false) {
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
  // each directory once (two patterns may reach it), in a stable order, unless it is ignored
  const unreadable = [...new Set(tooLong)].filter((dir) => !isIgnored?.(`${toPosix(path.relative(cwd, dir))}/`)).sort();
  return {files: [...found].sort(), ignoredExplicit, tooLong: unreadable};
}
