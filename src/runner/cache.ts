/**
 * `--cache`: remember each file's result, keyed on its content, its config and the vmxlint
 * version, and replay it when none of them changed (ESLint's `--cache`, content strategy).
 *
 * A file whose size, mtime, ctime and inode are as recorded is not read again; any other file is
 * read and its content hash compared, so a `touch` costs a read but no lint. Entries written
 * within FS_TICK_NS of saving the cache are "racily clean" (git's term): a same-size edit in the
 * same timestamp tick would keep the stat unchanged, so those are always checked by content.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {LintMessage, LintResult, TextEdit} from '../engine/types.js';
import {sha1} from './hash.js';
import {makeDirectories, readRegularFileSync, type FileIdentity} from './io/read.js';

/** Bumped when the file layout changes; an older file is discarded. */
const FORMAT = 3;
/** Coarsest timestamp granularity worth trusting (FAT has 2 s). */
const FS_TICK_NS = 2_000_000_000n;

/** A result without what is per-run or large: path (the key), source, output. */
export type CachedResult = Omit<LintResult, 'filePath' | 'source' | 'output'>;

/**
 * A file's entry: path, stat at lint time (size, then mtime, ctime and inode in nanoseconds as
 * decimal strings), content hash, config key, result. On disk (FileRow) the config key and the
 * result are indexes into the file's tables; the rows JSON.parse gives are turned into entries in
 * place (no object per file besides the row itself).
 */
type Entry = [file: string, size: number, mtimeNs: string, ctimeNs: string, ino: string, hash: string, config: string, result: CachedResult, deps: Deps];

/**
 * Other files the result depends on: an inner VM's chain of outer VM files (`outer` link), each
 * with a fingerprint of its content and config (`null`: none). Editing an outer file re-lints its inners.
 */
export type Deps = Array<[file: string, fingerprint: string]> | null;

/** An entry on disk: the same, with indexes into `configs` and `results`. */
type FileRow = [string, number, string, string, string, string, number, number, Deps];

/**
 * The cache file. Config keys and results are kept once each and referred to by index: files
 * with the same result (copies of one template, clean files) share one, so a re-run parses one
 * small table instead of one result per file (a 10,000-file repo's cache: 14 MB → 2 MB, its
 * JSON.parse 125 → 12 ms on the development machine).
 */
interface CacheFile {
  format: number;
  version: string;
  /** When the cache was written (ns since the epoch). */
  savedNs: string;
  configs: string[];
  results: CachedResult[];
  files: FileRow[];
}

type StoredMessage = LintMessage & {suppressions?: Array<{kind: 'directive' | 'file'; justification: string}>};

function copyEdit(edit: TextEdit): TextEdit {
  return {...edit, range: edit.range.slice() as TextEdit['range']};
}

function copyMessage<M extends StoredMessage>(message: M): M {
  const copy = {...message};
  if (message.fix) copy.fix = copyEdit(message.fix);
  if (message.suggestions) copy.suggestions = message.suggestions.map((s) => ({...s, fix: copyEdit(s.fix)}));
  if (message.suppressions) copy.suppressions = message.suppressions.map((s) => ({...s}));
  if (message.relatedLocations) copy.relatedLocations = message.relatedLocations.map((l) => ({...l}));
  return copy;
}

/** A cached result as a replay hands it out: its own objects (entries with the same result share one, see CacheFile). */
export function copyResult(result: CachedResult): CachedResult {
  return {
    ...result,
    messages: result.messages.map(copyMessage),
    suppressedMessages: result.suppressedMessages.map(copyMessage),
    usedDeprecatedRules: result.usedDeprecatedRules.map((u) => ({...u, replacedBy: u.replacedBy.slice()})),
  };
}

/** Whether a parsed result has the arrays a replay copies (a hand-edited or damaged file may not). */
function isResult(value: unknown): value is CachedResult {
  const r = value as CachedResult | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    Array.isArray(r.messages) &&
    Array.isArray(r.suppressedMessages) &&
    Array.isArray(r.usedDeprecatedRules) &&
    // every element too: `messages: [null]` or `usedDeprecatedRules: [{}]` would crash the replay (R23)
    r.messages.every(isMessage) &&
    r.suppressedMessages.every(isMessage) &&
    r.usedDeprecatedRules.every((u) => typeof u === 'object' && u !== null && typeof u.ruleId === 'string' && Array.isArray(u.replacedBy))
  );
}

