/** The informational commands: --list-rules, --list-hosts, --print-config, --init. */
import fs from 'node:fs';
import path from 'node:path';
import {rules} from '../../lib/rules/index.js';
import {HOSTS} from '../knowledge/hosts.js';
import type {RuleInfo} from '../formatters/types.js';
import type {LintFilesOptions} from '../lint-files.js';
import {makeLoader} from '../lint-files.js';

function write(stream: NodeJS.WritableStream, text: string): Promise<number> {
  return new Promise((resolve) => stream.write(text, () => resolve(0)));
}

export function ruleInfos(): RuleInfo[] {
  return Object.entries(rules).map(([id, r]) => ({
    id,
    description: r.meta.docs.description,
    url: r.meta.docs.url,
    defaultSeverity: r.meta.defaultSeverity,
    fixable: Boolean(r.meta.fixable),
  }));
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

export function listRules(out: NodeJS.WritableStream): Promise<number> {
  const rows = [['rule', 'fixable', 'default', 'recommended', 'description']];
  for (const [id, r] of Object.entries(rules)) {
    rows.push([id, r.meta.fixable ? 'fix' : r.meta.hasSuggestions ? 'suggest' : '-', r.meta.defaultSeverity, r.meta.docs.recommended ? 'yes' : 'no', r.meta.docs.description]);
  }
  return write(out, table(rows));
}

export function listHosts(out: NodeJS.WritableStream): Promise<number> {
  const rows = [['host', 'cpu', 'outer VM needs', 'notes']];
  for (const h of HOSTS) {
    for (const cpu of ['intel', 'amd'] as const) {
      const support = h[cpu];
      const keys = h.outerKeys[cpu];
      const need = !support.ok ? 'cannot nest' : keys && keys.length ? keys.map((k) => `${k.key} = "${k.value}"`).join(', ') : '(nothing in the .vmx)';
      const notes = [support.note, ...(cpu === 'intel' ? h.notes : [])].filter(Boolean).join('; ');
      rows.push([h.id, cpu, need, notes]);
    }
  }
  return write(out, table(rows));
}

export async function printConfig(file: string, options: LintFilesOptions, out: NodeJS.WritableStream): Promise<number> {
  const config = (await makeLoader(options).forFile(file)).forFile(file);
  const printed = {
    rules: Object.fromEntries(config.rules.map((r) => [r.id, Object.keys(r.options).length ? [r.severity, r.options] : r.severity])),
    settings: {...config.settings, ...options.settings},
  };
  return write(out, JSON.stringify(printed, null, 2) + '\n');
}

export const STARTER_CONFIG = [
  'vmxlint:recommended',
  {
    files: ['**/*.vmx', '**/*.vmtx'],
    rules: {},
    settings: {},
  },
];

export async function init(cwd: string, out: NodeJS.WritableStream): Promise<number> {
  const file = path.join(cwd, 'vmxlint.config.json');
  const existing = ['vmxlint.config.js', 'vmxlint.config.mjs', 'vmxlint.config.json', '.vmxlintrc.json'].find((f) => fs.existsSync(path.join(cwd, f)));
  if (existing) {
    await write(process.stderr, `vmxlint: ${existing} already exists: not overwritten\n`);
    return 2;
  }
  fs.writeFileSync(file, JSON.stringify(STARTER_CONFIG, null, 2) + '\n');
  return write(out, `Wrote ${path.relative(cwd, file)}: the recommended rules for every .vmx and .vmtx. Set "settings" (role, host, cpu) for nested VMs.\n`);
}
