/**
 * Bytes ↔ text in the encoding a .vmx declares with `.encoding`.
 *
 * UTF-8 uses the platform's fatal TextDecoder (fast, and no library load). Everything
 * else goes through `codecs.ts` (iconv-lite under Node, loaded only when needed: Node 20's
 * TextDecoder decodes windows-1252 0x80–0x9F as Latin-1 and TextEncoder only writes UTF-8;
 * `codecs.browser.ts` in a browser). Platform-free: Uint8Array, TextDecoder and TextEncoder
 * only (no Buffer), for `vmxlint/browser`.
 * iconv-lite replaces invalid bytes silently, so every decode is re-encoded and
 * compared with the original bytes: any difference is a fatal DecodeError, never a
 * replacement character that would corrupt the file on write.
 */
import {codecExists, decodeWith, encodeWith, isTableCodec} from './codecs.js';
import {parse} from './parse.js';

/** Whether every byte is ASCII (below 0x80). */
function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

const NON_ASCII = /[^\x00-\x7f]/g;

/** Whether every character from `from` on is ASCII (a regular expression scans faster than a loop). */
export function isAsciiText(text: string, from = 0): boolean {
  NON_ASCII.lastIndex = from;
  return !NON_ASCII.test(text);
}

/** The bytes of a pure-ASCII text (the same in UTF-8 and Latin-1), written into an array of the right size at once. */
function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  utf8Encoder.encodeInto(text, bytes);
  return bytes;
}

/** Bytes `start`…`end` read as Latin-1: one character per byte, the byte's value (what Buffer's `latin1` gives). */
function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const view = bytes.subarray(start, end);
  // pure ASCII (nearly every .vmx): the native decoder reads it as itself, in one pass; valid UTF-8
  // decodes to as many characters as it has bytes only when every byte is ASCII
  const ascii = decodeUtf8(view);
  if (ascii !== undefined && ascii.length === view.length) return ascii;
  let out = '';
  for (let i = 0; i < view.length; i += 0x2000) out += String.fromCharCode.apply(null, view.subarray(i, i + 0x2000) as unknown as number[]);
  return out;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && firstDifference(a, b) === a.length;

export type DecodeProblem = 'binary' | 'invalid-bytes' | 'unknown-encoding' | 'not-utf8';

/** A file whose bytes cannot be turned into text safely. Always fatal: such a file is never written. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly reason: DecodeProblem,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

export interface Decoded {
  text: string;
  /** The encoding the text was decoded with, as the file names it (`UTF-8` when it names none). */
  encoding: string;
  /** Whether the file declares `.encoding`. */
  declared: boolean;
}

/** VMware (ICU/IANA) encoding names that iconv-lite does not know by the same name. */
const ALIASES: Record<string, string> = {
  'windows-949-2000': 'cp949',
  'windows-949': 'cp949',
  'ks_c_5601-1987': 'cp949',
  'ks_c_5601-1989': 'cp949',
  ms949: 'cp949',
  'euc-kr': 'cp949',
  'windows-936-2000': 'gbk',
  'windows-936': 'gbk',
  cp936: 'gbk',
  ms936: 'gbk',
  'windows-950-2000': 'big5',
  'windows-950': 'big5',
  'windows-31j': 'shift_jis',
  ms932: 'shift_jis',
  'windows-932': 'shift_jis',
  cp932: 'shift_jis',
  'us-ascii': 'utf8',
  ascii: 'utf8',
};

const resolved = new Map<string, string | undefined>();

/** Normalise an encoding name; `undefined` when neither UTF-8 nor known to iconv-lite. */
export function resolveEncoding(name: string): string | undefined {
  if (resolved.has(name)) return resolved.get(name);
  const codec = resolveUncached(name);
  if (resolved.size < 256) resolved.set(name, codec);
  return codec;
}

/**
 * How an encoding name may be spelt: letters and digits, `-` and `_` between them (ICU, which VMware
 * uses, ignores those two and case; iconv-lite would also drop dots, spaces and any other character,
 * so that `u.t.f-8`, `B.A.S.E.6.4` or a name with a BOM or NBSP in it would be accepted).
 */
