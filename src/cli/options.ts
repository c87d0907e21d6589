/** The command line, declared once with yargs: --help, the README and the tests follow it. */
import type {Argv} from 'yargs';

export const FORMATS = ['stylish', 'json', 'compact', 'unix', 'sarif', 'junit', 'checkstyle', 'github', 'gitlab', 'diff'];
export const FIX_TYPES = ['problem', 'suggestion', 'layout', 'directive'];

export interface CliArgs {
  patterns: string[];
  fix: boolean;
  fixDryRun: boolean;
  fixType?: string[];
  format: string;
  outputFile?: string;
  quiet: boolean;
  maxWarnings: number;
  config?: string;
  configLookup: boolean;
  rule?: string[];
  role?: string;
  host?: string;
  cpu?: string;
  amdFamily?: string;
  outerProduct?: string;
  hostHyperV?: boolean;
  outer?: string;
  lab?: string;
  stdin: boolean;
  stdinFilename?: string;
  printConfig?: string;
  listRules: boolean;
  listHosts: boolean;
  init: boolean;
  color?: boolean;
  inlineConfig: boolean;
  reportUnusedDisableDirectives: boolean;
  ignore: boolean;
  ignorePattern?: string[];
  errorOnUnmatchedPattern: boolean;
  cache: boolean;
  cacheLocation: string;
  suppressAll: boolean;
  suppressRule?: string[];
  suppressionsLocation?: string;
  pruneSuppressions: boolean;
  debug: boolean;
}

