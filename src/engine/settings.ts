/**
 * The nested context of a file (role, host, cpu, amdFamily, outerProduct), resolved in the
 * order of the requirements doc: CLI flags > the file's `# vmxlint …` directive > config
 * `settings` for the file's glob > inference, only where unambiguous.
 */
import {isHypervisorGuest, isKnownGuestOs, looksLikeNewerGuestOs} from '../knowledge/guest-os.js';
import {amdFamilyNumber, existingCpus, hostIds, HOSTS, resolveHost, ROLE_HINT_KEYS, type HostRow} from '../knowledge/hosts.js';
import {getEntriesOfKeys} from '../syntax/lookup.js';
import type {Entry, Root} from '../syntax/types.js';
import type {AmdFamily, Cpu, ResolvedSettings, SettingName, SettingSource, Settings} from './types.js';

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

/* ---------------------------------------------------------------- inference from the file (step 4) */

/** What a file says about its own nested context. */
export interface FileEvidence {
  /** Entries whose value marks an outer VM (`monitor_control.vt32 = "TRUE"`, `vhv.enable = "TRUE"`, ...). */
  outer: Entry[];
  /** Entries whose value marks an inner VM (`vmx.allowNested = "TRUE"`). */
  inner: Entry[];
  /** The `guestOS` entry when it names a hypervisor (`vmkernel*`, `winHyperV`): a hint, not a role. */
  hypervisorGuest?: Entry;
  /** `virtualHW.version`, when it is a whole number. */
  hwVersion?: {entry: Entry; version: number};
  /** `encryption.data`: the real settings are hidden. */
  encrypted?: Entry;
  /** The guest's architecture by its `guestOS` id: `arm` for `arm-*`, `x86` for any other known (or newer-looking) id. */
  guestArch?: 'arm' | 'x86';
}

/** The role hints with their key and value in lower case (compared case-insensitively). */
const lowerHints = (hints: readonly {key: string; value: string}[]) => hints.map((h) => ({key: h.key.toLowerCase(), value: h.value.trim().toLowerCase()}));
const OUTER_HINTS = lowerHints(ROLE_HINT_KEYS.outer);
const INNER_HINTS = lowerHints(ROLE_HINT_KEYS.inner);

/** The keys a file's evidence reads, looked up in one pass: the role hints, then `guestOS`, `virtualHW.version`, `encryption.data`. */
const EVIDENCE_KEYS: readonly string[] = Object.freeze([...OUTER_HINTS, ...INNER_HINTS].map((h) => h.key).concat(['guestos', 'virtualhw.version', 'encryption.data']));
const GUEST = OUTER_HINTS.length + INNER_HINTS.length;

/** The entries whose key and value match one of the hints, hint by hint (in the hints' order); `found[from + i]` holds hint i's entries. */
function marked(found: ReadonlyArray<Entry[] | undefined>, from: number, hints: readonly {key: string; value: string}[]): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < hints.length; i++) {
    const list = found[from + i];
    if (list === undefined) continue;
    for (const e of list) if (e.value.trim().toLowerCase() === hints[i].value) out.push(e);
  }
  return out;
}

const evidenceCache = new WeakMap<Root, FileEvidence>();

/**
 * What a file says about its own context. Read once per tree (role inference and every nested rule
 * ask for it; a tree is not changed while it is linted): the answer is shared, do not change it.
 */
export function readEvidence(tree: Root): FileEvidence {
  let evidence = evidenceCache.get(tree);
  if (evidence === undefined) {
    evidence = gatherEvidence(tree);
    evidenceCache.set(tree, evidence);
  }
  return evidence;
}

