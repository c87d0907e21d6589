/**
 * Config discovery: walking up from each file, the first of `vmxlint.config.js` / `.mjs` /
 * `.json`, `.vmxlintrc.json`, or a `"vmxlint"` key in `package.json`. cosmiconfig does the
 * loading (JS, ESM and JSON); it is imported only when a candidate file exists, so a run
 * without a config pays nothing for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {ConfigArray, ConfigError, defaultConfig, resolvePath, type Config, type ConfigItem} from './config-array.js';

export const SEARCH_PLACES = ['vmxlint.config.js', 'vmxlint.config.mjs', 'vmxlint.config.json', '.vmxlintrc.json', 'package.json'];

export interface LoaderOptions {
  /** An explicit config file (`--config`): used for every file, no lookup. */
  configFile?: string;
  /** Look up config files (default true; `--no-config-lookup` turns it off). */
  lookup?: boolean;
  /** Blocks appended after the config (`--rule`). */
  overrides?: ConfigItem[];
  cwd?: string;
}

type Validate = (schema: unknown, data: unknown) => string | undefined;

export async function makeValidator(): Promise<Validate> {
  const {default: Ajv} = await import('ajv');
  const ajv = new (Ajv as unknown as typeof import('ajv').default)({allErrors: false, strict: false});
  const cache = new Map<unknown, ReturnType<typeof ajv.compile>>();
  return (schema, data) => {
    let validate = cache.get(schema);
    if (!validate) cache.set(schema, (validate = ajv.compile(schema as object)));
    if (validate(data)) return undefined;
    const e = validate.errors![0];
    return `options that match the rule's schema (${e.instancePath || 'options'} ${e.message})`;
  };
}

/** Whether a config block list sets rule options (only then is ajv needed). */
function hasOptions(items: unknown): boolean {
  const list = Array.isArray(items) ? items : [items];
  return list.some(
    (b) => typeof b === 'object' && b !== null && Object.values((b as {rules?: object}).rules ?? {}).some((e) => Array.isArray(e) && e.length > 1),
  );
}

export class ConfigLoader {
  private readonly byDir = new Map<string, Promise<ConfigArray>>();
  /** The configs of byDir once loaded, for `loadedForFile`. */
  private readonly loadedByDir = new Map<string, ConfigArray>();
  private explicit?: Promise<ConfigArray>;
  private loadedExplicit?: ConfigArray;
  private explorer?: Promise<import('cosmiconfig').PublicExplorer>;

  constructor(private readonly options: LoaderOptions = {}) {}

  private async build(items: Config, baseDir: string, source: string): Promise<ConfigArray> {
    const list = [...(Array.isArray(items) ? items : [items]), ...(this.options.overrides ?? [])];
    const validate = hasOptions(list) ? await makeValidator() : undefined;
    return new ConfigArray(list, baseDir, source, validate);
  }

  private getExplorer() {
    this.explorer ??= import('cosmiconfig').then(({cosmiconfig}) =>
      cosmiconfig('vmxlint', {searchPlaces: SEARCH_PLACES, searchStrategy: 'none', cache: true}),
    );
    return this.explorer;
  }

  private async loadFile(file: string): Promise<ConfigArray> {
    const explorer = await this.getExplorer();
    let loaded;
    if (fs.statSync(file, {throwIfNoEntry: false})?.isDirectory()) {
      throw new ConfigError(`${file}: is a directory; --config takes a config file (e.g. vmxlint.config.json)`);
    }
    try {
      loaded = await explorer.load(file);
    } catch (error) {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new ConfigError(`${file}: cannot load config: ${why}`, {cause: error});
    }
    if (!loaded || loaded.isEmpty) throw new ConfigError(`${file}: config file is empty`);
    return this.build(loaded.config as Config, path.dirname(file), file);
  }

  /** The config file that applies to a directory: the nearest candidate that exists (package.json only with a "vmxlint" key). */
  private findIn(dir: string): string | undefined {
    for (const name of SEARCH_PLACES) {
      const candidate = path.join(dir, name);
      if (!fs.existsSync(candidate)) continue;
      if (name === 'package.json') {
        try {
          const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as Record<string, unknown>;
          if (pkg && typeof pkg === 'object' && 'vmxlint' in pkg) return candidate;
        } catch {
          // an unreadable package.json is not our config
        }
        continue;
      }
      return candidate;
    }
    return undefined;
  }

  /** The config for a file (or for `cwd` when linting stdin). */
  forDirectory(dir: string): Promise<ConfigArray> {
    if (this.options.configFile) {
      if (!this.explicit) {
        this.explicit = (async () => {
          const file = path.resolve(this.options.cwd ?? process.cwd(), this.options.configFile!);
          if (!fs.existsSync(file)) throw new ConfigError(`${file}: config file not found`);
          return this.loadFile(file);
        })();
        void this.explicit.then((config) => (this.loadedExplicit = config), () => undefined);
      }
      return this.explicit;
    }
    if (this.options.lookup === false) {
      if (!this.explicit) {
        this.explicit = this.build(['vmxlint:recommended'], this.options.cwd ?? process.cwd(), '<default config>');
        void this.explicit.then((config) => (this.loadedExplicit = config), () => undefined);
      }
      return this.explicit;
    }
    const abs = resolvePath(dir);
    let cached = this.byDir.get(abs);
    if (!cached) {
      const found = this.findIn(abs);
      const parent = path.dirname(abs);
      if (found) cached = this.loadFile(found);
      else if (parent !== abs) cached = this.forDirectory(parent);
      else cached = this.options.overrides?.length ? this.build(['vmxlint:recommended'], this.options.cwd ?? process.cwd(), '<default config>') : Promise.resolve(defaultConfig());
      this.byDir.set(abs, cached);
      void cached.then((config) => this.loadedByDir.set(abs, config), () => undefined);
    }
    return cached;
  }

  forFile(filePath: string): Promise<ConfigArray> {
    return this.forDirectory(path.dirname(resolvePath(filePath)));
  }

  /**
   * The config for a file when it has been loaded already (by `forFile` or `forDirectory` of its
   * directory, awaited), else undefined: a loop over many files then needs no await per file.
   */
  loadedForFile(filePath: string): ConfigArray | undefined {
    if (this.options.configFile || this.options.lookup === false) return this.loadedExplicit;
    return this.loadedByDir.get(path.dirname(resolvePath(filePath)));
  }
}
