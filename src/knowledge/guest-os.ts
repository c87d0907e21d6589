/**
 * guestOS identifiers as VMware writes them in a .vmx, and their bitness.
 *
 * Source: open-vm-tools `lib/include/guest_os_tables.h` (`GUEST_OS_KEY_MAP`, the vmx keys
 * column; every id of commit 1634dfb, May 2026, is here: see SOURCES.guestOsTables), completed
 * with ids of later releases (Windows 11/Server 2022+, Debian 12/13, RHEL 9+,
 * macOS 12–14, ESXi 8/9, Linux 6.x, Arm guests) from VMware's guest OS documentation, and
 * checked against every `guestOS` of the real files in ../shared/corpus. The list grows with
 * every product release: an id missing here is "unknown", never "invalid"
 * (../shared/vmx-syntax.md, "guestOS identifiers").
 *
 * Bitness (../shared/nested-vm-requirements.md, G4): an id ending in `-64`, every `vmkernel*`
 * (ESX/ESXi guests), `winHyperV` and every `arm-*` id is 64-bit; any other known id is 32-bit.
 */
import {nearest} from './distance.js';

const WINDOWS = [
  'win31', 'win95', 'win98', 'winMe', 'winNT', 'nt4', 'win2000', 'win2000Pro', 'win2000Serv',
  'win2000AdvServ', 'winXPHome', 'whistler', 'winXPPro', 'winXPPro-64',
  'winNetWeb', 'winNetStandard', 'winNetEnterprise', 'winNetDatacenter', 'winNetBusiness',
  'winNetStandard-64', 'winNetEnterprise-64', 'winNetDatacenter-64',
  'longhorn', 'longhorn-64', 'winvista', 'winvista-64',
  'windows7', 'windows7-64', 'windows7srv-64', 'windows8', 'windows8-64', 'windows8srv-64',
  // windows9 = Windows 10, windows9srv-64 = Server 2016, windows2019srvNext-64 = Server 2022,
  // windows2022srvNext-64 = Server 2025.
  'windows9', 'windows9-64', 'windows9srv-64', 'windows2019srv-64', 'windows2019srvNext-64',
  'windows2022srvNext-64', 'windows11-64', 'windows12-64', 'winHyperV',
];

/** Edition ids of Server 2008 and Vista: VMware reads them, maps them to longhorn/winvista. */
const WINDOWS_EDITIONS = [
  ...[
    'Cluster', 'Datacenter', 'DatacenterCore', 'Enterprise', 'EnterpriseCore', 'EnterpriseItanium',
    'SmallBusiness', 'SmallBusinessPremium', 'Standard', 'StandardCore', 'MediumManagement',
    'MediumMessaging', 'MediumSecurity', 'ForSmallBusiness', 'StorageEnterprise', 'StorageExpress',
    'StorageStandard', 'StorageWorkgroup', 'Web',
  ].flatMap((e) => [`winServer2008${e}-32`, `winServer2008${e}-64`]),
  ...['Ultimate', 'HomePremium', 'HomeBasic', 'Enterprise', 'Business', 'Starter'].flatMap((e) => [
    `winVista${e}-32`,
    `winVista${e}-64`,
  ]),
];

/** `name` and `name-64` for each name. */
const both = (...names: string[]) => names.flatMap((n) => [n, `${n}-64`]);
/** `name-64` only. */
const only64 = (...names: string[]) => names.map((n) => `${n}-64`);

