/** vmxlint's public API. */
export {parse, stringify, decode, encode, vmxParse, vmxStringify, keyEquals, getEntry, getEntries, DecodeError} from './syntax/index.js';
export type {Root, Entry, Comment, Blank, Invalid, Line, Eol, Decoded} from './syntax/index.js';
export {lintText, lintBytes, vmxLint} from './engine/linter.js';
export type {LintOptions} from './engine/linter.js';
export {lintFiles} from './lint-files.js';
export type {LintFilesOptions} from './lint-files.js';
export {RuleTester} from './engine/rule-tester.js';
export type {ValidCase, InvalidCase, ExpectedMessage} from './engine/rule-tester.js';
export {createRule} from './engine/create-rule.js';
export {rules} from '../lib/rules/index.js';
export type * from './engine/types.js';
export type {Config, ConfigBlock, ConfigItem, RuleEntry} from './config/config-array.js';
