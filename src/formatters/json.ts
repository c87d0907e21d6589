/** `json`: the results as ESLint's json formatter prints them (`JSON.stringify` of the array). */
import type {LintResult} from '../engine/types.js';
import type {FormatContext} from './types.js';

export function format(results: LintResult[], _context?: FormatContext): string {
  return JSON.stringify(results);
}