const LINUX = [
  'redhat', 'rhel2', ...both('rhel3', 'rhel4', 'rhel5', 'rhel6', 'rhel7'), ...only64('rhel8', 'rhel9', 'rhel10'),
  ...both('centos', 'centos6', 'centos7'), ...only64('centos8', 'centos9'),
  ...both('oraclelinux', 'oraclelinux6', 'oraclelinux7'), ...only64('oraclelinux8', 'oraclelinux9', 'oraclelinux10'),
  ...both('suse', 'sles', 'sles10', 'sles11', 'sles12'), ...only64('sles15', 'sles16'),
  ...both('mandrake', 'mandriva', 'turbolinux', 'ubuntu'),
  ...both('debian4', 'debian5', 'debian6', 'debian7', 'debian8', 'debian9', 'debian10', 'debian11'),
  ...both('debian12', 'debian13'),
  ...both('asianux3', 'asianux4'), ...only64('asianux5', 'asianux7', 'asianux8', 'asianux9'),
  'nld9', 'oes', 'sjds', ...both('opensuse', 'fedora'), 'coreos-64', 'vmware-photon-64',
  ...only64('amazonlinux2', 'amazonlinux3', 'rockylinux', 'almalinux'), 'CRXPod1-64', 'CRXSys1-64',
  // added with VCF 9 (ProLinux, FusionOS, Kylin, Miracle Linux) and after
  ...only64('miraclelinux', 'pardus', 'fusionos', 'prolinux', 'kylinlinux', 'flatcar'),
  ...both('other24xlinux', 'other26xlinux', 'other3xlinux', 'other4xlinux', 'other5xlinux', 'other6xlinux', 'other7xlinux'),
  'linux', ...both('otherlinux'), 'genericlinux',
];

const UNIX = [
  'netware4', 'netware5', 'netware6',
  'solaris6', 'solaris7', 'solaris8', 'solaris9', 'solaris10', 'solaris10-64', 'solaris11-64',
  // Workstation writes FreeBSD ids in lower case (guest_os_tables.h spells them `freeBSD`).
  ...both('freebsd', 'freebsd11', 'freebsd12', 'freebsd13', 'freebsd14', 'freebsd15'),
  'openserver5', 'openserver6', 'unixware7',
];

const MACOS = [
  ...both('darwin', 'darwin10', 'darwin11'),
  ...only64(...Array.from({length: 12}, (_, i) => `darwin${12 + i}`)), // darwin12-64 … darwin23-64
];

/** ESX/ESXi as a guest: all 64-bit, and all hypervisors. */
const VMKERNEL = ['vmkernel', 'vmkernel5', 'vmkernel6', 'vmkernel65', 'vmkernel7', 'vmkernel8', 'vmkernel9'];

/**
 * Arm guests: the header lists them as guest types (`GUEST_OS_*_ARM_64`) but not in the key map;
 * the vmx id is "arm-" + the x86 id (seen in real files). The ids of the second line follow that
 * rule for the header's newer Arm types (medium confidence).
 */
const ARM = [
  'arm-windows11-64', 'arm-ubuntu-64', 'arm-debian11-64', 'arm-debian12-64', 'arm-rhel9-64',
  'arm-fedora-64', 'arm-opensuse-64', 'arm-sles15-64', 'arm-oraclelinux9-64', 'arm-rockylinux-64',
  'arm-almalinux-64', 'arm-other5xlinux-64', 'arm-other6xlinux-64', 'arm-freebsd13-64',
  'arm-freebsd14-64', 'arm-vmkernel7', 'arm-vmkernel8', 'arm-other-64',
  'arm-vmkernel9', 'arm-windows10-64', 'arm-windows12-64', 'arm-rhel10-64', 'arm-freebsd15-64', 'arm-other7xlinux-64',
  'arm-vmware-photon-64',
];

// `otherGuest` / `otherGuest64` are vSphere API keys, not .vmx ids: the .vmx says `other` / `other-64`
const OTHER = ['dos', 'os2', 'os2experimental', 'eComStation', 'eComStation2', 'other', 'other-64'];

/** Every known guestOS id, in VMware's spelling. */
export const GUEST_OS_IDS: readonly string[] = Object.freeze([
  ...WINDOWS, ...WINDOWS_EDITIONS, ...LINUX, ...UNIX, ...MACOS, ...VMKERNEL, ...ARM, ...OTHER,
]);

const BY_LOWER = new Map(GUEST_OS_IDS.map((id) => [id.toLowerCase(), id]));

/**
 * Names people write for products whose VMware id is not the obvious one (Windows 10 is
 * `windows9`); `nearestGuestOs` offers these before any edit-distance guess.
 */
