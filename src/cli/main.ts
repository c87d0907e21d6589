/**
 * The vmxlint command. `main` takes its streams and environment as arguments (no globals), so tests
 * can run it in-process as well as through the real binary. Exit codes: 0 no errors (warnings within
 * --max-warnings), 1 lint errors, 2 usage, config or unreadable input.
 */
import path from 'node:path';
import type {Writable} from 'node:stream';
import {ConfigError, type RuleEntry} from '../config/config-array.js';
import {packageVersion} from '../version.js';
import {normalizeSettings} from '../engine/settings.js';
import type {LintResult, RuleType, Settings} from '../engine/types.js';
import {NoFilesError} from '../files.js';
import {hostIds} from '../knowledge/hosts.js';
import type {LintFilesOptions} from '../lint-files.js';
import {FIX_TYPES, FORMATS, type CliArgs} from './options.js';
import {closest, nearest} from './suggest.js';

export interface CliIo {
  stdout: Writable & {isTTY?: boolean};
  stderr: Writable & {isTTY?: boolean};
  stdin?: NodeJS.ReadableStream;
  cwd?: string;
  env?: Record<string, string | undefined>;
}

class UsageError extends Error {}

export const VERSION: string = packageVersion();

async function parseArgs(argv: string[], columns: number | undefined): Promise<CliArgs> {
  const [{default: yargs}, {declare}] = await Promise.all([import('yargs'), import('./options.js')]);
  const parser = declare(yargs())
    .version('version', 'Show the version number', VERSION)
    .alias('version', 'v')
    .help('help', 'Show this help')
    .alias('help', 'h')
    .wrap(Math.min(110, columns ?? 100));
  return new Promise((resolve, reject) => {
    parser.fail((msg, err) => reject(new UsageError(explainUnknown(msg ?? err?.message ?? 'invalid arguments', parser as unknown as OptionsOwner, argv))));
    parser.exitProcess(false);
    let output = '';
    const parsed = parser.parse(argv, {}, (_err, _args, out) => {
      output = out;
    }) as unknown as CliArgs & {help?: boolean; version?: boolean};
    if (output) reject(Object.assign(new Error('help'), {output}));
    else resolve(parsed);
  });
}

interface OptionsOwner {
  getOptions(): {key: Record<string, unknown>; alias: Record<string, string[]>};
}

