/**
 * A file's nested context (its resolved settings, plus the candidates inference leaves) and
 * `decide`: a nested check run over every candidate that is still possible, answering only when
 * they agree.
 */
import {existingCpus, HOSTS, resolveHost, type HostRow} from '../knowledge/hosts.js';
import type {Root} from '../syntax/types.js';
import {AMD_FAMILIES, CPUS} from './settings.js';
import type {AmdFamily, Cpu, ResolvedSettings} from './types.js';
import {productsForHwVersion, readEvidence, type FileEvidence} from './evidence.js';
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