function gatherEvidence(tree: Root): FileEvidence {
  const found = getEntriesOfKeys(tree, EVIDENCE_KEYS);
  const evidence: FileEvidence = {outer: marked(found, 0, OUTER_HINTS), inner: marked(found, OUTER_HINTS.length, INNER_HINTS)};
  const guest = found[GUEST]?.[0];
  if (guest && isHypervisorGuest(guest.value)) evidence.hypervisorGuest = guest;
  const arch = guest ? guestArchOf(guest.value) : undefined;
  if (arch) evidence.guestArch = arch;
  const hw = found[GUEST + 1]?.[0];
  if (hw && /^\s*\d+\s*$/.test(hw.value)) evidence.hwVersion = {entry: hw, version: Number(hw.value)};
  const encrypted = found[GUEST + 2]?.[0];
  if (encrypted && encrypted.value.trim() !== '') evidence.encrypted = encrypted;
  return evidence;
}

/** A guestOS id's architecture: `arm-*` ids are Arm, any other known or newer-looking id x86; otherwise unknown. */
export function guestArchOf(id: string): 'arm' | 'x86' | undefined {
  const v = id.trim().toLowerCase();
  if (v.startsWith('arm-')) return 'arm';
  return isKnownGuestOs(v) || looksLikeNewerGuestOs(v) ? 'x86' : undefined;
}

/** Infer a role from the keys, only when they point one way. */
export function inferRole(tree: Root): Settings['role'] {
  const {outer, inner} = readEvidence(tree);
  if (outer.length && !inner.length) return 'outer';
  if (inner.length && !outer.length) return 'inner';
  return undefined;
}

/** Whether the file looks nested: it has nesting keys or runs a hypervisor. */
export function looksNested(e: FileEvidence): boolean {
  return e.outer.length > 0 || e.inner.length > 0 || e.hypervisorGuest !== undefined;
}

/**
 * The products a `virtualHW.version` narrows the VM's own product to: every product that can power
 * the VM on. The version names the *oldest* product that runs the VM; every later one runs it too
 * ("A VMware product can power on a virtual machine with a virtual hardware version lower than
 * what it supports", KB 1003746). For the physical host of an outer VM (`canNest`), only products
 * that can nest at all. `[]`: no narrowing (a version no product uses).
 */
export function productsForHwVersion(hw: number, canNest = true): HostRow[] {
  if (!Number.isInteger(hw) || hw < 3) return [];
  return HOSTS.filter((h) => (h.maxHwVersion ?? 0) >= hw && (!canNest || h.family !== 'too-old'));
}

/* ---------------------------------------------------------------- deciding from candidates */

/** The context values a nested check may read. */
export type ContextDim = 'host' | 'cpu' | 'amdFamily' | 'outerProduct';

/** One combination of context values; reading a value that is not known makes `decide` try each candidate. */
export interface Scenario {
  readonly host: HostRow;
  readonly cpu: Cpu;
  readonly amdFamily: AmdFamily;
  readonly outerProduct: HostRow;
}

/** A file's nested context: its resolved settings plus the candidates inference leaves for the rest. */
export interface NestedContext {
  settings: ResolvedSettings;
  evidence: FileEvidence;
  /** The physical host: the setting, else (outer VMs) the products `virtualHW.version` allows, else every row. */
  hosts: readonly HostRow[];
  /** The outer guest product: the setting, else (inner VMs) the products `virtualHW.version` allows, else every row. */
  outerProducts: readonly HostRow[];
  /** Set when `virtualHW.version` narrowed `hosts` or `outerProducts`. */
  narrowedBy?: {dim: 'host' | 'outerProduct'; version: number};
}

const cache = new WeakMap<Root, NestedContext>();
/** `productsForHwVersion`, worked out once per version and dimension (shared: never changed). */
const narrowedByVersion = new Map<string, readonly HostRow[]>();
function narrowedFor(hw: number | undefined, dim: 'host' | 'outerProduct', hostHyperV: boolean): readonly HostRow[] {
  const key = `${hw} ${dim} ${hostHyperV}`;
  let rows = narrowedByVersion.get(key);
  if (rows === undefined) {
    let list = hw === undefined ? [...HOSTS] : productsForHwVersion(hw, dim === 'host');
    // a Windows host with Hyper-V on runs Workstation or Player 15.5+ (earlier releases refuse to start)
    if (hostHyperV) list = list.filter((h) => h.hostVbsMode);
    rows = Object.freeze(list.length === HOSTS.length ? HOSTS : list);
    if (narrowedByVersion.size < 1000) narrowedByVersion.set(key, rows);
  }
  return rows;
}

