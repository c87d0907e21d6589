/**
 * Well-known .vmx keys, with VMware's spelling and the kind of value each takes.
 *
 * Sources: the keys VMware products write, as seen in real files (../shared/corpus, read for
 * names and value kinds only), VMware's documentation of .vmx options (vSphere/Workstation
 * docs, KB articles cited in ../shared/nested-vm-requirements.md) and open-vm-tools. The
 * list is not exhaustive: an unlisted key is "unknown", not wrong.
 *
 * Spelling: `#` in a key stands for a device index (`ethernet#.present` covers `ethernet0.present`,
 * `scsi#:#.present` covers `scsi0:1.present`); `*` at the end stands for any rest of the key in a
 * free-form namespace (`guestinfo.*`). Values of `enum` keys are those VMware writes, compared
 * case-insensitively; a value missing from a list is unusual, not necessarily wrong.
 */
import {nearestMatch} from './distance.js';

export type KeyType = 'boolean' | 'string' | 'number' | 'enum';
export interface KeyInfo {
  /** VMware's spelling, with `#` for an index and a final `*` for a free-form rest. */
  key: string;
  type: KeyType;
  /** For `enum` keys. */
  values?: string[];
}

const b = (...keys: string[]): KeyInfo[] => keys.map((key) => ({key, type: 'boolean'}));
const s = (...keys: string[]): KeyInfo[] => keys.map((key) => ({key, type: 'string'}));
const n = (...keys: string[]): KeyInfo[] => keys.map((key) => ({key, type: 'number'}));
const e = (key: string, values: string[]): KeyInfo => ({key, type: 'enum', values});
/** The same sub-keys under several prefixes. */
const under = (prefixes: string[], make: (p: string) => KeyInfo[]) => prefixes.flatMap(make);

const NESTED: KeyInfo[] = [
  ...b('monitor_control.vt32', 'monitor_control.enable_svm', 'monitor_control.restrict_backdoor', 'vmx.allowNested'),
  e('monitor.virtual_exec', ['automatic', 'hardware', 'software']),
  e('monitor.virtual_mmu', ['automatic', 'hardware', 'software']),
  ...b('vhv.enable', 'vhv.allow', 'vpmc.enable', 'vvtd.enable', 'hypervisor.cpuid.v0'),
  ...s('featMask.vm.hv.capable', 'featMask.*'),
  ...n('monitor.phys_bits_used'),
];

