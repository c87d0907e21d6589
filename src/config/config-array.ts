/**
 * Flat config: a list of presets and blocks `{files, ignores, rules, settings, plugins}`;
 * later blocks win. Validated when built: a bad config is a ConfigError naming the file,
 * the key and what was expected.
 */
import picomatch from 'picomatch';
import {posixPath, type PathApi} from './paths.js';
import {rules as builtinRules} from '../../lib/rules/index.js';
import type {EnabledRule} from '../engine/run-rules.js';
import {normalizeSettings} from '../engine/settings.js';
import type {AnyRule, Settings, Severity} from '../engine/types.js';

export type RuleEntry = Severity | 0 | 1 | 2 | [Severity | 0 | 1 | 2, object?];
export interface ConfigBlock {
  name?: string;
  files?: string[];
  ignores?: string[];
  rules?: Record<string, RuleEntry>;
  settings?: Settings;
  plugins?: Record<string, {rules: Record<string, AnyRule>}>;
}
export type Preset = 'vmxlint:recommended' | 'vmxlint:all';
export type ConfigItem = ConfigBlock | Preset;
export type Config = ConfigItem | ConfigItem[];

export class ConfigError extends Error {
  constructor(message: string, options?: {cause?: unknown}) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

export interface FileConfig {
  /** Enabled rules, in registry order. */
  rules: EnabledRule[];
  /** Every rule known to this config (built-in and plugin), for directives and listings. */
  ruleDefs: Map<string, AnyRule>;
  settings: Settings;
}

const SEVERITIES: Record<string, Severity> = {off: 'off', info: 'info', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error'};
const BLOCK_KEYS = new Set(['name', 'files', 'ignores', 'rules', 'settings', 'plugins']);

export function presetRules(preset: Preset, defs: Map<string, AnyRule>): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = {};
  for (const [id, rule] of defs) {
    if (id.includes('/')) continue; // presets cover built-in rules only
    if (preset === 'vmxlint:all' || rule.meta.docs.recommended) out[id] = rule.meta.defaultSeverity;
  }
  return out;
}

type Validate = (schema: unknown, data: unknown) => string | undefined;

interface NormalBlock {
  files?: picomatch.Matcher;
  ignores?: picomatch.Matcher;
  rules: Map<string, {severity: Severity; options: object}>;
  settings: Settings;
}

/** A relative path with `.`/`..` segments, empty segments, or a leading or trailing slash: not plain. */
const NOT_PLAIN = /^\/|\/\/|\/$|(?:^|\/)\.{1,2}(?:\/|$)/;

/**
 * `path.resolve(filePath)`, without its work for a path that is already absolute and normalized
 * on POSIX (what the file finder gives: a 10,000-file run resolves every path several times).
 */
export function resolvePath(filePath: string, path: PathApi = posixPath): string {
  if (path.sep === '/' && filePath.length > 1 && filePath.charCodeAt(0) === 47 && !NOT_PLAIN.test(filePath.slice(1))) return filePath;
  return path.resolve(filePath);
}

export class ConfigArray {
  readonly ruleDefs: Map<string, AnyRule>;
  private readonly blocks: NormalBlock[] = [];
  private readonly globalIgnores: picomatch.Matcher[] = [];
  /**
   * Merged configs by the blocks that apply (a string of 0/1 per block): files whose blocks are
   * the same share one FileConfig, so the engine builds its processor and merges rule options
   * once per config, not once per file (a 10,000-file run asks for a config 10,000 times).
   */
  private readonly merged = new Map<string, FileConfig>();
  /** The last path made relative (isIgnored and forFile ask for the same file in turn). */
  private lastPath: string | undefined;
  private lastRelative = '';
  /** `baseDir/` when paths under it can be made relative by slicing (POSIX, absolute, normalized). */
  private readonly prefix: string | undefined;
  /** Whether some block has `files` or `ignores` (else every file gets the same config from forFile). */
  readonly byPath: boolean;

