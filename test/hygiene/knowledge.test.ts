/** The knowledge-table lookups the hygiene rules depend on (guest-os.ts, keys.ts, hardware.ts). */
import {describe, expect, it} from '@jest/globals';
import {GUEST_OS_IDS, guestBitness, looksLikeNewerGuestOs, nearestGuestOs} from '../../src/knowledge/guest-os.js';
import {HW_VERSIONS, isKnownHwVersion} from '../../src/knowledge/hardware.js';
import {lookupKey, nearestKey} from '../../src/knowledge/keys.js';

describe('guest OS ids', () => {
  it('tells a newer release\'s id from a typo', () => {
    for (const id of ['debian14-64', 'darwin24-64', 'rhel11-64', 'freebsd16-64', 'vmkernel10']) {
      expect([id, looksLikeNewerGuestOs(id), nearestGuestOs(id)]).toEqual([id, true, undefined]);
    }
    expect(looksLikeNewerGuestOs('debian13-64')).toBe(false); // known
    expect(looksLikeNewerGuestOs('ubuntu64')).toBe(false);
    expect(nearestGuestOs('rhel7_64')).toBe('rhel7-64');
    // point 12: `-32` and transposed digits are typos, not newer releases
    expect([looksLikeNewerGuestOs('ubuntu-32'), nearestGuestOs('ubuntu-32')]).toEqual([false, 'ubuntu']);
    expect([looksLikeNewerGuestOs('ubuntu-46'), nearestGuestOs('ubuntu-46')]).toEqual([false, 'ubuntu-64']);
    expect(nearestGuestOs('rhel-46')).toBeUndefined();
  });

  it('point 12: the ids open-vm-tools added (RHEL 10, Oracle Linux 10, Linux 7.x, FreeBSD 15, VCF 9 distributions, Arm ESX 9)', () => {
    const added = ['rhel10-64', 'oraclelinux10-64', 'other7xlinux', 'other7xlinux-64', 'freeBSD15-64', 'freeBSD15', 'CRXSys1-64', 'kylinlinux-64',
      'prolinux-64', 'fusionos-64', 'miraclelinux-64', 'pardus-64', 'flatcar-64', 'arm-vmkernel9', 'arm-rhel10-64'];
    for (const id of added) expect([id, GUEST_OS_IDS.some((g) => g.toLowerCase() === id.toLowerCase())]).toEqual([id, true]);
    // the vSphere API's otherGuest is not a .vmx id: the .vmx says `other`
    expect(GUEST_OS_IDS.some((g) => g.toLowerCase().startsWith('otherguest'))).toBe(false);
    expect(nearestGuestOs('otherGuest')).toBe('other');
    expect(nearestGuestOs('otherGuest64')).toBe('other-64');
    expect([guestBitness('arm-vmkernel9'), guestBitness('other7xlinux'), guestBitness('other7xlinux-64')]).toEqual(['64', '32', '64']);
  });

  it('maps names VMware does not write to its ids', () => {
    expect(nearestGuestOs('ubuntu-32')).toBe('ubuntu');
    expect(nearestGuestOs('windows11')).toBe('windows11-64');
    expect(nearestGuestOs('windows2016srv-64')).toBe('windows9srv-64');
  });

  it('knows every vmx key of open-vm-tools\' GUEST_OS_KEY_MAP that real files use, in any case', () => {
    for (const id of ['winXPPro', 'freeBSD-64', 'FREEBSD13-64', 'CRXPod1-64', 'vmkernel65', 'darwin21-64', 'sles16-64']) {
      expect([id, guestBitness(id)]).not.toEqual([id, 'unknown']);
    }
    expect(GUEST_OS_IDS.length).toBeGreaterThan(200);
  });
});

describe('hardware versions', () => {
  it('every row but 5 is a version some product uses', () => {
    expect(HW_VERSIONS.filter((h) => !isKnownHwVersion(h.version)).map((h) => h.version)).toEqual([5]);
  });
});

describe('well-known keys', () => {
  it('knows Workstation/Fusion booleans beyond the corpus', () => {
    for (const key of ['devices.hotplug', 'msg.noOK', 'gui.exitAtPowerOff', 'mks.enableVulkanRenderer', 'acpi.smbiosVersion2.7']) {
      expect([key, lookupKey(key)?.type]).toEqual([key, 'boolean']);
    }
    expect(lookupKey('usb.autoConnect.device0')?.type).toBe('string');
  });

  it('does not take them for typos of each other', () => {
    for (const key of ['devices.hotplug', 'gui.exitAtPowerOff', 'gui.powerOnAtStartup', 'snapshot.mode', 'smc.version']) {
      expect([key, nearestKey(key)]).toEqual([key, undefined]);
    }
  });
});
