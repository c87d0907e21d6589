/**
 * The stylish formatter writes vfile-reporter's report directly (src/formatters/stylish.ts): it
 * must give the very bytes that going through vfile-reporter gives (test/formatters/stylish-reference.ts),
 * with and without colour, for any result list: non-ASCII, wide and zero-width characters, ANSI
 * escapes and control characters in texts, multi-line messages, code spans, suggestions, fatal
 * messages, messages without position, ties in place, files in and out of cwd, pseudo paths.
 */
import {describe, expect, it} from '@jest/globals';
import path from 'node:path';
import fc from 'fast-check';
import type {LintMessage, LintResult} from '../../src/engine/types.js';
import {format, formatChunks} from '../../src/formatters/stylish.js';
import type {FormatContext} from '../../src/formatters/types.js';
import {referenceFormat} from './stylish-reference.js';

const cwd = path.resolve('/work/proj');

/** Characters that each take a different path through string-width and the sort's collation. */
const CHARS = [
  ...'aAbBzZ09-_. /:#`"\'',
  '``',
  'é', 'É', 'ß', 'Ω', 'ж', '…', '→', // narrow non-ASCII
  '中', '文', 'ｱ', // wide, and a half-width katakana
  '😀', '👍🏽', '🇩🇪', // emoji: astral, with a modifier, a flag
  'e\u0301', '\u200B', '\u200D', '\uFEFF', // combining accent, zero-width space and joiner, BOM
  '\t', '\u0001', '\u007F', '\u0085', '\u00A0', '\u2028', // controls, NEL, NBSP, line separator
  '\n', '\r\n', '\r', // line breaks: a message's first line is the row, the rest follow
  '\u001B[31m', '\u001B[0m', '\u001B[', '\u001B', // ANSI escapes, whole and cut short
  '±', '§', '¡', // East Asian ambiguous
];

const text = (maxLength: number) => fc.string({unit: fc.constantFrom(...CHARS), maxLength});
const someText = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom('Duplicate key "vhv.enable"', 'Value must be `TRUE` or `FALSE`', 'x', '', 'a  ', '`a` and ``b`` `c')},
  {weight: 5, arbitrary: text(24)},
);
const position = fc.oneof(fc.integer({min: -2, max: 12}), fc.constantFrom(0, 1, 100000, 1.5, Number.NaN));

const message: fc.Arbitrary<LintMessage> = fc
  .record({
    ruleId: fc.oneof(fc.constant(null), fc.constantFrom('no-duplicate-keys', 'boolean-values', 'Zeta', 'ab', 'aB', 'plugin/rule', 'é-rule', ''), text(8)),
    severity: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>,
    fatal: fc.constantFrom(undefined, true, false),
    message: someText,
    line: position,
    column: position,
    end: fc.option(fc.record({endLine: fc.oneof(position, fc.constant(undefined)), endColumn: fc.oneof(position, fc.constant(undefined))}), {nil: undefined}),
    fixed: fc.boolean(),
    suggestions: fc.array(someText, {maxLength: 3}),
  })
  .map(({end, fixed, suggestions, fatal, ...m}) => {
    const out: LintMessage = {...m, ...(end ?? {})};
    if (fatal !== undefined) out.fatal = fatal;
    if (fixed) out.fix = {range: [0, 0], text: 'x'};
    if (suggestions.length) out.suggestions = suggestions.map((desc) => ({desc, fix: {range: [0, 0], text: ''}}));
    return out;
  });

const filePath = fc.oneof(
  {weight: 6, arbitrary: fc.array(fc.oneof(text(6).filter((s) => s !== '' && !/[/\\]/.test(s) && s !== '.' && s !== '..'), fc.constantFrom('vms', 'VMs', 'a', 'B', 'vm 1.vmx', 'x.vmtx')), {minLength: 1, maxLength: 3}).map((parts) => path.join(cwd, ...parts))},
  {weight: 1, arbitrary: fc.constantFrom('<stdin>', '<text>', path.join(cwd, '..', 'other', 'z.vmx'), cwd, '/elsewhere/a.vmx', path.join(cwd, 'a'))},
);

const result: fc.Arbitrary<LintResult> = fc.record({filePath, messages: fc.array(message, {maxLength: 6})}).map(({filePath, messages}) => ({
  filePath,
  messages,
  suppressedMessages: [],
  errorCount: 0,
  fatalErrorCount: 0,
  warningCount: 0,
  fixableErrorCount: 0,
  fixableWarningCount: 0,
  infoCount: 0,
  usedDeprecatedRules: [],
}));