const GENERAL: KeyInfo[] = [
  ...s('.encoding', 'displayName', 'annotation', 'guestOS', 'guestOSAltName', 'nvram', 'extendedConfigFile'),
  ...s('vmxstats.filename', 'checkpoint.vmState', 'workingDir', 'sched.swap.derivedName', 'migrate.hostLog'),
  ...s('uuid.bios', 'uuid.location', 'vc.uuid', 'deploymentPlatform', 'keyboardAndMouseProfile', 'bios.bootOrder'),
  ...s('board-id', 'hw.model', 'smbios.assetTag', 'root-disk-uuid', 'viv.moid', 'vio.imageId', 'policy.vm.mvmtid'),
  ...s('encryption.keySafe', 'encryption.data', 'encryptedVM.guid', 'vtpm.ekCSR', 'vtpm.ekCRT', 'log.fileName'),
  ...s('sensor.location', 'sensor.accelerometer', 'gui.viewModeAtPowerOn', 'gui.lastPoweredViewMode', 'gui.stretchGuestMode'),
  ...s('mks.keyboardFilter', 'priority.grabbed', 'priority.ungrabbed', 'sharedFolder.option', 'replay.filename'),
  ...s('RemoteDisplay.vnc.password', 'RemoteDisplay.vnc.key', 'RemoteDisplay.vnc.keyMap', 'answer.msg.*', 'nvp.*', 'unity.*'),
  ...s('guestCPUID.*', 'hostCPUID.*', 'userCPUID.*', 'cpuid.*', 'cpuid.brandstring', 'vmotion.svga.*'),
  ...s('sched.cpu.max', 'sched.cpu.shares', 'sched.cpu.units', 'sched.cpu.affinity', 'sched.mem.shares'),
  ...s('guest.commands.sharedSecretLogin.*', 'ethernet#.dvs.*', 'ethernet#.opaqueNetwork.*'),
  ...n('config.version', 'virtualHW.version', 'memsize', 'numvcpus', 'cpuid.coresPerSocket', 'cpuid.coresPerSocket.cookie'),
  ...n('sched.cpu.min', 'sched.mem.min', 'sched.mem.max', 'sched.mem.minSize', 'MemTrimRate', 'log.keepOld', 'log.rotateSize'),
  ...n('numa.autosize.cookie', 'numa.autosize.vcpu.maxPerVirtualNode', 'bios.bootDelay', 'bios.bootRetry.delay'),
  ...n('vmotion.checkpointFBSize', 'vmotion.checkpointSVGAPrimarySize', 'vm.genid', 'vm.genidX', 'vm.createDate'),
  ...n('vm.lastPowerRequestTimestamp', 'rtc.diffFromUTC', 'sharedFolder.maxNum', 'RemoteDisplay.vnc.port', 'RemoteDisplay.maxConnections'),
  e('virtualHW.productCompatibility', ['hosted', 'esx']),
  e('firmware', ['bios', 'efi']),
  e('uuid.action', ['create', 'keep']),
  e('chipset.motherboardLayout', ['i440bx', 'acpi']),
  e('snapshot.action', ['keep', 'autoCommit', 'prompt']),
  e('migrate.encryptionMode', ['disabled', 'opportunistic', 'required']),
  e('ftcpt.ftEncryptionMode', ['ftEncryptionDisabled', 'ftEncryptionOpportunistic', 'ftEncryptionRequired']),
  e('sched.cpu.latencySensitivity', ['low', 'normal', 'medium', 'high']),
  e('vmx.encryptionType', ['partial', 'full']),
  ...['powerOff', 'powerOn', 'reset', 'suspend'].map((p) => e(`powerType.${p}`, ['soft', 'hard', 'default'])),
  ...b('cleanShutdown', 'softPowerOff', 'msg.autoAnswer', 'mem.hotadd', 'vcpu.hotadd', 'disk.EnableUUID', 'ctkEnabled'),
  ...b('uefi.secureBoot.enabled', 'chipset.onlineStandby', 'config.readOnly', 'snapshot.disabled', 'replay.supported'),
  ...b('logging', 'log.append', 'MemAllowAutoScaleDown', 'mainMem.useNamedFile', 'sched.mem.pshare.enable', 'sched.mem.pin'),
  ...b('board-id.reflectHost', 'hw.model.reflectHost', 'smbios.reflectHost', 'smbios.restrictSerialCharset'),
  ...b('bios.forceSetupOnce', 'evcCompatibilityMode', 'ulm.disableMitigations', 'messageBus.tunnelEnabled'),
  ...b('gui.exitOnCLIHLT', 'gui.fullscreenatpoweron', 'gui.enableStretchGuest', 'hints.hideAll', 'proxyApps.publishToHost'),
  ...b('hgfs.maprootshare', 'hgfs.linkrootshare', 'RemoteDisplay.vnc.enabled', 'disable_acceleration', 'inVMTeam'),
  ...b('applianceView.enabled', 'applianceView.showAtPowerOn', 'buslogic.noDriver', 'vmci.filter.enable'),
  ...s('applianceView.coverPage.author', 'applianceView.coverPage.name'),
  ...b('isolation.tools.copy.disable', 'isolation.tools.paste.disable', 'isolation.tools.dnd.disable'),
  ...b('isolation.tools.hgfs.disable', 'isolation.tools.setGUIOptions.enable', 'isolation.tools.diskShrink.disable'),
  ...b('isolation.tools.diskWiper.disable', 'isolation.device.connectable.disable', 'isolation.device.edit.disable'),
  ...b('isolation.*', 'time.synchronize.*'),
  // Written by Workstation/Fusion (and macOS guides) but not seen in ../shared/corpus; booleans
  // as VMware writes them ("TRUE"/"FALSE"), added so `boolean-values` and `key-spelling` know them.
  ...b('devices.hotplug', 'disk.locking', 'msg.noOK', 'gui.exitAtPowerOff', 'gui.powerOnAtStartup', 'gui.restricted'),
  ...b('gui.fitGuestUsingNativeDisplayResolution', 'keyboard.allowBothIRQs', 'mouse.vusb.useBasicMouse'),
  ...b('usb.generic.allowHID', 'usb.generic.allowLastHID', 'usb.mangleUsb3Speed', 'monitor.allowLegacyCPU'),
  ...b('mks.enableDX12Renderer', 'mks.enableVulkanRenderer', 'mks.gl.allowBlacklistedDrivers', 'vmx.scoreboard.enabled'),
  ...b('chipset.useAcpiBattery', 'chipset.useApmBattery', 'acpi.smbiosVersion2.7', 'acpi.mouseVMW0003'),
  ...b('debugStub.listen.guest32', 'debugStub.listen.guest64', 'debugStub.hideBreakpoints'),
  ...b('snapshot.redoNotWithParent', 'prefvmx.useRecommendedLockedMemSize'),
  ...s('managedVM.autoAddVTPM', 'bios.hddOrder', 'snapshot.mode', 'vmx.buildType', 'migrate.hostLogState', 'usb.autoConnect.*'),
  ...n('smc.version', 'snapshot.numRollingTiers', 'prefvmx.minVmMemPct', 'sched.mem.maxmemctl', 'migrate.migrationId'),
];

