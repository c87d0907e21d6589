/** The informational commands: --list-rules, --list-hosts, --print-config, --init. */
import fs from 'node:fs';
import path from 'node:path';
import {rules} from '../../lib/rules/index.js';
import {AMD_FAMILY_VALUES, CPUS, normalizeSetting, ROLES} from '../engine/settings.js';
import type {Settings} from '../engine/types.js';
import type {RuleInfo} from '../formatters/types.js';
import {existingCpus, HOSTS} from '../knowledge/hosts.js';
import {sourcesOf} from '../knowledge/sources.js';
import type {LintFilesOptions} from '../runner/lint-files.js';
import {makeLoader} from '../runner/lint-files.js';
import type {CliIo} from './io.js';

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

/**
 * `--list-rules`: a table, or with `-f json` an array of {id, description, url, defaultSeverity,
 * fixable, type, hasSuggestions, recommended}. The type (problem, suggestion, layout) is what
 * `--fix-type` selects.
 */
export function listRules(out: NodeJS.WritableStream, json = false): Promise<number> {
  if (json) {
    const list = Object.entries(rules).map(([id, r]) => ({
      ...ruleInfos().find((i) => i.id === id)!,
      type: r.meta.type,
      hasSuggestions: Boolean(r.meta.hasSuggestions),
      recommended: r.meta.docs.recommended,
    }));
    return write(out, JSON.stringify(list, null, 2) + '\n');
  }
  const rows = [['rule', 'fixable', 'default', 'type', 'recommended', 'description']];
  for (const [id, r] of Object.entries(rules)) {
    rows.push([id, r.meta.fixable ? 'fix' : r.meta.hasSuggestions ? 'suggest' : '-', r.meta.defaultSeverity, r.meta.type, r.meta.docs.recommended ? 'yes' : 'no', r.meta.docs.description]);
  }
  return write(out, table(rows));
}

/** `--list-hosts -f json`: every host row with its sources and whether its keys are documented. */
export function hostInfos(): unknown[] {
  return HOSTS.map((h) => ({
    id: h.id,
    label: h.label,
    product: h.product,
    family: h.family,
    aliases: h.aliases,
    maxHwVersion: h.maxHwVersion ?? null,
    minHwVersionForNesting: h.minHwVersionForNesting ?? null,
    cpus: Object.fromEntries(
      existingCpus(h).map((cpu) => {
        const s = h[cpu];
        return [cpu, {canNest: s.ok, documented: !s.undocumented, amdFamilies: s.amdFamilies ?? null, outerKeys: s.ok ? (h.outerKeys[cpu] ?? []) : null, note: s.note}];
      }),
    ),
    hostConfig: h.hostConfig ?? null,
    hostVbsMode: h.hostVbsMode === true,
    verified: h.verified,
    sources: sourcesOf(h.sources),
    notes: h.notes,
  }));
}

/** `--list-hosts`: one row per host product and CPU it can have (JSON: `hostInfos`). */
export function listHosts(out: NodeJS.WritableStream, json = false): Promise<number> {
  if (json) return write(out, JSON.stringify(hostInfos(), null, 2) + '\n');
  const rows = [['host', 'cpu', 'outer VM needs', 'notes']];
  for (const h of HOSTS) {
    for (const cpu of CPUS.filter((c) => c !== 'apple' || h.apple.ok)) {
      const support = h[cpu];
      const keys = h.outerKeys[cpu];
      const need = !support.ok ? 'cannot nest' : keys && keys.length ? keys.map((k) => `${k.key} = "${k.value}"`).join(', ') : '(nothing in the .vmx)';
      const families = cpu === 'amd' && support.amdFamilies ? [`AMD families: ${support.amdFamilies.map((f) => (f === '10h' ? '10h or later' : f)).join(', ')}`] : [];
      const unverified = cpu === 'intel' && !h.verified ? ['UNVERIFIED row'] : [];
      const notes = [...unverified, support.note === 'Yes' ? '' : support.note, ...families, ...(cpu === 'intel' ? h.notes : [])].filter(Boolean);
      rows.push([h.id, cpu, need, [...new Set(notes)].join('; ')]);
    }
  }
  return write(out, table(rows));
}

/**
 * `--print-config <file>`: the config file that applies to it (relative to cwd; null for the
 * built-in recommended rules), then its rules and settings, as JSON, and for an inner VM linked to
 * its outer VM the resolved chain.
 */
