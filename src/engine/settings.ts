/**
 * The nested context of a file (role, host, cpu, amdFamily, outerProduct), resolved in the
 * order of the requirements doc: CLI flags > the file's `# vmxlint …` directive > config
 * `settings` for the file's glob > inference, only where unambiguous.
 */
import {hostIds, resolveHost} from '../knowledge/hosts.js';
import {indexEntries} from '../syntax/lookup.js';
import type {Root} from '../syntax/types.js';
import type {ResolvedSettings, SettingName, SettingSource, Settings} from './types.js';

export const SETTING_NAMES: readonly SettingName[] = ['role', 'host', 'cpu', 'amdFamily', 'outerProduct'];
export const ROLES = ['outer', 'inner', 'none'] as const;
export const CPUS = ['intel', 'amd'] as const;
export const AMD_FAMILIES = ['0fh-revf', '0fh-revg', '10h'] as const;

/** The three ways to give a setting, for messages that need one. */
export function howToSet(name: SettingName): string {
  const flag = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `pass \`--${flag}\`, add a \`# vmxlint ${name}=…\` comment to the file, or set \`settings.${name}\` in the config`;
}

/**
 * Check and normalise one setting's value. Returns the canonical value, or an error that lists
 * the valid ones.
 */
export function normalizeSetting(name: string, value: string): {value?: string; error?: string} {
  const v = value.trim();
  const oneOf = (list: readonly string[]) =>
    list.includes(v.toLowerCase())
      ? {value: v.toLowerCase()}
      : {error: `invalid ${name} "${value}": expected one of ${list.join(', ')}`};
  switch (name) {
    case 'role':
      return oneOf(ROLES);
    case 'cpu':
      return oneOf(CPUS);
    case 'amdFamily':
      return oneOf(AMD_FAMILIES);
    case 'host':
    case 'outerProduct': {
      const row = resolveHost(v);
      return row ? {value: row.id} : {error: `unknown ${name} "${value}": expected one of ${hostIds().join(', ')}`};
    }
    default:
      return {error: `unknown setting "${name}": expected one of ${SETTING_NAMES.join(', ')}`};
  }
}

/** Normalise a settings object (from the CLI or a config); collects one error per bad value. */
export function normalizeSettings(raw: Record<string, unknown>): {settings: Settings; errors: string[]} {
  const settings: Record<string, string> = {};
  const errors: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    const r = normalizeSetting(name, String(value));
    if (r.error) errors.push(r.error);
    else settings[name] = r.value!;
  }
  return {settings: settings as Settings, errors};
}

const OUTER_ONLY = ['monitor_control.vt32', 'monitor_control.enable_svm', 'monitor_control.restrict_backdoor', 'vhv.enable'];
const INNER_ONLY = ['vmx.allownested'];
const isTrue = (v: string) => v.trim().toLowerCase() === 'true';

/** Infer a role from the keys, only when they point one way. */
export function inferRole(tree: Root): Settings['role'] {
  const index = indexEntries(tree);
  const has = (keys: string[]) => keys.some((k) => index.get(k)?.some((e) => isTrue(e.value)));
  const outer = has(OUTER_ONLY);
  const inner = has(INNER_ONLY);
  if (outer && !inner) return 'outer';
  if (inner && !outer) return 'inner';
  return undefined;
}

/** Merge the layers, first given wins, and record where each value came from. */
export function resolveSettings(
  layers: Array<{source: SettingSource; settings: Settings}>,
): ResolvedSettings {
  const resolved: ResolvedSettings = {sources: {}};
  for (const {source, settings} of layers) {
    for (const name of SETTING_NAMES) {
      const value = settings[name];
      if (value !== undefined && resolved[name] === undefined) {
        (resolved as unknown as Record<string, unknown>)[name] = value;
        resolved.sources[name] = source;
      }
    }
  }
  return resolved;
}