/** VMware Tools: configuration and the traces Tools leave (see the requirements doc, E30-3). */
const TOOLS: KeyInfo[] = [
  ...b('tools.syncTime', 'tools.remindInstall', 'tools.guest.desktop.autolock', 'tools.guestlib.enableHostInfo'),
  ...b('toolScripts.afterPowerOn', 'toolScripts.afterResume', 'toolScripts.beforePowerOff', 'toolScripts.beforeSuspend'),
  e('tools.upgrade.policy', ['manual', 'upgradeAtPowerCycle', 'useGlobal']),
  ...n('tools.setInfo.sizeLimit', 'toolsInstallManager.updateCounter', 'toolsInstallManager.lastInstallError'),
  ...s('guestInfo.detailed.data', 'guestOS.detailed.data', 'guestinfo.*', 'tools.capability.*', 'toolsInstallManager.*'),
];

const DISK_BUSES = ['ide#:#', 'scsi#:#', 'sata#:#', 'nvme#:#'];
const USB_PORTS = ['usb:#', 'usb_xhci:#', 'ehci:#'];

const DEVICES: KeyInfo[] = [
  // Disk controllers and their disks/drives.
  ...b('scsi#.present', 'sata#.present', 'nvme#.present'),
  e('scsi#.virtualDev', ['buslogic', 'lsilogic', 'lsisas1068', 'pvscsi']),
  e('scsi#.sharedBus', ['none', 'virtual', 'physical']),
  ...n('scsi#.pciSlotNumber', 'sata#.pciSlotNumber', 'nvme#.pciSlotNumber'),
  ...s('scsi#.sasWWID', 'nvme#.subnqnUUID'),
  ...under(DISK_BUSES, (p) => [
    ...b(`${p}.present`, `${p}.startConnected`, `${p}.autodetect`, `${p}.clientDevice`, `${p}.writeThrough`),
    ...b(`${p}.allowGuestConnectionControl`, `${p}.ctkEnabled`),
    ...s(`${p}.fileName`, `${p}.deviceType`, `${p}.mode`, `${p}.redo`, `sched.${p}.shares`, `sched.${p}.throughputCap`),
    ...n(`${p}.virtualSSD`),
  ]),
  // Network.
  ...b('ethernet#.present', 'ethernet#.startConnected', 'ethernet#.wakeOnPcktRcv', 'ethernet#.allowGuestConnectionControl'),
  ...b('ethernet#.uptCompatibility', 'ethernet#.linkStatePropagation.enable', 'ethernet#.checkMACAddress'),
  ...b('ethernet#.autoDetect', 'ethernet#.noPromisc'),
  e('ethernet#.virtualDev', ['vlance', 'vmxnet', 'vmxnet3', 'e1000', 'e1000e', 'vrdma']),
  e('ethernet#.connectionType', ['bridged', 'nat', 'hostonly', 'custom', 'pvn']),
  e('ethernet#.addressType', ['generated', 'static', 'vpx']),
  ...s('ethernet#.address', 'ethernet#.generatedAddress', 'ethernet#.networkName', 'ethernet#.vnet', 'ethernet#.pvnID'),
  ...s('ethernet#.displayName', 'ethernet#.bsdname', 'ethernet#.externalId', 'ethernet#.shares'),
  ...n('ethernet#.generatedAddressOffset', 'ethernet#.pciSlotNumber', 'ethernet#.features'),
  // USB.
  ...b('usb.present', 'ehci.present', 'usb_xhci.present', 'usb.generic.autoconnect', 'usb.vbluetooth.startConnected'),
  ...b('keyboard.vusb.enable', 'mouse.vusb.enable', 'touchscreen.vusb.present'),
  ...n('usb.pciSlotNumber', 'ehci.pciSlotNumber', 'usb_xhci.pciSlotNumber'),
  ...under(USB_PORTS, (p) => [...b(`${p}.present`), ...s(`${p}.deviceType`), ...n(`${p}.port`, `${p}.parent`, `${p}.speed`)]),
  // Serial, parallel, floppy.
  ...b('serial#.present', 'serial#.startConnected', 'serial#.autodetect', 'serial#.tryNoRxLoss', 'serial#.yieldOnMsrRead'),
  e('serial#.fileType', ['device', 'file', 'pipe', 'network', 'thinprint']),
  e('serial#.pipe.endPoint', ['client', 'server']),
  e('serial#.network.endPoint', ['client', 'server']),
  ...s('serial#.fileName', 'serial#.vspc'),
  ...b('parallel#.present', 'parallel#.startConnected', 'parallel#.bidirectional'),
  e('parallel#.fileType', ['device', 'file']),
  ...s('parallel#.fileName'),
  ...b('floppy#.present', 'floppy#.startConnected', 'floppy#.autodetect', 'floppy#.clientDevice'),
  e('floppy#.fileType', ['device', 'file']),
  ...s('floppy#.fileName'),
  // Sound, display, other devices.
  ...b('sound.present', 'sound.autoDetect', 'sound.startConnected'),
  e('sound.virtualDev', ['es1371', 'hdaudio', 'sb16']),
  ...s('sound.fileName'),
  ...n('sound.pciSlotNumber'),
  ...b('svga.present', 'svga.autodetect', 'svga.guestBackedPrimaryAware', 'mks.enable3d', 'mks.enableGLRenderer'),
  ...n('svga.vramSize', 'svga.graphicsMemoryKB', 'svga.maxWidth', 'svga.maxHeight', 'svga.numDisplays'),
  ...b('vmci#.present', 'vmci#.unrestricted', 'hpet#.present', 'pciBridge#.present', 'smc.present', 'ich7m.present', 'vtpm.present'),
  ...n('vmci#.id', 'vmci#.pciSlotNumber', 'pciBridge#.functions', 'pciBridge#.pciSlotNumber', 'pciBridge#.pxm', 'pciBridge#:#.pxm'),
  e('pciBridge#.virtualDev', ['pciRootBridge', 'pcieRootPort']),
  ...b('pciPassthru#.present'),
  ...b('sharedFolder#.present', 'sharedFolder#.enabled', 'sharedFolder#.readAccess', 'sharedFolder#.writeAccess'),
  ...s('sharedFolder#.hostPath', 'sharedFolder#.guestName', 'sharedFolder#.expiration'),
];