function isMessage(m: unknown): boolean {
  const message = m as {message?: unknown; severity?: unknown; line?: unknown; column?: unknown} | null;
  return typeof message === 'object' && message !== null && typeof message.message === 'string' && typeof message.severity === 'number' && typeof message.line === 'number' && typeof message.column === 'number';
}

/** What the stat says about a cached file. */
export type Lookup = {hit: CachedResult} | {verify: Entry} | undefined;

export {packageVersion} from './version.js';

/** The file the cache lives in: `location` itself, or a per-directory file inside it when it is a directory (ESLint's rule). */
export function cacheFilePath(location: string, cwd: string): string {
  const abs = path.resolve(cwd, location);
  let isDir = /[\\/]$/.test(location);
  try {
    isDir ||= fs.statSync(abs).isDirectory();
  } catch {
    // does not exist yet: a file, unless spelled with a trailing slash
  }
  return isDir ? path.join(abs, `.vmxlintcache_${sha1(cwd, 'hex').slice(0, 10)}`) : abs;
}

type Identity = Pick<FileIdentity, 'size' | 'mtimeNs' | 'ctimeNs' | 'ino'>;

/** Whether an entry's stat is the file's (compared field by field, cheapest first). */
function sameStat(entry: Entry, identity: Identity): boolean {
  return entry[1] === Number(identity.size) && entry[2] === String(identity.mtimeNs) && entry[3] === String(identity.ctimeNs) && entry[4] === String(identity.ino);
}

function setStat(entry: Entry, identity: Identity): void {
  entry[1] = Number(identity.size);
  entry[2] = String(identity.mtimeNs);
  entry[3] = String(identity.ctimeNs);
  entry[4] = String(identity.ino);
}

/** Whether a decimal integer string is at least `than` (both without leading zeros). */
function atLeast(value: string, than: string): boolean {
  const negative = value.startsWith('-');
  if (negative !== than.startsWith('-')) return !negative;
  if (value.length !== than.length) return (value.length > than.length) !== negative;
  return negative ? value <= than : value >= than;
}

export class LintCache {
  /** The entries read from the file, in its (sorted) order. */
  private rows: Entry[] = [];
  /** A lookup in file order takes the next row; the first that does not (or any change) builds this index. */
  private next = 0;
  private index: Map<string, Entry> | undefined;
  /** mtimes from here on (decimal ns) are within FS_TICK_NS of the save: "racily clean". */
  private racyFrom = '0';
  private changed = false;

  constructor(
    readonly file: string,
    readonly version: string,
  ) {
    let data: CacheFile | undefined;
    try {
      // a FIFO, a device or a huge file there is no cache: never a hang (R13)
      data = JSON.parse(readRegularFileSync(file).toString('utf8')) as CacheFile;
    } catch {
      return; // no cache yet, or unreadable: start empty, never fail the run
    }
    if (data?.format !== FORMAT || data.version !== version || !Array.isArray(data.files) || !Array.isArray(data.configs) || !Array.isArray(data.results)) {
      this.changed = true; // another version's results (or layout): all stale, rewrite the file
      return;
    }
    try {
      this.racyFrom = String(BigInt(data.savedNs) - FS_TICK_NS);
    } catch {
      this.changed = true;
      return;
    }
    const {configs, results} = data;
    for (const raw of data.files as unknown[]) {
      const row = raw as FileRow;
      const valid =
        Array.isArray(raw) && row.length === 9 && (row[8] === null || Array.isArray(row[8])) && typeof row[0] === 'string' && typeof row[1] === 'number' && typeof row[2] === 'string' && typeof row[3] === 'string' && typeof row[4] === 'string';
      const config = valid ? configs[row[6]] : undefined;
      const result = config === undefined ? undefined : results[row[7]];
      // a damaged entry is forgotten (its file is linted again), not trusted
      if (typeof config !== 'string' || !isResult(result)) {
        this.changed = true;
        continue;
      }
      const entry = row as unknown as Entry;
      entry[6] = config;
      entry[7] = result;
      this.rows.push(entry);
    }
  }

