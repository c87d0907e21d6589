/**
 * A dropped file's bytes ↔ text in the encoding its `.encoding` declares, with only the browser's
 * own `TextDecoder` (WHATWG Encoding: windows-125x, ISO-8859-x, Shift_JIS, GBK, Big5, EUC-KR —
 * every encoding VMware writes), so no code table is shipped.
 *
 * The browser has no encoder for legacy encodings (`TextEncoder` writes UTF-8 only): the encoder
 * is the decoder's table inverted, built once per encoding from the decoder itself. Every read is
 * checked by encoding the text back to the very same bytes, as the CLI does (src/syntax/encoding.ts):
 * a file that would not come back byte for byte is refused, never shown altered.
 */

/** What the CLI's ALIASES map (VMware/ICU names → a name the decoder knows). */
const ALIASES: Record<string, string> = {
  'windows-949-2000': 'euc-kr',
  'windows-949': 'euc-kr',
  'ks_c_5601-1987': 'euc-kr',
  'ks_c_5601-1989': 'euc-kr',
  ms949: 'euc-kr',
  cp949: 'euc-kr',
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
  // the CLI reads these as UTF-8 (WHATWG would read them as windows-1252)
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
};
/** Encodings with two-byte characters; lead and trail byte ranges cover all of them. */
const DOUBLE_BYTE = new Set(['shift_jis', 'gbk', 'gb18030', 'big5', 'euc-kr', 'euc-jp']);

export class CodecError extends Error {}

export interface DecodedFile {
  text: string;
  /** The encoding as the file names it (`UTF-8` when it names none). */
  encoding: string;
}

const DECLARATION = /^(?:\xEF\xBB\xBF|\uFEFF)?[ \t]*\.encoding[ \t]*=[ \t]*"?([^"\s#]*)"?/im;

/** The `.encoding` a text (or bytes read as Latin-1) declares. */
export function declaredEncoding(text: string): string | undefined {
  return DECLARATION.exec(text)?.[1];
}

/** The decoder's canonical name for a VMware encoding name, or undefined when the browser does not know it. */
export function resolveEncoding(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  const label = ALIASES[lower] ?? lower;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

const tables = new Map<string, Map<number, number[]>>();

/** Code point → bytes, from decoding every single byte (and every lead/trail pair) once. */
function tableFor(encoding: string): Map<number, number[]> {
  let table = tables.get(encoding);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(encoding, {fatal: true});
  const add = (bytes: number[]) => {
    let s: string;
    try {
      s = decoder.decode(new Uint8Array(bytes));
    } catch {
      return;
    }
    const cp = s.codePointAt(0)!;
    if (s.length === (cp > 0xffff ? 2 : 1) && !table!.has(cp)) table!.set(cp, bytes);
  };
  for (let b = 0; b < 256; b++) add([b]);
  if (DOUBLE_BYTE.has(encoding)) {
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  }
  tables.set(encoding, table);
  return table;
}

/** Text → bytes in a VMware encoding. Throws CodecError for a character the encoding cannot write. */
export function encode(text: string, encodingName: string): Uint8Array {
  const encoding = resolveEncoding(encodingName);
  if (!encoding) throw new CodecError(`unknown encoding "${encodingName}"`);
  if (encoding === 'utf-8') {
    if (/\p{Surrogate}/u.test(text)) throw new CodecError('the text contains a lone UTF-16 surrogate that UTF-8 cannot encode');
    return new TextEncoder().encode(text);
  }
  const table = tableFor(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const bytes = cp < 0x80 && encoding !== 'shift_jis' ? [cp] : table.get(cp);
    if (!bytes) throw new CodecError(`the text contains ${JSON.stringify(ch)} (U+${cp.toString(16).toUpperCase().padStart(4, '0')}), which ${encodingName} cannot encode`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** 1-based line of byte `index` (LF, CRLF and lone CR end lines, as the CLI counts). */
function lineOf(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}

/** A file's bytes → its text, in the encoding it declares. Throws CodecError when that is not safe. */
export function decode(bytes: Uint8Array): DecodedFile {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new CodecError(`binary file: NUL byte on line ${lineOf(bytes, nul)}; not a .vmx text file`);
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const whole = bytes.length > 4096 ? new TextDecoder('windows-1252').decode(bytes) : head;
  const declared = declaredEncoding(head) ?? declaredEncoding(whole);
  const name = declared ?? 'UTF-8';
  const encoding = resolveEncoding(name);
  if (!encoding) throw new CodecError(`unknown \`.encoding\` "${name}": this file cannot be read safely`);
  let text: string;
  try {
    text = new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes);
  } catch {
    throw new CodecError(
      declared
        ? `the bytes are not valid ${declared}: refusing to read this file`
        : 'no `.encoding` declared and the bytes are not valid UTF-8: add the file\'s real encoding as the first line, e.g. `.encoding = "windows-1252"`',
    );
  }
  let back: Uint8Array | undefined;
  try {
    back = encode(text, name);
  } catch {
    back = undefined;
  }
  if (!back || !sameBytes(back, bytes)) throw new CodecError(`this ${name} file would not be written back byte for byte by the browser: use the command line for it`);
  return {text, encoding: declared ?? 'UTF-8'};
}

/** The bytes to save for a text: in the encoding the text declares (UTF-8 when none), as `vmxlint --fix` writes. */
export function encodeForSave(text: string): Uint8Array {
  const name = declaredEncoding(text.startsWith('\uFEFF') ? text.slice(1) : text) ?? 'UTF-8';
  return encode(text, name);
}
