/**
 * What the language server takes from the linter: one text in, the CLI's result out. This is the
 * only file of src/language-server/ that imports the linter's modules, so the server follows the
 * core wherever it moves.
 *
 * The text is linted as `vmxlint --fix` would lint it once saved: encoded in its declared
 * encoding (UTF-8 without one), then read back as the CLI reads a file (`lintBytes`), so binary
 * text, `encoding-declared` and the fix-all result equal the CLI's for the same text and config.
 */
import path from 'node:path';
import {ConfigError} from '../config/config-array.js';
import {ConfigLoader, SEARCH_PLACES} from '../runner/config-loader.js';
import {fatalResult, lintBytes, lintTextSync} from '../engine/linter.js';
import {normalizeSettings} from '../engine/settings.js';
import type {LintResult, Settings} from '../engine/types.js';
import {sniffWrongKind} from '../runner/io/read.js';
import {encode, findDeclaredEncoding, resolveEncoding} from '../syntax/encoding.js';
import {packageVersion} from '../runner/version.js';
import {NODE_OUTER_ACCESS} from '../runner/lint-file.js';

export const VERSION: string = packageVersion();

export {ConfigError};
export type {LintMessage, LintResult, Settings, TextEdit as LintEdit} from '../engine/types.js';

/** The names of the config files the CLI looks for (package.json counts when it has a "vmxlint" key). */
export const CONFIG_FILE_NAMES: readonly string[] = SEARCH_PLACES;

/** A loader of config files, as the CLI's (nearest config, walking up from the file). */
export type Loader = ConfigLoader;
export function newLoader(cwd: string): Loader {
  return new ConfigLoader({cwd});
}

export interface LintRequest {
  text: string;
  /** The document's path; undefined for an unsaved buffer (linted as `<cwd>/stdin.vmx`, like `--stdin`). */
  filePath?: string;
  /** Where an unsaved buffer's config lookup starts (the workspace folder). */
  cwd: string;
  /** The editor's settings: they win as the CLI's flags do. */
  settings: Settings;
  fix?: boolean;
}

/** The result, or `ignored` when the config ignores the file (then the editor shows nothing, as the CLI lints nothing). */
export type LintOutcome = {ignored: true} | {ignored: false; result: LintResult};

/** Lint a document's text with the config the CLI would use for its path. Config errors throw `ConfigError`. */
export async function lintDocument(loader: Loader, request: LintRequest): Promise<LintOutcome> {
  const configPath = request.filePath ?? path.join(request.cwd, 'stdin.vmx');
  const array = await loader.forFile(configPath);
  if (request.filePath && array.isIgnored(request.filePath)) return {ignored: true};
  // an inner VM's `outer` file is read from disk as the CLI reads it (regular file, size cap)
  const options = {filePath: request.filePath ?? '<text>', config: array.forFile(configPath), settings: request.settings, fix: request.fix, outerFileAccess: NODE_OUTER_ACCESS};
  // the bytes the editor would save: UTF-8, or the declared encoding (the declaration itself is ASCII)
  const utf8 = Buffer.from(request.text, 'utf8');
  const declared = findDeclaredEncoding(utf8);
  let bytes: Uint8Array = utf8;
  if (declared !== undefined && resolveEncoding(declared) !== undefined) {
    try {
      bytes = encode(request.text, declared);
    } catch {
      // a character the declared encoding lacks: no file on disk could hold this text; lint it as it is
      return {ignored: false, result: lintTextSync(request.text, {...options, encoding: declared, encodingDeclared: true})};
    }
  }
  // from here on as the CLI reads a file: what it is not, then decoding (binary or undecodable: one fatal message)
  const wrongKind = sniffWrongKind(bytes);
  if (wrongKind) return {ignored: false, result: fatalResult(options.filePath, wrongKind)};
  return {ignored: false, result: lintBytes(bytes, options).result};
}

/** Editor keys of the `vmxlint` section that configure the editor or the server, not the linter. */
const NOT_SETTINGS = new Set(['trace', 'enable', 'run', 'serverPath']);

/**
 * The linter settings among the editor's `vmxlint` section: every other key with a value goes to
 * the linter's own validation (so a setting the linter learns later needs no change here); bad or
 * unknown ones come back as errors to show the user.
 */
export function editorSettings(section: unknown): {settings: Settings; errors: string[]} {
  if (typeof section !== 'object' || section === null || Array.isArray(section)) return {settings: {}, errors: []};
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) {
    if (NOT_SETTINGS.has(key) || value === null || value === undefined || value === '') continue;
    if (typeof value === 'object') continue;
    raw[key] = value;
  }
  const {settings, errors} = normalizeSettings(raw);
  return {settings, errors: errors.map((e) => `vmxlint: editor settings (vmxlint.*): ${e} (ignored)`)};
}
