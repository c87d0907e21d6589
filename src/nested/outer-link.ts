/**
 * The `outer` link: an inner VM names the outer VM's `.vmx` that runs it, and its nested context
 * flows from that file (issue 19). The outer's `host`, `cpu` and `amdFamily` (the physical
 * machine: the same for the whole lab) become the inner's, and the outer's `vmkernel*` guest
 * names the inner's `outerProduct` (src/nested/facts.ts). Settings given on the inner win; a
 * contradiction is kept for the `outer-link` rule to report.
 *
 * Each outer file is read, decoded and parsed once per run (`OuterLinks` remembers it by path),
 * however many inner VMs name it. A chain of links (inner → ESXi 7 VM → ESXi 8 VM) is followed;
 * a cycle is refused.
 */
import type {EnabledRule} from '../engine/run-rules.js';
import {collectDirectives} from '../engine/directives.js';
import {inferRole} from '../engine/evidence.js';
import {normalizeSetting, resolveSettings} from '../engine/settings.js';
import type {AnyRule, LintResult, ResolvedSettings, Settings, SettingName, SettingSource} from '../engine/types.js';

/** A file's config (`FileConfig` of src/config/config-array.ts, written out here: that module imports the rules, which import this one). */
interface FileConfig {
  rules: EnabledRule[];
  ruleDefs: Map<string, AnyRule>;
  settings: Settings;
}
import {decode} from '../syntax/encoding.js';
import {parse} from '../syntax/parse.js';
import type {Comment, Root} from '../syntax/types.js';
import {readFacts, type VmFacts} from './facts.js';
import {posixPath, type PathApi} from '../config/paths.js';

/** The settings that flow from an outer VM to its inner VMs (the physical machine). */
export const PHYSICAL: readonly SettingName[] = ['host', 'cpu', 'amdFamily'];

/** An outer VM's file as the link read it. */
export interface OuterVm {
  /** Absolute path. */
  file: string;
  /** Why it could not be used (missing, unreadable, not decodable): one sentence. */
  problem?: string;
  /** Content hash of the bytes read (for --cache: an inner's result depends on it). */
  hash?: string;
  text?: string;
  tree?: Root;
  facts?: VmFacts;
  /** Its own context: its `# vmxlint` comment, its config, its own `outer` link, inference; its role is `outer` unless it says otherwise. */
  settings?: ResolvedSettings;
  config?: FileConfig;
}

export interface Contradiction {
  name: SettingName;
  /** The inner's value and where it came from. */
  inner: string;
  source: SettingSource;
  /** The outer's value. */
  outer: string;
}

/** An inner VM's resolved link. */
export interface OuterLink {
  /** The `outer` setting as given, and where. */
  written: string;
  source: SettingSource;
  /** The `# vmxlint` comment that gave it (the place for messages about the link). */
  directive?: Comment;
  /** The outer VM (absent only for a cycle). */
  outer?: OuterVm;
  /** The files of a cycle, starting and ending with this inner (`a → b → a`). */
  cycle?: string[];
  /** What flowed from the outer into the inner's context (settings the inner did not give). */
  derived: Settings;
  contradictions: Contradiction[];
  /** Every file the inner's result depends on besides its own (the chain of outers), with its content hash. */
  deps: Array<[file: string, hash: string]>;
  /** The outer VM's own lint result (once per run; a function, so JSON leaves it out). */
  outerResult: () => LintResult | undefined;
}

export interface OuterLinksOptions {
  /** The config of a file (its rules and settings), when known; lintFiles loads it before linting. */
  configFor?: (file: string) => FileConfig | undefined;
  /** The command line's settings: its physical ones (host, cpu, amdFamily) hold for every VM of the lab. */
  cliSettings?: Settings;
  /** How an outer file is read, synchronously (the Node runner and API: from disk; none in a browser). */
  readBytes?: (file: string) => Uint8Array;
  /** A content hash of an outer file's bytes (for --cache: an inner's result depends on it). */
  hashBytes?: (bytes: Uint8Array) => string;
  /** Path operations (the Node runner and API pass node:path; default POSIX). */
  paths?: PathApi;
  /** Lint an outer VM with its own rules (the `outer-link` rule reports its errors on the inner). */
  lint?: (vm: OuterVm, links: OuterLinks) => LintResult;
  /** Whether `# vmxlint` comments count (`--no-inline-config`). */
  inlineConfig?: boolean;
}

/** What `defaultReadBytes` needs of node:fs (typed here: the core imports no Node module). */
interface NodeFs {
  statSync(file: string): {isFile(): boolean; size: number};
  readFileSync(file: string): Uint8Array;
}