const context = (color: boolean): FormatContext => ({cwd, color, version: '0.0.0', rules: []});

/** A readable difference for a failure: the first differing line of each. */
function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  const i = al.findIndex((line, n) => line !== bl[n]);
  return `line ${i}: ${JSON.stringify(al[i])} vs ${JSON.stringify(bl[i])}`;
}

describe('stylish writes what vfile-reporter writes', () => {
  it('for generated result lists, without and with colour', () => {
    fc.assert(
      fc.property(fc.array(result, {maxLength: 8}), fc.boolean(), (results, color) => {
        const expected = referenceFormat(results, context(color));
        const actual = format(results, context(color), Infinity);
        if (actual !== expected) throw new Error(firstDifference(actual, expected));
      }),
      {numRuns: 1500},
    );
  });

  it('for messages that tie on their place (ordered by kind, rule id, then text, in locale order)', () => {
    const tie = message.map((m) => ({...m, line: 3, column: 7}));
    fc.assert(
      fc.property(fc.array(tie, {minLength: 2, maxLength: 8}), fc.boolean(), (messages, color) => {
        const results = [{...fc.sample(result, 1)[0], filePath: path.join(cwd, 'tie.vmx'), messages}];
        expect(format(results, context(color), Infinity)).toBe(referenceFormat(results, context(color)));
      }),
      {numRuns: 500},
    );
  });

  it('for paths whose code-unit and locale orders agree or differ (`_`, capitals, accents)', () => {
    const plainName = fc.string({unit: fc.constantFrom(...' -./09az_A\u00e9'), minLength: 1, maxLength: 10});
    const one = (name: string): LintResult => ({
      ...fc.sample(result, 1)[0],
      filePath: path.join(cwd, name),
      messages: [{ruleId: 'r', severity: 1, message: 'm', line: 1, column: 1}],
    });
    fc.assert(
      fc.property(fc.array(plainName, {minLength: 2, maxLength: 12}), (names) => {
        const results = names.map(one);
        expect(format(results, context(false))).toBe(referenceFormat(results, context(false)));
      }),
      {numRuns: 500},
    );
  });

  it('for a large report in one file order and in another (paths in locale, not code-unit, order)', () => {
    const names = ['b/vm-10.vmx', 'B/vm-2.vmx', 'a_b/x.vmx', 'a-b/x.vmx', 'a.b/x.vmx', 'Ä/x.vmx', 'z/中.vmx', 'vm 1.vmx', 'vm1.vmx', 'vm-1.vmx'];
    const results: LintResult[] = [];
    for (let i = 0; i < 600; i++) {
      const messages: LintMessage[] = [
        {ruleId: 'quoted-values', severity: 1, message: `Value of \`key${i}\` should be quoted`, line: 2 + (i % 7), column: 1, endLine: 2 + (i % 7), endColumn: 20, fix: {range: [0, 0], text: '"'}},
        {ruleId: 'boolean-values', severity: 2, message: 'Use "TRUE" or "FALSE"', line: 1 + (i % 3), column: 14},
        {ruleId: null, severity: 2, fatal: true, message: 'Cannot read: ENOENT', line: 0, column: 0},
      ];
      results.push({...fc.sample(result, 1)[0], filePath: path.join(cwd, `${i % 50}`, names[i % names.length]), messages});
    }
    const sorted = [...results].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
    for (const list of [results, sorted, [...sorted].reverse()]) {
      for (const color of [false, true]) expect(format(list, context(color))).toBe(referenceFormat(list, context(color)));
    }
    // in pieces for the CLI: a block per file, then the summary (the only piece with `✖`)
    const pieces = [...formatChunks(results, context(false))];
    expect(pieces).toHaveLength(results.length + 1);
    expect(pieces.join('')).toBe(referenceFormat(results, context(false)));
    expect(pieces.at(-1)).toMatch(/^\n\n\u2716 /);
    const ascii = (piece: string) => /^[\x00-\x7f]*$/.test(piece);
    expect(pieces.slice(0, -1).filter((piece) => !ascii(piece)).every((piece) => /Ä|中/.test(piece))).toBe(true);
  });
});
