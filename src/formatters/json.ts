/** `json`: the results as ESLint's json formatter prints them (`JSON.stringify` of the array). */
import type {LintResult} from '../engine/types.js';
import type {FormatContext} from './types.js';

export function format(results: LintResult[], _context?: FormatContext): string {
  return JSON.stringify(results);
}

/** The same text, one result at a time (`JSON.stringify` of an array joins its items with `,`). */
export function* formatChunks(results: LintResult[], _context?: FormatContext): Generator<string> {
  yield '[';
  for (let i = 0; i < results.length; i++) yield (i ? ',' : '') + JSON.stringify(results[i]);
  yield ']';
}
