/**
 * Bulk suppressions, a baseline for repositories that already have problems, after ESLint's
 * (https://eslint.org/docs/latest/use/suppressions, lib/services/suppressions-service.js):
 *
 * - `vmxlint-suppressions.json` (in the current directory, or `--suppressions-location`) holds, per
 *   file (path relative to the current directory, `/`-separated) and rule, how many problems are
 *   accepted: `{"vms/a.vmx": {"no-duplicate-keys": {"count": 2}}}`. Commit it.
 * - `--suppress-all` records the counts of every rule in the linted files, `--suppress-rule <id>` of
 *   those rules only (other entries stay); `--prune-suppressions` lowers counts to what still occurs
 *   and drops those at zero, and entries of files that no longer exist.
 * - Every run (over files, not --stdin) with the file applies it: when a file has at most the
 *   recorded number of problems of a rule, they move to `suppressedMessages` (kind `file`); when it
 *   has more, all of them are reported (vmxlint cannot tell which one is new), so a new problem still
 *   fails the build. A count higher than what occurs is reported as a warning on that file, as an
 *   unused disable directive is, until `--prune-suppressions` lowers it.
 * - Counted: errors and warnings of rules (both can fail a build, warnings with --max-warnings);
 *   not information, not fatal problems. (ESLint counts errors only.)
 */
import fs from 'node:fs';
import path from 'node:path';
import {rules as builtInRules} from '../../lib/rules/index.js';
import {ConfigError} from '../config/config-array.js';
import {countMessages} from '../engine/linter.js';
import type {LintMessage, LintResult} from '../engine/types.js';
import {closest} from './suggest.js';

export const SUPPRESSIONS_FILE = 'vmxlint-suppressions.json';

/** Accepted problems: file (relative to cwd) → rule id → count. */
export type SuppressionCounts = Record<string, Record<string, {count: number}>>;

export interface SuppressionArgs {
  suppressAll?: boolean;
  suppressRule?: string[];
  suppressionsLocation?: string;
  pruneSuppressions?: boolean;
  stdin?: boolean;
}

type Suppressed = LintResult['suppressedMessages'][number];

/** Whether a message is counted (and can be suppressed): an error or warning of a rule. */
function counted(m: LintMessage): boolean {
  return m.ruleId !== null && !m.fatal && m.severity >= 1;
}

function countByRule(messages: LintMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) if (counted(m)) counts.set(m.ruleId!, (counts.get(m.ruleId!) ?? 0) + 1);
  return counts;
}


function checkUsage(args: SuppressionArgs): void {
  const fail = (message: string): never => {
    throw new ConfigError(message);
  };
  const recording = args.suppressAll || Boolean(args.suppressRule?.length);
  if (args.suppressAll && args.suppressRule?.length) fail('--suppress-all and --suppress-rule cannot be used together');
  if (recording && args.pruneSuppressions) fail(`${args.suppressAll ? '--suppress-all' : '--suppress-rule'} and --prune-suppressions cannot be used together`);
  if (args.stdin && (recording || args.pruneSuppressions || args.suppressionsLocation)) fail('the suppression options cannot be used with --stdin');
  const known = Object.keys(builtInRules);
  for (const id of args.suppressRule ?? []) {
    // plugin rules (`acme/rule`) are known only to their config
    if (id.includes('/') || known.includes(id)) continue;
    const guess = closest(id, known);
    fail(`--suppress-rule: unknown rule "${id}"${guess ? ` (did you mean ${guess}?)` : ''} (see vmxlint --list-rules)`);
  }
}

