/** Case-insensitive key lookups: VMware treats `Vmx.AllowNested` and `vmx.allowNested` as one key. */
import type {Entry, Root} from './types.js';

/** Whether two keys name the same setting. */
export function keyEquals(a: string, b: string): boolean {
  return a.length === b.length && a.toLowerCase() === b.toLowerCase();
}

/** Every entry of the tree whose key equals `key` case-insensitively, in file order. */
export function getEntries(tree: Root, key: string): Entry[] {
  const want = key.toLowerCase();
  return tree.children.filter((n): n is Entry => n.type === 'entry' && n.key.toLowerCase() === want);
}

/** The first entry whose key equals `key` case-insensitively. */
export function getEntry(tree: Root, key: string): Entry | undefined {
  const want = key.toLowerCase();
  for (const n of tree.children) if (n.type === 'entry' && n.key.toLowerCase() === want) return n;
  return undefined;
}

const indexes = new WeakMap<Root, Map<string, Entry[]>>();

/**
 * The lower-case form of every key seen so far (the same few hundred keys recur in every file of a
 * repository; bounded). A plain object, not a Map: looking a string up as a property name lets V8
 * remember it as that name, so the rules' later look-ups of the same key (`lookupKey`) are cheap too.
 */
const lowerKeys: Record<string, string> = Object.create(null);
let lowerCount = 0;
function lowerKey(key: string): string {
  const known = lowerKeys[key];
  if (known !== undefined) return known;
  const lower = key.toLowerCase();
  if (lowerCount < 50_000) {
    lowerKeys[key] = lower;
    lowerCount++;
  }
  return lower;
}

/**
 * A case-insensitive index of a tree's entries: key (lower case) → entries in order. Built once per
 * tree and shared (context inference and every rule read the same index); a tree is not changed
 * while it is linted, fixes make a new one.
 */
export function indexEntries(tree: Root): Map<string, Entry[]> {
  const cached = indexes.get(tree);
  if (cached) return cached;
  const index = new Map<string, Entry[]>();
  indexes.set(tree, index);
  for (const n of tree.children) {
    if (n.type !== 'entry') continue;
    const k = lowerKey(n.key);
    const list = index.get(k);
    if (list) list.push(n);
    else index.set(k, [n]);
  }
  return index;
}
