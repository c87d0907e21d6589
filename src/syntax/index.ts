export type * from './types.js';
export {parse} from './parse.js';
export {stringify, lineText} from './stringify.js';
export {escapeValue, unescapeValue, badEscapes, mustEscape} from './escape.js';
export {decode, encode, canEncode, resolveEncoding, findDeclaredEncoding, DecodeError} from './encoding.js';
export type {Decoded, DecodeProblem} from './encoding.js';
export {vmxParse, vmxStringify} from './unified.js';
export {keyEquals, getEntry, getEntries, indexEntries} from './lookup.js';
