/**
 * Properties over generated .vmx files -- real corpus lines when ../shared/corpus exists, else the
 * project's fixtures -- mutated (CRLF, lone CR, BOM, duplicate keys, missing quotes, junk lines,
 * odd whitespace): parse never throws and prints back the same text; the fix (recommended rules)
 * is idempotent, changes only the lines its applied fixes name, and its output encodes and decodes
 * back to itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from '@jest/globals';
import fc from 'fast-check';
import {applyEdits} from '../../src/engine/fixer.js';
import {lintTextSync} from '../../src/engine/linter.js';
import type {TextEdit} from '../../src/engine/types.js';
import {decode, encode, encodeForWrite} from '../../src/syntax/encoding.js';
import {parse, stringify} from '../../src/syntax/index.js';
import {CORPUS, ROOT} from './helpers.js';

const NUM_RUNS = Number(process.env.VMXLINT_PROPERTY_RUNS) || 150;

/** Lines (without line ends) of every readable file in a directory. */
function linesOf(dirs: string[]): string[] {
  const out = new Set<string>();
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((n) => /\.(vmx|vmtx)$/.test(n))) {
      try {
        for (const line of decode(new Uint8Array(fs.readFileSync(path.join(dir, name)))).text.split(/\r\n|\n|\r/)) out.add(line.replace(/^\uFEFF/, ''));
      } catch {
        // undecodable fixtures are other tests' business
      }
    }
  }
  out.delete('');
  return [...out].filter((l) => !/^\s*\.encoding\b/i.test(l)); // the generator chooses the encoding line
}

const fromCorpus = fs.existsSync(CORPUS);
const SOURCE = fromCorpus ? linesOf([CORPUS]) : linesOf([path.join(ROOT, 'fixtures/syntax'), path.join(ROOT, 'fixtures/examples')]);
const SOURCE_NAME = fromCorpus ? `${SOURCE.length} lines of ../shared/corpus` : `${SOURCE.length} fixture lines (../shared/corpus not found)`;

const eol = fc.constantFrom('\n', '\n', '\r\n', '\r\n', '\r');
const space = fc.constantFrom('', ' ', '  ', '\t', ' \t ');
const junk = fc.oneof(
  fc.string({maxLength: 30}).map((s) => s.replace(/[\r\n\0]/g, ' ')),
  fc.constantFrom('= "x"', '"', 'key', 'key = "unterminated', 'key = two words', 'a = "b" c', '#', '|', 'k=|7C|zz', '   ', '\t'),
);

/** One line: a source line, possibly mutated. */
const line = fc.oneof(
  {weight: 6, arbitrary: fc.constantFrom(...SOURCE)},
  {weight: 1, arbitrary: fc.constantFrom(...SOURCE).map((l) => l.replace(/"([^"]*)"/, '$1'))}, // missing quotes
  {weight: 1, arbitrary: fc.constantFrom(...SOURCE).map((l) => l.replace(/"\s*$/, ''))}, // unterminated
  {weight: 1, arbitrary: fc.tuple(space, fc.constantFrom(...SOURCE), space).map(([a, l, b]) => a + l.replace(/\s*=\s*/, `${b}=${a}`) + b)},
  {weight: 1, arbitrary: fc.constantFrom(...SOURCE).map((l) => l.replace(/^(\S+)/, (k) => k.toUpperCase()))}, // case-only duplicates
  {weight: 1, arbitrary: junk},
);

interface Generated {
  text: string;
  encoding: string;
}

const vmxFile: fc.Arbitrary<Generated> = fc
  .record({
    lines: fc.array(line, {maxLength: 40}),
    duplicates: fc.array(fc.nat(), {maxLength: 4}),
    eols: fc.array(eol, {minLength: 1, maxLength: 5}),
    encoding: fc.constantFrom('', 'UTF-8', 'windows-1252'),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({lines, duplicates, eols, encoding, bom, finalEol}) => {
    const all = [...lines];
    for (const d of duplicates) if (lines.length) all.splice(d % (all.length + 1), 0, lines[d % lines.length]); // exact duplicate keys
    if (encoding) all.unshift(`.encoding = "${encoding}"`);
    const text = all.map((l, i) => l + (i < all.length - 1 || finalEol ? eols[i % eols.length] : '')).join('');
    return {text: (bom ? '\uFEFF' : '') + text, encoding: encoding || 'UTF-8'};
  });

interface Line {
  text: string;
  start: number;
  end: number;
}

/** Lines with their line ends (a changed line end is a changed line). */
function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]*(\r\n|\n|\r|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0] !== '') {
    out.push({text: m[0], start: m.index, end: m.index + m[0].length});
  }
  return out;
}

/** Lines a range touches: those it overlaps; an insertion touches the lines on both sides of its point. */
function linesIn(lines: Line[], [s, e]: [number, number]): Line[] {
  return lines.filter((l) => (s === e ? l.start <= s && s <= l.end : l.start < e && s < l.end));
}

function countBy(lines: Line[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l.text, (m.get(l.text) ?? 0) + 1);
  return m;
}

/**
 * Every line removed from `before` is one the applied edits name, every line added is one they
 * produced. An edit names the whole lines its range touches; in `after`, those lines became the
 * same span shifted by the edits before it and grown by its own size change. Edits whose line spans
 * overlap are taken together.
 */
function checkOnlyNamedLines(before: string, after: string, applied: TextEdit[]): void {
  const beforeLines = splitLines(before);
  const afterLines = splitLines(after);
  const groups: Array<{s: number; e: number; delta: number}> = [];
  for (const edit of [...applied].sort((a, b) => a.range[0] - b.range[0])) {
    const hit = linesIn(beforeLines, edit.range);
    const s = Math.min(edit.range[0], hit[0]?.start ?? Infinity);
    const e = Math.max(edit.range[1], hit.at(-1)?.end ?? -Infinity);
    const delta = edit.text.length - (edit.range[1] - edit.range[0]);
    const last = groups.at(-1);
    if (last && s < last.e) Object.assign(last, {e: Math.max(last.e, e), delta: last.delta + delta});
    else groups.push({s, e, delta});
  }
  const named: Line[] = [];
  const produced: Line[] = [];
  let shift = 0;
  for (const g of groups) {
    named.push(...beforeLines.filter((l) => l.start < g.e && g.s < l.end));
    const [s, e] = [g.s + shift, g.e + shift + g.delta];
    produced.push(...afterLines.filter((l) => l.start < e && s < l.end));
    shift += g.delta;
  }
  checkCounts(countBy(beforeLines), countBy(afterLines), countBy(named), countBy(produced));
}

function checkCounts(b: Map<string, number>, a: Map<string, number>, named: Map<string, number>, produced: Map<string, number>): void {
  for (const [text, n] of b) {
    const removed = n - (a.get(text) ?? 0);
    if (removed > (named.get(text) ?? 0)) throw new Error(`line ${JSON.stringify(text)} removed ${removed}x but named by a fix ${named.get(text) ?? 0}x`);
  }
  for (const [text, n] of a) {
    const added = n - (b.get(text) ?? 0);
    if (added > (produced.get(text) ?? 0)) throw new Error(`line ${JSON.stringify(text)} added ${added}x but produced by a fix ${produced.get(text) ?? 0}x`);
  }
}

/** The engine's fix loop, pass by pass, checking each pass; returns the fixed text. */
function fixCheckingEachPass(text: string): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const result = lintTextSync(current);
    if (result.messages.some((m) => m.fatal)) break;
    const edits = result.messages.filter((m) => m.fix).map((m) => m.fix!);
    if (!edits.length) break;
    const {text: next, applied} = applyEdits(current, edits);
    if (next === current) break;
    checkOnlyNamedLines(current, next, applied);
    current = next;
  }
  return current;
}

