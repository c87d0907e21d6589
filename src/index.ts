/** vmxlint's public API under Node (`vmxlint`); `src/browser.ts` is the platform-free one (`vmxlint/browser`). */
import path from 'node:path';
import {ConfigArray} from './config/config-array.js';
import * as core from './engine/linter.js';
import {isFileConfig, type LintOptions} from './engine/linter.js';
import type {LintResult} from './engine/types.js';
import {NODE_OUTER_ACCESS} from './runner/lint-file.js';

export {parse, stringify, decode, encode, vmxParse, vmxStringify, keyEquals, getEntry, getEntries, DecodeError} from './syntax/index.js';
export type {Root, Entry, Comment, Blank, Invalid, Line, Eol, Decoded} from './syntax/index.js';
export {vmxLint} from './engine/linter.js';
export type {LintOptions} from './engine/linter.js';
export {lintFiles} from './runner/lint-files.js';
export type {LintFilesOptions} from './runner/lint-files.js';
export {RuleTester} from './engine/rule-tester.js';
export type {ValidCase, InvalidCase, ExpectedMessage} from './engine/rule-tester.js';
export {createRule} from './engine/create-rule.js';
export {rules} from '../lib/rules/index.js';
export type * from './engine/types.js';
export type {Config, ConfigBlock, ConfigItem, RuleEntry} from './config/config-array.js';

/**
 * Under Node, a `config` given to lintText/lintBytes has its `files`/`ignores` globs relative to
 * the working directory (or `cwd`), with the platform's paths (Windows too); the core, shared
 * with `vmxlint/browser`, knows only POSIX paths.
 */
function forNode(options: LintOptions): LintOptions {
  if (options.outerFileAccess === undefined) options = {...options, outerFileAccess: NODE_OUTER_ACCESS};
  if (options.config === undefined || isFileConfig(options.config)) return options;
  const array = new ConfigArray(options.config, options.cwd ?? process.cwd(), '<config>', undefined, path);
  return {...options, config: array.forFile(options.filePath ?? 'stdin.vmx')};
}

/** Lint one text (with `fix`, fix it). */
export function lintText(text: string, options: LintOptions = {}): Promise<LintResult> {
  return core.lintText(text, forNode(options));
}

/** Decode bytes with the file's encoding, then lint; undecodable bytes give a fatal result (never fixed). */
export function lintBytes(bytes: Uint8Array, options: LintOptions = {}): ReturnType<typeof core.lintBytes> {
  return core.lintBytes(bytes, forNode(options));
}
