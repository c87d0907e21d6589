/**
 * A lab as a whole (issue 19): the `outer` chain of one file (for `--print-config`) and the tree
 * of a directory's VMs (`--lab`): each outer VM under its physical host, the inner VMs it runs
 * under it, and a verdict per VM. Pure: the caller lints and reads the files.
 */
import path from 'node:path';
import type {LintResult, ResolvedSettings} from '../engine/types.js';
import {inferRole} from '../engine/evidence.js';
import {outerLinkOf, type OuterLink, type OuterLinks, type OuterVm} from '../nested/outer-link.js';

const rel = (cwd: string, file: string) => (path.relative(cwd, file) || path.basename(file)).split(path.sep).join('/');

/** The values of resolved settings without their bookkeeping, with where each came from. */
function plain(settings: ResolvedSettings): Record<string, {value: string; from: string}> {
  const out: Record<string, {value: string; from: string}> = {};
  for (const [name, from] of Object.entries(settings.sources)) {
    const value = (settings as unknown as Record<string, string | undefined>)[name];
    if (value !== undefined) out[name] = {value, from: from!};
  }
  return out;
}

/** `--print-config`'s view of a file's link: each outer file of the chain with what it gives. */
export function describeChain(settings: ResolvedSettings, cwd: string): Record<string, unknown> | undefined {
  const link = outerLinkOf(settings);
  if (!link) return undefined;
  const chain: unknown[] = [];
  let at: OuterLink | undefined = link;
  const seen = new Set<string>();
  while (at && at.outer && !seen.has(at.outer.file)) {
    const vm: OuterVm = at.outer;
    seen.add(vm.file);
    const step: Record<string, unknown> = {file: rel(cwd, vm.file)};
    if (vm.problem) step.problem = vm.problem;
    if (vm.settings) step.settings = plain(vm.settings);
    if (vm.facts?.guestOs) step.guestOS = vm.facts.guestOs.value.trim();
    if (vm.facts?.product) step.runs = vm.facts.product.release;
    chain.push(step);
    at = outerLinkOf(vm.settings);
  }
  return {
    outer: link.source === 'directive' ? link.written : rel(cwd, link.written),
    from: link.source,
    ...(link.cycle ? {cycle: link.cycle.map((f) => rel(cwd, f))} : {}),
    chain,
    gives: link.derived,
    ...(link.contradictions.length ? {contradictions: link.contradictions} : {}),
    resolved: plain(settings),
  };
}

/** One VM of a lab tree. */
export interface LabNode {
  file: string;
  vm: OuterVm;
  /** Its lint result (undefined: outside the linted directory, its own rules' result is used). */
  result?: LintResult;
  children: LabNode[];
}

function verdict(result: LintResult | undefined, vm: OuterVm): string {
  if (vm.problem) return vm.problem;
  if (!result) return 'not checked';
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) return `fatal: ${fatal.message}`;
  const parts: string[] = [];
  if (result.errorCount) parts.push(`${result.errorCount} error${result.errorCount === 1 ? '' : 's'}`);
  if (result.warningCount) parts.push(`${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}`);
  return parts.length ? `✖ ${parts.join(', ')}` : '✔ ok';
}

/** `outer VM, vmkernel8 (ESXi 8.0), HW 20`. */
function describe(vm: OuterVm, role: string | undefined, linked: boolean): string {
  const bits: string[] = [role ? `${role} VM` : linked ? 'outer VM' : 'not nested'];
  const f = vm.facts;
  if (f?.guestOs) bits.push(`${f.guestOs.value.trim()}${f.product ? ` (${f.product.release})` : ''}`);
  if (f?.hw) bits.push(`HW ${f.hw.version}`);
  return bits.join(', ');
}

/**
 * The lab tree of `files` (absolute, linted, with their results): VMs grouped by physical host,
 * each outer VM with the inner VMs that link to it below it. Outer files outside the list that
 * a link names are shown too (verdict from their own rules).
 */
export function labTree(files: readonly string[], results: ReadonlyMap<string, LintResult>, links: OuterLinks, cwd: string): string {
  const nodes = new Map<string, LabNode>();
  const node = (file: string): LabNode => {
    let n = nodes.get(file);
    if (!n) {
      const vm = links.vm(file);
      links.settingsOf(vm);
      nodes.set(file, (n = {file, vm, result: results.get(file) ?? (vm.problem ? undefined : links.resultOf(vm)), children: []}));
    }
    return n;
  };
  const parentOf = new Map<string, string>();
  for (const file of files) {
    const n = node(file);
    const link = outerLinkOf(n.vm.settings);
    if (link?.outer && !link.cycle) {
      node(link.outer.file).children.push(n);
      parentOf.set(file, link.outer.file);
    }
  }
  const roots = [...nodes.values()].filter((n) => !parentOf.has(n.file)).sort((a, b) => a.file.localeCompare(b.file));
  const groups = new Map<string, LabNode[]>();
  for (const r of roots) {
    const s = r.vm.settings;
    const key = r.children.length || roleOf(r) === 'outer' ? (s?.host ? `${s.host}${s.cpu ? `/${s.cpu}` : ''}` : 'physical host not given') : 'not nested (no outer VM, no inner VMs)';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const lines: string[] = [];
  const keys = [...groups.keys()].sort((a, b) => Number(a.startsWith('not nested')) - Number(b.startsWith('not nested')) || a.localeCompare(b));
  for (const key of keys) {
    if (lines.length) lines.push('');
    lines.push(key);
    const list = groups.get(key)!;
    list.forEach((r, i) => print(r, '', i === list.length - 1));
  }
  function print(n: LabNode, indent: string, last: boolean): void {
    const outside = results.has(n.file) ? '' : ' (not in the linted directory)';
    lines.push(`${indent}${last ? '└── ' : '├── '}${rel(cwd, n.file)}${outside}  ${describe(n.vm, roleOf(n), n.children.length > 0)}: ${verdict(n.result, n.vm)}`);
    const kids = n.children.sort((a, b) => a.file.localeCompare(b.file));
    kids.forEach((k, i) => print(k, indent + (last ? '    ' : '│   '), i === kids.length - 1));
  }
  return lines.join('\n') + '\n';
}

/** The role a VM shows in the tree: given or inferred from its keys; not the default a link gives an outer file. */
function roleOf(n: LabNode): string | undefined {
  const s = n.vm.settings;
  // a file that names its outer VM is an inner VM, even when that outer could not be read
  if (!s?.role) return outerLinkOf(s) ? 'inner' : undefined;
  if (s.sources.role === 'inferred' && n.vm.tree && inferRole(n.vm.tree) === undefined) return n.children.length ? 'outer' : outerLinkOf(s) ? 'inner' : undefined;
  return s.role;
}
