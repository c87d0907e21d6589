/**
 * The host rows of the 2008–2009 era: products too old to nest, the 2009 document's table
 * ("Running Nested VMs", VERSION 5: which hosts can nest, and the keys the outer .vmx needs), and
 * the releases of that era the document does not name (Workstation 7, Player 3, Fusion 3,
 * ESX 4.1, Server 2), whose keys are inferred from their neighbours and marked unverified.
 * Maximum hardware versions: KB 1003746 (see hardware.ts).
 */
import {
  amdOnly,
  BACKDOOR,
  base,
  EXEC,
  MMU,
  no,
  NO_AMD_MACS,
  NOT_APPLE,
  SVM,
  VT32,
  yes,
  type Base,
  type HostRow,
} from './host-types.js';

const TOO_OLD = 'Products older than the 2008 table (ESX 2.x, Workstation 5.x, ...) cannot run nested VMs';
const E30_NOTE =
  'E30: the inner VM needs `vmx.allowNested = "TRUE"`, the outer guest product must be Workstation 6.0+ ' +
  'or ESX 3.5+, and the inner guest must not use the backdoor (no VMware Tools)';
const INFERRED =
  'Unverified: the 2009 document names no keys for this release; its keys are inferred from Workstation 6.5 / ESX 4.0 ' +
  '(VERSION 8 of the document lists "Workstation 6.0 (or later)" as a host)';
const AMD_10H = amdOnly(['10h'], 'Needs AMD Family 10h or later');

function tooOld(b: Base, maxHwVersion: number, aliases: string[] = []): HostRow {
  const notNested = no(TOO_OLD);
  return {
    ...b, family: 'too-old', aliases, intel: notNested, amd: notNested, apple: NOT_APPLE, outerKeys: {}, maxHwVersion, e30: false,
    verified: true, sources: ['nested2009', 'kb1003746copy'], notes: [TOO_OLD],
  };
}

type LegacyFields = Omit<HostRow, keyof Base | 'family' | 'e30' | 'notes' | 'apple' | 'verified' | 'sources'> &
  Partial<Pick<HostRow, 'e30' | 'notes' | 'verified' | 'sources'>>;
function legacy(b: Base, r: LegacyFields): HostRow {
  return {...b, family: 'legacy', apple: NOT_APPLE, e30: false, notes: [], verified: true, sources: ['nested2009', 'kb1003746copy'], ...r};
}

/** A release the 2009 document does not name: Workstation 6.5 / ESX 4.0 keys, marked unverified. */
function inferred(b: Base, r: Omit<LegacyFields, 'intel' | 'amd' | 'outerKeys'> & {intelOnly?: boolean}): HostRow {
  const {intelOnly, ...rest} = r;
  return legacy(b, {
    intel: yes(),
    amd: intelOnly ? NO_AMD_MACS : AMD_10H,
    outerKeys: intelOnly ? {intel: [EXEC, BACKDOOR]} : {intel: [EXEC, BACKDOOR], amd: [EXEC, BACKDOOR]},
    verified: false,
    notes: [INFERRED],
    ...rest,
  });
}

export const LEGACY_HOSTS: readonly HostRow[] = [
  tooOld(base('esx-2.x', 'ESX 2.x', 'esx', 2), 3),
  tooOld(base('workstation-4.x', 'Workstation 4.x', 'workstation', 4), 3, ['ws-4.x']),
  tooOld(base('workstation-5.x', 'Workstation 5.x', 'workstation', 5), 4, ['ws-5.x']),
  legacy(base('esx-3.0', 'ESX 3.0', 'esx', 3.0), {
    aliases: ['esx-3.0.x'],
    intel: yes('Yes, with caveats: the E30 rules apply'),
    amd: yes('Yes: the E30 rules apply'),
    outerKeys: {intel: [VT32], amd: [SVM]},
    maxHwVersion: 4,
    e30: true,
    notes: [E30_NOTE],
  }),
  legacy(base('esx-3.5', 'ESX 3.5', 'esx', 3.5), {
    aliases: ['esxi-3.5'],
    intel: no('You cannot run nested VMs on Intel systems when the host is running ESX 3.5 (ESX 3.0, ESX 4.0 and Workstation 6.x can)'),
    amd: amdOnly(['10h'], 'Only some CPUs: needs AMD Family 10h or later'),
    outerKeys: {amd: [MMU, BACKDOOR]},
    maxHwVersion: 4,
    sources: ['nested2009', 'kb1003746copy', 'perfBestPractices40'],
    notes: ['Hardware-assisted MMU on AMD needs ESX 3.5 Update 1 or later (Performance Best Practices for vSphere 4.0; the 2009 document does not say)'],
  }),
  legacy(base('workstation-6.0', 'Workstation 6.0', 'workstation', 6.0), {
    aliases: ['ws-6.0'],
    intel: yes(),
    amd: amdOnly(['0fh-revf', '0fh-revg', '10h'], 'Needs AMD Family 0Fh Rev F/G or 10h or later'),
    outerKeys: {intel: [VT32, BACKDOOR], amd: [SVM, BACKDOOR]},
    maxHwVersion: 6,
  }),
  legacy(base('workstation-6.5', 'Workstation 6.5', 'workstation', 6.5), {
    aliases: ['ws-6.5'],
    intel: yes(),
    amd: AMD_10H,
    outerKeys: {intel: [EXEC, BACKDOOR], amd: [EXEC, BACKDOOR]},
    maxHwVersion: 7,
  }),
  legacy(base('fusion-1.x', 'Fusion 1.x', 'fusion', 1), {
    aliases: ['fusion-1'],
    intel: yes(),
    amd: NO_AMD_MACS,
    outerKeys: {intel: [VT32, BACKDOOR]},
    // vmx-syntax.md lists Fusion 1.x under hardware version 4, the requirements doc under 6.
    maxHwVersion: 6,
    notes: ['Sources disagree whether Fusion 1.x writes hardware version 4 or 6: 6 is taken as its maximum'],
  }),
  legacy(base('fusion-2.x', 'Fusion 2.x', 'fusion', 2), {
    aliases: ['fusion-2'],
    intel: yes(),
    amd: NO_AMD_MACS,
    outerKeys: {intel: [EXEC, BACKDOOR]},
    maxHwVersion: 7,
  }),
  legacy(base('esx-4.0', 'ESX 4.0', 'esx', 4.0), {
    aliases: ['esxi-4.0'],
    intel: yes(),
    amd: AMD_10H,
    outerKeys: {intel: [EXEC, BACKDOOR], amd: [EXEC, BACKDOOR]},
    maxHwVersion: 7,
  }),
  inferred(base('workstation-7.x', 'Workstation 7.x', 'workstation', 7), {aliases: ['ws-7.x'], maxHwVersion: 7}),
  inferred(base('player-3.x', 'Player 3.x', 'player', 3), {aliases: [], maxHwVersion: 7, workstationVersion: 7}),
  inferred(base('fusion-3.x', 'Fusion 3.x', 'fusion', 3), {aliases: ['fusion-3'], maxHwVersion: 7, intelOnly: true}),
  inferred(base('esx-4.1', 'ESX 4.1', 'esx', 4.1), {aliases: ['esxi-4.1'], maxHwVersion: 7}),
  // Server 2.0 writes hardware version 7, "the same as Workstation 6.5" (VMware Fusion blog, "Virtual Hardware Version")
  inferred(base('server-2.x', 'Server 2.x', 'server', 2), {aliases: ['server-2'], maxHwVersion: 7, workstationVersion: 6.5}),
];
