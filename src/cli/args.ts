/**
 * From argv to checked arguments: yargs with vmxlint's options (src/cli/options.ts), then what yargs
 * does not check (types, `--` patterns, unknown options named as typed with a did-you-mean, `--rule`
 * values against the rules' schemas, flags that do not go together, settings values).
 */
import type {RuleEntry} from '../config/config-array.js';
import {normalizeSettings} from '../engine/settings.js';
import type {RuleType, Settings} from '../engine/types.js';
import {hostIds} from '../knowledge/hosts.js';
import {UsageError, VERSION} from './io.js';
import {FIX_TYPES, FORMATS, type CliArgs} from './options.js';
import {closest, nearest} from './suggest.js';

export async function parseArgs(argv: string[], columns: number | undefined): Promise<CliArgs> {
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
    }) as unknown as CliArgs & {help?: boolean; version?: boolean; _?: Array<string | number>};
    if (output) reject(Object.assign(new Error('help'), {output}));
    else if (parsed) {
      try {
        resolve(checkTypes(parsed, parser as unknown as TypedOptions));
      } catch (error) {
        reject(error);
      }
    }
  });
}

interface TypedOptions {
  getOptions(): {array: string[]; boolean: string[]; string: string[]; number: string[]};
}

/**
 * After yargs: the arguments after `--` are patterns too (yargs leaves them in `_`: `vmxlint --fix --
 * one.vmx` must fix one.vmx, not the whole directory), and every option has the type it is declared
 * with (an option given twice is an array; `--max-warnings abc` is NaN): a usage error, not a crash.
 */
export function checkTypes(parsed: CliArgs & {_?: Array<string | number>}, owner: TypedOptions): CliArgs {
  const {array, boolean, string, number} = owner.getOptions();
  const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const values = parsed as unknown as Record<string, unknown>;
  for (const key of string) {
    const v = values[key];
    if (v === undefined || key === 'patterns') continue;
    if (array.includes(key) ? !Array.isArray(v) || v.some((x) => typeof x !== 'string') : typeof v !== 'string') {
      throw new UsageError(Array.isArray(v) ? `${flag(key)} can be given only once` : `${flag(key)} takes a text value`);
    }
  }
  for (const key of boolean) {
    if (values[key] !== undefined && typeof values[key] !== 'boolean') throw new UsageError(`${flag(key)} takes no value (or true/false)`);
  }
  for (const key of number) {
    const v = values[key];
    if (v !== undefined && (typeof v !== 'number' || Number.isNaN(v))) throw new UsageError(`${flag(key)} takes a number${Array.isArray(v) ? ', once' : ''}`);
  }
  const rest = (parsed._ ?? []).map(String);
  return rest.length ? {...parsed, patterns: [...(parsed.patterns ?? []), ...rest]} : parsed;
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
      // and `--print-config.x` as `printConfig.x`, `-f.vmx` as `f.vmx`: name it as typed
      const asTyped = argv.find((a) => a.startsWith('-') && camel(a.replace(/^-+/, '').split('=')[0]) === camel(name));
      if (asTyped) name = asTyped.replace(/^-+/, '').split('=')[0];
      const typed = name.length === 1 || asTyped?.startsWith('--') === false ? `-${name}` : `--${name}`;
      const bare = name.replace(/^no-/, '');
      const guess = name.length > 1 ? closest(bare, long) : undefined;
      const suggestion = guess ? `${bare !== name ? 'no-' : ''}${guess}` : undefined;
      return `Unknown option: ${typed}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`;
    })
    .join('\n');
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

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
export async function ruleFlags(flags: string[] = []): Promise<Record<string, RuleEntry>> {
  if (!flags.length) return {};
  const {rules: builtin} = await import('../../lib/rules/index.js');
  const rules = parseRuleFlags(flags, Object.keys(builtin));
  const withOptions = Object.entries(rules).filter(([id, entry]) => Array.isArray(entry) && entry.length > 1 && id in builtin);
  if (withOptions.length) {
    const validate = await (await import('../runner/config-loader.js')).makeValidator();
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

export function checkUsage(args: CliArgs): {fixTypes?: Array<RuleType | 'directive'>; settings: Settings} {
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
    hostHyperV: args.hostHyperV,
    outer: args.outer,
  });
  if (errors.length) throw new UsageError(hostError(errors[0], hostIds()).replace(/^(invalid|unknown) (\w+)/, (_, kind, name) => `${kind} --${name.replace(/[A-Z]/g, (c: string) => `-${c.toLowerCase()}`)}`));
  return {fixTypes, settings};
}