const NAME = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

function resolveUncached(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  if (!NAME.test(lower)) return undefined;
  if (lower === 'utf-8' || lower === 'utf8') return 'utf8';
  const mapped = ALIASES[lower] ?? lower;
  if (mapped === 'utf8') return 'utf8';
  if (!codecExists(mapped)) return undefined;
  // only text encodings that read every ASCII byte as that character, as VMware's do (UTF-8 and the
  // legacy code pages): never base64, hex, UTF-16/UCS-2, UTF-7 or CESU-8, in which the "text" of a
  // .vmx is something else entirely (docs/reliability.md, R1, R2, R26)
  return readsAsciiTextAsIs(mapped) ? mapped : undefined;
}

/** Where an `.encoding` key may start a line; each candidate is then read by the parser itself. */
const CANDIDATE = /^[ \t]*\.encoding[ \t]*=/gim;

/**
 * The value of the text's first `.encoding` entry, read exactly as the parser and the rules read it
 * (`context.getEntry('.encoding').value`): a line that is not a valid entry (`.encoding = "x" junk`)
 * declares nothing, and `|22` is a quote. A leading byte-order mark (U+FEFF) is skipped. Used on the
 * Latin-1 view of a file's bytes (every accepted encoding reads ASCII as ASCII) and on fixed text
 * alike, so that the decoder, the rule, the writer and the diff agree on one declaration.
 */
export function declaredEncodingOf(text: string): string | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(body); m; m = CANDIDATE.exec(body)) {
    const at = m.index;
    // `^` also matches after U+2028/U+2029, where the parser does not end a line
    if (at > 0 && body[at - 1] !== '\n' && body[at - 1] !== '\r') continue;
    let end = at + m[0].length;
    while (end < body.length && body[end] !== '\n' && body[end] !== '\r') end++;
    const node = parse(body.slice(at, end)).children[0];
    if (node?.type === 'entry') return node.value;
  }
  return undefined;
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The `.encoding` value, read from the bytes as ASCII (after a UTF-8 byte-order mark, which is never text). */
export function findDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const body = hasBom(bytes) ? bytes.subarray(3) : bytes;
  // the declaration is short and near the top: a bounded prefix first (up to its last line end,
  // so a declaration is never read cut short), then everything
  const n = Math.min(body.length, 4096);
  const head = latin1(body, 0, n);
  const cut = n < body.length ? Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r')) + 1 : n;
  const found = declaredEncodingOf(head.slice(0, cut));
  if (found !== undefined || n === body.length) return found;
  return declaredEncodingOf(latin1(body));
}

/**
 * Line and column (1-based) of byte `index`, counting LF, CRLF and lone CR as line ends. The column
 * counts characters (UTF-16 units, as every other message does) of the line's valid prefix, decoded
 * with `codec`; bytes where the prefix itself cannot be decoded count one each.
 */
function placeOf(bytes: Uint8Array, index: number, codec = 'utf8'): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = bytes.subarray(lineStart, index);
  const chars = codec === 'utf8' ? lossyUtf8Decoder.decode(prefix) : decodeWith(prefix, codec);
  return [line, chars.length + 1];
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

const utf8Decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});
/** Invalid sequences become U+FFFD, as Buffer's `utf8` reading does. */
const lossyUtf8Decoder = new TextDecoder('utf-8', {ignoreBOM: true});
const utf8Encoder = new TextEncoder();

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The index of the first byte of an invalid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  return firstDifference(bytes, utf8Encoder.encode(lossyUtf8Decoder.decode(bytes)));
}

const asciiTransparent = new Map<string, boolean>();
const asciiTextTransparent = new Map<string, boolean>();
/** Every ASCII byte; and the ones a .vmx's text is made of (tab, line ends, printable characters). */
const ALL_ASCII = Uint8Array.from({length: 128}, (_, i) => i);
const ASCII_TEXT = Uint8Array.from([9, 10, 13, ...Array.from({length: 95}, (_, i) => 32 + i)]);

