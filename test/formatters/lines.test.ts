import {describe, expect, it} from '@jest/globals';
import {LineIndex} from '../../src/formatters/lines.js';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and UTF-16 columns, with LF, CRLF and lone CR line breaks', () => {
    const text = 'a = "1"\r\nbb = "\u{1F5A5}"\rc\nlast';
    const lines = new LineIndex(text);
    expect(lines.positionAt(0)).toEqual({line: 1, column: 1});
    expect(lines.positionAt(text.indexOf('\r\n'))).toEqual({line: 1, column: 8});
    // inside CRLF is still line 1; after it, line 2
    expect(lines.positionAt(text.indexOf('\r\n') + 1)).toEqual({line: 1, column: 9});
    expect(lines.positionAt(text.indexOf('bb'))).toEqual({line: 2, column: 1});
    // the astral character counts two UTF-16 units
    expect(lines.positionAt(text.indexOf('"', text.indexOf('\u{1F5A5}')))).toEqual({line: 2, column: 9});
    expect(lines.positionAt(text.indexOf('c\n'))).toEqual({line: 3, column: 1});
    expect(lines.positionAt(text.length)).toEqual({line: 4, column: 5});
    expect(lines.positionAt(text.length + 10)).toEqual({line: 4, column: 5});
    expect(lines.positionAt(-1)).toEqual({line: 1, column: 1});
    expect([1, 2, 3, 4, 5].map((n) => lines.lineText(n))).toEqual(['a = "1"', 'bb = "\u{1F5A5}"', 'c', 'last', '']);
  });

  it('puts the end of a text that ends with a line break at column 1 of an empty last line', () => {
    const lines = new LineIndex('x\n');
    expect(lines.positionAt(2)).toEqual({line: 2, column: 1});
    expect(lines.lineText(2)).toBe('');
    expect(new LineIndex('').positionAt(0)).toEqual({line: 1, column: 1});
  });
});