export const GUEST_OS_HINTS: Readonly<Record<string, string>> = Object.freeze({
  'windows10': 'windows9',
  'windows10-64': 'windows9-64',
  'windows2016srv-64': 'windows9srv-64',
  'windows2012srv-64': 'windows8srv-64',
  'windows2008r2-64': 'windows7srv-64',
  'windows2022srv-64': 'windows2019srvNext-64',
  'windows2025srv-64': 'windows2022srvNext-64',
  'windows11': 'windows11-64', // Windows 11 has no 32-bit edition
  // the vSphere API's names (`otherGuest`, `otherGuest64`) are not .vmx ids
  'otherguest': 'other',
  'otherguest-64': 'other-64',
  'otherguest64': 'other-64',
});

const norm = (id: string) => id.trim().toLowerCase();

/** Whether `id` is a known guestOS id (case-insensitive). */
export function isKnownGuestOs(id: string): boolean {
  return BY_LOWER.has(norm(id));
}

/** VMware's spelling of a known id (`WINXPPRO` → `winXPPro`). */
export function canonicalGuestOs(id: string): string | undefined {
  return BY_LOWER.get(norm(id));
}

/** Whether the guest is a hypervisor (`vmkernel*`, `arm-vmkernel*`, `winHyperV`): a likely outer VM. */
export function isHypervisorGuest(id: string): boolean {
  const v = norm(id);
  return v.startsWith('vmkernel') || v.startsWith('arm-vmkernel') || v === 'winhyperv';
}

/**
 * The guest's bitness: `'64'` for an id ending in `-64`, any `vmkernel*`, `winHyperV` or `arm-*`
 * (known or not: the spelling says so), `'32'` for any other known id, `'unknown'` otherwise.
 */
export function guestBitness(id: string): '32' | '64' | 'unknown' {
  const v = norm(id);
  if (v === '') return 'unknown';
  if (v.endsWith('-64') || v.startsWith('arm-') || isHypervisorGuest(v)) return '64';
  return BY_LOWER.has(v) ? '32' : 'unknown';
}

/** An id with each run of digits replaced by `#`: `debian13-64` → `debian#-#`. */
const shape = (id: string) => norm(id).replace(/\d+/g, '#');
const SHAPES = new Set(GUEST_OS_IDS.map(shape));

/**
 * Whether an unknown id has the form of a known family with another version number
 * (`debian14-64`, `darwin24-64`, `rhel10-64`): most likely an id of a VMware release newer than
 * this table, not a typo. False for a known id.
 */
export function looksLikeNewerGuestOs(id: string): boolean {
  const v = norm(id);
  // `ubuntu-32` is no newer release (VMware writes 32-bit ids without a suffix), nor `ubuntu-46` (a transposition)
  return !BY_LOWER.has(v) && SHAPES.has(shape(v)) && !v.endsWith('-32') && transposed(v) === undefined;
}

/** The digits of an id, sorted: `ubuntu-46` and `ubuntu-64` share `46`. */
const digitsOf = (id: string) => [...id.replace(/\D/g, '')].sort().join('');

/** The one known id of the same shape whose digits are the same ones in another order (`ubuntu-46` → `ubuntu-64`). */
function transposed(v: string): string | undefined {
  const d = digitsOf(v);
  if (d.length < 2) return undefined;
  const s = shape(v);
  const found = GUEST_OS_IDS.filter((g) => shape(g) === s && digitsOf(g) === d && g.toLowerCase() !== v);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * A known id to suggest for an unknown one: first the product-name hints above
 * (`windows10-64` → `windows9-64`), then the unique nearest id within typo distance
 * (`ubuntu64` → `ubuntu-64`), unless the two differ only in their numbers (`debian14-64` is not
 * a typo of `debian13-64`: see `looksLikeNewerGuestOs`). `undefined` for a known id or when
 * nothing is close.
 */
export function nearestGuestOs(id: string): string | undefined {
  const v = norm(id);
  if (BY_LOWER.has(v)) return undefined;
  const hint = GUEST_OS_HINTS[v];
  if (hint) return hint;
  // VMware writes a 32-bit id without a suffix: `ubuntu-32` means `ubuntu`
  if (v.endsWith('-32') && BY_LOWER.has(v.slice(0, -3))) return BY_LOWER.get(v.slice(0, -3));
  const swapped = transposed(v);
  if (swapped) return swapped;
  const found = nearest(v, GUEST_OS_IDS.map((g) => [g, g] as const));
  return found !== undefined && shape(found) === shape(v) ? undefined : found;
}
