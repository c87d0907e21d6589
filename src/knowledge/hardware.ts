/**
 * `virtualHW.version` values and the products that introduced each.
 *
 * Source: VMware KB 1003746 ("Virtual machine hardware versions"), as summarised in
 * ../shared/vmx-syntax.md ("virtualHW.version and products"). Desktop products from version 11
 * on are marked unverified there, and here.
 */

export interface HwVersionInfo {
  version: number;
  /** False only for 5, which no product ever used. */
  valid: boolean;
  /** The server product that introduced it, or why none did. */
  server: string;
  /** The desktop products that write or first support it. */
  desktop: string[];
  /** Whether the desktop column is confirmed (the source marks later ones "unverified"). */
  desktopVerified: boolean;
  note?: string;
}

const row = (version: number, server: string, desktop: string[], desktopVerified = true, note?: string): HwVersionInfo =>
  note === undefined ? {version, valid: true, server, desktop, desktopVerified} : {version, valid: true, server, desktop, desktopVerified, note};

/** Every hardware version from 3 to the newest known, in order. */
export const HW_VERSIONS: readonly HwVersionInfo[] = Object.freeze([
  row(3, 'ESX 2.x', ['GSX 3.x', 'Workstation 4.x', 'Workstation 5.x']),
  row(4, 'ESX 3.0 / 3.5', ['Workstation 5.x', 'Fusion 1.x', 'Player 2.x', 'ACE 2.x']),
  {version: 5, valid: false, server: 'none', desktop: [], desktopVerified: true, note: 'No product uses hardware version 5: the value is invalid'},
  row(6, 'none (not on ESX)', ['Workstation 6.0']),
  row(7, 'ESX 4.0 / 4.1', ['Workstation 6.5', 'Workstation 7', 'Fusion 2.x', 'Fusion 3.x', 'Player 3.x', 'Server 2.x']),
  row(8, 'ESXi 5.0', ['Workstation 8', 'Fusion 4', 'Player 4']),
  row(9, 'ESXi 5.1', ['Workstation 9', 'Fusion 5', 'Player 5']),
  row(10, 'ESXi 5.5', ['Workstation 10', 'Fusion 6', 'Player 6']),
  row(11, 'ESXi 6.0', ['Workstation 11', 'Fusion 7'], false),
  row(12, 'none (not on ESXi)', ['Workstation 12', 'Fusion 8'], false),
  row(13, 'ESXi 6.5', []),
  row(14, 'ESXi 6.7', ['Workstation 14', 'Fusion 10'], false),
  row(15, 'ESXi 6.7 U2', []),
  row(16, 'none (not on ESXi)', ['Workstation 15', 'Fusion 11'], false),
  row(17, 'ESXi 7.0', []),
  row(18, 'ESXi 7.0 U1', ['Workstation 16', 'Fusion 12'], false),
  row(19, 'ESXi 7.0 U2', ['Workstation 16.2', 'Fusion 12.2'], false),
  row(20, 'ESXi 8.0', ['Workstation 17', 'Fusion 13'], false),
  row(21, 'ESXi 8.0 U2', ['Workstation 17.5', 'Fusion 13.5'], false),
  row(22, 'ESX 9.0', [], false, 'A 2026 Workstation file in the corpus has hardware version 22'),
]);

/** The newest hardware version in the table. */
export const MAX_KNOWN_HW_VERSION: number = HW_VERSIONS[HW_VERSIONS.length - 1].version;

const BY_VERSION = new Map(HW_VERSIONS.map((info) => [info.version, info]));

/** The table row for `n`, including the invalid 5; `undefined` for anything not in the table. */
export function hwVersionInfo(n: number): HwVersionInfo | undefined {
  return BY_VERSION.get(n);
}

/** Whether `n` is a hardware version some product uses (3, 4, 6 … 22; not 5). */
export function isKnownHwVersion(n: number): boolean {
  return BY_VERSION.get(n)?.valid === true;
}
