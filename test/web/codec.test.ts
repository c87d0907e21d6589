/**
 * The playground's codec (web/src/codec.ts: the platform's TextDecoder, its table inverted for
 * encoding) against the CLI's (src/syntax/encoding.ts, iconv-lite): the same bytes give the same
 * text, the same text the same bytes, in every encoding VMware writes; what it cannot read back
 * byte for byte it refuses. Node's TextDecoder is the WHATWG one the browsers implement.
 */
import {decode as cliDecode, encode as cliEncode} from '../../src/syntax/encoding.js';
import {CodecError, decode, encode, encodeForSave, resolveEncoding} from '../../web/src/codec.js';

const SAMPLES: Array<[encoding: string, text: string]> = [
  ['UTF-8', 'displayName = "Café ☃ 𝄞"\r\n'],
  ['windows-1252', 'displayName = "Café – “lab” €"\r\n'],
  ['windows-1250', 'displayName = "Żółw łąka"\n'],
  ['windows-1251', 'displayName = "Привет"\n'],
  ['ISO-8859-2', 'displayName = "Żółw"\n'],
  ['Shift_JIS', 'displayName = "仮想マシン ｶﾀｶﾅ"\n'],
  ['windows-31j', 'displayName = "仮想マシン"\n'],
  ['GBK', 'displayName = "虚拟机"\n'],
  ['windows-936-2000', 'displayName = "虚拟机"\n'],
  ['Big5', 'displayName = "虛擬機器"\n'],
  ['windows-950-2000', 'displayName = "虛擬機器"\n'],
  ['windows-949-2000', 'displayName = "가상 머신"\n'],
];

/** Node 20's TextDecoder reads windows-1252 0x80–0x9F as Latin-1 (browsers follow WHATWG): those bytes are checked in Chromium (playground.test.ts). */
const NODE_1252_BUG = new TextDecoder('windows-1252').decode(Uint8Array.of(0x80)) !== '€';
const here = SAMPLES.filter(([e]) => !(NODE_1252_BUG && e === 'windows-1252'));
const skipped = SAMPLES.filter((s) => !here.includes(s));

describe('the playground codec agrees with the CLI', () => {
  it.skip.each(skipped)('%s (skipped: this Node reads windows-1252 0x80–0x9F as Latin-1; the browser test covers it)', () => undefined);
  it.each(here)('%s: same bytes both ways, and decode gives the text and the declared name back', (encoding, body) => {
    const text = `.encoding = "${encoding}"\n${body}`;
    const bytes = cliEncode(text, encoding);
    expect(Buffer.from(encode(text, encoding))).toEqual(Buffer.from(bytes));
    expect(decode(bytes)).toEqual({text, encoding});
    expect(cliDecode(bytes).text).toBe(text);
    expect(Buffer.from(encodeForSave(text))).toEqual(Buffer.from(bytes));
  });

  it('a file without `.encoding` is UTF-8, BOM kept as U+FEFF and written back', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('memsize = "1024"\n')]);
    expect(decode(bytes)).toEqual({text: '\uFEFFmemsize = "1024"\n', encoding: 'UTF-8'});
    expect(Buffer.from(encodeForSave('\uFEFFmemsize = "1024"\n'))).toEqual(Buffer.from(bytes));
  });

  it('refuses, with one line, bytes the CLI refuses: invalid UTF-8, a NUL byte, an unknown encoding, an undeclared legacy file', () => {
    const utf8 = new Uint8Array([...new TextEncoder().encode('.encoding = "UTF-8"\nname = "'), 0xff, 0x22, 0x0a]);
    const nul = new TextEncoder().encode('memsize = "1"\n\0');
    const unknown = new TextEncoder().encode('.encoding = "klingon"\n');
    const latin1 = new Uint8Array([...new TextEncoder().encode('name = "Caf'), 0xe9, 0x22, 0x0a]);
    for (const [bytes, reason] of [
      [utf8, /^the bytes are not valid UTF-8/],
      [nul, /^binary file: NUL byte on line 2/],
      [unknown, /^unknown `\.encoding` "klingon"/],
      [latin1, /^no `\.encoding` declared and the bytes are not valid UTF-8/],
    ] as const) {
      expect(() => cliDecode(bytes)).toThrow();
      expect(() => decode(bytes)).toThrow(CodecError);
      expect(() => decode(bytes)).toThrow(reason);
    }
  });

  it('refuses to save a character the declared encoding cannot write, naming it', () => {
    expect(() => encodeForSave('.encoding = "windows-1252"\nname = "☃"\n')).toThrow(/"☃" \(U\+2603\), which windows-1252 cannot encode/);
    expect(() => encodeForSave('name = "\uD800"\n')).toThrow(/lone UTF-16 surrogate/);
  });

  it('knows VMware names the decoder spells differently, and nothing it does not know', () => {
    expect(resolveEncoding('windows-949-2000')).toBe('euc-kr');
    expect(resolveEncoding('us-ascii')).toBe('utf-8');
    expect(resolveEncoding('no-such-encoding')).toBeUndefined();
  });
});
