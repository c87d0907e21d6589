/** Case-insensitive key lookups: VMware treats `Vmx.AllowNested` and `vmx.allowNested` as one key. */
import type {Entry, Root} from './types.js';

/*
 * Keys are compared as `key.toLowerCase()` compares them. Keys are nearly always ASCII: the helpers
 * below fold ASCII letters in place (no new string per key, per file) and hand anything else to
 * `toLowerCase()` itself, so they answer exactly as the lower-cased strings would.
 */

/**
 * Whether `key.toLowerCase() === lower`, without building the lower-case string for an ASCII key.
 * Lower-casing never shortens a string (only `İ` lengthens it, to `i̇`) and maps characters one by
 * one, so the ASCII characters before the first other one stay where they are.
 */
function lowerEquals(key: string, lower: string): boolean {
  const n = key.length;
  if (n > lower.length) return false;
  for (let i = 0; i < n; i++) {
    let c = key.charCodeAt(i);
    if (c > 0x7f) return key.toLowerCase() === lower;
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return n === lower.length;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Whether two keys name the same setting. */
export function keyEquals(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x > 0x7f || y > 0x7f) return a.toLowerCase() === b.toLowerCase();
    if (x >= 0x41 && x <= 0x5a) x |= 0x20;
    if (y >= 0x41 && y <= 0x5a) y |= 0x20;
    if (x !== y) return false;
  }
  return true;
}

/** Every entry of the tree whose key equals `key` case-insensitively, in file order. */
export function getEntries(tree: Root, key: string): Entry[] {
  return entriesWithLowerKey(tree, key.toLowerCase()) ?? [];
}

/** The first entry whose key equals `key` case-insensitively. */
export function getEntry(tree: Root, key: string): Entry | undefined {
  const want = key.toLowerCase();
  for (const n of tree.children) if (n.type === 'entry' && lowerEquals(n.key, want)) return n;
  return undefined;
}

/** The entries whose lower-cased key is `lower`, in file order; `undefined` when there is none. */
function entriesWithLowerKey(tree: Root, lower: string): Entry[] | undefined {
  // only ASCII and the Kelvin sign lower-case to ASCII, one character each: an ASCII key (as every
  // key rules ask for) can only be the lower-case form of a key of its own length
  const length = isAscii(lower) ? lower.length : -1;
  let found: Entry[] | undefined;
  for (const n of tree.children) {
    if (n.type !== 'entry' || (length !== -1 && n.key.length !== length)) continue;
    if (lowerEquals(n.key, lower)) (found ??= []).push(n);
  }
  return found;
}

/*
 * Every key seen so far gets a number for its lower-case form (`Memsize` and `memsize` share one):
 * the same few hundred keys recur in every file of a repository, so a file's keys are numbered by
 * one look-up each and compared as numbers. The table is a plain object, not a Map: looking a
 * string up as a property name lets V8 remember it as that name, so the rules' later look-ups of
 * the same key (`lookupKey`) are cheap too. Bounded: past the limit, keys are lower-cased each time.
 */
const MAX_KEYS = 50_000;
const idOfKey: Record<string, number> = Object.create(null);
let keysSeen = 0;
const idOfLower = new Map<string, number>();
const lowerOfId: string[] = [];

/** The number of the key's lower-case form, or -1 once the table is full. */
function lowerKeyId(key: string): number {
  const known = idOfKey[key];
  if (known !== undefined) return known;
  const lower = key.toLowerCase();
  let id = idOfLower.get(lower);
  if (id === undefined) {
    if (lowerOfId.length >= MAX_KEYS) return -1;
    id = lowerOfId.length;
    lowerOfId.push(lower);
    idOfLower.set(lower, id);
  }
  if (keysSeen < MAX_KEYS) {
    idOfKey[key] = id;
    keysSeen++;
  }
  return id;
}

/** `key.toLowerCase()`, the same string object each time for a known key. */
function lowerKey(key: string): string {
  const id = lowerKeyId(key);
  return id === -1 ? key.toLowerCase() : lowerOfId[id];
}