describe(`properties over generated .vmx files (from ${SOURCE_NAME})`, () => {
  it('has lines to build files from', () => {
    expect(SOURCE.length).toBeGreaterThan(fromCorpus ? 1000 : 50);
  });

  it('parse never throws, and stringify(parse(t)) === t', () => {
    fc.assert(
      fc.property(fc.oneof(vmxFile.map((g) => g.text), fc.string({unit: 'binary', maxLength: 300})), (text) => {
        expect(stringify(parse(text))).toBe(text);
      }),
      {numRuns: NUM_RUNS * 2},
    );
  });

  it('the fix is idempotent', () => {
    let fixedFiles = 0;
    fc.assert(
      fc.property(vmxFile, ({text}) => {
        const once = lintTextSync(text, {fix: true});
        if (once.output !== undefined) fixedFiles++;
        const fixed = once.output ?? text;
        expect(lintTextSync(fixed, {fix: true}).output).toBeUndefined();
      }),
      {numRuns: NUM_RUNS},
    );
    expect(fixedFiles).toBeGreaterThan(NUM_RUNS / 4); // most generated files do get fixed: the property is not vacuous
  });

  it('the fix changes only the lines its applied fixes name', () => {
    let fixedFiles = 0;
    fc.assert(
      fc.property(vmxFile, ({text}) => {
        const fixed = fixCheckingEachPass(text);
        if (fixed !== text) fixedFiles++;
        expect(fixed).toBe(lintTextSync(text, {fix: true}).output ?? text); // the same loop as the engine's
      }),
      {numRuns: NUM_RUNS},
    );
    expect(fixedFiles).toBeGreaterThan(NUM_RUNS / 4);
  });

  it('the fixed text encodes in its declared encoding and decodes back to itself', () => {
    fc.assert(
      fc.property(vmxFile, ({text, encoding}) => {
        let bytes: Uint8Array;
        try {
          bytes = encode(text, encoding);
        } catch {
          fc.pre(false); // a generated line the file's encoding cannot hold: not a file that exists on disk
          return;
        }
        const decoded = decode(bytes).text;
        fc.pre(decoded === text); // a junk line declared another encoding first
        const fixed = lintTextSync(decoded, {fix: true}).output ?? decoded;
        const written = encodeForWrite(fixed);
        expect(decode(written).text).toBe(fixed);
      }),
      {numRuns: NUM_RUNS},
    );
  });

  it('the line check catches a fix that touches an unnamed line (the check itself can fail)', () => {
    const before = 'a = "1"\r\nb = "2"\r\nc = "3"\r\n';
    // an edit that names line 1 but whose result also rewrote line 3's line end
    expect(() => checkOnlyNamedLines(before, 'a = "9"\r\nb = "2"\r\nc = "3"\n', [{range: [0, 9], text: 'a = "9"\r\n'}])).toThrow();
    expect(() => checkOnlyNamedLines(before, 'a = "9"\r\nb = "2"\r\nc = "3"\r\n', [{range: [0, 9], text: 'a = "9"\r\n'}])).not.toThrow();
  });
});
