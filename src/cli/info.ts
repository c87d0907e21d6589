/** The informational commands: --list-rules, --list-hosts, --print-config, --init. */
import fs from 'node:fs';
import path from 'node:path';
import {rules} from '../../lib/rules/index.js';
import {AMD_FAMILIES, CPUS, normalizeSetting, ROLES} from '../engine/settings.js';
import type {Settings} from '../engine/types.js';
import type {RuleInfo} from '../formatters/types.js';
import {HOSTS} from '../knowledge/hosts.js';
import type {LintFilesOptions} from '../lint-files.js';
import {makeLoader} from '../lint-files.js';
import type {CliIo} from './main.js';

function write(stream: NodeJS.WritableStream, text: string, code = 0): Promise<number> {
  return new Promise((resolve) => stream.write(text, () => resolve(code)));
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
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n') + '\n';
}

/** `--list-rules`: a table, or with `-f json` an array of {id, description, url, defaultSeverity, fixable, hasSuggestions, recommended}. */
export function listRules(out: NodeJS.WritableStream, json = false): Promise<number> {
  if (json) {
    const list = Object.entries(rules).map(([id, r]) => ({
      ...ruleInfos().find((i) => i.id === id)!,
      hasSuggestions: Boolean(r.meta.hasSuggestions),
      recommended: r.meta.docs.recommended,
    }));
    return write(out, JSON.stringify(list, null, 2) + '\n');
  }
  const rows = [['rule', 'fixable', 'default', 'recommended', 'description']];
  for (const [id, r] of Object.entries(rules)) {
    rows.push([id, r.meta.fixable ? 'fix' : r.meta.hasSuggestions ? 'suggest' : '-', r.meta.defaultSeverity, r.meta.docs.recommended ? 'yes' : 'no', r.meta.docs.description]);
  }
  return write(out, table(rows));
}

/** `--list-hosts`: one row per host product and CPU vendor. */
export function listHosts(out: NodeJS.WritableStream): Promise<number> {
  const rows = [['host', 'cpu', 'outer VM needs', 'notes']];
  for (const h of HOSTS) {
    for (const cpu of CPUS) {
      const support = h[cpu];
      const keys = h.outerKeys[cpu];
      const need = !support.ok ? 'cannot nest' : keys && keys.length ? keys.map((k) => `${k.key} = "${k.value}"`).join(', ') : '(nothing in the .vmx)';
      const families = cpu === 'amd' && support.amdFamilies ? [`AMD families: ${support.amdFamilies.join(', ')}`] : [];
      const notes = [support.note === 'Yes' ? '' : support.note, ...families, ...(cpu === 'intel' ? h.notes : [])].filter(Boolean);
      rows.push([h.id, cpu, need, [...new Set(notes)].join('; ')]);
    }
  }
  return write(out, table(rows));
}

export async function printConfig(file: string, options: LintFilesOptions, out: NodeJS.WritableStream, cwd = process.cwd()): Promise<number> {
  const loader = makeLoader(options);
  const config = (await loader.forFile(file)).forFile(file);
  const printed: Record<string, unknown> = {
    rules: Object.fromEntries(config.rules.map((r) => [r.id, Object.keys(r.options).length ? [r.severity, r.options] : r.severity])),
    settings: {...config.settings, ...options.settings},
  };
  // an inner VM linked to its outer VM: the resolved chain (src/nested/lab.ts)
  const chain = await (await import('./chain.js')).outerChain(file, config, options, loader, cwd);
  if (chain) printed.outer = chain;
  return write(out, JSON.stringify(printed, null, 2) + '\n');
}

/** The config `--init` writes: a preset, then one block for every .vmx and .vmtx. */
export interface InitAnswers {
  preset?: 'vmxlint:recommended' | 'vmxlint:all';
  settings?: Settings;
}

