/**
 * Output formatters. `loadFormatter(name)` imports only the module of the format asked for, so the
 * CLI's start-up does not pay for vfile-reporter (stylish) when printing, say, JSON.
 */
import type {ChunkedFormatter, Formatter, FormatterModule} from './types.js';

export type {ChunkedFormatter, FormatContext, Formatter, RuleInfo} from './types.js';

const LOADERS = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  compact: () => import('./compact.js'),
  unix: () => import('./unix.js'),
  sarif: () => import('./sarif.js'),
  junit: () => import('./junit.js'),
  checkstyle: () => import('./checkstyle.js'),
  github: () => import('./github.js'),
  gitlab: () => import('./gitlab.js'),
} satisfies Record<string, () => Promise<FormatterModule>>;

export type FormatName = keyof typeof LOADERS;

/** Every format name, the default (`stylish`) first. */
export const FORMAT_NAMES = Object.keys(LOADERS) as FormatName[];

export const DEFAULT_FORMAT: FormatName = 'stylish';

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(LOADERS, name);
}

/** Thrown by `loadFormatter` for a name that is not in FORMAT_NAMES. */
export class UnknownFormatError extends Error {
  readonly formatName: string;
  constructor(name: string) {
    super(`Unknown format "${name}". Available formats: ${FORMAT_NAMES.join(', ')}.`);
    this.name = 'UnknownFormatError';
    this.formatName = name;
  }
}

/** The formatter called `name`, imported on demand. */
export async function loadFormatter(name: string): Promise<Formatter> {
  if (!isFormatName(name)) throw new UnknownFormatError(name);
  const module: FormatterModule = await LOADERS[name]();
  return module.format;
}

/** The formatter called `name`, as pieces of text to write one after the other (see ChunkedFormatter). */
export async function loadChunkedFormatter(name: string): Promise<ChunkedFormatter> {
  if (!isFormatName(name)) throw new UnknownFormatError(name);
  const module: FormatterModule = await LOADERS[name]();
  return module.formatChunks ?? ((results, context) => [module.format(results, context)]);
}