/** yargs says "Unknown argument: fixx"; name it as typed and add a did-you-mean from the declared options. */
export function explainUnknown(message: string, owner: OptionsOwner, argv: string[] = []): string {
  const m = /^Unknown arguments?: (.+)$/s.exec(message);
  if (!m) return message;
  const options = owner.getOptions();
  const long = Object.keys(options.key).filter((k) => k.length > 1 && !/[A-Z]/.test(k) && k !== '$0' && k !== 'patterns');
  return m[1]
    .split(', ')
    .map((raw) => {
      let name = raw.replace(/^-+/, '');
      // yargs reports `--no-colr` as `colr`
      if (!argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`)) && argv.some((a) => a === `--no-${name}`)) name = `no-${name}`;
      const typed = name.length === 1 ? `-${name}` : `--${name}`;
      const bare = name.replace(/^no-/, '');
      const guess = name.length > 1 ? closest(bare, long) : undefined;
      const suggestion = guess ? `${bare !== name ? 'no-' : ''}${guess}` : undefined;
      return `Unknown option: ${typed}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`;
    })
    .join('\n');
}

const SEVERITY_NAMES = ['off', 'info', 'warn', 'error', '0', '1', '2'];

/**
 * `--rule 'id: severity'`, `--rule 'id: ["warn", {...}]'`, or (as ESLint's) a JSON object of rules,
 * `--rule '{"id": "error"}'`. Built-in rule ids and severities are checked here, naming --rule, with a
 * did-you-mean; a plugin's rules (`plugin/rule`) are known only once the config is loaded.
 */
export function parseRuleFlags(flags: string[] = [], known: readonly string[] = []): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = {};
  for (const flag of flags) {
    const shown = flag.includes('"') ? `'${flag}'` : `"${flag}"`;
    const entries: Array<[string, unknown]> = [];
    if (flag.trim().startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(flag);
      } catch (error) {
        throw new UsageError(`--rule ${shown}: not valid JSON (${(error as Error).message})`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`--rule ${shown}: expected {"rule-id": severity, …}`);
      entries.push(...Object.entries(parsed));
    } else {
      const colon = flag.indexOf(':');
      if (colon === -1) throw new UsageError(`--rule "${flag}": expected "rule-id: severity"`);
      const id = flag.slice(0, colon).trim();
      const value = flag.slice(colon + 1).trim();
      if (value.startsWith('[')) {
        try {
          entries.push([id, JSON.parse(value)]);
        } catch {
          throw new UsageError(`--rule "${flag}": the value is not valid JSON`);
        }
      } else entries.push([id, value]);
    }
    for (const [id, entry] of entries) {
      if (known.length && !id.includes('/') && !known.includes(id)) {
        const guess = nearest(id, [...known]);
        throw new UsageError(`--rule ${shown}: unknown rule "${id}"${guess ? ` (did you mean ${guess}?)` : ''}; vmxlint --list-rules lists them`);
      }
      const severity = Array.isArray(entry) ? entry[0] : entry;
      if (!SEVERITY_NAMES.includes(String(severity))) {
        throw new UsageError(`--rule ${shown}: expected "off", "info", "warn", "error" or [severity, {options}] for ${id}, got ${JSON.stringify(severity)}`);
      }
      out[id] = entry as RuleEntry;
    }
  }
  return out;
}

/** --rule, parsed, with the options of built-in rules checked against their schema (naming --rule, not a config). */
async function ruleFlags(flags: string[] = []): Promise<Record<string, RuleEntry>> {
  if (!flags.length) return {};
  const {rules: builtin} = await import('../../lib/rules/index.js');
  const rules = parseRuleFlags(flags, Object.keys(builtin));
  const withOptions = Object.entries(rules).filter(([id, entry]) => Array.isArray(entry) && entry.length > 1 && id in builtin);
  if (withOptions.length) {
    const validate = await (await import('../config/load.js')).makeValidator();
    for (const [id, entry] of withOptions) {
      const problem = validate(builtin[id as keyof typeof builtin].meta.schema, (entry as unknown[])[1]);
      if (problem) throw new UsageError(`--rule: ${id}: expected ${problem}`);
    }
  }
  return rules;
}

/** `unknown host "x": expected one of <every id>` (52 of them) becomes a did-you-mean and a pointer to --list-hosts. */
function hostError(error: string, ids: readonly string[]): string {
  const m = /^unknown (host|outerProduct) "(.*)": expected one of /s.exec(error);
  if (!m) return error;
  const guess = closest(m[2], [...ids]);
  return `unknown ${m[1]} "${m[2]}"${guess ? ` (did you mean ${guess}?)` : ''}: vmxlint --list-hosts lists the ${ids.length} known hosts`;
}

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve) => (text ? stream.write(text, () => resolve()) : resolve()));
}

/** `vmxlint … | head`: a reader that stops early is not an error; other stream errors still are. */
function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  // kept after returning: a write still in flight may fail once the reader is gone
  if (!io.stdout.listeners('error').includes(ignoreClosedPipe)) io.stdout.on('error', ignoreClosedPipe);
  return mainInner(argv, io);
}

async function mainInner(argv: string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  let args: CliArgs;
  try {
    args = await parseArgs(argv, io.stdout.isTTY ? (io.stdout as {columns?: number}).columns : undefined);
  } catch (error) {
    const output = (error as {output?: string}).output;
    if (output !== undefined) {
      await write(io.stdout, output + '\n');
      return 0;
    }
    await write(io.stderr, `vmxlint: ${(error as Error).message}\nRun "vmxlint --help" for the options.\n`);
    return 2;
  }
  try {
    return await run(args, io, cwd, env);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof NoFilesError) {
      // --debug: what a config (or plugin) threw while loading, with its stack
      const cause = args.debug && error.cause instanceof Error ? `${error.cause.stack}\n` : '';
      await write(io.stderr, `vmxlint: ${error.message}\n${cause}`);
      return 2;
    }
    const why = error instanceof Error ? error.message : String(error);
    await write(io.stderr, args.debug && error instanceof Error ? `${error.stack}\n` : `vmxlint: internal error: ${why} (run with --debug for details)\n`);
    return 2;
  }
}

/** --color / --no-color win; then FORCE_COLOR, NO_COLOR (https://no-color.org: set and not empty), a terminal. */
export function useColor(args: Pick<CliArgs, 'color' | 'outputFile'>, io: Pick<CliIo, 'stdout'>, env: Record<string, string | undefined>): boolean {
  if (args.color !== undefined) return args.color;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return Boolean(io.stdout.isTTY) && !args.outputFile;
}

function checkUsage(args: CliArgs): {fixTypes?: Array<RuleType | 'directive'>; settings: Settings} {
  if (args.fix && args.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (args.fixType && !args.fix && !args.fixDryRun && args.format !== 'diff') throw new UsageError('--fix-type needs --fix, --fix-dry-run or -f diff');
  if (!FORMATS.includes(args.format)) {
    const guess = closest(args.format, FORMATS);
    throw new UsageError(`unknown format "${args.format}": expected one of ${FORMATS.join(', ')}${guess ? ` (did you mean ${guess}?)` : ''}`);
  }
  // as ESLint: "The --print-config option must be used with exactly one file name."
  if (args.printConfig !== undefined && (!args.printConfig || args.patterns.length)) throw new UsageError('--print-config takes exactly one file: vmxlint --print-config path/to/vm.vmx');
  if (args.stdinFilename && !args.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (args.stdin && args.patterns.length) throw new UsageError('--stdin cannot be combined with file patterns');
  if (!Number.isInteger(args.maxWarnings) || args.maxWarnings < -1) throw new UsageError('--max-warnings takes a whole number (0 or more; -1 for no limit)');
  let fixTypes: Array<RuleType | 'directive'> | undefined;
  if (args.fixType) {
    fixTypes = args.fixType.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean) as Array<RuleType | 'directive'>;
    const bad = fixTypes.find((t) => !FIX_TYPES.includes(t));
    if (bad) throw new UsageError(`unknown --fix-type "${bad}": expected ${FIX_TYPES.join(', ')}`);
  }
  const {settings, errors} = normalizeSettings({
    role: args.role,
    host: args.host,
    cpu: args.cpu,
    amdFamily: args.amdFamily,
    outerProduct: args.outerProduct,
  });
  if (errors.length) throw new UsageError(hostError(errors[0], hostIds()).replace(/^(invalid|unknown) (\w+)/, (_, kind, name) => `${kind} --${name.replace(/[A-Z]/g, (c: string) => `-${c.toLowerCase()}`)}`));
  return {fixTypes, settings};
}

async function run(args: CliArgs, io: CliIo, cwd: string, env: Record<string, string | undefined>): Promise<number> {
  const {fixTypes, settings} = checkUsage(args);
  const rules = await ruleFlags(args.rule);
  const color = useColor(args, io, env);
  const info = await import('./info.js');
  if (args.listRules) return info.listRules(io.stdout, args.format === 'json');
  if (args.listHosts) return info.listHosts(io.stdout);
  if (args.init) return info.init(cwd, io, settings);

  const options: LintFilesOptions = {
    cwd,
    configFile: args.config,
    configLookup: args.configLookup,
    rules,
    settings,
    // -f diff prints the fixes as a patch: it computes them (writing only with --fix)
    fix: args.fix || args.fixDryRun || args.format === 'diff',
    fixTypes,
    write: args.fix,
    inlineConfig: args.inlineConfig,
    reportUnusedDisableDirectives: args.reportUnusedDisableDirectives,
    // --no-ignore: neither .vmxlintignore nor --ignore-pattern (as ESLint's)
    ignorePatterns: args.ignore ? args.ignorePattern : undefined,
    ignoreFile: args.ignore,
    errorOnUnmatchedPattern: args.errorOnUnmatchedPattern,
    debug: args.debug,
  };
  if (args.printConfig !== undefined) return info.printConfig(path.resolve(cwd, args.printConfig), options, io.stdout);
  // as ESLint: no pattern means the current directory
  const patterns = args.stdin || args.patterns.length ? args.patterns : ['.'];

  const report = await import('./report.js');
  if (args.stdin) return report.runStdin(args, options, io, color);
  return report.runFiles({...args, patterns}, options, io, color, env);
}

export type {LintResult};