/** Every well-known key, in VMware's spelling. */
export const KNOWN_KEYS: readonly KeyInfo[] = Object.freeze([...NESTED, ...GENERAL, ...TOOLS, ...DEVICES]);

/* ---------------------------------------------------------------- lookups */

const isWild = (k: string) => k.endsWith('*');
const LITERAL = new Map<string, KeyInfo>();
const INDEXED = new Map<string, KeyInfo>();
for (const info of KNOWN_KEYS) {
  if (isWild(info.key)) continue;
  const table = info.key.includes('#') ? INDEXED : LITERAL;
  const k = info.key.toLowerCase();
  if (table.has(k)) throw new Error(`keys.ts: ${info.key} is listed twice`);
  table.set(k, info);
}
/** Free-form namespaces, longest prefix first; the prefix may itself contain `#`. */
const WILD = KNOWN_KEYS.filter((i) => isWild(i.key))
  .map((info) => ({info, prefix: info.key.slice(0, -1).toLowerCase()}))
  .sort((x, y) => y.prefix.length - x.prefix.length);

const LITERAL_CANDIDATES = [...LITERAL.values()].map((i) => [i.key, i.key] as const);
const INDEXED_CANDIDATES = [...INDEXED.values()].map((i) => [i.key, i.key] as const);

/** `ethernet0.present` → `ethernet#.present` (each run of digits is one index). */
const indexForm = (key: string) => key.replace(/\d+/g, '#');
/**
 * `lookupKey`'s answers by key as written (bounded). A plain object, not a Map: the tree's key index
 * has already looked each key of a file up as a property name, which makes this look-up cheap.
 */