/** Whether `codec` is a fixed table that reads and writes each of `bytes` as that very character. */
function keepsAsIs(codec: string, bytes: Uint8Array): boolean {
  const chars = latin1(bytes);
  return isTableCodec(codec) && decodeWith(bytes, codec) === chars && sameBytes(encodeWith(chars, codec), bytes);
}

/**
 * Whether `codec` reads and writes every ASCII byte as that very character, byte by byte: true
 * for iconv-lite's single- and double-byte tables (windows-125x, ISO-8859-x, Shift_JIS, GBK, …),
 * false for stateful or multi-unit ones (UTF-7, UTF-16, …). Then pure-ASCII bytes decode as
 * Latin-1 does, with no table and no round trip to prove it. Worked out once per codec.
 */
function readsAsciiAsIs(codec: string): boolean {
  let known = asciiTransparent.get(codec);
  if (known === undefined) {
    known = keepsAsIs(codec, ALL_ASCII);
    asciiTransparent.set(codec, known);
  }
  return known;
}

/**
 * Whether `codec` reads ASCII *text* (tab, CR, LF, space to `~`) as itself: the test for accepting a
 * declared encoding. Weaker than `readsAsciiAsIs` only for codecs that move control characters, as
 * ICU's Shift_JIS does with 0x1A, 0x1C and 0x7F (Node's TextDecoder, used by `vmxlint/browser`).
 */
function readsAsciiTextAsIs(codec: string): boolean {
  let known = asciiTextTransparent.get(codec);
  if (known === undefined) {
    known = readsAsciiAsIs(codec) || keepsAsIs(codec, ASCII_TEXT);
    asciiTextTransparent.set(codec, known);
  }
  return known;
}

/** Why a declared name is refused: unknown, or known but not a text encoding a .vmx can be in. */
function unknownEncodingMessage(name: string): string {
  let known = false;
  try {
    known = NAME.test(name.trim().toLowerCase()) && codecExists(ALIASES[name.trim().toLowerCase()] ?? name.trim().toLowerCase());
  } catch {
    known = false;
  }
  return known
    ? `unsupported \`.encoding\` "${name}": not a text encoding a .vmx can be in (UTF-8 or a legacy code page that reads ASCII as ASCII): vmxlint cannot read this file safely`
    : `unknown \`.encoding\` "${name}": vmxlint cannot read this file safely`;
}

/** Decode a .vmx file's bytes with its declared encoding. Throws `DecodeError` when that is not safe. */
export function decode(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const [line, column] = placeOf(bytes, nul);
    throw new DecodeError(`binary file: NUL byte at line ${line}, column ${column}; not a .vmx text file`, 'binary', line, column);
  }
  const declaredName = findDeclaredEncoding(bytes);
  if (declaredName === undefined) {
    const text = decodeUtf8(bytes);
    if (text !== undefined) return {text, encoding: 'UTF-8', declared: false};
    const [line, column] = placeOf(bytes, firstInvalidUtf8(bytes));
    throw new DecodeError(
      `no \`.encoding\` declared and the bytes are not valid UTF-8 (line ${line}, column ${column}): add the file's real encoding as the first line, e.g. \`.encoding = "windows-1252"\``,
      'not-utf8',
      line,
      column,
    );
  }
  const codec = resolveEncoding(declaredName);
  if (codec === undefined) throw new DecodeError(unknownEncodingMessage(declaredName), 'unknown-encoding');
  let text: string | undefined;
  if (codec === 'utf8') {
    text = decodeUtf8(bytes);
    if (text === undefined) {
      const [line, column] = placeOf(bytes, firstInvalidUtf8(bytes));
      throw new DecodeError(
        `bytes invalid in the declared encoding ${declaredName} at line ${line}, column ${column}: refusing to read or rewrite this file`,
        'invalid-bytes',
        line,
        column,
      );
    }
  } else if (isAscii(bytes) && readsAsciiAsIs(codec)) {
    text = utf8Decoder.decode(bytes); // ASCII reads the same in UTF-8 as in Latin-1
  } else {
    // a UTF-8 byte-order mark is a mark, never three characters of the declared code page (`п»ї` in
    // windows-1251): it is U+FEFF in the text, as in UTF-8, so `no-bom` sees it and the writer keeps it
    const bom = hasBom(bytes) ? 3 : 0;
    const body = bytes.subarray(bom);
    const decoded = decodeWith(body, codec);
    text = bom ? '\uFEFF' + decoded : decoded;
    const back = encodeWith(decoded, codec);
    if (back.length !== body.length || firstDifference(body, back) !== body.length) {
      const [line, column] = placeOf(bytes, bom + firstDifference(body, back), codec);
      throw new DecodeError(
        `bytes invalid in the declared encoding ${declaredName} at line ${line}, column ${column}: refusing to read or rewrite this file`,
        'invalid-bytes',
        line,
        column,
      );
    }
  }
  return {text, encoding: declaredName, declared: true};
}