/**
 * The engine used directly (the RuleTester, `lintTextSync`) with no reader given: Node's fs where
 * there is one, found at run time (process.getBuiltinModule, Node 20.16+) so that the browser bundle
 * has no Node import; elsewhere there is no file system. The Node runner and API pass their own
 * reader (non-blocking open, the same size cap as every input).
 */
function defaultReadBytes(file: string): Uint8Array {
  const proc = (globalThis as {process?: {getBuiltinModule?: (id: string) => unknown}}).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  if (fs === undefined) return noFileSystem();
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new Error('not a regular file');
  if (stat.size > 256 * 1024 * 1024) throw new Error("too large to be a .vmx (over 256 MiB)");
  return fs.readFileSync(file);
}

/** Path operations when none are given: Node's (relative paths from the working directory) where there is Node, else POSIX. */
export function defaultPaths(): PathApi {
  const proc = (globalThis as {process?: {getBuiltinModule?: (id: string) => unknown}}).process;
  return (proc?.getBuiltinModule?.('node:path') as PathApi | undefined) ?? posixPath;
}

/** Where there is no file system (vmxlint/browser without a reader): the outer file cannot be read. */
function noFileSystem(): Uint8Array {
  throw new Error('no file system to read it from here');
}

/** One run's links: every outer file read once, every outer's own result computed once. */
export class OuterLinks {
  private readonly vms = new Map<string, OuterVm>();
  private readonly results = new Map<string, LintResult>();
  /** Files whose settings are being resolved (a link back to one of them is a cycle). */
  private readonly resolving: string[] = [];
  /** How many outer files were read (tests: "each outer read once"). */
  reads = 0;
  /** Per linted file: the outer files its result depends on, with their content hashes (for --cache). */
  private readonly depsByFile = new Map<string, Array<[string, string]>>();

  constructor(readonly options: OuterLinksOptions = {}) {}

  /** The outer VM at `file` (absolute), read on first use. */
  vm(file: string): OuterVm {
    let vm = this.vms.get(file);
    if (vm === undefined) {
      vm = this.load(file);
      this.vms.set(file, vm);
    }
    return vm;
  }

  private load(file: string): OuterVm {
    const vm: OuterVm = {file};
    let bytes: Uint8Array;
    try {
      this.reads++;
      bytes = (this.options.readBytes ?? defaultReadBytes)(file);
    } catch (error) {
      const why = (error as Error).message;
      vm.problem = (error as NodeJS.ErrnoException).code === 'ENOENT' || why === 'no such file' ? 'does not exist' : `cannot be read: ${why}`;
      return vm;
    }
    vm.hash = this.options.hashBytes?.(bytes) ?? '';
    try {
      vm.text = decode(bytes).text;
    } catch (error) {
      vm.problem = `cannot be decoded: ${(error as Error).message}`;
      return vm;
    }
    vm.tree = parse(vm.text);
    vm.facts = readFacts(vm.tree);
    vm.config = this.options.configFor?.(file);
    return vm;
  }

  /**
   * The outer VM's own settings: CLI physical settings, its comment, its config, its own link,
   * inference; a file linked as an outer VM is one (`role` `outer`) unless it says otherwise.
   */
  settingsOf(vm: OuterVm): ResolvedSettings | undefined {
    if (vm.settings || !vm.tree) return vm.settings;
    const cli: Settings = {};
    for (const name of PHYSICAL) if (this.options.cliSettings?.[name] !== undefined) (cli as Record<string, unknown>)[name] = this.options.cliSettings[name];
    const directive = this.options.inlineConfig === false ? {} : directiveSettings(vm.tree);
    const inferred = inferRole(vm.tree);
    const layers = [
      {source: 'cli' as const, settings: cli},
      {source: 'directive' as const, settings: directive},
      {source: 'config' as const, settings: vm.config?.settings ?? {}},
    ];
    this.resolving.push(vm.file);
    try {
      vm.settings = withOuter(resolveSettings([...layers, {source: 'inferred', settings: {role: inferred ?? 'outer'}}]), layers, inferred ?? 'outer', vm.file, this);
    } finally {
      this.resolving.pop();
    }
    return vm.settings;
  }

  /** The outer VM's own lint result (its own rules and context), once per run. */
  resultOf(vm: OuterVm): LintResult | undefined {
    if (!vm.text || !this.options.lint) return undefined;
    let result = this.results.get(vm.file);
    if (result === undefined) {
      this.resolving.push(vm.file);
      try {
        result = this.options.lint(vm, this);
      } finally {
        this.resolving.pop();
      }
      this.results.set(vm.file, result);
    }
    return result;
  }

  /** Remember what a file's result depends on (the chain of outer files). */
  recordDeps(file: string, deps: Array<[string, string]>): void {
    this.depsByFile.set(file, deps);
  }

  /** The outer files a linted file's result depends on (and forget them: asked once per lint). */
  takeDeps(file: string): Array<[string, string]> | undefined {
    const deps = this.depsByFile.get(file);
    this.depsByFile.delete(file);
    return deps;
  }