/** Parse and check the file's JSON: an object of files, of rules, of {count: n ≥ 1}. */
function parse(text: string, shown: string): SuppressionCounts {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${shown}: not valid JSON (${(error as Error).message})`);
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(data)) throw new ConfigError(`${shown}: expected an object of files, e.g. {"vms/a.vmx": {"rule-id": {"count": 1}}}`);
  for (const [file, byRule] of Object.entries(data)) {
    if (!isObject(byRule)) throw new ConfigError(`${shown}: "${file}" should be an object of rule ids`);
    for (const [rule, entry] of Object.entries(byRule)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (!Number.isInteger(count) || (count as number) < 1) throw new ConfigError(`${shown}: "${file}" → "${rule}" should be {"count": n} with a whole number n ≥ 1`);
    }
  }
  return data as SuppressionCounts;
}

/** The file's text: sorted files and rules, so that the committed file changes only where counts do. */
export function serialize(counts: SuppressionCounts): string {
  const sorted: SuppressionCounts = {};
  for (const file of Object.keys(counts).sort()) {
    const rules = Object.keys(counts[file]).sort();
    if (rules.length) sorted[file] = Object.fromEntries(rules.map((r) => [r, {count: counts[file][r].count}]));
  }
  return JSON.stringify(sorted, null, 2) + '\n';
}

export class Suppressions {
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly cwd: string,
    private readonly counts: SuppressionCounts,
    private readonly args: SuppressionArgs,
    private readonly existed: boolean,
  ) {}

  /** The suppressions of this run, or undefined when none apply (no file, no suppression flag, or --stdin). */
  static open(args: SuppressionArgs, cwd: string): Suppressions | undefined {
    checkUsage(args);
    if (args.stdin) return undefined;
    let file = path.resolve(cwd, args.suppressionsLocation ?? SUPPRESSIONS_FILE);
    if (fs.statSync(file, {throwIfNoEntry: false})?.isDirectory()) file = path.join(file, SUPPRESSIONS_FILE);
    const shown = path.relative(cwd, file) || file;
    const recording = args.suppressAll || Boolean(args.suppressRule?.length);
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ConfigError(`cannot read ${shown}: ${(error as Error).message}`);
    }
    if (text === undefined) {
      if (args.suppressionsLocation && !recording) throw new ConfigError(`${shown} does not exist: create it with --suppress-all or --suppress-rule`);
      if (!recording && !args.pruneSuppressions) return undefined;
    }
    return new Suppressions(file, cwd, text === undefined ? {} : parse(text, shown), args, text !== undefined);
  }

  /** The path of `result` as the file records it. */
  private keyOf(result: LintResult): string {
    return path.relative(this.cwd, result.filePath).split(path.sep).join('/');
  }

  /** Record (--suppress-all/--suppress-rule), prune, then apply the suppressions to one file's result, in place. */
  apply(result: LintResult): void {
    if (result.filePath.startsWith('<')) return;
    const key = this.keyOf(result);
    const found = countByRule(result.messages);
    if (this.args.suppressAll || this.args.suppressRule?.length) {
      for (const [rule, count] of found) {
        if (this.args.suppressRule?.length && !this.args.suppressRule.includes(rule)) continue;
        const entry = (this.counts[key] ??= {});
        if (entry[rule]?.count !== count) {
          entry[rule] = {count};
          this.changed = true;
        }
      }
    }
    const recorded = this.counts[key];
    if (!recorded) return;
    if (this.args.pruneSuppressions) {
      for (const [rule, {count}] of Object.entries(recorded)) {
        const now = found.get(rule) ?? 0;
        if (now >= count) continue;
        if (now === 0) delete recorded[rule];
        else recorded[rule] = {count: now};
        this.changed = true;
      }
      if (!Object.keys(recorded).length) delete this.counts[key];
    }
    this.suppress(result, recorded);
  }

  /** Move the problems within the counts to suppressedMessages; warn about counts above what occurs. New arrays and objects: the cache may share the old ones. */
  private suppress(result: LintResult, recorded: Record<string, {count: number}>): void {
    const found = countByRule(result.messages);
    const hidden = new Set<string>();
    const unused: LintMessage[] = [];
    const shown = path.relative(this.cwd, this.file) || this.file;
    for (const [rule, {count}] of Object.entries(recorded)) {
      const now = found.get(rule) ?? 0;
      if (now <= count) hidden.add(rule);
      if (now < count) {
        unused.push({
          ruleId: null,
          severity: 1,
          message: `Unused suppression: ${shown} accepts ${count} \`${rule}\` problem${count === 1 ? '' : 's'} in this file, ${now} found (run vmxlint --prune-suppressions)`,
          line: 0,
          column: 0,
        });
      }
    }
    if (!hidden.size && !unused.length) return;
    const moved: Suppressed[] = [];
    const kept: LintMessage[] = [];
    for (const m of result.messages) {
      if (counted(m) && hidden.has(m.ruleId!)) moved.push({...m, suppressions: [{kind: 'file', justification: ''}]});
      else kept.push(m);
    }
    result.messages = [...unused, ...kept];
    result.suppressedMessages = [...result.suppressedMessages, ...moved];
    countMessages(result);
  }

  /** Write the file when --suppress-all, --suppress-rule or --prune-suppressions changed it (atomically). Returns what was done, for stderr. */
  save(): string | undefined {
    if (this.args.pruneSuppressions) {
      // entries of files that are gone (ESLint keeps them: only linted files are pruned)
      for (const file of Object.keys(this.counts)) {
        if (fs.existsSync(path.resolve(this.cwd, file))) continue;
        delete this.counts[file];
        this.changed = true;
      }
    }
    // recording on a clean repository still creates the file (later runs may name it with --suppressions-location)
    const recording = this.args.suppressAll || Boolean(this.args.suppressRule?.length);
    if (!this.changed && (this.existed || !recording)) return undefined;
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), {recursive: true});
      fs.writeFileSync(tmp, serialize(this.counts));
      fs.renameSync(tmp, this.file);
    } catch (error) {
      fs.rmSync(tmp, {force: true});
      throw new ConfigError(`cannot write ${path.relative(this.cwd, this.file) || this.file}: ${(error as Error).message}`);
    }
    const files = Object.keys(this.counts).length;
    const problems = Object.values(this.counts).reduce((n, byRule) => n + Object.values(byRule).reduce((m, e) => m + e.count, 0), 0);
    return `${path.relative(this.cwd, this.file) || this.file}: ${problems} suppressed problem${problems === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  }
}