export function declare(y: Argv): Argv<CliArgs> {
  return y
    .scriptName('vmxlint')
    .usage(
      '$0 [options] [files, directories or globs...]\n\n' +
        'Lint VMware .vmx/.vmtx files; with --fix, fix them in place. With no file given, lints the current directory.\n' +
        'Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint errors, 2 bad usage, bad config or an unreadable file.',
    )
    .command('$0 [patterns..]', false)
    .positional('patterns', {type: 'string', array: true, default: [], describe: 'Files, directories (recursing into *.vmx, *.vmtx) and globs'})
    .group(['fix', 'fix-dry-run', 'fix-type'], 'Fixing:')
    .option('fix', {type: 'boolean', default: false, describe: 'Fix problems and write the files back (atomically)'})
    .option('fix-dry-run', {type: 'boolean', default: false, describe: 'Show the unified diff of what --fix would change; write nothing'})
    .option('fix-type', {
      type: 'string',
      array: true,
      nargs: 1,
      describe: `Kinds of fixes to apply with --fix or --fix-dry-run: ${FIX_TYPES.join(', ')} (comma-separated or repeated)`,
    })
    .group(['format', 'output-file', 'quiet', 'max-warnings', 'color'], 'Output:')
    .option('format', {alias: 'f', type: 'string', default: 'stylish', describe: `Output format: ${FORMATS.join(', ')} (diff: the fixes as a patch for git apply)`})
    .option('output-file', {alias: 'o', type: 'string', describe: 'Write the report to this file instead of standard output'})
    .option('quiet', {type: 'boolean', default: false, describe: 'Report errors only (warnings still count for --max-warnings)'})
    .option('max-warnings', {type: 'number', default: -1, describe: 'Exit 1 when there are more warnings than this (-1: no limit)'})
    .option('color', {type: 'boolean', describe: 'Force colour on or off (--no-color); default: on when stdout is a terminal and NO_COLOR is not set'})
    .group(['config', 'config-lookup', 'rule', 'inline-config', 'report-unused-disable-directives', 'print-config', 'init'], 'Configuration:')
    .option('config', {alias: 'c', type: 'string', describe: 'Use this config file for every file (no lookup)'})
    .option('config-lookup', {type: 'boolean', default: true, describe: 'Look for config files next to and above each file (--no-config-lookup: recommended rules only)'})
    .option('rule', {
      type: 'string',
      array: true,
      nargs: 1,
      describe: "Set a rule over the config: --rule 'no-duplicate-keys: warn', --rule 'id: [\"error\", {...options}]' or --rule '{\"id\": \"error\"}' (repeatable)",
    })
    .option('inline-config', {type: 'boolean', default: true, describe: 'Honour # vmxlint comments in files (--no-inline-config ignores them)'})
    .option('report-unused-disable-directives', {type: 'boolean', default: false, describe: 'Warn about disable directives that suppress nothing (fixable)'})
    .option('print-config', {type: 'string', describe: 'Print the config file, rules and settings that apply to this file, as JSON, and exit'})
    .option('init', {type: 'boolean', default: false, describe: 'Write a starter vmxlint.config.json with the --role/--host/--cpu given (on a terminal, asks for the others)'})
    .group(['role', 'host', 'cpu', 'amd-family', 'outer-product', 'host-hyper-v', 'outer'], 'Nested-VM context (wins over file directives and config):')
    .option('role', {type: 'string', describe: 'Role of the VM: outer, inner or none'})
    .option('host', {type: 'string', describe: 'Physical host product, e.g. esx-3.0, workstation-6.5, esxi-8.0 (see --list-hosts)'})
    .option('cpu', {type: 'string', describe: 'Physical CPU: intel, amd, or apple (Apple silicon, Fusion 13 and later)'})
    .option('amd-family', {type: 'string', describe: 'AMD processor family: pre-revf, 0fh-revf, 0fh-revg, or <hex>h from 10h on (10h, 15h, 19h, 1ah)'})
    .option('outer-product', {type: 'string', describe: 'VMware product running inside the outer VM (for an inner VM)'})
    .option('host-hyper-v', {type: 'boolean', describe: 'The Windows host has Hyper-V/VBS on (--no-host-hyper-v: it has not); Workstation/Player 15.5+ then cannot nest'})
    .option('outer', {type: 'string', describe: "The outer VM's .vmx (for inner VMs): their host, CPU and outer product come from it"})
    .group(['stdin', 'stdin-filename', 'ignore', 'ignore-pattern', 'error-on-unmatched-pattern', 'cache', 'cache-location'], 'Input:')
    .option('stdin', {type: 'boolean', default: false, describe: 'Lint text from standard input (with --fix: print the fixed text)'})
    .option('stdin-filename', {type: 'string', describe: 'File name to use for standard input (config lookup, messages)'})
    .option('ignore', {type: 'boolean', default: true, describe: 'Honour .vmxlintignore and --ignore-pattern (--no-ignore disables both)'})
    .option('ignore-pattern', {type: 'string', array: true, nargs: 1, describe: 'Ignore files matching this gitignore-style pattern (repeatable)'})
    .option('error-on-unmatched-pattern', {type: 'boolean', default: true, describe: 'Exit 2 when a pattern matches no file'})
    .option('cache', {type: 'boolean', default: false, describe: 'Only re-lint files whose content, config or vmxlint version changed'})
    .option('cache-location', {type: 'string', default: '.vmxlintcache', describe: 'Where --cache keeps its data'})
    .group(['suppress-all', 'suppress-rule', 'suppressions-location', 'prune-suppressions'], 'Suppressions (a baseline of accepted problems):')
    .option('suppress-all', {type: 'boolean', default: false, describe: 'Record the errors and warnings of the linted files in vmxlint-suppressions.json: later runs hide that many per file and rule'})
    .option('suppress-rule', {type: 'string', array: true, nargs: 1, describe: 'Record only this rule\'s problems (repeatable)'})
    .option('suppressions-location', {type: 'string', describe: 'The suppressions file (default: vmxlint-suppressions.json in the current directory)'})
    .option('prune-suppressions', {type: 'boolean', default: false, describe: 'Lower recorded counts to what still occurs; drop the rest'})
    .group(['lab', 'list-rules', 'list-hosts', 'debug', 'help', 'version'], 'Other:')
    .option('lab', {type: 'string', describe: 'Lint the VMs of a directory and print them as a lab tree: each outer VM, its host, its inner VMs, a verdict each'})
    .option('list-rules', {type: 'boolean', default: false, describe: 'List the rules: id, fixable, default severity, type (for --fix-type), description (-f json for JSON)'})
    .option('list-hosts', {type: 'boolean', default: false, describe: 'List the host products: id, CPU, keys an outer VM needs, notes (-f json: with sources)'})
    .option('debug', {type: 'boolean', default: false, describe: 'Show stack traces of internal errors, of a config that throws and of a crashing rule'})
    .strict()
    // no dot-notation: `--fix.vmx` is an unknown option, not `fix = {vmx: true}` (which is truthy)
    .parserConfiguration({'camel-case-expansion': true, 'strip-dashed': true, 'dot-notation': false}) as unknown as Argv<CliArgs>;
}