const lookupCache: Record<string, KeyInfo | null> = Object.create(null);
let lookupCount = 0;

/**
 * What is known about a key, case-insensitively: a literal key first (`mks.enable3d`), then an
 * indexed pattern (`ETHERNET0.Present` → `ethernet#.present`), then a free-form namespace
 * (`guestinfo.anything` → `guestinfo.*`). `undefined` for an unknown key.
 */
export function lookupKey(key: string): KeyInfo | undefined {
  // the same few hundred keys recur in every file of a repository: remember the answers (bounded)
  const cached = lookupCache[key];
  if (cached !== undefined) return cached ?? undefined;
  const info = findKey(key);
  if (lookupCount < 50_000) {
    lookupCache[key] = info ?? null;
    lookupCount++;
  }
  return info;
}

function findKey(key: string): KeyInfo | undefined {
  const k = key.trim().toLowerCase();
  const indexed = indexForm(k);
  const found = LITERAL.get(k) ?? INDEXED.get(indexed);
  if (found) return found;
  return WILD.find((w) => {
    const form = w.prefix.includes('#') ? indexed : k;
    return form.length > w.prefix.length && form.startsWith(w.prefix);
  })?.info;
}

/** Put the digit runs of `from` into the `#` places of `pattern` (`undefined` if they do not fit). */
function fillIndexes(pattern: string, from: string): string | undefined {
  const digits = from.match(/\d+/g) ?? [];
  if (digits.length !== (pattern.match(/#/g) ?? []).length) return undefined;
  let i = 0;
  return pattern.replace(/#/g, () => digits[i++]);
}

/**
 * VMware's spelling of a known key with the file's indexes (`ETHERNET0.PRESENT` →
 * `ethernet0.present`); for a free-form namespace, the canonical prefix and the key's own rest.
 */
export function canonicalKey(key: string): string | undefined {
  const info = lookupKey(key);
  if (!info) return undefined;
  const k = key.trim();
  if (!isWild(info.key)) return info.key.includes('#') ? fillIndexes(info.key, k) : info.key;
  const prefix = info.key.slice(0, -1);
  const filled = prefix.includes('#') ? fillIndexes(prefix, k.slice(0, indexedPrefixLength(k, prefix))) : prefix;
  return filled === undefined ? undefined : filled + k.slice(indexedPrefixLength(k, prefix));
}

/** How many characters of `key` the wildcard prefix `prefix` (with `#` for digit runs) spans. */
function indexedPrefixLength(key: string, prefix: string): number {
  let i = 0;
  for (const c of prefix) {
    if (c === '#') while (i < key.length && /\d/.test(key[i])) i++;
    else i++;
  }
  return i;
}

const nearestCache: Record<string, string | null> = Object.create(null);
let nearestCount = 0;

/**
 * The known key a misspelt one most likely means (`monitor_control.vt23` → `monitor_control.vt32`,
 * `ethernet0.presnet` → `ethernet0.present`), in VMware's spelling with the key's own indexes.
 * `undefined` for a known key (whatever its case: a case-only difference is not a typo), when
 * no key is within a typo's distance, or when two are equally near.
 */
export function nearestKey(key: string): string | undefined {
  // a known key first, by the key as given: its answer is remembered (and usually just looked up by another rule)
  if (lookupKey(key)) return undefined;
  // the unknown keys of a repository recur too, and finding their nearest key is the costly part: remember it (bounded)
  const cached = nearestCache[key];
  if (cached !== undefined) return cached ?? undefined;
  const found = findNearestKey(key);
  if (nearestCount < 50_000) {
    nearestCache[key] = found ?? null;
    nearestCount++;
  }
  return found;
}

function findNearestKey(key: string): string | undefined {
  const k = key.trim().toLowerCase();
  if (k === '') return undefined;
  const literal = nearestMatch(k, LITERAL_CANDIDATES);
  const indexed = indexForm(k);
  // Patterns only for a key with indexes to put back (`ethernet.present` names no device).
  const pattern = indexed === k ? undefined : nearestMatch(indexed, INDEXED_CANDIDATES);
  if (literal && pattern) {
    if (literal.distance === pattern.distance) return undefined; // equally near both ways: ambiguous
    return literal.distance < pattern.distance ? literal.value : fillIndexes(pattern.value, k);
  }
  if (literal) return literal.value;
  return pattern ? fillIndexes(pattern.value, k) : undefined;
}
