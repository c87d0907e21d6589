/**
 * The reliability fuzzer (docs/reliability.md): generated .vmx bytes -- real corpus lines when
 * ../shared/corpus exists, else the project's fixtures -- mutated the ways the December 2026 trials
 * broke vmxlint (BOMs, lying, doubled, late and odd `.encoding` names, directives, a last line
 * without a newline, stray quotes, legacy code pages), and five checks per input:
 * no throw; byte round trip; fix idempotent; lines no message names unchanged; patch = fix.
 * Used by test/reliability/trials-fuzz.test.ts (a few seeded runs in `npm test`) and by
 * test/fuzz/harness.fuzz.ts (`npm run fuzz`: many runs).
 */
import fs from 'node:fs';
import path from 'node:path';
import {applyPatch} from 'diff';
import fc from 'fast-check';
import {patchOf} from '../../src/cli/patch.js';
import {lintBytes} from '../../src/engine/linter.js';
import {decode, encode, encodeForWrite} from '../../src/syntax/encoding.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

function sourceLines(): string[] {
  const dirs = fs.existsSync(CORPUS) ? [CORPUS] : [path.join(ROOT, 'fixtures/syntax'), path.join(ROOT, 'fixtures/examples')];
  const out = new Set<string>();
  for (const d of dirs) {
    if (!fs.existsSync(d)) continue;
    for (const name of fs.readdirSync(d).filter((f) => /\.(vmx|vmtx)$/.test(f)).slice(0, 60)) {
      try {
        for (const l of decode(new Uint8Array(fs.readFileSync(path.join(d, name)))).text.split(/\r\n|\n|\r/)) if (l && !/^\s*\.encoding/i.test(l) && !l.startsWith('\uFEFF')) out.add(l);
      } catch {
        // an undecodable file is other tests' business
      }
    }
  }
  return [...out];
}

export const SOURCE = sourceLines();
export const FROM_CORPUS = fs.existsSync(CORPUS);

const ENCODINGS = ['UTF-8', 'utf8', 'windows-1252', 'windows-1251', 'ISO-8859-2', 'KOI8-R', 'Shift_JIS', 'GBK', 'base64', 'hex', 'UTF-16LE', 'ucs2', 'u.t.f-8', 'klingon'];
const line = fc.oneof(
  {weight: 8, arbitrary: fc.constantFrom(...SOURCE)},
  {weight: 1, arbitrary: fc.constantFrom(...SOURCE).map((l) => l.replace(/"([^"]*)"/, '$1"'))}, // a stray quote
  {weight: 1, arbitrary: fc.constantFrom('# vmxlint-disable-next-line boolean-values', '# vmxlint-disable-next-line', '# a comment', '', 'ethernet0.present = "yes"', 'annotation = "caf\u00e9 \u041f\u0440\u0438\u0432\u0435\u0442"')},
  {weight: 1, arbitrary: fc.constantFrom(...ENCODINGS).map((e) => `.encoding = "${e}"`)},
  {weight: 1, arbitrary: fc.constantFrom(...ENCODINGS).map((e) => `.encoding = "${e}" junk`)},
);

export interface FuzzInput {
  bytes: Uint8Array;
  /** How it was made (shown when a check fails). */
  recipe: string;
}

/** A text of 1-30 lines, a declaration or not (first, late or last), encoded in some code page, maybe with a BOM. */
export const fuzzInput: fc.Arbitrary<FuzzInput> = fc
  .record({
    lines: fc.array(line, {minLength: 1, maxLength: 30}),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    finalEol: fc.boolean(),
    bom: fc.boolean(),
    codec: fc.constantFrom('UTF-8', 'windows-1252', 'windows-1251', 'ISO-8859-2', 'KOI8-R'),
    declare: fc.constantFrom('first', 'late', 'last', 'none'),
  })
  .map(({lines, eol, finalEol, bom, codec, declare}) => {
    const all = [...lines];
    const decl = `.encoding = "${codec}"`;
    if (declare === 'first') all.unshift(decl);
    else if (declare === 'late') all.splice(Math.min(2, all.length), 0, decl);
    else if (declare === 'last') all.push(decl);
    const text = all.join(eol) + (finalEol ? eol : '');
    let body: Uint8Array;
    try {
      body = encode(text, declare === 'none' ? 'UTF-8' : codec);
    } catch {
      body = Buffer.from(text, 'utf8'); // a character the code page lacks: the bytes then lie, which is a case too
    }
    const bytes = bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : Buffer.from(body);
    return {bytes: new Uint8Array(bytes), recipe: JSON.stringify({codec, declare, bom, eol, finalEol, lines: all})};
  });

const OPTIONS = {fix: true, reportUnusedDisableDirectives: true};

function linesOf(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** The five checks; throws (with the recipe) when one fails. */
export async function check({bytes, recipe}: FuzzInput): Promise<void> {
  const fail = (what: string) => {
    throw new Error(`${what}\n${recipe}`);
  };
  // 1. no throw
  const linted = lintBytes(bytes, OPTIONS);
  const plain = lintBytes(bytes, {...OPTIONS, fix: false});
  if (linted.text === undefined) return; // refused to read: nothing else to check (and nothing is written)
  // 2. byte round trip
  const decoded = decode(bytes);
  if (Buffer.compare(Buffer.from(encode(decoded.text, decoded.encoding)), Buffer.from(bytes)) !== 0) fail('byte round trip');
  const output = linted.result.output;
  if (output === undefined || linted.result.fatalErrorCount) return;
  let written: Uint8Array;
  try {
    written = encodeForWrite(output, decoded.encoding);
  } catch {
    return; // refused: --fix writes nothing, and the diff proposes nothing (lintFile runs the same check)
  }
  // 3. idempotent: fixing what --fix wrote changes nothing more
  const again = lintBytes(written, OPTIONS);
  if (again.result.output !== undefined && again.result.output !== output) fail('fix not idempotent');
  // 4. lines no message names are still there (moved lines allowed; a last line may gain a line end)
  const named = new Set<number>();
  for (const m of plain.result.messages) for (let l = m.line; l <= (m.endLine ?? m.line); l++) named.add(l);
  const after = new Map<string, number>();
  for (const l of linesOf(output.replace(/^\uFEFF/, ''))) after.set(l, (after.get(l) ?? 0) + 1);
  linesOf(decoded.text.replace(/^\uFEFF/, '')).forEach((l, i) => {
    if (named.has(i + 1) || named.has(0) || l === '') return;
    const left = after.get(l) ?? 0;
    if (left === 0) fail(`line ${i + 1} changed though no message names it: ${JSON.stringify(l)}`);
    after.set(l, left - 1);
  });
  // 5. patch = fix: the -f diff patch, byte for byte in the file's own encoding, applied to the bytes
  // on disk gives the bytes --fix writes (Latin-1 strings carry bytes through the diff library as they are)
  const patch = Buffer.from(await patchOf([{file: '/x/a.vmx', before: decoded.text, after: output}], '/x')).toString('latin1');
  const applied = applyPatch(Buffer.from(bytes).toString('latin1'), patch.slice(patch.indexOf('\n@@') + 1));
  if (applied === false || Buffer.compare(Buffer.from(applied, 'latin1'), Buffer.from(written)) !== 0) fail('patch != fix');
}