  /**
   * @param items the config as loaded
   * @param baseDir globs are relative to this directory (the config file's)
   * @param source the config file's path, for error messages
   * @param validate JSON Schema validation of rule options (ajv, loaded lazily by the caller)
   * @param paths path operations: `node:path` under Node, POSIX ones (the default) elsewhere
   */
  constructor(
    items: Config,
    readonly baseDir: string,
    readonly source: string,
    validate?: Validate,
    private readonly paths: PathApi = posixPath,
  ) {
    const list = Array.isArray(items) ? items : [items];
    this.ruleDefs = new Map(Object.entries(builtinRules) as Array<[string, AnyRule]>);
    // plugins first, so that any block may configure any plugin's rules
    list.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || !item.plugins) return;
      for (const [name, plugin] of Object.entries(item.plugins)) {
        if (!plugin || typeof plugin !== 'object' || typeof plugin.rules !== 'object') {
          this.fail(`[${i}].plugins.${name}`, 'an object with `rules`');
        }
        for (const [ruleName, rule] of Object.entries(plugin.rules)) {
          if (!rule || typeof rule.create !== 'function' || typeof rule.meta !== 'object' || rule.meta === null) {
            this.fail(`[${i}].plugins.${name}.rules.${ruleName}`, 'a rule object with `meta` and `create`');
          }
          // the engine and the reports read meta.docs and meta.messages: checked here, not a crash later (R23)
          if (typeof rule.meta.docs !== 'object' || rule.meta.docs === null || typeof rule.meta.messages !== 'object' || rule.meta.messages === null) {
            this.fail(`[${i}].plugins.${name}.rules.${ruleName}.meta`, 'an object with `docs` and `messages` objects');
          }
          this.ruleDefs.set(`${name}/${ruleName}`, rule);
        }
      }
    });
    list.forEach((item, i) => this.add(item, `[${i}]`, validate));
    const path = this.paths;
    const plainBase = path.sep === '/' && path.isAbsolute(baseDir) && path.resolve(baseDir) === baseDir;
    this.prefix = plainBase ? (baseDir === '/' ? '/' : `${baseDir}/`) : undefined;
    this.byPath = this.blocks.some((block) => block.files || block.ignores);
  }

  private fail(key: string, expected: string, got?: unknown): never {
    const gotText = got === undefined ? '' : `, got ${JSON.stringify(got)}`;
    throw new ConfigError(`${this.source}: invalid config at \`${key}\`: expected ${expected}${gotText}`);
  }

  private matcher(globs: unknown, key: string): picomatch.Matcher {
    if (!Array.isArray(globs) || globs.some((g) => typeof g !== 'string')) this.fail(key, 'an array of glob strings', globs);
    return picomatch(globs as string[], {dot: true});
  }

  private add(item: ConfigItem, key: string, validate?: Validate): void {
    if (typeof item === 'string') {
      if (item !== 'vmxlint:recommended' && item !== 'vmxlint:all') {
        this.fail(key, '"vmxlint:recommended", "vmxlint:all" or a config block', item);
      }
      this.add({rules: presetRules(item, this.ruleDefs)}, key, validate);
      return;
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) this.fail(key, 'a config block object', item);
    for (const k of Object.keys(item)) if (!BLOCK_KEYS.has(k)) this.fail(`${key}.${k}`, `one of ${[...BLOCK_KEYS].join(', ')}`);
    const block: NormalBlock = {rules: new Map(), settings: {}};
    if (item.files !== undefined) block.files = this.matcher(item.files, `${key}.files`);
    if (item.ignores !== undefined) block.ignores = this.matcher(item.ignores, `${key}.ignores`);
    const onlyIgnores = Object.keys(item).every((k) => k === 'ignores' || k === 'name');
    if (onlyIgnores && block.ignores) {
      this.globalIgnores.push(block.ignores);
      return;
    }
    if (item.rules !== undefined) {
      if (typeof item.rules !== 'object' || item.rules === null) this.fail(`${key}.rules`, 'an object of rule settings');
      for (const [id, entry] of Object.entries(item.rules)) {
        const at = `${key}.rules.${id}`;
        const rule = this.ruleDefs.get(id);
        if (!rule) this.fail(at, 'a known rule id (see `vmxlint --list-rules`)');
        const [sevRaw, options] = Array.isArray(entry) ? entry : [entry, undefined];
        const severity = SEVERITIES[String(sevRaw)];
        if (!severity) this.fail(at, '"off", "info", "warn", "error" or [severity, options]', sevRaw);
        if (Array.isArray(entry) && entry.length > 2) this.fail(at, '[severity, options] with a single options object');
        if (options !== undefined) {
          if (typeof options !== 'object' || options === null || Array.isArray(options)) this.fail(at, 'an options object', options);
          const problem = validate?.(rule.meta.schema, options);
          if (problem) this.fail(`${at} options`, problem);
        }
        block.rules.set(id, {severity, options: options ?? {}});
      }
    }
    if (item.settings !== undefined) {
      if (typeof item.settings !== 'object' || item.settings === null) this.fail(`${key}.settings`, 'an object');
      const {settings, errors} = normalizeSettings(item.settings as Record<string, unknown>);
      if (errors.length) this.fail(`${key}.settings`, errors[0].replace(/^(invalid|unknown) /, 'a valid '));
      // `outer` in a config is relative to the config file
      if (settings.outer !== undefined) settings.outer = this.paths.resolve(this.baseDir, settings.outer);
      block.settings = settings;
    }
    this.blocks.push(block);
  }

  /** Whether a file is ignored by a global `ignores` block. */
  isIgnored(filePath: string): boolean {
    if (this.globalIgnores.length === 0) return false;
    const rel = this.relative(filePath);
    return this.globalIgnores.some((m) => m(rel));
  }

  private relative(filePath: string): string {
    if (filePath === this.lastPath) return this.lastRelative;
    let rel: string | undefined;
    // a normalized absolute path under baseDir (every file a directory walk finds): by slicing
    if (this.prefix !== undefined && filePath.length > this.prefix.length && filePath.startsWith(this.prefix)) {
      rel = filePath.slice(this.prefix.length);
      if (NOT_PLAIN.test(rel)) rel = undefined;
    }
    rel ??= this.paths.relative(this.baseDir, this.paths.resolve(filePath)).split(this.paths.sep).join('/');
    this.lastPath = filePath;
    this.lastRelative = rel;
    return rel;
  }

  /**
   * The merged rules and settings for one file. Files to which the same blocks apply get the
   * same object (the engine caches per config object): treat it as read-only.
   */
  forFile(filePath: string): FileConfig {
    let key = '';
    if (this.byPath) {
      const rel = this.relative(filePath);
      for (const block of this.blocks) key += (block.files && !block.files(rel)) || (block.ignores && block.ignores(rel)) ? '0' : '1';
    }
    let config = this.merged.get(key);
    if (config === undefined) {
      config = this.merge(key);
      this.merged.set(key, config);
    }
    return config;
  }

  /** The blocks that `key` selects (all when it is empty), merged: later blocks win. */
  private merge(key: string): FileConfig {
    const merged = new Map<string, {severity: Severity; options: object}>();
    let settings: Settings = {};
    for (let i = 0; i < this.blocks.length; i++) {
      const block = this.blocks[i];
      if (key !== '' && key[i] === '0') continue;
      for (const [id, setting] of block.rules) {
        const before = merged.get(id);
        // a severity-only entry keeps earlier options, as ESLint's flat config does
        merged.set(id, {severity: setting.severity, options: Object.keys(setting.options).length ? setting.options : (before?.options ?? {})});
      }
      settings = {...settings, ...block.settings};
    }
    const rules: EnabledRule[] = [];
    for (const [id, {severity, options}] of merged) {
      if (severity === 'off') continue;
      rules.push({id, rule: this.ruleDefs.get(id)!, severity, options});
    }
    return {rules, ruleDefs: this.ruleDefs, settings};
  }
}

/** The config used when none is found: the recommended preset. */
export function defaultConfig(baseDir = '/', path?: PathApi): ConfigArray {
  return new ConfigArray(['vmxlint:recommended'], baseDir, '<default config>', undefined, path);
}
