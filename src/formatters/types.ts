/**
 * The formatter API: a formatter turns lint results into the text the CLI prints.
 * Formatters are pure (no I/O, no process state): everything they need is in the context.
 */
import type {LintResult} from '../engine/types.js';

/** What a formatter knows of a rule (for SARIF `rules[]`, help links and the like). */
export interface RuleInfo {
  id: string;
  description: string;
  /** Absolute URL of the rule's docs page (may be empty when unknown). */
  url: string;
  defaultSeverity: 'info' | 'warn' | 'error';
  fixable: boolean;
}

export interface FormatContext {
  /** Directory that paths are printed relative to (absolute). */
  cwd: string;
  /** Whether ANSI colours may be used (only `stylish` colours anything). */
  color: boolean;
  /** vmxlint's version, for SARIF `tool.driver.version`. */
  version: string;
  /** Every rule that ran or appears in the results. */
  rules: RuleInfo[];
  /** The repository's root (absolute), for formats whose paths are relative to it (`gitlab`); default cwd. */
  repositoryRoot?: string;
}

export type Formatter = (results: LintResult[], context: FormatContext) => string;

/**
 * The same text as a `Formatter` gives, in pieces (their concatenation is byte for byte the
 * string): the CLI writes each piece as it comes, so a big report is never one string in memory.
 */
export type ChunkedFormatter = (results: LintResult[], context: FormatContext) => Iterable<string>;

/** The shape of each `src/formatters/<name>.ts` module. */
export interface FormatterModule {
  format: Formatter;
  /** Optional: the report in pieces (JSON and SARIF, whose reports grow with the repository). */
  formatChunks?: ChunkedFormatter;
}
