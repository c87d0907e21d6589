/** The knowledge-table lookups the hygiene rules depend on (guest-os.ts, keys.ts, hardware.ts). */
import {describe, expect, it} from '@jest/globals';
import {GUEST_OS_IDS, guestBitness, looksLikeNewerGuestOs, nearestGuestOs} from '../../src/knowledge/guest-os.js';
import {HW_VERSIONS, isKnownHwVersion} from '../../src/knowledge/hardware.js';
import {lookupKey, nearestKey} from '../../src/knowledge/keys.js';

describe('guest OS ids', () => {
  it('tells a newer release\'s id from a typo', () => {
    for (const id of ['debian14-64', 'darwin24-64', 'rhel10-64', 'freebsd15-64', 'vmkernel10']) {
      expect([id, looksLikeNewerGuestOs(id), nearestGuestOs(id)]).toEqual([id, true, undefined]);
    }
    expect(looksLikeNewerGuestOs('debian13-64')).toBe(false); // known
    expect(looksLikeNewerGuestOs('ubuntu64')).toBe(false);
    expect(nearestGuestOs('rhel7_64')).toBe('rhel7-64');
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
