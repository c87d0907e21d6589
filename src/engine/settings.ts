/**
 * The nested context of a file (role, host, cpu, amdFamily, outerProduct), resolved in the
 * order of the requirements doc: CLI flags > the file's `# vmxlint …` directive > config
 * `settings` for the file's glob > inference, only where unambiguous (src/engine/evidence.ts). What a
 * nested check decides over the candidates left: src/engine/decide.ts.
 */
import {amdFamilyNumber, hostIds, resolveHost} from '../knowledge/hosts.js';
import type {ResolvedSettings, SettingName, SettingSource, Settings} from './types.js';

export const SETTING_NAMES: readonly SettingName[] = ['role', 'host', 'cpu', 'amdFamily', 'outerProduct', 'hostHyperV', 'outer'];
export const ROLES = ['outer', 'inner', 'none'] as const;
export const CPUS = ['intel', 'amd', 'apple'] as const;
/**
 * The AMD families a check is tried with when none is given: one per answer the tables can give
 * (`10h` stands for every family from 10h on). `pre-revf` (no AMD-V) is checked only when given.
 */
export const AMD_FAMILIES = ['0fh-revf', '0fh-revg', '10h'] as const;
/** How `--amd-family` and the setting are described to users. */
export const AMD_FAMILY_VALUES = 'pre-revf, 0fh-revf, 0fh-revg, or a family from 10h on as <hex>h (10h, 15h, 17h, 19h, 1ah)';

/** `pre-revf`, `0fh-revf`, `0fh-revg`, or `<hex>h` from 10h on, lower case without extra zeros (`019H` → `19h`). */
function normalizeAmdFamily(value: string): {value?: string; error?: string} {
  const v = value.trim().toLowerCase();
  if (v === 'pre-revf' || v === '0fh-revf' || v === '0fh-revg') return {value: v};
  const n = amdFamilyNumber(v.replace(/^0+(?=[0-9a-f]{2}h$)/, ''));
  if (n !== undefined && n >= 0x10) return {value: `${n.toString(16).padStart(2, '0')}h`};
  const why = n === 0x0f ? ' (Family 0Fh: give its revision, 0fh-revf or 0fh-revg, or pre-revf before Rev F)' : n !== undefined ? ' (before Family 0Fh Rev F there is no AMD-V: pre-revf)' : '';
  return {error: `invalid amdFamily "${value}": expected ${AMD_FAMILY_VALUES}${why}`};
}

/** The three ways to give a setting, for messages that need one. */
export function howToSet(name: SettingName): string {
  const flag = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `pass \`--${flag}\`, add a \`# vmxlint ${name}=…\` comment to the file, or set \`settings.${name}\` in the config`;
}

/** The three ways to give several settings at once (the same as `howToSet` for one). */
export function howToSetAll(names: readonly SettingName[]): string {
  if (names.length === 1) return howToSet(names[0]);
  const flag = (n: string) => `--${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const list = (xs: string[]) => xs.slice(0, -1).join(', ') + ' and ' + xs[xs.length - 1];
  return `pass ${list(names.map((n) => `\`${flag(n)}\``))}, add a \`# vmxlint ${names.map((n) => `${n}=…`).join(' ')}\` comment to the file, or set ${list(names.map((n) => `\`settings.${n}\``))} in the config`;
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
      return normalizeAmdFamily(v);
    case 'hostHyperV':
      return oneOf(['true', 'false']);
    case 'host':
    case 'outerProduct': {
      const row = resolveHost(v);
      return row ? {value: row.id} : {error: `unknown ${name} "${value}": expected one of ${hostIds().join(', ')}`};
    }
    case 'outer':
      // a path: resolved against the file, the config file or cwd by whoever reads it (src/nested/outer-link.ts)
      return v ? {value: v} : {error: `invalid outer "${value}": expected the path of the outer VM's .vmx`};
    default:
      return {error: `unknown setting "${name}": expected one of ${SETTING_NAMES.join(', ')}`};
  }
}

/** Normalise a settings object (from the CLI or a config); collects one error per bad value. */
export function normalizeSettings(raw: Record<string, unknown>): {settings: Settings; errors: string[]} {
  const settings: Record<string, string | boolean> = {};
  const errors: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    const r = normalizeSetting(name, String(value));
    if (r.error) errors.push(r.error);
    else settings[name] = name === 'hostHyperV' ? r.value === 'true' : r.value!;
  }
  return {settings: settings as Settings, errors};
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
        // `hostHyperV` is a boolean; flags, directives and configs give it as text
        (resolved as unknown as Record<string, unknown>)[name] = name === 'hostHyperV' ? value === true || value === 'true' : value;
        resolved.sources[name] = source;
      }
    }
  }
  return resolved;
}
