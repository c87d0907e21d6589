/**
 * What the playground asks of vmxlint's platform-free core (`vmxlint/browser`): the problems of a
 * text in a context, and what `vmxlint --fix` would write. Runs in the Worker (worker.ts).
 */
import {lintText, type Config, type LintResult, type Settings} from 'vmxlint/browser';

export type RuleSet = 'recommended' | 'all';

/** What the pickers and the config box say. */
export interface Context {
  settings: Settings;
  ruleSet: RuleSet;
  /** The config block(s) as JSON text: one block (`{"rules": …}`) or a flat list of them. */
  config: string;
}

export interface Lint {
  result: LintResult;
  /** What `vmxlint --fix` would write (the text itself when nothing would change). */
  fixed: string;
  /** Why the config box was not used, when it was not. */
  configError?: string;
}

/** The file name rules and config `files` globs see. */
export const FILE_NAME = 'playground.vmx';

/** The config the linter gets: the rule set, then the config box (unless it is broken). */
function configOf(context: Context): {config: Config; preset: Config; error?: string} {
  const preset: Config = [context.ruleSet === 'all' ? 'vmxlint:all' : 'vmxlint:recommended'];
  if (!context.config.trim()) return {config: preset, preset};
  let parsed: unknown;
  try {
    parsed = JSON.parse(context.config);
  } catch (error) {
    return {config: preset, preset, error: `Config is not JSON: ${(error as Error).message}`};
  }
  const blocks = Array.isArray(parsed) ? parsed : [parsed];
  return {config: [...(preset as unknown[]), ...blocks] as Config, preset};
}

/** Lint the text, and work out what `--fix` would write. */
export async function lint(text: string, context: Context): Promise<Lint> {
  const {config, preset, error} = configOf(context);
  const options = {filePath: FILE_NAME, settings: context.settings};
  let configError = error;
  let use = config;
  let result: LintResult;
  try {
    result = await lintText(text, {...options, config: use});
  } catch (e) {
    // a config block the linter rejects: say why, lint with the rule set alone
    configError = `Config not used: ${(e as Error).message}`;
    use = preset;
    result = await lintText(text, {...options, config: use});
  }
  const fixedResult = await lintText(text, {...options, config: use, fix: true});
  // like the CLI: a file with a fatal problem is never written
  const fixed = fixedResult.fatalErrorCount === 0 && fixedResult.output !== undefined ? fixedResult.output : text;
  return {result, fixed, configError};
}
