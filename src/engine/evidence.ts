/**
 * What a file says about its own nested context (step 4 of the order in src/engine/settings.ts:
 * inference, only where unambiguous): role hints, the guest's architecture, the products its
 * `virtualHW.version` allows.
 */
import {isHypervisorGuest, isKnownGuestOs, looksLikeNewerGuestOs} from '../knowledge/guest-os.js';
import {HOSTS, ROLE_HINT_KEYS, type HostRow} from '../knowledge/hosts.js';
import {getEntriesOfKeys} from '../syntax/lookup.js';
import type {Entry, Root} from '../syntax/types.js';
import type {Settings} from './types.js';

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
