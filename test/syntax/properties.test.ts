/** Property tests: parsing never throws and printing gives back the exact text, for any string. */
import {describe, expect, it} from '@jest/globals';
import fc from 'fast-check';
import {escapeValue, parse, stringify, unescapeValue} from '../../src/syntax/index.js';

const key = fc.stringMatching(/^[.A-Za-z][A-Za-z0-9_.:-]{0,20}$/);
const ws = fc.constantFrom('', ' ', '  ', '\t', ' \t ');
const eol = fc.constantFrom('\n', '\r\n', '\r', '');
const rawValue = fc.string({maxLength: 30}).map((s) => s.replace(/["\r\n]/g, ''));
const vmxLine = fc.oneof(
  fc.tuple(ws, key, ws, ws, rawValue, ws).map(([a, k, b, c, v, d]) => `${a}${k}${b}=${c}"${v}"${d}`),
  fc.tuple(key, fc.stringMatching(/^[^\s#"]{0,10}$/)).map(([k, v]) => `${k} = ${v}`),
  fc.tuple(ws, fc.string({maxLength: 20})).map(([a, c]) => `${a}#${c.replace(/[\r\n]/g, '')}`),
  ws,
  fc.string({maxLength: 30}).map((s) => s.replace(/[\r\n]/g, '')),
);
const vmxText = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(vmxLine, eol), {maxLength: 25}))
  .map(([bom, lines]) => (bom ? '\uFEFF' : '') + lines.map(([l, e]) => l + e).join(''));

describe('parser properties', () => {
  it('round-trips vmx-like text with odd whitespace and line endings', () => {
    fc.assert(fc.property(vmxText, (text) => stringify(parse(text)) === text), {numRuns: 2000});
  });

  it('round-trips arbitrary strings and never throws', () => {
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 200}), (text) => stringify(parse(text)) === text), {numRuns: 2000});
  });

  it('numbers lines consistently: line n starts at the offset after n-1 line endings', () => {
    fc.assert(
      fc.property(vmxText, (text) => {
        const tree = parse(text);
        return tree.children.every((n, i) => n.position.start.line === i + 1 && text.slice(n.position.end.offset, n.position.end.offset! + n.eol.length) === n.eol);
      }),
    );
  });

  it('escapes and unescapes values losslessly', () => {
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 50}), (v) => unescapeValue(escapeValue(v)) === v));
    expect(escapeValue('a"b|c\nd\te')).toBe('a|22b|7Cc|0Ad\te');
  });
});