  /** The link of `file` to `target` (both absolute): a cycle when `target` is being resolved already. */
  follow(file: string, target: string): {outer?: OuterVm; cycle?: string[]} {
    const stack = this.resolving[this.resolving.length - 1] === file ? [...this.resolving] : [...this.resolving, file];
    const at = stack.indexOf(target);
    if (at !== -1) return {cycle: stack.slice(at).concat(target)};
    this.resolving.push(file);
    try {
      const outer = this.vm(target);
      // the outer's own links come back to this file: the same cycle, seen from here
      const ring = outerLinkOf(this.settingsOf(outer))?.cycle;
      if (ring && ring.includes(file)) {
        const open = ring.slice(0, -1);
        const from = open.indexOf(file);
        return {outer, cycle: [...open.slice(from), ...open.slice(0, from), file]};
      }
      return {outer};
    } finally {
      this.resolving.pop();
    }
  }
}

/** The `# vmxlint name=value` settings of a tree (bad values are reported when the file itself is linted). */
function directiveSettings(tree: Root): Settings {
  const out: Record<string, string> = {};
  for (const c of collectDirectives(tree).contexts) {
    for (const {name, value} of c.pairs) {
      const r = normalizeSetting(name, value);
      if (r.value !== undefined) out[name] = r.value;
    }
  }
  return out as Settings;
}

/** The comment that gives `outer=` (the place of messages about the link). */
function outerDirective(tree: Root | undefined): Comment | undefined {
  if (!tree) return undefined;
  return collectDirectives(tree).contexts.find((c) => c.pairs.some((p) => p.name === 'outer'))?.node;
}

/**
 * Settings with the outer link applied: `settings.outer` resolved (a directive's path against
 * the file's directory), the outer read, and what it gives merged below the file's own layers.
 * `layers` are the file's own (cli, directive, config); `inferredRole` its role from its keys.
 */
export function withOuter(
  settings: ResolvedSettings,
  layers: ReadonlyArray<{source: SettingSource; settings: Settings}>,
  inferredRole: Settings['role'],
  filePath: string,
  links: OuterLinks,
  tree?: Root,
): ResolvedSettings {
  const written = settings.outer;
  const source = settings.sources.outer;
  if (written === undefined || source === undefined) return settings;
  const path = links.options.paths ?? defaultPaths();
  const target = path.resolve(filePath, '..', written);
  // --outer and config settings apply to many files: not to the outer VM itself
  if (target === path.resolve(filePath) && source !== 'directive') return settings;
  const link: OuterLink = {written, source, derived: {}, contradictions: [], deps: [], outerResult: () => (link.outer ? links.resultOf(link.outer) : undefined)};
  if (source === 'directive') link.directive = outerDirective(tree);
  const followed = links.follow(path.resolve(filePath), target);
  link.outer = followed.outer;
  link.cycle = followed.cycle;
  const outer = followed.outer;
  const outerSettings = outer?.settings;
  if (outer) {
    link.deps.push([outer.file, outer.hash ?? 'unreadable']);
    for (const dep of outerLinkOf(outerSettings)?.deps ?? []) link.deps.push(dep);
  }
  links.recordDeps(path.resolve(filePath), link.deps);
  const derived: Record<string, string> = {};
  const rows = outer?.facts?.product?.rows;
  // a VM that is itself an outer VM (the middle of a chain) runs on the product in its outer's guest
  const middle = settings.role === 'outer';
  if (outerSettings && !link.cycle) {
    for (const name of PHYSICAL) {
      const value = outerSettings[name] as string | undefined;
      if (value !== undefined && !(middle && name === 'host')) derived[name] = value;
    }
    if (rows && rows.length === 1) derived[middle ? 'host' : 'outerProduct'] = rows[0].id;
  }
  if (link.cycle === undefined && outer && !outer.problem) derived.role = 'inner';
  link.derived = derived as Settings;
  for (const [name, value] of Object.entries(derived) as Array<[SettingName, string]>) {
    const given = settings[name];
    const from = settings.sources[name];
    if (name === 'role' || given === undefined || from === 'inferred' || given === value) continue;
    link.contradictions.push({name, inner: String(given), source: from!, outer: value});
  }
  const resolved = resolveSettings([...layers, {source: 'outer', settings: link.derived}, {source: 'inferred', settings: inferredRole ? {role: inferredRole} : {}}]);
  resolved.outerLink = link;
  return resolved;
}


/** The resolved `outer` link of a file's settings (`ResolvedSettings.outerLink`, typed). */
export function outerLinkOf(settings: ResolvedSettings | undefined): OuterLink | undefined {
  return settings?.outerLink as OuterLink | undefined;
}
