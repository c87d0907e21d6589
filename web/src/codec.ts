/**
 * A dropped file's bytes ↔ text, with vmxlint's own codec (`decode` / `encode` of `vmxlint/browser`:
 * the file's `.encoding`, the browser's TextDecoder tables, fatal on bytes it could not write back).
 * Saving follows `vmxlint --fix`: the encoding the text itself declares, proven by reading it back.
 */
import {decode as decodeBytes, DecodeError, encode} from 'vmxlint/browser';

/** A file that cannot be read or saved safely: one line saying why. */
export class CodecError extends Error {}

export interface DecodedFile {
  text: string;
  /** The encoding as the file names it (`UTF-8` when it names none). */
  encoding: string;
}

const DECLARATION = /^[ \t]*\.encoding[ \t]*=[ \t]*"?([^"\s#]*)"?/im;

/** A file's bytes → its text. Throws CodecError (the CLI's reason) when that is not safe. */
export function decode(bytes: Uint8Array): DecodedFile {
  try {
    const {text, encoding} = decodeBytes(bytes);
    return {text, encoding};
  } catch (error) {
    if (error instanceof DecodeError) throw new CodecError(error.message);
    throw error;
  }
}

/** The bytes to save for a text: in the encoding it declares (UTF-8 when none), as `vmxlint --fix` writes. */
export function encodeForSave(text: string): Uint8Array {
  const name = DECLARATION.exec(text.startsWith('\uFEFF') ? text.slice(1) : text)?.[1] ?? 'UTF-8';
  let bytes: Uint8Array;
  try {
    bytes = encode(text, name);
  } catch (error) {
    throw new CodecError((error as Error).message);
  }
  if (decode(bytes).text !== text) throw new CodecError(`the text would not read back as written in ${name}`);
  return bytes;
}