  private entry(file: string): Entry | undefined {
    if (this.index === undefined) {
      const row = this.rows[this.next];
      if (row !== undefined && row[0] === file) {
        this.next++;
        return row;
      }
    }
    return this.indexed().get(file);
  }

  private indexed(): Map<string, Entry> {
    if (this.index === undefined) {
      this.index = new Map();
      for (const row of this.rows) this.index.set(row[0], row);
    }
    return this.index;
  }

  /** The cached result when the stat alone proves the file unchanged; `verify` when only its content can tell. */
  lookup(file: string, identity: Pick<FileIdentity, 'size' | 'mtimeNs' | 'ctimeNs' | 'ino'>, config: string, depsUnchanged?: (deps: NonNullable<Deps>) => boolean): Lookup {
    const entry = this.entry(file);
    if (!entry || entry[6] !== config) return undefined;
    if (entry[8] !== null && !(depsUnchanged?.(entry[8]) ?? false)) return undefined;
    return sameStat(entry, identity) && !atLeast(entry[2], this.racyFrom) ? {hit: entry[7]} : {verify: entry};
  }

  /** After reading a `verify` file: its result when the content is the one cached (the stat is refreshed). */
  confirm(file: string, entry: Entry, identity: FileIdentity, hash: string): CachedResult | undefined {
    if (entry[5] !== hash) return undefined;
    // a new stat, or a racy entry that a save now will make trusted: rewrite the cache
    if (!sameStat(entry, identity) || atLeast(entry[2], this.racyFrom)) {
      setStat(entry, identity);
      this.changed = true;
    }
    return entry[7];
  }

  /** Remember a fresh result (only a plain lint result of the bytes on disk is worth keeping). */
  store(file: string, identity: FileIdentity, hash: string, config: string, result: LintResult, deps: Deps = null): void {
    if (result.output !== undefined || result.fatalErrorCount > 0) {
      this.forget(file);
      return;
    }
    const {filePath: _path, source: _source, output: _output, ...kept} = result;
    const entry: Entry = [file, 0, '', '', '', hash, config, kept, deps];
    setStat(entry, identity);
    this.indexed().set(file, entry);
    this.changed = true;
  }

  /** Every outer VM file the cached results depend on. */
  depFiles(): Set<string> {
    const files = new Set<string>();
    for (const row of this.index ? this.index.values() : this.rows) for (const [file] of row[8] ?? []) files.add(file);
    return files;
  }

  forget(file: string): void {
    if (this.indexed().delete(file)) this.changed = true;
  }

  /** Write the cache (temp file + rename: a crash never leaves half a cache). Returns why it could not, or undefined. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      makeDirectories(path.dirname(this.file));
      fs.writeFileSync(tmp, this.serialize());
      fs.renameSync(tmp, this.file);
      this.changed = false;
      return undefined;
    } catch (error) {
      try {
        fs.rmSync(tmp, {force: true});
      } catch {
        // nothing was written there
      }
      return `cannot write the cache ${this.file}: ${(error as Error).message}`;
    }
  }

  /** The CacheFile as JSON, each config key and each distinct result (by its JSON) written once. */
  private serialize(): string {
    const configs = new Map<string, number>();
    const results = new Map<string, number>();
    const byObject = new Map<CachedResult, number>();
    const rows: string[] = [];
    // in path order, the order the next run looks them up in
    const entries = this.index ? [...this.index.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) : this.rows;
    for (const [file, size, mtimeNs, ctimeNs, ino, hash, config, result, deps] of entries) {
      let c = configs.get(config);
      if (c === undefined) configs.set(config, (c = configs.size));
      let r = byObject.get(result);
      if (r === undefined) {
        const json = JSON.stringify(result);
        r = results.get(json);
        if (r === undefined) results.set(json, (r = results.size));
        byObject.set(result, r);
      }
      rows.push(JSON.stringify([file, size, mtimeNs, ctimeNs, ino, hash, c, r, deps ?? null] satisfies FileRow));
    }
    const head = {format: FORMAT, version: this.version, savedNs: String(BigInt(Date.now()) * 1_000_000n), configs: [...configs.keys()]};
    return `${JSON.stringify(head).slice(0, -1)},"results":[${[...results.keys()].join(',')}],"files":[${rows.join(',')}]}`;
  }
}
