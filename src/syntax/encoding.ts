/**
 * Bytes ↔ text in the encoding a .vmx declares with `.encoding`.
 *
 * UTF-8 uses the platform's fatal TextDecoder (fast, and no library load). Everything
 * else goes through `codecs.ts` (iconv-lite under Node, loaded only when needed: Node 20's
 * TextDecoder decodes windows-1252 0x80–0x9F as Latin-1 and TextEncoder only writes UTF-8;
 * `codecs.browser.ts` in a browser). Codecs replace invalid bytes silently, so every decode
 * is re-encoded and compared with the original bytes: any difference is a fatal DecodeError,
 * never a replacement character that would corrupt the file on write.
 *
 * Platform-free: Uint8Array, TextDecoder and TextEncoder only (no Buffer), for `vmxlint/browser`.
 */
import {codecExists, decodeWith, encodeWith, isTableCodec} from './codecs.js';

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

function resolveUncached(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  if (lower === 'utf-8' || lower === 'utf8') return 'utf8';
  const mapped = ALIASES[lower] ?? lower;
  if (mapped === 'utf8') return 'utf8';
  return codecExists(mapped) ? mapped : undefined;
}

const DECLARATION = /^(?:\xEF\xBB\xBF)?[ \t]*\.encoding[ \t]*=[ \t]*"?([^"\s#]*)"?/im;

/** The `.encoding` value, read from the bytes as ASCII (every supported encoding is ASCII-compatible). */
export function findDeclaredEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is short and near the top; scan a bounded prefix first, then everything.
  const head = latin1(bytes, 0, Math.min(bytes.length, 4096));
  let m = DECLARATION.exec(head);
  // a match that reaches the end of the prefix may be cut short (`windows-12|52`): read it whole
  if (bytes.length > head.length && (!m || m.index + m[0].length >= head.length)) {
    m = DECLARATION.exec(latin1(bytes));
  }
  return m ? m[1] : undefined;
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

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && firstDifference(a, b) === a.length;

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

/**
 * Whether `codec` reads and writes every ASCII byte as that very character, byte by byte: true
 * for iconv-lite's single- and double-byte tables (windows-125x, ISO-8859-x, Shift_JIS, GBK, …),
 * false for stateful or multi-unit ones (UTF-7, UTF-16, …). Then pure-ASCII bytes decode as
 * Latin-1 does, with no table and no round trip to prove it. Worked out once per codec.
 */
function readsAsciiAsIs(codec: string): boolean {
  let known = asciiTransparent.get(codec);
  if (known === undefined) {
    const bytes = Uint8Array.from({length: 128}, (_, i) => i);
    const chars = latin1(bytes);
    known = isTableCodec(codec) && decodeWith(bytes, codec) === chars && sameBytes(encodeWith(chars, codec), bytes);
    asciiTransparent.set(codec, known);
  }
  return known;
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
  if (codec === undefined) {
    throw new DecodeError(`unknown \`.encoding\` "${declaredName}": vmxlint cannot read this file safely`, 'unknown-encoding');
  }
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
    text = decodeWith(bytes, codec);
    const back = encodeWith(text, codec);
    if (back.length !== bytes.length || firstDifference(bytes, back) !== bytes.length) {
      const [line, column] = placeOf(bytes, firstDifference(bytes, back), codec);
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
 * The bytes to write for a fixed text: encoded in the encoding the text itself declares (UTF-8 when
 * it declares none, as `decode` reads it) and proven by decoding them back to the same text. So a
 * fix that changes `.encoding` is written in the new encoding, and nothing is ever written that
 * vmxlint (or VMware) would read differently. Throws DecodeError.
 */
export function encodeForWrite(text: string): Uint8Array {
  // line 1 may start with a BOM: U+FEFF in text (single-byte codecs show it as \xEF\xBB\xBF, which DECLARATION allows)
  const declared = DECLARATION.exec(text.startsWith('\uFEFF') ? text.slice(1) : text)?.[1];
  const bytes = encode(text, declared ?? 'UTF-8');
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
