import {describe, it, expect} from '@jest/globals';
import {parse, stringify} from '../../src/syntax/index.js';

describe('parse', () => {
  it('round-trips odd text', () => {
    for (const t of ['', '\uFEFF', 'a = "b"', 'a = "b"\r\nc=d\re = \n', '  # c\n\n\t\nkey = "x" # t\n', 'bad line\n"', 'k = "unterminated\n']) {
      expect(stringify(parse(t))).toBe(t);
    }
  });
  it('builds entries', () => {
    const tree = parse('.encoding = "UTF-8"\r\nannotation = "a|22b|7Cc|0Ad|zz"\nkey=value # c\n');
    expect(tree.children.map((n) => n.type)).toEqual(['entry', 'entry', 'entry']);
    const [a, b, c] = tree.children as any[];
    expect(a).toMatchObject({key: '.encoding', value: 'UTF-8', quoted: true, eol: '\r\n'});
    expect(b.value).toBe('a"b|c\nd|zz');
    expect(c).toMatchObject({key: 'key', value: 'value', quoted: false, beforeEquals: '', trailing: ' # c'});
    expect(c.position.start).toEqual({line: 3, column: 1, offset: 53});
  });
});