export async function printConfig(file: string, options: LintFilesOptions, out: NodeJS.WritableStream, cwd = options.cwd ?? process.cwd()): Promise<number> {
  const loader = makeLoader(options);
  const array = await loader.forFile(file);
  const config = array.forFile(file);
  const printed: Record<string, unknown> = {
    configFile: array.source.startsWith('<') ? null : path.relative(cwd, array.source).split(path.sep).join('/') || array.source,
    rules: Object.fromEntries(config.rules.map((r) => [r.id, Object.keys(r.options).length ? [r.severity, r.options] : r.severity])),
    settings: {...config.settings, ...options.settings},
  };
  // an inner VM linked to its outer VM: the resolved chain (src/cli/lab-tree.ts)
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

/** The questions `--init` asks on a terminal; settings given as flags (`given`) are not asked again. */
async function interview(ask: Ask, given: Settings = {}): Promise<InitAnswers> {
  const settings: Settings = {...given};
  const role = given.role ?? (await askSetting(ask, 'role', `Role of the VMs here (${ROLES.join('/')}; empty: mixed or unknown): `));
  if (role) settings.role = role as Settings['role'];
  const host = given.host ?? (await askSetting(ask, 'host', 'Physical host product, e.g. esxi-8.0, workstation-17 (vmxlint --list-hosts; empty: unknown): '));
  if (host) settings.host = host;
  const cpu = given.cpu ?? (await askSetting(ask, 'cpu', `Physical CPU vendor (${CPUS.join('/')}; empty: unknown): `));
  if (cpu) settings.cpu = cpu as Settings['cpu'];
  if (cpu === 'amd' && !given.amdFamily) {
    const family = await askSetting(ask, 'amdFamily', `AMD processor family (${AMD_FAMILY_VALUES}; empty: unknown): `);
    if (family) settings.amdFamily = family as Settings['amdFamily'];
  }
  const all = (await ask('Enable every rule instead of the recommended ones? (y/N): ')).trim().toLowerCase().startsWith('y');
  return {preset: all ? 'vmxlint:all' : 'vmxlint:recommended', settings};
}

/** End of input (Ctrl-D) at an `--init` question: the run is cancelled, as with Ctrl-C. */
class Cancelled extends Error {}

/**
 * `--init`: write vmxlint.config.json in cwd, with the settings given as flags (--role, --host, …).
 * On a terminal it asks for the others; otherwise nothing. End of input at a question writes nothing.
 */
export async function init(cwd: string, io: Pick<CliIo, 'stdout' | 'stderr' | 'stdin'>, given: Settings = {}): Promise<number> {
  const file = path.join(cwd, 'vmxlint.config.json');
  // lstat: a symlink (even a dangling one) named like a config counts as one, never written through (R36)
  const existing = CONFIG_NAMES.find((f) => fs.lstatSync(path.join(cwd, f), {throwIfNoEntry: false}) !== undefined);
  if (existing) return write(io.stderr, `vmxlint: ${existing} already exists: not overwritten (edit it, or delete it and run --init again)\n`, 2);
  const stdin = io.stdin as (NodeJS.ReadableStream & {isTTY?: boolean}) | undefined;
  let answers: InitAnswers = {settings: given};
  if (stdin?.isTTY && io.stdout.isTTY) {
    const readline = await import('node:readline/promises');
    const rl = readline.createInterface({input: stdin, output: io.stdout, terminal: false});
    // the iterator buffers lines typed (or piped) ahead of their question
    const lines = rl[Symbol.asyncIterator]();
    const ask = Object.assign(
      async (question: string) => {
        await write(io.stdout, question);
        const next = await lines.next();
        if (next.done) throw new Cancelled();
        return String(next.value);
      },
      {warn: async (text: string) => void (await write(io.stdout, text))},
    );
    try {
      answers = await interview(ask, given);
    } catch (error) {
      if (!(error instanceof Cancelled)) throw error;
      return write(io.stderr, '\nvmxlint: --init cancelled (end of input): nothing written\n', 2);
    } finally {
      rl.close();
    }
  }
  try {
    // O_EXCL: a file or symlink that appeared meanwhile is not overwritten nor followed
    fs.writeFileSync(file, JSON.stringify(starterConfig(answers), null, 2) + '\n', {flag: 'wx'});
  } catch (error) {
    const {describeIoError} = await import('../runner/io/read.js');
    const why = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'it already exists: not overwritten' : describeIoError(error);
    return write(io.stderr, `vmxlint: cannot write ${path.relative(cwd, file)}: ${why}\n`, 2);
  }
  const hint = answers.settings && Object.keys(answers.settings).length ? '' : ' Set "settings" (role, host, cpu) for nested VMs.';
  return write(io.stdout, `Wrote ${path.relative(cwd, file)}: ${answers.preset === 'vmxlint:all' ? 'every rule' : 'the recommended rules'} for every .vmx and .vmtx.${hint}\n`);
}