/** `[row]`, the same frozen list each time (so that `decide` knows contexts of one host as one shape). */
const singles = new Map<HostRow, readonly HostRow[]>();
function oneRow(row: HostRow): readonly HostRow[] {
  let list = singles.get(row);
  if (list === undefined) singles.set(row, (list = Object.freeze([row])));
  return list;
}

/** The nested context of a file (computed once per tree and settings; shared, do not change it). */
export function nestedContext(tree: Root, settings: ResolvedSettings): NestedContext {
  const hit = cache.get(tree);
  if (hit && hit.settings === settings) return hit;
  const evidence = readEvidence(tree);
  const host = settings.host ? resolveHost(settings.host) : undefined;
  const outerProduct = settings.outerProduct ? resolveHost(settings.outerProduct) : undefined;
  const context: NestedContext = {settings, evidence, hosts: host ? oneRow(host) : HOSTS, outerProducts: outerProduct ? oneRow(outerProduct) : HOSTS};
  // an outer VM runs on the physical host; an inner VM on the outer guest product
  const dim = settings.role === 'outer' ? 'host' : settings.role === 'inner' ? 'outerProduct' : undefined;
  const hyperV = dim === 'host' && settings.hostHyperV === true;
  if (dim && (evidence.hwVersion || hyperV) && !(dim === 'host' ? host : outerProduct)) {
    const narrowed = narrowedFor(evidence.hwVersion?.version, dim, hyperV);
    if (narrowed.length && narrowed !== HOSTS) {
      if (dim === 'host') context.hosts = narrowed;
      else context.outerProducts = narrowed;
      if (evidence.hwVersion && productsForHwVersion(evidence.hwVersion.version, dim === 'host').length) context.narrowedBy = {dim, version: evidence.hwVersion.version};
    }
  }
  cache.set(tree, context);
  return context;
}

export type Decision<T> =
  | {known: true; value: T; /** Where the value holds, for messages: `esx-3.0/intel`, `workstation-6.0/intel or fusion-1.x/intel`. */ where: string}
  | {known: false; /** The first setting whose candidates disagree. */ missing: ContextDim};

class Branch {
  constructor(
    readonly dim: ContextDim,
    readonly options: readonly unknown[],
  ) {}
}

function optionsFor(context: NestedContext, dim: ContextDim, pick: Partial<Record<ContextDim, unknown>>): readonly unknown[] {
  const s = context.settings;
  switch (dim) {
    case 'host':
      return context.hosts;
    case 'cpu': {
      if (s.cpu) return [s.cpu];
      const cpus = pick.host ? existingCpus(pick.host as HostRow) : CPUS;
      // an Arm guest runs on Apple silicon, an x86 guest does not (a mismatch is reported, not inferred away)
      const arch = context.evidence.guestArch;
      const fits = arch === 'arm' ? cpus.filter((c) => c === 'apple') : arch === 'x86' ? cpus.filter((c) => c !== 'apple') : cpus;
      return fits.length ? fits : cpus;
    }
    case 'amdFamily':
      return s.amdFamily ? [s.amdFamily] : AMD_FAMILIES;
    case 'outerProduct':
      return context.outerProducts;
  }
}

/**
 * Run a check over every combination of the context values it reads that inference leaves
 * open. The result is known only when every combination gives the same (JSON-equal) value:
 * "inference only where unambiguous". Otherwise it names the setting to ask for.
 */
