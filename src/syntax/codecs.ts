/**
 * Legacy (non-UTF-8) encodings in Node: iconv-lite, loaded on first use (most files are UTF-8 or
 * pure ASCII and never need it). Browsers get `codecs.browser.ts` instead, through the `browser`
 * field of package.json (esbuild, webpack and Vite honour it): iconv-lite needs Node's Buffer.
 * Both files export the same four functions; `encoding.ts` uses nothing else of a codec library.
 */
import {createRequire} from 'node:module';

type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | undefined;
function iconv(): Iconv {
  iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return iconvModule;
}

/** Whether `codec` (a name `encoding.ts` has normalised) is known. */
export function codecExists(codec: string): boolean {
  return iconv().encodingExists(codec);
}

/** Whether `codec` maps bytes through a fixed single- or double-byte table (not a stateful or multi-unit codec). */
export function isTableCodec(codec: string): boolean {
  const kind = (iconv().getCodec(codec) as {constructor: {name: string}}).constructor.name;
  return kind === 'SBCSCodec' || kind === 'DBCSCodec';
}

/** Bytes to text; invalid bytes become U+FFFD (the caller proves the result by encoding it back). */
export function decodeWith(bytes: Uint8Array, codec: string): string {
  const buffer = bytes instanceof Buffer ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return iconv().decode(buffer, codec, {stripBOM: false});
}

/** Text to bytes; a character with no byte form becomes a substitute (the caller proves the result by decoding it back). */
export function encodeWith(text: string, codec: string): Uint8Array {
  return iconv().encode(text, codec, {addBOM: false});
}
