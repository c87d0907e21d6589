import {describe, expect, it} from '@jest/globals';
import {RuleTester} from '../../src/engine/rule-tester.js';
import rule from '../../lib/rules/no-duplicate-keys.js';
import {parse} from '../../src/syntax/index.js';
import {duplicateKeys, getEntries, getEntriesOfKeys, getEntry, indexEntries, keyEquals} from '../../src/syntax/lookup.js';
import type {Entry} from '../../src/syntax/types.js';

new RuleTester().run('no-duplicate-keys', rule, {
  valid: [
    'a = "1"\nb = "2"\n',
    {name: 'same key in comments is fine', code: '# a = "1"\na = "1"\n'},
    {name: 'different devices', code: 'ethernet0.present = "TRUE"\nethernet1.present = "TRUE"\n'},
  ],
  invalid: [
    {
      name: 'different values: no fix',
      code: 'memsize = "1024"\nnumvcpus = "2"\nmemsize = "2048"\n',
      errors: [
        {
          messageId: 'duplicate',
          message: 'Duplicate key `memsize`: already set on line 1 (VMware refuses a file with duplicate keys)',
          line: 3,
          column: 1,
          endColumn: 8,
        },
      ],
      output: null,
    },
    {
      name: 'case-only duplicate with the same value is removed',
      code: 'msg.autoAnswer = "TRUE"\r\ndisplayName = "x"\r\nmsg.autoanswer = "TRUE"\r\n',
      errors: [{messageId: 'sameValue', message: 'Duplicate key `msg.autoanswer` with the same value as on line 1', line: 3}],
      output: 'msg.autoAnswer = "TRUE"\r\ndisplayName = "x"\r\n',
    },
    {
      name: 'last line without newline',
      code: 'a = "1"\n  A = "1"',
      errors: [{messageId: 'sameValue', line: 2, column: 3}],
      output: 'a = "1"',
    },
    {
      name: 'two problems',
      code: 'a = "1"\nb = "2"\na = "1"\nB = "3"\n',
      errors: [
        {messageId: 'sameValue', line: 3},
        {messageId: 'duplicate', line: 4},
      ],
      output: 'a = "1"\nb = "2"\nB = "3"\n',
    },
    {
      name: 'non-ASCII keys compare as lower-cased strings do (`İ` lower-cases to two characters)',
      code: '\u0130x = "1"\ni\u0307x = "2"\n',
      errors: [{messageId: 'duplicate', line: 2}],
      output: null,
    },
    {
      name: 'the Kelvin sign lower-cases to `k`',
      code: '\u212Aey = "1"\nkey = "1"\n',
      errors: [{messageId: 'sameValue', line: 2}],
      output: '\u212Aey = "1"\n',
    },
  ],
});

// The rule and the engine's key index fold ASCII letters in place instead of lower-casing each key:
// they must answer exactly as `key.toLowerCase()` would, for any key.
describe('key look-ups agree with toLowerCase', () => {
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16) % n;
  const ALPHABET = ['a', 'A', 'b', 'B', '.', '0', 'k', 'K', 'i', 'I', '\u0130', '\u0307', '\u212A', '\u00DF', '\u00C9', '\u00E9'];
  const key = () => Array.from({length: 1 + random(4)}, () => ALPHABET[random(ALPHABET.length)]).join('');
  const lower = (k: string) => k.toLowerCase();
  const equalLists = (a: Entry[], b: Entry[] | undefined) => b !== undefined && a.length === b.length && a.every((e, i) => e === b[i]);

  it('on random trees: duplicates, the index (lazy and whole), getEntry/getEntries and keyEquals', () => {
    for (let round = 0; round < 200; round++) {
      const keys = Array.from({length: 1 + random(30)}, key);
      const text = keys.map((k, i) => `${k} = "${i}"\n`).join('');
      const tree = parse(text);
      const entries = tree.children.filter((n): n is Entry => n.type === 'entry');
      expect(entries.map((e) => e.key)).toEqual(keys);

      const naive = new Map<string, Entry[]>();
      for (const e of entries) naive.set(lower(e.key), [...(naive.get(lower(e.key)) ?? []), e]);
      const expectedDuplicates = new Map<Entry, Entry>();
      for (const list of naive.values()) for (const e of list.slice(1)) expectedDuplicates.set(e, list[0]);
      expect(duplicateKeys(tree)).toEqual(expectedDuplicates.size ? expectedDuplicates : null);

      const probes = [...keys, key(), key()];
      const index = indexEntries(tree);
      const wrong: unknown[] = [];
      for (const k of probes) {
        const want = naive.get(lower(k));
        if (index.get(lower(k)) !== undefined ? !equalLists(index.get(lower(k))!, want) : want !== undefined) wrong.push(['get', k]);
        if (index.has(lower(k)) !== (want !== undefined)) wrong.push(['has', k]);
        if (!equalLists(getEntries(tree, k), want ?? [])) wrong.push(['getEntries', k]);
        if (getEntry(tree, k) !== want?.[0]) wrong.push(['getEntry', k]);
        for (const other of probes) if (keyEquals(k, other) !== (k.length === other.length && lower(k) === lower(other))) wrong.push(['keyEquals', k, other]);
      }
      expect(wrong).toEqual([]);
      // several keys in one pass: on a fresh tree, and on one whose index already answered some
      const many = probes.map(lower);
      const lines = (list: Entry[] | undefined) => list?.map((e) => e.position.start.line);
      const manyWant = many.map((k) => lines(naive.get(k)));
      const fresh = parse(text);
      indexEntries(fresh).get(many[0]);
      for (const t of [parse(text), fresh, tree]) expect(getEntriesOfKeys(t, many).map(lines)).toEqual(manyWant);
      // a frozen list of distinct ASCII keys on a fresh tree takes the planned pass (as role inference does)
      const planned = Object.freeze([...new Set(many)].filter((k) => /^[\x00-\x7f]*$/.test(k)));
      const planned2 = Object.freeze([...planned, 'zz', 'a.b']);
      for (const keysList of [planned, planned2, planned]) {
        const t = parse(text);
        expect(getEntriesOfKeys(t, keysList).map(lines)).toEqual(keysList.map((k) => lines(naive.get(k))));
        expect(keysList.map((k) => lines(indexEntries(t).get(k)))).toEqual(keysList.map((k) => lines(naive.get(k))));
      }
      // reading more than `get` makes the whole index, in file order
      expect([...index]).toEqual([...naive]);
      expect(index.size).toBe(naive.size);
      expect(probes.filter((k) => index.get(lower(k)) !== naive.get(lower(k)) && !equalLists(index.get(lower(k))!, naive.get(lower(k))))).toEqual([]);
    }
  });

  it('past the bound of the key table (50,000 keys), still finds every duplicate', () => {
    const keys = Array.from({length: 50_100}, (_, i) => `key${i}`);
    const text = [...keys, 'KEY7', 'key50099', 'Key50050'].map((k) => `${k} = "1"\n`).join('');
    const tree = parse(text);
    const found = duplicateKeys(tree)!;
    expect([...found].map(([later, first]) => [later.key, first.key])).toEqual([
      ['KEY7', 'key7'],
      ['key50099', 'key50099'],
      ['Key50050', 'key50050'],
    ]);
  });
});