export function starterConfig(answers: InitAnswers = {}): unknown[] {
  return [answers.preset ?? 'vmxlint:recommended', {files: ['**/*.vmx', '**/*.vmtx'], rules: {}, settings: answers.settings ?? {}}];
}

export const STARTER_CONFIG = starterConfig();

const CONFIG_NAMES = ['vmxlint.config.js', 'vmxlint.config.mjs', 'vmxlint.config.json', '.vmxlintrc.json'];

type Ask = ((question: string) => Promise<string>) & {warn?: (text: string) => Promise<void>};

/** Ask until the answer is valid (empty keeps the default); gives up on end of input. */
async function askSetting(ask: Ask, name: string, question: string): Promise<string | undefined> {
  for (let tries = 0; tries < 5; tries++) {
    const answer = (await ask(question)).trim();
    if (answer === '') return undefined;
    const r = normalizeSetting(name, answer);
    if (r.value) return r.value;
    await ask.warn?.(`  ${r.error}\n`);
  }
  return undefined;
}

/** The questions `--init` asks on a terminal. */
async function interview(ask: Ask): Promise<InitAnswers> {
  const settings: Settings = {};
  const role = await askSetting(ask, 'role', `Role of the VMs here (${ROLES.join('/')}; empty: mixed or unknown): `);
  if (role) settings.role = role as Settings['role'];
  const host = await askSetting(ask, 'host', 'Physical host product, e.g. esxi-8.0, workstation-17 (vmxlint --list-hosts; empty: unknown): ');
  if (host) settings.host = host;
  const cpu = await askSetting(ask, 'cpu', `Physical CPU vendor (${CPUS.join('/')}; empty: unknown): `);
  if (cpu) settings.cpu = cpu as Settings['cpu'];
  if (cpu === 'amd') {
    const family = await askSetting(ask, 'amdFamily', `AMD processor family (${AMD_FAMILIES.join('/')}; empty: unknown): `);
    if (family) settings.amdFamily = family as Settings['amdFamily'];
  }
  const all = (await ask('Enable every rule instead of the recommended ones? (y/N): ')).trim().toLowerCase().startsWith('y');
  return {preset: all ? 'vmxlint:all' : 'vmxlint:recommended', settings};
}

/** `--init`: write vmxlint.config.json in cwd. On a terminal it asks a few questions; otherwise none. */
export async function init(cwd: string, io: Pick<CliIo, 'stdout' | 'stderr' | 'stdin'>): Promise<number> {
  const file = path.join(cwd, 'vmxlint.config.json');
  const existing = CONFIG_NAMES.find((f) => fs.existsSync(path.join(cwd, f)));
  if (existing) return write(io.stderr, `vmxlint: ${existing} already exists: not overwritten (edit it, or delete it and run --init again)\n`, 2);
  const stdin = io.stdin as (NodeJS.ReadableStream & {isTTY?: boolean}) | undefined;
  let answers: InitAnswers = {};
  if (stdin?.isTTY && io.stdout.isTTY) {
    const readline = await import('node:readline/promises');
    const rl = readline.createInterface({input: stdin, output: io.stdout, terminal: false});
    // the iterator buffers lines typed (or piped) ahead of their question
    const lines = rl[Symbol.asyncIterator]();
    const ask = Object.assign(
      async (question: string) => {
        await write(io.stdout, question);
        const next = await lines.next();
        return next.done ? '' : String(next.value);
      },
      {warn: async (text: string) => void (await write(io.stdout, text))},
    );
    try {
      answers = await interview(ask);
    } finally {
      rl.close();
    }
  }
  fs.writeFileSync(file, JSON.stringify(starterConfig(answers), null, 2) + '\n');
  const hint = answers.settings && Object.keys(answers.settings).length ? '' : ' Set "settings" (role, host, cpu) for nested VMs.';
  return write(io.stdout, `Wrote ${path.relative(cwd, file)}: ${answers.preset === 'vmxlint:all' ? 'every rule' : 'the recommended rules'} for every .vmx and .vmtx.${hint}\n`);
}
