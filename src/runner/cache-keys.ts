/** `--cache`: the key of what a file's result depends on besides its bytes (src/runner/cache.ts). */
import type {FileConfig} from '../config/config-array.js';
import {hashBytes, sha1} from './hash.js';
import {readRegularFileSync} from './io/read.js';

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/**
 * What a file's result depends on besides its bytes: its rules (ids, severities, options) and
 * settings, the lint options, and the config file's own text (a plugin's code is not followed:
 * change the config or clear the cache after upgrading a plugin).
 */
export class ConfigKeys {
  private readonly sources = new Map<string, string>();
  private readonly keys = new Map<string, string>();

  constructor(private readonly runOptions: unknown) {}

  private sourceHash(source: string): string {
    let hash = this.sources.get(source);
    if (hash === undefined) {
      try {
        hash = hashBytes(readRegularFileSync(source));
      } catch {
        hash = source; // a built-in config ('<default config>'): the version covers it
      }
      this.sources.set(source, hash);
    }
    return hash;
  }

  /** Options objects come from the config's blocks: the same object for every file a block applies to. */
  private readonly optionIds = new WeakMap<object, number>();
  private readonly bySignature = new Map<string, string>();
  private nextOptionId = 0;

  /** Keys by config object: files with the same config share one FileConfig (ConfigArray.forFile). */
  private readonly byConfig = new WeakMap<FileConfig, {source: string; key: string}>();

  keyOf(config: FileConfig, source: string): string {
    const known = this.byConfig.get(config);
    if (known?.source === source) return known.key;
    const key = this.computeKey(config, source);
    this.byConfig.set(config, {source, key});
    return key;
  }

  private computeKey(config: FileConfig, source: string): string {
    // a cheap signature first (rule ids, severities, options by identity): the JSON and hash below once per distinct config
    let signature = `${source}\0${JSON.stringify(config.settings)}`;
    for (const r of config.rules) {
      // a rule without options gets a fresh `{}` for every file: those all sign alike
      let id = isEmpty(r.options) ? -1 : this.optionIds.get(r.options);
      if (id === undefined) this.optionIds.set(r.options, (id = this.nextOptionId++));
      signature += `\0${r.id}:${r.severity}:${id}`;
    }
    let key = this.bySignature.get(signature);
    if (key === undefined) {
      const text = JSON.stringify([this.sourceHash(source), config.rules.map((r) => [r.id, r.severity, r.options]), config.settings, this.runOptions]);
      key = this.keys.get(text);
      if (key === undefined) {
        key = sha1(text, 'base64');
        this.keys.set(text, key);
      }
      this.bySignature.set(signature, key);
    }
    return key;
  }
}