/**
 * How `getAll` finds a list of distinct ASCII keys in one pass: an ASCII key is only the lower-case
 * form of a key of its own length (see `entriesWithLowerKey`), so the keys are chained by length:
 * `first[length]`, then `next[j]` (-1 ends a chain).
 */
interface Plan {
  first: Int32Array;
  next: Int32Array;
}
const plans = new WeakMap<readonly string[], Plan | null>();

/** The plan for a frozen list of keys (worked out once), `undefined` for any other list. */
function planOf(keys: readonly string[]): Plan | undefined {
  if (!Object.isFrozen(keys)) return undefined;
  let plan = plans.get(keys);
  if (plan === undefined) {
    plan = null;
    if (keys.every(isAscii) && new Set(keys).size === keys.length) {
      const first = new Int32Array(Math.max(0, ...keys.map((k) => k.length)) + 1).fill(-1);
      const next = new Int32Array(keys.length);
      for (let j = keys.length - 1; j >= 0; j--) {
        next[j] = first[keys[j].length];
        first[keys[j].length] = j;
      }
      plan = {first, next};
    }
    plans.set(keys, plan);
  }
  return plan ?? undefined;
}

/** Marks a key known to have no entry, in an index that is not complete yet. */
const ABSENT: Entry[] = [];

/**
 * The index `indexEntries` returns: a complete Map of lower-case key → entries. A file is linted with
 * a handful of `get`s (`.encoding`, `guestOS`, the nesting keys): each is answered by one pass over
 * the lines and remembered, and the whole index is built only when something reads more than `get`
 * and `has` (its size, its keys, an iteration).
 */
class EntryIndex extends Map<string, Entry[]> {
  private complete = false;
  constructor(private readonly tree: Root) {
    super();
  }

  override get(key: string): Entry[] | undefined {
    if (this.complete) return super.get(key);
    const known = super.get(key);
    if (known !== undefined) return known === ABSENT ? undefined : known;
    const found = entriesWithLowerKey(this.tree, key);
    super.set(key, found ?? ABSENT);
    return found;
  }
  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** `get` for several keys, those not asked yet found in one pass over the lines. */
  getAll(keys: readonly string[]): Array<Entry[] | undefined> {
    const out = new Array<Entry[] | undefined>(keys.length);
    // a fresh index and a frozen list of keys (role inference asks one for every file): the plan is made once
    const plan = !this.complete && this.sizeOfMap() === 0 ? planOf(keys) : undefined;
    if (plan !== undefined) {
      const {first, next} = plan;
      for (const n of this.tree.children) {
        if (n.type !== 'entry' || n.key.length >= first.length) continue;
        for (let j = first[n.key.length]; j !== -1; j = next[j]) {
          if (lowerEquals(n.key, keys[j])) (out[j] ??= []).push(n);
        }
      }
      for (let j = 0; j < keys.length; j++) super.set(keys[j], out[j] ?? ABSENT);
      return out;
    }
    let pending: number[] | undefined;
    for (let j = 0; j < keys.length; j++) {
      const known = this.complete ? undefined : super.get(keys[j]);
      if (this.complete || known !== undefined || !isAscii(keys[j])) out[j] = this.get(keys[j]);
      else (pending ??= []).push(j);
    }
    if (pending === undefined) return out;
    // as in `entriesWithLowerKey`, an ASCII key is only the lower-case form of a key of its length:
    // the keys still to find by length (`first[length]`, then `next[j]`)
    const first: number[] = [];
    const next: number[] = [];
    for (const j of pending) {
      next[j] = first[keys[j].length] ?? -1;
      first[keys[j].length] = j;
    }
    for (const n of this.tree.children) {
      if (n.type !== 'entry') continue;
      for (let j = first[n.key.length] ?? -1; j !== -1; j = next[j]) {
        if (lowerEquals(n.key, keys[j])) (out[j] ??= []).push(n);
      }
    }
    for (const j of pending) super.set(keys[j], out[j] ?? ABSENT);
    return out;
  }
  override get size(): number {
    return this.built().sizeOfMap();
  }
  override keys(): MapIterator<string> {
    return this.built().keysOfMap();
  }
  override values(): MapIterator<Entry[]> {
    return this.built().valuesOfMap();
  }
  override entries(): MapIterator<[string, Entry[]]> {
    return this.built().entriesOfMap();
  }
  override [Symbol.iterator](): MapIterator<[string, Entry[]]> {
    return this.built().entriesOfMap();
  }
  override forEach(fn: (value: Entry[], key: string, map: Map<string, Entry[]>) => void, thisArg?: unknown): void {
    this.built();
    super.forEach(fn, thisArg);
  }
  override set(key: string, value: Entry[]): this {
    this.built();
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    this.built();
    return super.delete(key);
  }
  override clear(): void {
    this.complete = true;
    super.clear();
  }

