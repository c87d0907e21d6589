/** Every syntax case of vmx-syntax.md, as a fixture file: exact round trip and the expected tree. */
import fs from 'node:fs';
import {describe, expect, it} from '@jest/globals';
import {decode, DecodeError, encode, parse, stringify} from '../../src/syntax/index.js';
import type {Line} from '../../src/syntax/index.js';

const dir = new URL('../../fixtures/syntax/', import.meta.url);
const read = (name: string) => new Uint8Array(fs.readFileSync(new URL(name, dir)));
const decodable = fs.readdirSync(dir).filter((f) => f.endsWith('.vmx') && !/binary|lying|unknown/.test(f));

/** A compact, readable view of a tree for snapshots. */
function summary(nodes: Line[]) {
  return nodes.map((n) => {
    const at = `${n.position.start.line}:${n.position.start.column}-${n.position.end.column}@${n.position.start.offset}`;
    const eol = JSON.stringify(n.eol);
    switch (n.type) {
      case 'entry':
        return `${at} entry ${JSON.stringify(n.key)} = ${JSON.stringify(n.value.length > 60 ? n.value.slice(0, 20) + `…(${n.value.length})` : n.value)}${n.quoted ? ' quoted' : ''} trailing=${JSON.stringify(n.trailing)} ${eol}`;
      case 'invalid':
        return `${at} invalid (${n.reason}) ${eol}`;
      default:
        return `${at} ${n.type} ${JSON.stringify(n.value)} ${eol}`;
    }
  });
}

describe('syntax fixtures', () => {
  it.each(decodable)('%s: decode → parse → stringify → encode gives back the bytes', (name) => {
    const bytes = read(name);
    const {text, encoding} = decode(bytes);
    expect(stringify(parse(text))).toBe(text);
    expect(Buffer.compare(encode(stringify(parse(text)), encoding), bytes)).toBe(0);
  });

  it.each(decodable)('%s: tree', (name) => {
    const {text} = decode(read(name));
    const tree = parse(text);
    expect({bom: tree.bom, lines: summary(tree.children)}).toMatchSnapshot();
  });

  it('reads escapes in both hex cases, keeps a bare | and decodes |23', () => {
    const tree = parse(decode(read('10-escapes.vmx')).text);
    const values = tree.children.map((n) => (n.type === 'entry' ? n.value : ''));
    expect(values).toEqual(['Some |text| to test the "escaping": Escaped!', 'a\nb|', 'pipe | alone|zz', 'issue # 42']);
  });

  it('keeps backslashes, quotes and = in values', () => {
    const [a, b] = parse(decode(read('11-special-values.vmx')).text).children;
    expect(a).toMatchObject({type: 'entry', key: 'ide0:0.fileName', value: "C:\\VMs\\disk's = file.vmdk"});
    expect(b).toMatchObject({type: 'entry', value: 'a=b=c'});
  });

  it('marks each malformed line invalid and keeps it verbatim', () => {
    const tree = parse(decode(read('14-malformed.vmx')).text);
    expect(tree.children.map((n) => n.type)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'entry']);
    expect(tree.children[0]).toMatchObject({value: 'numvcpus ="2', reason: 'unterminated quoted value for `numvcpus`'});
  });
});

describe('encodings', () => {
  it('decodes windows-1252 0x96 as an en dash and 0x80 as the euro sign, and writes the same bytes back', () => {
    const bytes = read('04-windows-1252.vmx');
    const {text, encoding} = decode(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('Café – lab');
    expect(text).toContain('€ 10');
    expect(Buffer.compare(encode(text, encoding), bytes)).toBe(0);
  });

  it('decodes Shift_JIS, GBK and windows-949-2000 (CP949)', () => {
    expect(decode(read('04-shift-jis.vmx')).text).toContain('テスト仮想マシン');
    expect(decode(read('04-gbk.vmx')).text).toContain('测试虚拟机');
    expect(decode(read('04-cp949.vmx')).text).toContain('가상 머신');
  });

  it('treats a file without .encoding as UTF-8 when it decodes cleanly', () => {
    expect(decode(read('04-no-encoding.vmx'))).toMatchObject({encoding: 'UTF-8', declared: false});
    expect(decode(read('05-bom.vmx')).text.startsWith('\uFEFF')).toBe(true);
  });

  it.each([
    ['04-lying-utf8.vmx', 'invalid-bytes', /bytes invalid in the declared encoding UTF-8 at line 2, column 20/],
    ['04-unknown-encoding.vmx', 'unknown-encoding', /unknown `.encoding` "x-klingon"/],
    ['04-binary.vmx', 'binary', /binary file: NUL byte at line 2, column 1/],
  ])('%s is a fatal DecodeError (%s)', (name, reason, message) => {
    let error: unknown;
    try {
      decode(read(name));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).reason).toBe(reason);
    expect((error as DecodeError).message).toMatch(message);
  });

  it('refuses windows-1252 bytes that have no character (0x81) instead of replacing them', () => {
    const bytes = new Uint8Array([...Buffer.from('.encoding = "windows-1252"\nx = "'), 0x81, ...Buffer.from('"\n')]);
    expect(() => decode(bytes)).toThrow(/line 2, column 6/);
  });

  it('refuses bytes that are not UTF-8 when no encoding is declared, and says what to do', () => {
    expect(() => decode(new Uint8Array([0x61, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22]))).toThrow(/add the file's real encoding/);
  });

  it('refuses to encode characters the encoding cannot hold', () => {
    expect(() => encode('x = "日本"', 'windows-1252')).toThrow(DecodeError);
  });
});

describe('encoding declaration after a BOM', () => {
  it('finds `.encoding` on the first line even behind a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('.encoding = "windows-1252"\nx = "'), 0xe9, ...Buffer.from('"\n')]);
    expect(decode(bytes)).toMatchObject({encoding: 'windows-1252', declared: true});
  });
});
