/**
 * `vmxlint/browser`: the platform-free API, for the playground and any other place without Node
 * (like ESLint's `eslint/universal`). It imports only the core (syntax, engine, knowledge, config
 * blocks, rules): no `node:*`, no `Buffer`, no `process`, no `require`; text and bytes go through
 * the standard `TextDecoder`/`TextEncoder` and `Uint8Array`. A `config` given here is a flat config
 * (or one block) in memory: its `files`/`ignores` globs are relative to `cwd` (default `/`).
 *
 * The results are the Node API's (`vmxlint`), byte for byte, for UTF-8 text; legacy encodings use
 * the platform's tables (see `src/syntax/codecs.browser.ts`).
 */
export {parse, stringify, decode, encode, canEncode, resolveEncoding, keyEquals, getEntry, getEntries, DecodeError} from './syntax/index.js';
export type {Root, Entry, Comment, Blank, Invalid, Line, Eol, Decoded} from './syntax/index.js';
export {lintText, lintBytes} from './engine/linter.js';
export type {LintOptions} from './engine/linter.js';
export {applyEdits} from './engine/fixer.js';
export {createRule} from './engine/create-rule.js';
export {rules} from '../lib/rules/index.js';
export type * from './engine/types.js';
export type {Config, ConfigBlock, ConfigItem, RuleEntry} from './config/config-array.js';
/** For settings pickers: the setting names, their allowed values, and the host table. */
export {SETTING_NAMES, ROLES, CPUS, AMD_FAMILIES} from './engine/settings.js';
export {HOSTS, hostIds, resolveHost} from './knowledge/hosts.js';
export type {HostRow, Product, HostFamily, Support} from './knowledge/hosts.js';