export function decide<T>(context: NestedContext, check: (s: Scenario) => T): Decision<T> {
  // a repository's files share a handful of context shapes: decide each (check, shape) once
  const shape = shapeOf(context);
  let byShape = decisions.get(check);
  const known = byShape?.get(shape);
  if (known !== undefined) return known as Decision<T>;
  const decision = decideUncached(context, check);
  if (byShape === undefined) decisions.set(check, (byShape = new Map()));
  if (byShape.size < 1000) byShape.set(shape, decision);
  return decision;
}

/** Decisions made, per check and per context shape: shared, never changed. */
const decisions = new WeakMap<object, Map<string, Decision<unknown>>>();
const listIds = new WeakMap<readonly HostRow[], number>();
let listCount = 0;

/**
 * All that `decide` reads of a context, as a string: the candidate lists (by identity: the lists
 * `nestedContext` makes are shared, see `oneRow`), the CPU and AMD family given, the host given
 * (named when no check reads the host), and what narrowed the candidates (named in `where`).
 */
function shapeOf(context: NestedContext): string {
  const s = context.settings;
  const n = context.narrowedBy;
  return `${listId(context.hosts)} ${listId(context.outerProducts)} ${s.cpu ?? ''} ${s.amdFamily ?? ''} ${s.host ?? ''} ${n ? `${n.dim} ${n.version}` : ''} ${context.evidence.guestArch ?? ''}`;
}

function listId(list: readonly HostRow[]): number {
  let id = listIds.get(list);
  if (id === undefined) listIds.set(list, (id = ++listCount));
  return id;
}

function decideUncached<T>(context: NestedContext, check: (s: Scenario) => T): Decision<T> {
  const results: Array<{pick: Partial<Record<ContextDim, unknown>>; key: string; value: T}> = [];
  let firstBranch: ContextDim | undefined;
  const todo: Array<Partial<Record<ContextDim, unknown>>> = [{}];
  while (todo.length) {
    const pick = todo.pop()!;
    const read = (dim: ContextDim) => {
      if (dim in pick) return pick[dim];
      const options = optionsFor(context, dim, pick);
      if (options.length === 1) return (pick[dim] = options[0]);
      throw new Branch(dim, options);
    };
    const scenario = {
      get host() {
        return read('host') as HostRow;
      },
      get cpu() {
        return read('cpu') as Cpu;
      },
      get amdFamily() {
        return read('amdFamily') as AmdFamily;
      },
      get outerProduct() {
        return read('outerProduct') as HostRow;
      },
    };
    try {
      const value = check(scenario);
      const key = JSON.stringify(value ?? null);
      if (results.length && key !== results[0].key) return {known: false, missing: firstBranch!};
      results.push({pick, key, value});
    } catch (error) {
      if (!(error instanceof Branch)) throw error;
      firstBranch ??= error.dim;
      for (const option of [...error.options].reverse()) todo.push({...pick, [error.dim]: option});
    }
  }
  return {known: true, value: results[0].value, where: whereLabel(context, results.map((r) => r.pick))};
}

function whereLabel(context: NestedContext, picks: Array<Partial<Record<ContextDim, unknown>>>): string {
  const uniq = <T>(xs: T[]) => [...new Set(xs.filter((x) => x !== undefined))];
  const hosts = uniq(picks.map((p) => (p.host as HostRow | undefined)?.id));
  // a CPU nobody gave did not matter (or the host has only one, as Fusion): not shown
  const cpu = context.settings.cpu ? `/${context.settings.cpu}` : '';
  if (!hosts.length) return context.settings.host ? `${context.settings.host}${cpu}` : 'this host';
  const from = context.narrowedBy?.dim === 'host' ? ` (from \`virtualHW.version\` ${context.narrowedBy.version})` : '';
  if (hosts.length > 4) return `any of ${hosts.length} hosts${cpu}${from}`;
  return hosts.map((h) => `${h}${cpu}`).join(' or ') + from;
}
