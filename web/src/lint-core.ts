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

/** lintText with the context's config, or with the rule set alone when the linter rejects the config (saying why). */
async function lintWith(text: string, context: Context, fix: boolean): Promise<{result: LintResult; configError?: string}> {
  const {config, preset, error} = configOf(context);
  const options = {filePath: FILE_NAME, settings: context.settings, fix};
  try {
    return {result: await lintText(text, {...options, config}), configError: error};
  } catch (e) {
    return {result: await lintText(text, {...options, config: preset}), configError: `Config not used: ${(e as Error).message}`};
  }
}

/** The problems of the text in the context. */
export function lint(text: string, context: Context): Promise<{result: LintResult; configError?: string}> {
  return lintWith(text, context, false);
}

/** What `vmxlint --fix` would write: the text itself when nothing would change, or when it has a fatal problem (never written). */
export async function fix(text: string, context: Context): Promise<string> {
  const {result} = await lintWith(text, context, true);
  return result.fatalErrorCount === 0 && result.output !== undefined ? result.output : text;
}
