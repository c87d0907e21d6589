/**
 * Config discovery: walking up from each file, the first of `vmxlint.config.js` / `.mjs` /
 * `.json`, `.vmxlintrc.json`, or a `"vmxlint"` key in `package.json`. cosmiconfig does the
 * loading (JS, ESM and JSON); it is imported only when a candidate file exists, so a run
 * without a config pays nothing for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {readRegularFileSync} from './io/read.js';
import {ConfigArray, ConfigError, defaultConfig, resolvePath, type Config, type ConfigItem} from '../config/config-array.js';

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

/** Larger config files are refused: 64 MiB is far beyond any real one (a 300,000-block config is 20 MB). */
const MAX_CONFIG_BYTES = 64 * 1024 * 1024;
/** More blocks than this in one config is not a config. */
const MAX_BLOCKS = 10_000_000;

/** How long a JS config may take to load (`VMXLINT_CONFIG_TIMEOUT_MS` overrides it, e.g. for tests). */
function configTimeoutMs(): number {
  const n = Number(process.env.VMXLINT_CONFIG_TIMEOUT_MS);
  return Number.isFinite(n) && n > 0 ? n : 30_000;
}

/**
 * A config that never settles (an await on a promise nobody resolves, with or without a live timer)
 * must not hang the run nor let the event loop run dry (Node then exits 13, printing nothing): the
 * timer keeps the process alive and turns it into one line (R15, R21).
 */
function withTimeout<T>(promise: Promise<T>, ms: number, file: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConfigError(`${file}: cannot load config: it did not finish loading within ${ms / 1000} s (a top-level await that never settles?)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, {throwIfNoEntry: false});
  } catch {
    return undefined;
  }
}

/** 1-based line and column of `offset` in `text`. */
function placeIn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\n|\r/).length;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return `line ${line}, column ${column}`;
}

/**
 * Where JSON.parse failed: its "at position N" when it says one, else the shortest prefix that fails
 * for another reason than ending early (V8 names no place for "Unexpected token").
 */
function jsonErrorOffset(text: string, message: string): number {
  const at = /at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    let early = true;
    try {
      JSON.parse(text.slice(0, mid + 1));
    } catch (error) {
      early = /Unexpected end of JSON input/.test((error as Error).message);
    }
    if (early) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A JSON config (or package.json) read safely: non-blocking, regular files only, size-capped, a UTF-8
 * BOM skipped; a syntax error is a ConfigError with its reason, line and column.
 */
function readJsonConfig(file: string): {value?: unknown; empty?: boolean} {
  let text: string;
  try {
    text = readRegularFileSync(file, MAX_CONFIG_BYTES).toString('utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot load config: ${(error as Error).message}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return {empty: true};
  try {
    return {value: JSON.parse(text)};
  } catch (error) {
    const message = (error as Error).message;
    const why = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '').replace(/^Unexpected end of JSON input$/, 'unexpected end of the file');
    throw new ConfigError(`${file}: cannot load config: JSON syntax error at ${placeIn(text, jsonErrorOffset(text, message))}: ${why}`);
  }
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
    return new ConfigArray(list, baseDir, source, validate, path);
  }

  private getExplorer() {
    this.explorer ??= import('cosmiconfig').then(({cosmiconfig}) =>
      cosmiconfig('vmxlint', {searchPlaces: SEARCH_PLACES, searchStrategy: 'none', cache: true}),
    );
    return this.explorer;
  }

  private async loadFile(file: string): Promise<ConfigArray> {
    let config: unknown;
    if (file.endsWith('.json')) {
      // JSON is read here, not by cosmiconfig: through the non-blocking reader, a BOM allowed (npm
      // allows it), and a syntax error keeps its reason and place (R27-R29)
      const parsed = readJsonConfig(file);
      if (parsed.empty) throw new ConfigError(`${file}: config file is empty`);
      config = path.basename(file) === 'package.json' ? (parsed.value as Record<string, unknown>).vmxlint : parsed.value;
    } else {
      const stat = statOrUndefined(file);
      if (stat?.isDirectory()) throw new ConfigError(`${file}: is a directory; --config takes a config file (e.g. vmxlint.config.json)`);
      if (stat && !stat.isFile()) throw new ConfigError(`${file}: cannot load config: not a regular file (a device, pipe or socket)`);
      const explorer = await this.getExplorer();
      let loaded;
      try {
        loaded = await withTimeout(explorer.load(file), configTimeoutMs(), file);
      } catch (error) {
        if (error instanceof ConfigError) throw error;
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        // --debug prints the cause's stack (a config or plugin that throws while loading)
        throw new ConfigError(`${file}: cannot load config: ${why}`, {cause: error});
      }
      if (!loaded || loaded.isEmpty) throw new ConfigError(`${file}: config file is empty`);
      config = loaded.config;
    }
    try {
      // a list is looked at before it is copied: a Proxy claiming a billion blocks is refused (R22)
      if (Array.isArray(config) && config.length > MAX_BLOCKS) {
        throw new ConfigError(`${file}: invalid config: ${config.length} blocks (more than ${MAX_BLOCKS})`);
      }
      return await this.build(config as Config, path.dirname(file), file);
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      // a getter that throws, a config nested 200,000 deep: the config's problem, said in one line (R23)
      const why = error instanceof RangeError && /call stack/i.test(error.message) ? 'nested too deeply' : error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new ConfigError(`${file}: invalid config: ${why}`, {cause: error});
    }
  }

  /** The config file that applies to a directory: the nearest candidate that exists (package.json only with a "vmxlint" key). */
  private findIn(dir: string): string | undefined {
    for (const name of SEARCH_PLACES) {
      const candidate = path.join(dir, name);
      if (!fs.existsSync(candidate)) continue;
      if (name === 'package.json') {
        let pkg: {value?: unknown; empty?: boolean};
        try {
          pkg = readJsonConfig(candidate);
        } catch (error) {
          // a package.json that cannot be read or parsed is not our business, unless it names vmxlint (R29)
          let text = '';
          try {
            text = readRegularFileSync(candidate, MAX_CONFIG_BYTES).toString('utf8');
          } catch {
            // unreadable, or not a regular file: not our config
          }
          if (text.includes('"vmxlint"')) throw error;
          continue;
        }
        const value = pkg.value as Record<string, unknown> | null | undefined;
        if (value && typeof value === 'object' && 'vmxlint' in value) return candidate;
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
    const abs = resolvePath(dir, path);
    let cached = this.byDir.get(abs);
    if (!cached) {
      const found = this.findIn(abs);
      const parent = path.dirname(abs);
      if (found) cached = this.loadFile(found);
      else if (parent !== abs) cached = this.forDirectory(parent);
      else cached = this.options.overrides?.length ? this.build(['vmxlint:recommended'], this.options.cwd ?? process.cwd(), '<default config>') : Promise.resolve(defaultConfig(process.cwd(), path));
      this.byDir.set(abs, cached);
      void cached.then((config) => this.loadedByDir.set(abs, config), () => undefined);
    }
    return cached;
  }

  forFile(filePath: string): Promise<ConfigArray> {
    return this.forDirectory(path.dirname(resolvePath(filePath, path)));
  }

  /**
   * The config for a file when it has been loaded already (by `forFile` or `forDirectory` of its
   * directory, awaited), else undefined: a loop over many files then needs no await per file.
   */
  loadedForFile(filePath: string): ConfigArray | undefined {
    if (this.options.configFile || this.options.lookup === false) return this.loadedExplicit;
    return this.loadedByDir.get(path.dirname(resolvePath(filePath, path)));
  }
}