  private sizeOfMap(): number {
    return super.size;
  }
  private keysOfMap(): MapIterator<string> {
    return super.keys();
  }
  private valuesOfMap(): MapIterator<Entry[]> {
    return super.values();
  }
  private entriesOfMap(): MapIterator<[string, Entry[]]> {
    return super.entries();
  }

  /** Fill the whole index (once), in file order. */
  private built(): this {
    if (this.complete) return this;
    this.complete = true;
    super.clear();
    for (const n of this.tree.children) {
      if (n.type !== 'entry') continue;
      const k = lowerKey(n.key);
      const list = super.get(k);
      if (list) list.push(n);
      else super.set(k, [n]);
    }
    return this;
  }
}

const indexes = new WeakMap<Root, Map<string, Entry[]>>();

/**
 * A case-insensitive index of a tree's entries: key (lower case) → entries in order. Made once per
 * tree and shared (context inference and every rule read the same index); a tree is not changed
 * while it is linted, fixes make a new one. Filled as it is read: `get` and `has` look one key up.
 */
export function indexEntries(tree: Root): Map<string, Entry[]> {
  let index = indexes.get(tree);
  if (index === undefined) {
    index = new EntryIndex(tree);
    indexes.set(tree, index);
  }
  return index;
}

/**
 * The entries of several lower-case keys (`indexEntries(tree).get(key)` for each, in order), found
 * in one pass over the lines.
 */
export function getEntriesOfKeys(tree: Root, keys: readonly string[]): Array<Entry[] | undefined> {
  return (indexEntries(tree) as EntryIndex).getAll(keys);
}

/* ---------------------------------------------------------------- duplicate keys */

// per key number: the stamp of the last file that had the key, and the line of its first entry there
let seenIn = new Int32Array(1024);
let firstLine = new Int32Array(1024);
let stamp = 0;

/**
 * Each entry whose key (case-insensitively) an earlier entry already has, mapped to the first entry
 * with that key; `null` when the tree has no duplicate key (most files). Keys are compared by their
 * numbers: no string and no list per key.
 */
export function duplicateKeys(tree: Root): Map<Entry, Entry> | null {
  if (++stamp === 0x7fffffff) {
    seenIn.fill(0);
    stamp = 1;
  }
  const lines = tree.children;
  let found: Map<Entry, Entry> | null = null;
  for (let i = 0; i < lines.length; i++) {
    const n = lines[i];
    if (n.type !== 'entry') continue;
    const id = lowerKeyId(n.key);
    if (id === -1) return duplicateKeysByName(tree);
    if (id >= seenIn.length) {
      const grown = new Int32Array(Math.max(seenIn.length * 2, id + 1));
      grown.set(seenIn);
      seenIn = grown;
      const lines2 = new Int32Array(grown.length);
      lines2.set(firstLine);
      firstLine = lines2;
    }
    if (seenIn[id] === stamp) {
      (found ??= new Map()).set(n, lines[firstLine[id]] as Entry);
    } else {
      seenIn[id] = stamp;
      firstLine[id] = i;
    }
  }
  return found;
}

/** `duplicateKeys` by lower-cased names (once the key table is full). */
function duplicateKeysByName(tree: Root): Map<Entry, Entry> | null {
  const first = new Map<string, Entry>();
  let found: Map<Entry, Entry> | null = null;
  for (const n of tree.children) {
    if (n.type !== 'entry') continue;
    const lower = n.key.toLowerCase();
    const earlier = first.get(lower);
    if (earlier) (found ??= new Map()).set(n, earlier);
    else first.set(lower, n);
  }
  return found;
}
