/**
 * Legacy (non-UTF-8) encodings where there is no Node (the browser build of `vmxlint/browser`;
 * package.json's `browser` field puts this file in place of `codecs.ts`). Decoding is the
 * platform's own `TextDecoder`; encoding, which `TextEncoder` cannot do (UTF-8 only), uses the
 * same decoder's table turned around, built once per encoding on first use.
 *
 * The tables are the WHATWG Encoding Standard's (https://encoding.spec.whatwg.org/), which differ
 * from iconv-lite's (used under Node) in a few places: there, `iso-8859-1` is windows-1252, the
 * five bytes windows-1252 leaves undefined read as C1 controls, and IBM/DOS code pages are unknown.
 * (Node's own TextDecoder gets windows-1252 wrong in Node 20; under Node, `codecs.ts` is used.)
 */

/** iconv-lite's names (what `encoding.ts` normalises to) that the Encoding Standard spells otherwise. */
const LABELS: Record<string, string> = {cp949: 'euc-kr'};

/** Codecs that are not a fixed byte table (stateful, or 16-bit units): never "ASCII as is". */
const NOT_TABLE = new Set(['utf-16le', 'utf-16be', 'iso-2022-jp', 'replacement', 'x-user-defined']);

/** Encodings with two-byte sequences (only their one- and two-byte forms are written). */
const DOUBLE_BYTE = new Set(['shift_jis', 'euc-kr', 'gbk', 'gb18030', 'big5', 'euc-jp']);

const label = (codec: string) => LABELS[codec] ?? codec;

const names = new Map<string, string | undefined>();
/** The Encoding Standard's name for `codec`, or undefined when the platform does not know it. */
function standardName(codec: string): string | undefined {
  if (!names.has(codec)) {
    let name: string | undefined;
    try {
      name = new TextDecoder(label(codec)).encoding;
    } catch {
      name = undefined;
    }
    names.set(codec, name === 'replacement' ? undefined : name);
  }
  return names.get(codec);
}

export function codecExists(codec: string): boolean {
  return standardName(codec) !== undefined;
}

export function isTableCodec(codec: string): boolean {
  const name = standardName(codec);
  return name !== undefined && !NOT_TABLE.has(name);
}

export function decodeWith(bytes: Uint8Array, codec: string): string {
  return new TextDecoder(label(codec), {ignoreBOM: true}).decode(bytes);
}

/** Per encoding: code point → its bytes. */
const tables = new Map<string, Map<number, Uint8Array>>();

/** The decoder's table turned around: every single byte, and every two-byte sequence of a multi-byte encoding. */
function encodeTable(codec: string): Map<number, Uint8Array> {
  const name = standardName(codec) ?? codec;
  let table = tables.get(name);
  if (table !== undefined) return table;
  table = new Map();
  const decoder = new TextDecoder(name, {fatal: true, ignoreBOM: true});
  const add = (bytes: Uint8Array) => {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return;
    }
    const cp = text.codePointAt(0);
    // one character only, and the first byte form found wins (as a decoder's table lists it)
    if (cp !== undefined && text.length === (cp > 0xffff ? 2 : 1) && !table!.has(cp)) table!.set(cp, bytes);
  };
  for (let b = 0; b < 256; b++) add(Uint8Array.of(b));
  if (DOUBLE_BYTE.has(name)) {
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) add(Uint8Array.of(lead, trail));
  }
  tables.set(name, table);
  return table;
}

/** `?` for a character the encoding cannot write, as iconv-lite does: the caller's round trip then fails. */
export function encodeWith(text: string, codec: string): Uint8Array {
  const table = encodeTable(codec);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch.codePointAt(0)!);
    if (bytes === undefined) out.push(0x3f);
    else for (const b of bytes) out.push(b);
  }
  return Uint8Array.from(out);
}