/**
 * Pure-ASCII text in an encoding that writes ASCII as itself (UTF-8, and the tables of
 * `readsAsciiAsIs`): its bytes are its Latin-1 form, with no encoder and no round trip to prove it.
 */
function asciiAsIs(text: string, codec: string): boolean {
  return isAsciiText(text) && (codec === 'utf8' || readsAsciiAsIs(codec));
}

/** Encode text in a .vmx encoding (the name as `decode` returned it). Throws when a character has no byte form. */
export function encode(text: string, encoding: string): Uint8Array {
  const codec = resolveEncoding(encoding);
  if (codec === undefined) throw new DecodeError(`unknown encoding "${encoding}"`, 'unknown-encoding');
  if (asciiAsIs(text, codec)) return asciiBytes(text);
  if (codec !== 'utf8' && text.charCodeAt(0) === 0xfeff) {
    // the byte-order mark, as `decode` reads it: the three UTF-8 bytes, then the text in its code page
    const rest = encode(text.slice(1), encoding);
    const out = new Uint8Array(rest.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(rest, 3);
    return out;
  }
  if (codec === 'utf8') {
    // TextEncoder would write a lone surrogate as U+FFFD: refuse instead
    if (/\p{Surrogate}/u.test(text)) throw new DecodeError('text contains a lone UTF-16 surrogate that UTF-8 cannot encode', 'invalid-bytes');
    return utf8Encoder.encode(text);
  }
  const bytes = encodeWith(text, codec);
  const back = decodeWith(bytes, codec);
  if (back !== text) {
    throw new DecodeError(`text contains characters that ${encoding} cannot encode`, 'invalid-bytes');
  }
  return new Uint8Array(bytes);
}

/**
 * The bytes to write for a fixed text: encoded in the encoding the text declares (UTF-8 when it
 * declares none, as `decode` reads it) and proven by decoding them back to the same text, so that
 * nothing is ever written that vmxlint (or VMware) would read differently. `readAs`, the encoding
 * the file was read in: a fix never changes it (a moved, doubled or rewritten `.encoding` that would
 * make the file read in another encoding is refused). Throws DecodeError.
 */
export function encodeForWrite(text: string, readAs?: string): Uint8Array {
  const declared = declaredEncodingOf(text) ?? 'UTF-8';
  if (readAs !== undefined && resolveEncoding(declared) !== resolveEncoding(readAs)) {
    throw new DecodeError(`the fix would change the encoding the file is read in (${readAs} to ${declared}): not written`, 'invalid-bytes');
  }
  const bytes = encode(text, declared);
  let back: Decoded;
  try {
    back = decode(bytes);
  } catch (error) {
    throw new DecodeError(`the fixed text would not read back cleanly (${(error as Error).message}): not written`, 'invalid-bytes');
  }
  if (back.text !== text) throw new DecodeError('the fixed text would not read back as written: not written', 'invalid-bytes');
  return bytes;
}

/** Whether `text` can be written in `encoding` without loss. */
export function canEncode(text: string, encoding: string): boolean {
  const codec = resolveEncoding(encoding);
  if (codec !== undefined && asciiAsIs(text, codec)) return true; // without making the bytes
  try {
    encode(text, encoding);
    return true;
  } catch {
    return false;
  }
}
